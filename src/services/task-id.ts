/**
 * Task identity: how a background job is named so that any gateway replica can find it again with
 * no gateway-local state.
 *
 * ## Job ids
 *
 * The gateway chooses the Aerospike job id (the scan's TASK_ID, `trid` in `query-show`) itself.
 * The official Node client takes it as a JS number, so it stays below 2^53:
 *
 * ```
 * job id = body (50 bits) << 3 | kind code (3 bits: 1 update, 2 delete, 3 touch, 4 udf)
 * ```
 *
 * `body` is random for jobs started without a caller-chosen id, and the first 50 bits of
 * SHA-256("aerogate.task/" + caller id) with one. A retried StartTask with the same caller id and
 * kind therefore names the same Aerospike job, and `query-show:id=<job id>` finds it.
 *
 * ## Task ids
 *
 * The `task_id` the gateway returns is `t1.` followed by base64url of
 *
 * ```
 * job id (u64 BE) | kind code (u8) | namespace length (u8) | namespace | set | check (4 bytes)
 * ```
 *
 * where `check` is the first 4 bytes of SHA-256 over the bytes before it. It is deterministic
 * (same job → same id, so a retry returns the same id) and self-describing: any replica decodes
 * namespace, set, kind and job id from it, then asks the cluster (`query-show`) for the state.
 *
 * ## Dropped versus never started
 *
 * The server forgets finished jobs (it keeps the last `query-max-done`, 100 by default). A
 * well-formed `t1.` id whose check matches is only ever handed out after the server accepted the
 * job, so when no node knows its job id any more the job ran and was dropped: COMPLETED. An id that
 * does not decode, or whose check fails, was never issued: NOT_FOUND. Limitation: the check is not
 * a secret MAC, so a hand-made id with a correct check for a job id that never ran also reads as
 * COMPLETED; and a raw caller-chosen id (not the `t1.` form) can only be resolved while the server
 * still lists the job (afterwards it is NOT_FOUND, because nothing records that it ran).
 */
import { createHash, randomBytes } from "node:crypto";

/** What a background job does to each record. */
export type TaskKindName = "update" | "delete" | "touch" | "udf";

/** The kind codes in the low bits of a job id and in the task id. */
export const KIND_CODES: Readonly<Record<TaskKindName, number>> = {
  update: 1,
  delete: 2,
  touch: 3,
  udf: 4,
};

const KIND_BY_CODE: ReadonlyMap<number, TaskKindName> = new Map(
  (Object.entries(KIND_CODES) as [TaskKindName, number][]).map(([k, c]) => [c, k]),
);

/** The prefix of every gateway-issued task id (version 1 of the format). */
export const TASK_ID_PREFIX = "t1.";

/** Largest job id the Node client can carry (a JS safe integer). */
export const MAX_JOB_ID = (1n << 53n) - 1n;

const BODY_BITS = 50n;
const BODY_MASK = (1n << BODY_BITS) - 1n;
const CHECK_BYTES = 4;

/** Everything a task id names: where the job runs, what it does and its Aerospike job id. */
export interface TaskRef {
  readonly namespace: string;
  readonly set: string;
  readonly kind: TaskKindName;
  readonly jobId: bigint;
}

/** Builds a job id from a 50-bit body and a kind. */
export function jobIdFrom(body: bigint, kind: TaskKindName): bigint {
  return ((body & BODY_MASK) << 3n) | BigInt(KIND_CODES[kind]);
}

/** A fresh random job id for a job of `kind`. */
export function randomJobId(
  kind: TaskKindName,
  random: () => Uint8Array = () => randomBytes(8),
): bigint {
  return jobIdFrom(bytesToBigInt(random()), kind);
}

/** The job id a caller-chosen task id maps to, for a job of `kind` (deterministic). */
export function jobIdForCallerId(callerId: string, kind: TaskKindName): bigint {
  const digest = createHash("sha256").update(`aerogate.task/${callerId}`, "utf8").digest();
  return jobIdFrom(bytesToBigInt(digest.subarray(0, 8)) >> 14n, kind);
}

/** The kind a job id's low bits name, or undefined when they name none (a job not started here). */
export function kindOfJobId(jobId: bigint): TaskKindName | undefined {
  return KIND_BY_CODE.get(Number(jobId & 7n));
}

/** Encodes a task reference as its `t1.` task id. */
export function encodeTaskId(ref: TaskRef): string {
  const ns = Buffer.from(ref.namespace, "utf8");
  const set = Buffer.from(ref.set, "utf8");
  if (ns.length > 255) throw new RangeError("namespace longer than 255 bytes");
  const head = Buffer.alloc(10);
  head.writeBigUInt64BE(ref.jobId, 0);
  head.writeUInt8(KIND_CODES[ref.kind], 8);
  head.writeUInt8(ns.length, 9);
  const body = Buffer.concat([head, ns, set]);
  return TASK_ID_PREFIX + Buffer.concat([body, check(body)]).toString("base64url");
}

/** Decodes a `t1.` task id; undefined when it is not one or its check does not match. */
export function decodeTaskId(id: string): TaskRef | undefined {
  if (!id.startsWith(TASK_ID_PREFIX)) return undefined;
  const text = id.slice(TASK_ID_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64url");
  if (bytes.toString("base64url") !== text || bytes.length < 10 + CHECK_BYTES) return undefined;
  const body = bytes.subarray(0, bytes.length - CHECK_BYTES);
  if (!check(body).equals(bytes.subarray(bytes.length - CHECK_BYTES))) return undefined;
  const jobId = body.readBigUInt64BE(0);
  const kind = KIND_BY_CODE.get(body.readUInt8(8));
  const nsLength = body.readUInt8(9);
  if (kind === undefined || 10 + nsLength > body.length || jobId === 0n) {
    return undefined;
  }
  return {
    jobId,
    kind,
    namespace: body.subarray(10, 10 + nsLength).toString("utf8"),
    set: body.subarray(10 + nsLength).toString("utf8"),
  };
}

/** Longest caller-chosen task id accepted, in characters. */
export const MAX_CALLER_ID_LENGTH = 256;

/** Why a caller-chosen task id is not acceptable, or undefined when it is. */
export function callerIdProblem(id: string): string | undefined {
  if (id.length > MAX_CALLER_ID_LENGTH) {
    return `a task id is at most ${MAX_CALLER_ID_LENGTH} characters`;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is rejected.
  if (/[\u0000-\u001f\u007f]/.test(id)) return "a task id must not contain control characters";
  return undefined;
}

function check(body: Uint8Array): Buffer {
  return createHash("sha256").update(body).digest().subarray(0, CHECK_BYTES);
}

function bytesToBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes.subarray(0, 8)) n = (n << 8n) | BigInt(b);
  return n;
}

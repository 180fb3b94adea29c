import Aerospike from "aerospike";
import type { AsValue, Op } from "../mapping/model.js";
import type { CompiledExpression } from "./expressions.js";
import { call } from "./failure.js";
import { infoAllNodes } from "./info-nodes.js";
import { type JobStatus, mergeJobInfo, type NodeJobInfo, parseJobList } from "./job-show.js";
import { planOperations } from "./operations.js";
import { toClientValue } from "./values.js";

/** The aerospike client instance the gateway talks through. */
type AerospikeClient = InstanceType<typeof Aerospike.Client>;

/** What a background job does to each record. */
export type JobAction =
  | { readonly kind: "update"; readonly ops: readonly Op[] }
  | { readonly kind: "delete" }
  | { readonly kind: "touch"; readonly ttl: number }
  | {
      readonly kind: "udf";
      readonly module: string;
      readonly function: string;
      readonly args: readonly AsValue[];
    };

/** A background job to start: where, what, how fast and with which write settings. */
export interface JobSpec {
  readonly namespace: string;
  /** Empty for the whole namespace. */
  readonly set: string;
  readonly action: JobAction;
  readonly filter: CompiledExpression | undefined;
  /** 0 = unthrottled. */
  readonly recordsPerSecond: number;
  /** Client TTL for the records the job writes; undefined = namespace default. */
  readonly ttl: number | undefined;
  readonly durableDelete: boolean;
  /** The job id to register the job under (see services/task-id.ts). */
  readonly jobId: bigint;
}

/** The background-scan calls, with loose argument types (the typings omit the job id and raw policies). */
interface LooseScan {
  ttl?: number;
  operate(ops: unknown, policy: unknown, scanId: number): Promise<unknown>;
  background(
    module: string,
    fn: string,
    args: unknown,
    policy: unknown,
    scanId: number,
  ): Promise<unknown>;
}

/**
 * Starts a background job (a background scan over the namespace/set) and resolves once the
 * server accepted it. Update jobs send the planned write operations; delete a record delete;
 * touch a touch with the TTL; UDF jobs the module, function and arguments. Rejects with the
 * server's result code (e.g. 4 for an operation it does not run in the background).
 */
export async function startJob(
  client: AerospikeClient,
  spec: JobSpec,
  totalTimeoutMs: number,
): Promise<void> {
  const scan = client.scan(
    spec.namespace,
    spec.set === "" ? (null as never) : spec.set,
  ) as unknown as LooseScan;
  if (spec.ttl !== undefined) scan.ttl = spec.ttl;
  const policy = {
    totalTimeout: totalTimeoutMs,
    socketTimeout: totalTimeoutMs,
    // Re-sending a job start could start it twice; the caller retries with its task id instead.
    maxRetries: 0,
    ...(spec.recordsPerSecond > 0 ? { recordsPerSecond: spec.recordsPerSecond } : {}),
    ...(spec.durableDelete ? { durableDelete: true } : {}),
    ...(spec.filter === undefined ? {} : { filterExpression: spec.filter.exp }),
  };
  const scanId = Number(spec.jobId);
  const a = spec.action;
  switch (a.kind) {
    case "udf":
      await call(() =>
        scan.background(a.module, a.function, a.args.map(toClientValue), policy, scanId),
      );
      return;
    case "update":
      await call(() =>
        scan.operate(planOperations(a.ops, "update.operations", spec.ttl).ops, policy, scanId),
      );
      return;
    case "delete":
      await call(() => scan.operate([Aerospike.operations.delete()], policy, scanId));
      return;
    case "touch":
      await call(() => scan.operate([Aerospike.operations.touch(a.ttl)], policy, scanId));
      return;
  }
}

/** A job as the cluster reports it: the nodes' raw views and the merged status. */
export interface JobReport {
  readonly jobId: bigint;
  readonly parts: readonly NodeJobInfo[];
  readonly status: JobStatus;
}

/**
 * Asks every node for one job (`query-show:id=<job id>`). Resolves undefined when no node knows
 * it (never started, or finished and dropped); rejects when a node fails otherwise.
 */
export async function showJob(
  client: AerospikeClient,
  jobId: bigint,
  timeoutMs: number,
  nowMs: () => number = Date.now,
): Promise<JobReport | undefined> {
  const answers = await infoAllNodes(client, `query-show:id=${jobId}`, timeoutMs);
  const parts: NodeJobInfo[] = [];
  for (const a of answers) {
    if (!a.ok) {
      if (a.failure.code === 2) continue;
      throw a.failure;
    }
    parts.push(...parseJobList(a.value).filter((j) => j.jobId === jobId));
  }
  if (parts.length === 0) return undefined;
  return { jobId, parts, status: mergeJobInfo(parts, nowMs()) };
}

/** Lists every job the nodes report (`query-show`), merged per job id. */
export async function listJobs(
  client: AerospikeClient,
  timeoutMs: number,
  nowMs: () => number = Date.now,
): Promise<JobReport[]> {
  const answers = await infoAllNodes(client, "query-show", timeoutMs);
  const byId = new Map<bigint, NodeJobInfo[]>();
  for (const a of answers) {
    if (!a.ok) throw a.failure;
    for (const j of parseJobList(a.value)) {
      const list = byId.get(j.jobId) ?? [];
      list.push(j);
      byId.set(j.jobId, list);
    }
  }
  const now = nowMs();
  return [...byId].map(([jobId, parts]) => ({ jobId, parts, status: mergeJobInfo(parts, now) }));
}

/**
 * Aborts a job on every node (`query-abort:id=<job id>`). Resolves with whether any node was
 * still running it; nodes where it is not active (finished or unknown) are not an error.
 */
export async function abortJob(
  client: AerospikeClient,
  jobId: bigint,
  timeoutMs: number,
): Promise<boolean> {
  const answers = await infoAllNodes(client, `query-abort:id=${jobId}`, timeoutMs);
  let aborted = false;
  for (const a of answers) {
    if (a.ok) aborted = true;
    else if (a.failure.code !== 2) throw a.failure;
  }
  return aborted;
}

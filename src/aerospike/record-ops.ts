import Aerospike from "aerospike";
import { FieldError } from "../mapping/field-error.js";
import type {
  AsValue,
  ExistsMode,
  Op,
  RecordData,
  RecordKey,
  WriteSettings,
} from "../mapping/model.js";
import type { CompiledExpression } from "./expressions.js";
import { AerospikeFailure, call } from "./failure.js";
import { type OperationPlan, planOperations } from "./operations.js";
import { basePolicy, type CommandTimeouts, writePolicyFields } from "./policies.js";
import {
  probedTypes,
  probeHints,
  readAllWithProbeOps,
  splitProbed,
  typeProbeOps,
} from "./type-probe.js";
import { fromClientValue, needsParticleType, toClientKey } from "./values.js";

/** The aerospike client instance the gateway talks through. */
export type AerospikeClient = InstanceType<typeof Aerospike.Client>;

const { operations } = Aerospike;

/**
 * The client methods the gateway uses, with loose argument types: the package's typings do not
 * admit the raw expression arrays, plain policy objects and null metadata the binding accepts.
 */
export interface LooseClient {
  get(key: unknown, policy?: unknown): Promise<unknown>;
  existsWithMetadata(key: unknown, policy?: unknown): Promise<unknown>;
  operate(key: unknown, ops: unknown, metadata: unknown, policy: unknown): Promise<unknown>;
  remove(key: unknown, policy?: unknown): Promise<unknown>;
  apply(key: unknown, udf: unknown, policy?: unknown): Promise<unknown>;
  batchRead(records: unknown, policy?: unknown): Promise<unknown>;
  batchWrite(records: unknown, policy?: unknown): Promise<unknown>;
}

/** Views the client through {@link LooseClient}. */
export function loose(client: AerospikeClient): LooseClient {
  return client as unknown as LooseClient;
}

/** The record shape the client resolves with. */
interface ClientRecord {
  bins?: Record<string, unknown> | null;
  gen?: number | null;
  ttl?: number | null;
}

/** How many times an all-bins read retries when the record changes between read and type probe. */
const PROBE_ATTEMPTS = 3;

/** Options of a single-record read. */
export interface ReadOptions {
  /** Bins to read; empty or undefined reads all bins. */
  readonly bins?: readonly string[];
  readonly headersOnly?: boolean;
  readonly filter?: CompiledExpression;
}

function toRecordData(r: ClientRecord, bins: ReadonlyMap<string, AsValue>): RecordData {
  return { bins, generation: r.gen ?? 0, ttl: r.ttl ?? -1 };
}

/**
 * Reads one record exactly. Named bins are read with their particle types in one command
 * (see {@link planOperations}). All-bins reads fetch the record together with the particle types
 * of the bins the set is known to hold ambiguous values in ({@link probeHints}); only bins the
 * hint misses (an integral number, JSON object text or a msgpack-looking buffer, whose type the
 * client hides) are probed in a second command, checking the generation did not move (else the
 * read starts again). Missing or filtered records reject with the server's code (2, 27).
 */
export async function readRecord(
  client: AerospikeClient,
  key: RecordKey,
  t: CommandTimeouts,
  opts: ReadOptions,
): Promise<RecordData> {
  const k = toClientKey(key);
  const policy = basePolicy(t, opts.filter, false);
  if (opts.headersOnly) {
    const r = (await call(() => loose(client).existsWithMetadata(k, policy))) as ClientRecord;
    if (r.gen === null || r.gen === undefined) {
      throw new AerospikeFailure(2, "record not found", false);
    }
    return toRecordData(r, new Map());
  }
  if (opts.bins !== undefined && opts.bins.length > 0) {
    const plan = planOperations(
      opts.bins.map((bin): Op => ({ op: "read", bin })),
      "bins",
      undefined,
    );
    const r = (await call(() => loose(client).operate(k, plan.ops, null, policy))) as ClientRecord;
    return toRecordData(r, planBins(plan, r.bins ?? {}));
  }
  for (let attempt = 1; ; attempt++) {
    const hinted = probeHints.binsOf(key.namespace, key.set);
    const r = (await call(() =>
      hinted.length > 0
        ? loose(client).operate(k, readAllWithProbeOps(hinted), null, policy)
        : loose(client).get(k, policy),
    )) as ClientRecord;
    const { bins, particles, unresolved } = allBinsAnswer(key, hinted, r.bins ?? {});
    if (unresolved.length === 0) return toRecordData(r, decodeBins(bins, particles));
    const types = await probeParticleTypes(client, k, unresolved, t);
    if (types.generation === r.gen || attempt >= PROBE_ATTEMPTS) {
      if (types.generation !== r.gen) {
        throw new AerospikeFailure(14, "record kept changing while its bin types were read", false);
      }
      return toRecordData(r, decodeBins(bins, { ...particles, ...types.particles }));
    }
  }
}

/** An all-bins read's bins, the particle types probed with it, and the ambiguous bins left. */
export interface AllBinsRead {
  readonly bins: Record<string, unknown>;
  readonly particles: Record<string, number>;
  readonly unresolved: readonly string[];
}

/**
 * Splits what an all-bins read (with probes of the `hinted` bins, if any) returned, teaches the
 * hints the set's ambiguous bins, and lists those the read did not resolve.
 */
export function allBinsAnswer(
  key: RecordKey,
  hinted: readonly string[],
  raw: Readonly<Record<string, unknown>>,
): AllBinsRead {
  const { bins, particles } =
    hinted.length > 0 ? splitProbed(hinted, raw) : { bins: { ...raw }, particles: {} };
  const ambiguous = Object.keys(bins).filter((b) => needsParticleType(bins[b]));
  if (ambiguous.length > 0) probeHints.learn(key.namespace, key.set, ambiguous);
  return { bins, particles, unresolved: ambiguous.filter((b) => particles[b] === undefined) };
}

/** Reads the particle types of some bins in one command, with the record's generation. */
export async function probeParticleTypes(
  client: AerospikeClient,
  k: InstanceType<typeof Aerospike.Key>,
  bins: readonly string[],
  t: CommandTimeouts,
): Promise<{ particles: Record<string, number>; generation: number | undefined }> {
  const r = (await call(() =>
    loose(client).operate(k, typeProbeOps(bins), null, basePolicy(t, undefined, false)),
  )) as ClientRecord;
  return { particles: probedTypes(bins, r.bins ?? {}), generation: r.gen ?? undefined };
}

/** Decodes a bins object with known particle types (bins absent from `particles` decode untyped). */
export function decodeBins(
  bins: Readonly<Record<string, unknown>>,
  particles: Readonly<Record<string, number>>,
): Map<string, AsValue> {
  const out = new Map<string, AsValue>();
  for (const [name, js] of Object.entries(bins))
    out.set(name, fromClientValue(js, particles[name]));
  return out;
}

/** The bins a plan's `get` operations read, by name (a later read of a bin wins). */
export function planBins(
  plan: OperationPlan,
  bins: Readonly<Record<string, unknown>>,
): Map<string, AsValue> {
  const out = new Map<string, AsValue>();
  plan.readBins.forEach((bin, i) => {
    const v = plan.decoders[i]?.(bins);
    if (bin !== undefined && v !== undefined && v.type !== "nil") out.set(bin, v);
  });
  return out;
}

/** The positional results of a plan; operations without a result give undefined. */
export function planResults(
  plan: OperationPlan,
  bins: Readonly<Record<string, unknown>>,
): (AsValue | undefined)[] {
  return plan.decoders.map((d) => d?.(bins));
}

/** Reports whether a record exists, with its metadata; filtered-out records do not exist. */
export async function recordExists(
  client: AerospikeClient,
  key: RecordKey,
  t: CommandTimeouts,
  filter: CompiledExpression | undefined,
): Promise<RecordData | undefined> {
  try {
    return await readRecord(client, key, t, { headersOnly: true, ...(filter ? { filter } : {}) });
  } catch (e) {
    if (e instanceof AerospikeFailure && (e.code === 2 || e.code === 27)) return undefined;
    throw e;
  }
}

/** Outcome of an operate: record metadata, the bins read, positional results. */
export interface OperateOutcome {
  readonly record: RecordData;
  readonly results: (AsValue | undefined)[];
}

/** Options of a single-record write or operate. */
export interface WriteOptions {
  readonly exists: ExistsMode | undefined;
  readonly settings: WriteSettings;
  readonly filter: CompiledExpression | undefined;
}

// operate takes the TTL and the expected generation from its metadata argument, not the policy.
function metadata(w: WriteSettings): Record<string, unknown> | null {
  if (w.ttl === undefined && w.expectedGeneration === undefined) return null;
  return {
    ...(w.ttl === undefined ? {} : { ttl: w.ttl }),
    ...(w.expectedGeneration === undefined ? {} : { gen: w.expectedGeneration }),
  };
}

/** Runs an operation list on one record atomically and reads every result by position. */
export async function operateRecord(
  client: AerospikeClient,
  key: RecordKey,
  ops: readonly Op[],
  t: CommandTimeouts,
  w: WriteOptions,
  path = "operations",
): Promise<OperateOutcome> {
  const plan = planOperations(ops, path, w.settings.ttl);
  const isWrite = ops.some(
    (o) =>
      o.op !== "read" && o.op !== "expRead" && !o.op.startsWith("hllGet") && o.op !== "hllDescribe",
  );
  const policy = {
    ...basePolicy(t, w.filter, isWrite),
    ...writePolicyFields(w.settings, w.exists),
  };
  const r = (await call(() =>
    loose(client).operate(toClientKey(key), plan.ops, metadata(w.settings), policy),
  )) as ClientRecord;
  const bins = r.bins ?? {};
  return { record: toRecordData(r, planBins(plan, bins)), results: planResults(plan, bins) };
}

/** Writes bins (a null value removes the bin) and returns the record's metadata after the write. */
export async function putRecord(
  client: AerospikeClient,
  key: RecordKey,
  bins: ReadonlyMap<string, AsValue>,
  t: CommandTimeouts,
  w: WriteOptions,
): Promise<RecordData> {
  const replacing = w.exists === "replace" || w.exists === "replaceIfExists";
  // Replacing drops every bin not written, so a null (remove) bin is redundant there, and the
  // server rejects bin removals in a replace.
  const ops: Op[] = [...bins]
    .filter(([, value]) => !(replacing && value.type === "nil"))
    .map(([bin, value]) => ({ op: "write", bin, value }));
  if (ops.length === 0) {
    throw FieldError.of("bins", "a replace needs at least one bin with a value");
  }
  return (await operateRecord(client, key, ops, t, w, "bins")).record;
}

/** Resets a record's expiry and returns its metadata. */
export async function touchRecord(
  client: AerospikeClient,
  key: RecordKey,
  t: CommandTimeouts,
  w: WriteOptions,
): Promise<RecordData> {
  return (await operateRecord(client, key, [{ op: "touch" }], t, { ...w, exists: "update" }))
    .record;
}

/** Deletes a record; resolves false when there was none. */
export async function deleteRecord(
  client: AerospikeClient,
  key: RecordKey,
  t: CommandTimeouts,
  w: WriteOptions,
): Promise<boolean> {
  const policy = { ...basePolicy(t, w.filter, true), ...writePolicyFields(w.settings, undefined) };
  try {
    await call(() => loose(client).remove(toClientKey(key), policy));
    return true;
  } catch (e) {
    if (e instanceof AerospikeFailure && e.code === 2) return false;
    throw e;
  }
}

/** Re-exported so services need not import the client for this one constant. */
export const readOp = operations.read;

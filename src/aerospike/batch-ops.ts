import Aerospike from "aerospike";
import type { BatchItem } from "../mapping/batch-entry.js";
import { fieldPath } from "../mapping/field-error.js";
import type { AsValue, ExpressionSpec, RecordData } from "../mapping/model.js";
import { type CompiledExpression, compileExpression } from "./expressions.js";
import { AerospikeFailure, call, toFailure } from "./failure.js";
import { type OperationPlan, planOperations } from "./operations.js";
import { basePolicy, type CommandTimeouts, existsPolicy, writePolicyFields } from "./policies.js";
import {
  type AerospikeClient,
  type AllBinsRead,
  allBinsAnswer,
  decodeBins,
  loose,
  operateRecord,
  planBins,
  planResults,
  readRecord,
} from "./record-ops.js";
import { probedTypes, probeHints, readAllWithProbeOps, typeProbeOps } from "./type-probe.js";
import { fromClientValue, toClientKey, toClientValue } from "./values.js";
import { wireExpression } from "./wire-expression.js";

const { batchType, policy: P } = Aerospike;

/** The outcome of one batch entry: Aerospike's result code and whatever the entry produced. */
export interface BatchOutcome {
  readonly index: number;
  readonly resultCode: number;
  readonly inDoubt: boolean;
  readonly message?: string;
  readonly record?: RecordData;
  readonly results?: readonly (AsValue | undefined)[];
  readonly udfResult?: AsValue;
  /** The record digest the client computed, when it reported one. */
  readonly digest?: Uint8Array;
}

/** A batch entry made ready for the client: compiled filter and operation plan. */
export interface PreparedItem {
  readonly item: BatchItem;
  readonly filter: CompiledExpression | undefined;
  readonly plan: OperationPlan | undefined;
  /** Whether the entry runs as its own command instead of as a row of the batch (client gaps). */
  readonly single: boolean;
}

/**
 * Compiles filters and plans operations for every entry, so that every problem surfaces before
 * anything runs. The same filter spec object is compiled once (per `compiled` cache).
 */
export function prepareBatch(
  items: readonly BatchItem[],
  compiled: Map<ExpressionSpec, CompiledExpression> = new Map(),
): PreparedItem[] {
  return items.map((item) => {
    const at = fieldPath("entries", item.index);
    let filter: CompiledExpression | undefined;
    if (item.filter !== undefined) {
      filter = compiled.get(item.filter);
      if (filter === undefined) {
        filter = compileExpression(item.filter, fieldPath(at, "filter.ael"));
        compiled.set(item.filter, filter);
      }
    }
    const a = item.action;
    const plan =
      a.kind === "write" || (a.kind === "read" && a.ops.length > 0)
        ? planOperations(a.ops, fieldPath(at, "operations"), item.settings.ttl)
        : undefined;
    // BatchWritePolicy has no expected-generation field, and batch UDF rows lose their
    // per-row outcome when all fail: such entries run as single-record commands.
    const single =
      a.kind === "udf" ||
      ((a.kind === "write" || a.kind === "touch") &&
        item.settings.expectedGeneration !== undefined);
    return { item, filter, plan, single };
  });
}

function rowPolicy(p: PreparedItem): Record<string, unknown> {
  const w = p.item.settings;
  return {
    ...(p.filter === undefined ? {} : { filterExpression: wireExpression(p.filter.exp) }),
    ...(w.ttl === undefined ? {} : { ttl: w.ttl }),
    ...(w.sendKey ? { key: P.key.SEND } : {}),
    ...(w.durableDelete ? { durableDelete: true } : {}),
  };
}

// Rows without a policy of their own let the client send the batch's shared one.
function withPolicy(row: Record<string, unknown>, policy: Record<string, unknown>) {
  return Object.keys(policy).length === 0 ? row : { ...row, policy };
}

/** The bins an all-bins read row probes the types of in the same command (see {@link ProbeHints}). */
function hintFor(p: PreparedItem): readonly string[] | undefined {
  const a = p.item.action;
  if (a.kind !== "read" || !a.allBins || p.plan !== undefined) return undefined;
  return probeHints.binsOf(p.item.key.namespace, p.item.key.set);
}

function batchRecord(p: PreparedItem, hinted: readonly string[] | undefined) {
  const key = toClientKey(p.item.key);
  const a = p.item.action;
  switch (a.kind) {
    case "read":
      if (p.plan !== undefined) {
        return withPolicy({ type: batchType.BATCH_READ, key, ops: p.plan.ops }, rowPolicy(p));
      }
      if (hinted !== undefined && hinted.length > 0) {
        const ops = readAllWithProbeOps(hinted);
        return withPolicy({ type: batchType.BATCH_READ, key, ops }, rowPolicy(p));
      }
      return withPolicy({ type: batchType.BATCH_READ, key, readAllBins: a.allBins }, rowPolicy(p));
    case "exists":
      return withPolicy({ type: batchType.BATCH_READ, key, readAllBins: false }, rowPolicy(p));
    case "write":
      // An upsert is the batch write default: such rows need no policy of their own (the binding
      // converts a row's policy field by field, a measurable cost per row).
      return withPolicy(
        { type: batchType.BATCH_WRITE, key, ops: p.plan?.ops ?? [] },
        a.exists === "upsert" ? rowPolicy(p) : { ...rowPolicy(p), exists: existsPolicy(a.exists) },
      );
    case "touch":
      return {
        type: batchType.BATCH_WRITE,
        key,
        ops: [Aerospike.operations.touch(p.item.settings.ttl as never)],
        policy: { ...rowPolicy(p), exists: existsPolicy("update") },
      };
    case "delete": {
      const g = p.item.settings.expectedGeneration;
      return {
        type: batchType.BATCH_REMOVE,
        key,
        policy: {
          ...rowPolicy(p),
          ...(g === undefined ? {} : { gen: P.gen.EQ, generation: g }),
        },
      };
    }
    case "udf":
      throw new Error("UDF entries run as single commands");
  }
}

interface ClientBatchResult {
  status: number;
  inDoubt?: boolean;
  record?: {
    key?: { digest?: Buffer | null } | null;
    bins?: Record<string, unknown> | null;
    gen?: number | null;
    ttl?: number | null;
  };
}

function recordOf(r: ClientBatchResult, bins: ReadonlyMap<string, AsValue>): RecordData {
  return { bins, generation: r.record?.gen ?? 0, ttl: r.record?.ttl ?? -1 };
}

/**
 * Runs a group of prepared entries as one client batch (plus single-record commands for the
 * entries the client's batch cannot express), resolving one outcome per entry in input order.
 * Per-entry failures are outcomes; only a failure of the whole batch call rejects.
 */
export async function runBatch(
  client: AerospikeClient,
  prepared: readonly PreparedItem[],
  t: CommandTimeouts,
): Promise<BatchOutcome[]> {
  const rows = prepared.filter((p) => !p.single);
  const singles = prepared.filter((p) => p.single);
  const [rowOutcomes, singleOutcomes] = await Promise.all([
    runRows(client, rows, t),
    Promise.all(singles.map((p) => runSingle(client, p, t))),
  ]);
  const byIndex = new Map<number, BatchOutcome>();
  for (const o of rowOutcomes) byIndex.set(o.index, o);
  for (const o of singleOutcomes) byIndex.set(o.index, o);
  return prepared.map((p) => byIndex.get(p.item.index) as BatchOutcome);
}

async function runRows(
  client: AerospikeClient,
  rows: readonly PreparedItem[],
  t: CommandTimeouts,
): Promise<BatchOutcome[]> {
  if (rows.length === 0) return [];
  const hints = rows.map(hintFor);
  const records = rows.map((p, i) => batchRecord(p, hints[i]));
  const isRead = rows.every(
    (p) => p.item.action.kind === "read" || p.item.action.kind === "exists",
  );
  const policy = { ...basePolicy(t, undefined, !isRead), respondAllKeys: true };
  let results: ClientBatchResult[];
  try {
    results = (await (isRead
      ? loose(client).batchRead(records, policy)
      : loose(client).batchWrite(records, policy))) as ClientBatchResult[];
  } catch (e) {
    throw toFailure(e);
  }
  const allBins = rows.map((p, i) => allBinsRead(p, results[i] as ClientBatchResult, hints[i]));
  const outcomes = rows.map((p, i) => rowOutcome(p, results[i] as ClientBatchResult, allBins[i]));
  return resolveAmbiguousReads(client, rows, results, allBins, outcomes, t);
}

function allBinsRead(
  p: PreparedItem,
  r: ClientBatchResult,
  hinted: readonly string[] | undefined,
): AllBinsRead | undefined {
  if (hinted === undefined || r.status !== 0) return undefined;
  return allBinsAnswer(p.item.key, hinted, r.record?.bins ?? {});
}

function rowOutcome(
  p: PreparedItem,
  r: ClientBatchResult,
  all: AllBinsRead | undefined,
): BatchOutcome {
  const index = p.item.index;
  const digest = r.record?.key?.digest;
  const base = {
    index,
    resultCode: r.status,
    inDoubt: r.inDoubt === true,
    ...(digest ? { digest: new Uint8Array(digest) } : {}),
  };
  if (r.status !== 0) return base;
  const bins = r.record?.bins ?? {};
  if (p.plan !== undefined) {
    const results = planResults(p.plan, bins);
    return { ...base, record: recordOf(r, planBins(p.plan, bins)), results };
  }
  if (all !== undefined)
    return { ...base, record: recordOf(r, decodeBins(all.bins, all.particles)) };
  return { ...base, record: recordOf(r, new Map()) };
}

/**
 * All-bins reads cannot tell FLOAT 3.0 from INTEGER 3 (nor GeoJSON from string, a raw list from a
 * blob). Bins the read probed in the same command are resolved already; the rest are probed in a
 * second batch, checking generations, and a record that changed in between is read again alone.
 */
async function resolveAmbiguousReads(
  client: AerospikeClient,
  rows: readonly PreparedItem[],
  results: readonly ClientBatchResult[],
  allBins: readonly (AllBinsRead | undefined)[],
  outcomes: BatchOutcome[],
  t: CommandTimeouts,
): Promise<BatchOutcome[]> {
  const todo: { i: number; all: AllBinsRead }[] = [];
  allBins.forEach((all, i) => {
    if (all !== undefined && all.unresolved.length > 0) todo.push({ i, all });
  });
  if (todo.length === 0) return outcomes;
  const probes = todo.map(({ i, all }) => ({
    type: batchType.BATCH_READ,
    key: toClientKey((rows[i] as PreparedItem).item.key),
    ops: typeProbeOps(all.unresolved),
  }));
  const answers = (await call(() =>
    loose(client).batchRead(probes, { ...basePolicy(t, undefined, false), respondAllKeys: true }),
  )) as ClientBatchResult[];
  await Promise.all(
    todo.map(async ({ i, all }, k) => {
      const p = rows[i] as PreparedItem;
      const r = results[i] as ClientBatchResult;
      const a = answers[k] as ClientBatchResult;
      if (a.status === 0 && a.record?.gen === r.record?.gen) {
        const particles = {
          ...all.particles,
          ...probedTypes(all.unresolved, a.record?.bins ?? {}),
        };
        outcomes[i] = {
          ...(outcomes[i] as BatchOutcome),
          record: recordOf(r, decodeBins(all.bins, particles)),
        };
        return;
      }
      outcomes[i] = await runSingle(client, p, t);
    }),
  );
  return outcomes;
}

/** Runs one entry as a single-record command, turning its failure into an outcome. */
async function runSingle(
  client: AerospikeClient,
  p: PreparedItem,
  t: CommandTimeouts,
): Promise<BatchOutcome> {
  const index = p.item.index;
  const a = p.item.action;
  try {
    switch (a.kind) {
      case "udf": {
        const policy = {
          ...basePolicy(t, p.filter, true),
          ...writePolicyFields(p.item.settings, undefined),
        };
        const udf = {
          module: a.udf.module,
          funcname: a.udf.function,
          args: a.udf.args.map(toClientValue),
        };
        const v = await call(() => loose(client).apply(toClientKey(p.item.key), udf, policy));
        return { index, resultCode: 0, inDoubt: false, udfResult: fromClientValue(v) };
      }
      case "read": {
        const record = await readRecord(client, p.item.key, t, {
          headersOnly: a.headersOnly,
          ...(p.filter ? { filter: p.filter } : {}),
        });
        return { index, resultCode: 0, inDoubt: false, record };
      }
      case "write":
      case "touch": {
        const ops = a.kind === "write" ? a.ops : [{ op: "touch" as const }];
        const out = await operateRecord(
          client,
          p.item.key,
          ops,
          t,
          {
            exists: a.kind === "write" ? a.exists : "update",
            settings: p.item.settings,
            filter: p.filter,
          },
          fieldPath(fieldPath("entries", index), "operations"),
        );
        return { index, resultCode: 0, inDoubt: false, record: out.record, results: out.results };
      }
      default:
        throw new Error(`entry kind ${a.kind} does not run as a single command`);
    }
  } catch (e) {
    if (e instanceof AerospikeFailure) {
      return { index, resultCode: e.code, inDoubt: e.inDoubt, message: e.message };
    }
    throw e;
  }
}

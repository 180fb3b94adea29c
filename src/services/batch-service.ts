import { type BatchEntry, BatchService } from "../../gen/ts/aerogate/v1/batch_pb.js";
import type { Expression, Key } from "../../gen/ts/aerogate/v1/types_pb.js";
import {
  type BatchOutcome,
  type PreparedItem,
  prepareBatch,
  runBatch,
} from "../aerospike/batch-ops.js";
import type { CompiledExpression } from "../aerospike/expressions.js";
import type { CommandTimeouts } from "../aerospike/policies.js";
import type { AerospikeClient } from "../aerospike/record-ops.js";
import {
  defineService,
  type EncodedResponse,
  type HandlerContext,
  type ServiceRegistration,
} from "../context.js";
import {
  batchItemFromProto,
  batchItemsFromProto,
  checkEntryCount,
} from "../mapping/batch-entry.js";
import {
  type BatchRequestView,
  isBatchRequestView,
  viewBatchRequest,
  viewOfDecoded,
} from "../mapping/batch-request-view.js";
import { FieldError, fieldPath } from "../mapping/field-error.js";
import type { ExpressionSpec } from "../mapping/model.js";
import { filterFromProto } from "../mapping/operation.js";
import {
  countOutcomes,
  encodeExecuteBatchResponse,
  encodeStreamBatchResponse,
  hasRow,
} from "./batch-results.js";
import { abortedError, timeoutsFor, toCallError } from "./call-support.js";
import type { DataServiceDeps } from "./record-service.js";

/** How StreamBatch splits a batch: growing sub-batches, a bounded number in flight. */
export interface StreamTuning {
  /** Size of the first sub-batch; each next one doubles up to `maxSubBatch`. */
  readonly firstSubBatch: number;
  readonly maxSubBatch: number;
  /** Sub-batches running at once. */
  readonly maxInFlight: number;
  /** ExecuteBatch splits batches larger than this (servers cap a batch, 5000 keys by default). */
  readonly executeChunk: number;
}

/** Defaults: a small first sub-batch so the first result comes early, then larger ones. */
export const DEFAULT_STREAM_TUNING: StreamTuning = {
  firstSubBatch: 16,
  maxSubBatch: 1024,
  maxInFlight: 4,
  executeChunk: 1000,
};

interface BatchRequestLike {
  readonly entries: readonly BatchEntry[];
  readonly filter?: Expression | undefined;
  readonly respondAllKeys?: boolean | undefined;
}

/** Validates the whole request and prepares every entry; nothing has run yet. */
function prepare(req: BatchRequestLike, deps: DataServiceDeps): PreparedItem[] {
  return prepareBatch(batchItemsFromProto(req.entries, req.filter, deps.config.maxBatchEntries));
}

/** Entries validated per step of StreamBatch's up-front validation pass. */
const VALIDATE_CHUNK = 1024;

/** Splits `n` entries into growing sub-batch ranges. */
export function subBatchRanges(n: number, tuning: StreamTuning): [number, number][] {
  const out: [number, number][] = [];
  let size = tuning.firstSubBatch;
  for (let start = 0; start < n; ) {
    const end = Math.min(n, start + size);
    out.push([start, end]);
    start = end;
    size = Math.min(tuning.maxSubBatch, size * 2);
  }
  return out;
}

/** Builds the BatchService: ExecuteBatch (buffered, input order) and StreamBatch (completion order). */
export function createBatchService(
  deps: DataServiceDeps,
  tuning: StreamTuning = DEFAULT_STREAM_TUNING,
): ServiceRegistration {
  const client = () => deps.aerospike.current().client;
  return defineService(
    BatchService,
    {
      executeBatch: async (req, ctx) => {
        let t: CommandTimeouts | undefined;
        try {
          const prepared = prepare(req, deps);
          t = timeoutsFor(ctx, deps.config);
          const outcomes = await runChunked(prepared, tuning, ctx, deps, client());
          if (ctx.signal.aborted) throw abortedError(ctx);
          const all = req.respondAllKeys ?? true;
          countOutcomes(outcomes);
          return encodeExecuteBatchResponse(
            outcomes
              .filter((o) => hasRow(o, all))
              .map((o) => ({
                outcome: o,
                sentKey: req.entries[o.index]?.key,
                key: (prepared[o.index] as PreparedItem).item.key,
              })),
          );
        } catch (e) {
          throw toCallError(e, t, ctx);
        }
      },

      // StreamBatch reads its request lazily from the bytes (see viewBatchRequest).
      streamBatch: (req, ctx) =>
        streamBatch(isBatchRequestView(req) ? req : viewOfDecoded(req), ctx, deps, tuning, client),
    },
    { streamBatch: viewBatchRequest },
  );
}

/**
 * Runs a whole batch in chunks of at most `executeChunk` entries, `maxInFlight` at a time, and
 * resolves every outcome in input order once all chunks are done.
 */
async function runChunked(
  prepared: readonly PreparedItem[],
  tuning: StreamTuning,
  ctx: HandlerContext,
  deps: DataServiceDeps,
  c: AerospikeClient,
): Promise<BatchOutcome[]> {
  const out: BatchOutcome[] = new Array(prepared.length);
  let next = 0;
  const worker = async () => {
    while (next < prepared.length) {
      if (ctx.signal.aborted) throw abortedError(ctx);
      const start = next;
      next = Math.min(prepared.length, start + tuning.executeChunk);
      const rows = await runBatch(c, prepared.slice(start, next), timeoutsFor(ctx, deps.config));
      rows.forEach((o, k) => {
        out[start + k] = o;
      });
    }
  };
  await Promise.all(Array.from({ length: tuning.maxInFlight }, worker));
  return out;
}

/**
 * Runs a batch as sub-batches with at most `maxInFlight` running, yielding each result as its
 * sub-batch completes. Dispatch happens only while the consumer pulls: a slow reader (the
 * transport awaits drain on each write) leaves at most `maxInFlight` sub-batches of results
 * buffered. A cancelled or expired call stops dispatching; running sub-batches finish on their own
 * Aerospike timeouts.
 */
async function* streamBatch(
  req: BatchRequestView,
  ctx: HandlerContext,
  deps: DataServiceDeps,
  tuning: StreamTuning,
  client: () => AerospikeClient,
): AsyncGenerator<EncodedResponse> {
  let t: CommandTimeouts | undefined;
  const compiled = new Map<ExpressionSpec, CompiledExpression>();
  let shared: ExpressionSpec | undefined;
  // Decodes and prepares entries [start, end) from the request bytes. The whole batch is prepared
  // once up front only to validate it; a 100k-entry batch never holds its entries decoded at once.
  const prepareRange = (start: number, end: number) => {
    const entries = Array.from({ length: end - start }, (_, k) => entryAt(req, start + k));
    const slice = prepareBatch(
      entries.map((e, k) => batchItemFromProto(e, start + k, shared)),
      compiled,
    );
    return { slice, sentKeys: entries.map((e) => e.key) };
  };
  try {
    checkEntryCount(req.entryCount, deps.config.maxBatchEntries);
    shared = filterFromProto(req.filter, "filter");
    for (let start = 0; start < req.entryCount; start += VALIDATE_CHUNK) {
      prepareRange(start, Math.min(req.entryCount, start + VALIDATE_CHUNK));
    }
    t = timeoutsFor(ctx, deps.config);
  } catch (e) {
    throw toCallError(e, t, ctx);
  }
  const all = req.respondAllKeys ?? true;
  const ranges = subBatchRanges(req.entryCount, tuning);
  type Done = {
    id: number;
    rows: BatchOutcome[];
    slice: PreparedItem[];
    sentKeys: (Key | undefined)[];
    start: number;
  };
  const running = new Map<number, Promise<Done>>();
  let next = 0;
  // The first (small) sub-batch runs alone: dispatched beside larger ones, its commands would
  // queue behind theirs on the server, and the first result would wait for all of them.
  let firstDone = false;
  const c = client();
  // `held`: slots still taken by a finished sub-batch whose results are being yielded.
  const dispatch = (held = 0) => {
    const limit = firstDone ? tuning.maxInFlight : 1;
    while (running.size + held < limit && next < ranges.length && !ctx.signal.aborted) {
      const id = next++;
      const [start, end] = ranges[id] as [number, number];
      const budget = timeoutsFor(ctx, deps.config);
      const { slice, sentKeys } = prepareRange(start, end);
      running.set(
        id,
        runBatch(c, slice, budget).then((rows) => ({ id, rows, slice, sentKeys, start })),
      );
    }
  };
  try {
    dispatch();
    while (running.size > 0) {
      const { id, rows, slice, sentKeys, start } = await Promise.race(running.values());
      running.delete(id);
      if (!firstDone) {
        firstDone = true;
        dispatch(1);
      }
      if (ctx.signal.aborted) throw abortedError(ctx);
      countOutcomes(rows);
      for (const o of rows) {
        if (!hasRow(o, all)) continue;
        const k = o.index - start;
        const key = (slice[k] as PreparedItem).item.key;
        yield encodeStreamBatchResponse({ outcome: o, sentKey: sentKeys[k], key });
      }
      if (ctx.signal.aborted) throw abortedError(ctx);
      dispatch();
    }
  } catch (e) {
    // Leave no rejection unobserved from sub-batches still running.
    for (const p of running.values()) p.catch(() => {});
    throw toCallError(e, t, ctx);
  }
}

/** Decodes entry `i` of a request view; bytes that are not a BatchEntry name the entry. */
function entryAt(req: BatchRequestView, i: number): BatchEntry {
  try {
    return req.entry(i);
  } catch (e) {
    throw FieldError.of(
      fieldPath("entries", i),
      `not a valid aerogate.v1.BatchEntry: ${(e as Error).message}`,
    );
  }
}

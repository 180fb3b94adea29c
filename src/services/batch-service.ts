import { type BatchEntry, BatchService } from "../../gen/ts/aerogate/v1/batch_pb.js";
import type { Expression } from "../../gen/ts/aerogate/v1/types_pb.js";
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

/** Entries validated per event-loop turn by StreamBatch's validation pass (beside the first sub-batches). */
const VALIDATE_CHUNK = 256;

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
 *
 * The whole request is validated before anything is written; validation runs in chunks beside the
 * first sub-batches, and sub-batches that only read (READ, EXISTS) are dispatched and streamed
 * while it runs, so the first result does not wait for a 100k-entry validation pass. A bad entry
 * found later ends the stream with INVALID_ARGUMENT (after those read results); a sub-batch with a
 * write waits until every entry is valid.
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
  // Decodes and prepares entries [start, end) from the request bytes; a 100k-entry batch never
  // holds its entries decoded at once.
  const prepareRange = (start: number, end: number) => {
    const entries = entriesAt(req, start, end);
    const slice = prepareBatch(
      entries.map((e, k) => batchItemFromProto(e, start + k, shared)),
      compiled,
    );
    return { slice, sentKeys: entries.map((e) => e.key) };
  };
  try {
    checkEntryCount(req.entryCount, deps.config.maxBatchEntries);
    shared = filterFromProto(req.filter, "filter");
    t = timeoutsFor(ctx, deps.config);
  } catch (e) {
    throw toCallError(e, t, ctx);
  }
  let allValid = false;
  const validation = (async () => {
    for (let start = 0; start < req.entryCount; start += VALIDATE_CHUNK) {
      // Every chunk on a later turn: the first sub-batch is dispatched before validation starts,
      // and completed sub-batches are streamed between chunks.
      await nextTurn();
      if (ctx.signal.aborted) return;
      prepareRange(start, Math.min(req.entryCount, start + VALIDATE_CHUNK));
    }
    allValid = true;
  })();
  // Rejections are taken from `validation` itself below; this only marks it observed.
  validation.catch(() => {});
  const all = req.respondAllKeys ?? true;
  const ranges = subBatchRanges(req.entryCount, tuning);
  type Prepared = ReturnType<typeof prepareRange> & { start: number };
  type Done = Prepared & { id: number; rows: BatchOutcome[] };
  const running = new Map<number, Promise<Done>>();
  let next = 0;
  // A prepared sub-batch with a write, held until the whole request is valid.
  let held: Prepared | undefined;
  // The first (small) sub-batch runs alone: dispatched beside larger ones, its commands would
  // queue behind theirs on the server, and the first result would wait for all of them.
  let firstDone = false;
  const c = client();
  // `busy`: slots still taken by a finished sub-batch whose results are being yielded.
  const dispatch = (busy = 0) => {
    const limit = firstDone ? tuning.maxInFlight : 1;
    while (running.size + busy < limit && !ctx.signal.aborted) {
      let p = held;
      if (p === undefined) {
        if (next >= ranges.length) return;
        const [start, end] = ranges[next] as [number, number];
        p = { ...prepareRange(start, end), start };
      }
      if (!allValid && !p.slice.every(readsOnly)) {
        held = p;
        return;
      }
      held = undefined;
      const id = next++;
      const work = p;
      running.set(
        id,
        runBatch(c, work.slice, timeoutsFor(ctx, deps.config)).then((rows) => ({
          ...work,
          id,
          rows,
        })),
      );
    }
  };
  try {
    dispatch();
    while (running.size > 0 || next < ranges.length) {
      if (running.size === 0) {
        // Everything left waits for validation (a held write, or nothing dispatchable yet).
        await validation;
        if (ctx.signal.aborted) throw abortedError(ctx);
        dispatch();
        continue;
      }
      const waits: Promise<Done | undefined>[] = [...running.values()];
      if (!allValid) waits.push(validation.then(() => undefined));
      const done = await Promise.race(waits);
      if (ctx.signal.aborted) throw abortedError(ctx);
      if (done === undefined) {
        // Validation finished: a held write may go now.
        dispatch();
        continue;
      }
      running.delete(done.id);
      if (!firstDone) {
        firstDone = true;
        dispatch(1);
      }
      countOutcomes(done.rows);
      for (const o of done.rows) {
        if (!hasRow(o, all)) continue;
        const k = o.index - done.start;
        const key = (done.slice[k] as PreparedItem).item.key;
        yield encodeStreamBatchResponse({ outcome: o, sentKey: done.sentKeys[k], key });
      }
      if (ctx.signal.aborted) throw abortedError(ctx);
      dispatch();
    }
    // A batch that only reads may have streamed every result before validation ended.
    await validation;
    if (ctx.signal.aborted) throw abortedError(ctx);
  } catch (e) {
    // Leave no rejection unobserved from sub-batches still running.
    for (const p of running.values()) p.catch(() => {});
    throw toCallError(e, t, ctx);
  }
}

function readsOnly(p: PreparedItem): boolean {
  return p.item.action.kind === "read" || p.item.action.kind === "exists";
}

/** Resolves on a later turn of the event loop, after pending I/O callbacks ran. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Decodes entries [start, end) of a request view; bytes that are not a BatchEntry name the entry. */
function entriesAt(req: BatchRequestView, start: number, end: number): BatchEntry[] {
  try {
    return req.entries(start, end);
  } catch {
    // Find the entry at fault (each decoded alone).
    return Array.from({ length: end - start }, (_, k) => entryAt(req, start + k));
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

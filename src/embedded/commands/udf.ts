import { resolveVoidTime } from "../store/clock.js";
import { nextGeneration, type StoredRecord } from "../store/record.js";
import type { AsMsg } from "../wire/as-msg.js";
import { Info2 } from "../wire/as-msg-constants.js";
import { ResultCode } from "../wire/result-codes.js";
import { type CommandContext, checkFilter } from "./command-context.js";
import type { AsyncUdfExecutor, UdfOutcome } from "./extensions.js";
import { codeReply, recordReply } from "./reply.js";
import { type KeyedRequest, parseKeyedRequest } from "./request.js";
import { type WorkingRecord, workingForNew, workingFromStored } from "./working-record.js";
import { validWriteTtl } from "./write.js";

/** The state a UDF runs on: the stored record (if any) and its working copy. */
interface UdfStart {
  readonly record: StoredRecord | undefined;
  readonly work: WorkingRecord;
  readonly now: number;
}

/** Checks the request and reads the record; a reply when the UDF must not run. */
function startUdf(req: KeyedRequest, ctx: CommandContext): UdfStart | AsMsg {
  const { msg, ns } = req;
  if (!validWriteTtl(msg.recordTtl)) return recordReply(ResultCode.PARAMETER, 0, 0);
  const now = ctx.store.clock();
  const { record } = ns.lookup(req.digest, now);
  const work =
    record === undefined
      ? workingForNew(ns.name, req.digest, req.setName ?? "", req.key, now)
      : workingFromStored(ns.name, record, now);
  if (record !== undefined) {
    const filterCode = checkFilter(req.filter, work, ctx.extensions);
    if (filterCode !== ResultCode.OK) {
      return recordReply(filterCode, record.generation, record.voidTime);
    }
  }
  return { record, work, now };
}

/** Commits what the UDF did (write, delete or nothing) and builds the reply. */
function finishUdf(req: KeyedRequest, start: UdfStart, outcome: UdfOutcome): AsMsg {
  const { msg, ns } = req;
  const { record, work, now } = start;
  if (outcome.deleted || (outcome.wrote && work.bins.size === 0)) {
    if ((msg.info2 & Info2.DURABLE_DELETE) !== 0 && record !== undefined) {
      return recordReply(ResultCode.ENTERPRISE_ONLY, record.generation, record.voidTime);
    }
    if (record !== undefined) ns.remove(req.digest);
    // The reference server reports the generation the delete would have written.
    const generation = record === undefined ? 0 : nextGeneration(record.generation);
    return recordReply(outcome.code, generation, 0, outcome.ops);
  }
  if (outcome.wrote) {
    const ttl = outcome.ttl ?? msg.recordTtl;
    const voidTime = resolveVoidTime(ttl, record?.voidTime, ns.config.defaultTtl, now);
    const generation = record === undefined ? 1 : nextGeneration(record.generation);
    ns.put({
      digest: Buffer.from(req.digest),
      setName: work.setName,
      key: work.key,
      bins: work.bins,
      generation,
      voidTime: voidTime ?? 0,
      lastUpdateMs: now,
    });
    return recordReply(outcome.code, generation, voidTime ?? 0, outcome.ops);
  }
  return recordReply(outcome.code, record?.generation ?? 0, record?.voidTime ?? 0, outcome.ops);
}

/**
 * Executes a record UDF apply through the installed {@link UdfExecutor}: filter on existing
 * records (27), then the UDF; its writes are committed like a write command's. Without a UDF
 * engine installed the request is answered with PARAMETER.
 */
export function executeUdf(req: KeyedRequest, ctx: CommandContext): AsMsg {
  const udf = ctx.extensions.udf;
  if (udf === undefined) return recordReply(ResultCode.PARAMETER, 0, 0);
  const start = startUdf(req, ctx);
  if (!("work" in start)) return start;
  return finishUdf(req, start, udf(req.msg, start.work));
}

/** Runs of a UDF whose record changed meanwhile before the apply gives up with KEY_BUSY. */
const MAX_UDF_RUNS = 3;

/**
 * Executes a record UDF apply through the asynchronous executor: like {@link executeUdf}, but the
 * event loop serves other requests while the script runs. If the record changed in the meantime
 * the UDF runs again on the new version (KEY_BUSY after {@link MAX_UDF_RUNS} runs).
 */
export async function executeUdfAsync(
  req: KeyedRequest,
  ctx: CommandContext,
  udf: AsyncUdfExecutor,
): Promise<AsMsg> {
  for (let run = 1; ; run++) {
    const start = startUdf(req, ctx);
    if (!("work" in start)) return start;
    const outcome = await udf(req.msg, start.work);
    const { record } = req.ns.lookup(req.digest, ctx.store.clock());
    if (record === start.record) return finishUdf(req, start, outcome);
    if (run >= MAX_UDF_RUNS) return recordReply(ResultCode.KEY_BUSY, 0, 0);
  }
}

/** Parses a single-record UDF apply and runs it with {@link executeUdfAsync}. */
export async function executeUdfRequestAsync(
  msg: AsMsg,
  ctx: CommandContext,
  udf: AsyncUdfExecutor,
): Promise<AsMsg> {
  const parsed = parseKeyedRequest(msg, ctx.store);
  if (!parsed.ok) return codeReply(parsed.code);
  return executeUdfAsync(parsed.req, ctx, udf);
}

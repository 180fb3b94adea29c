import { resolveVoidTime } from "../store/clock.js";
import { nextGeneration } from "../store/record.js";
import type { AsMsg } from "../wire/as-msg.js";
import { Info2 } from "../wire/as-msg-constants.js";
import { ResultCode } from "../wire/result-codes.js";
import { type CommandContext, checkFilter } from "./command-context.js";
import { recordReply } from "./reply.js";
import type { KeyedRequest } from "./request.js";
import { workingForNew, workingFromStored } from "./working-record.js";
import { validWriteTtl } from "./write.js";

/**
 * Executes a record UDF apply through the installed {@link UdfExecutor}: filter on existing
 * records (27), then the UDF; its writes are committed like a write command's. Without a UDF
 * engine installed the request is answered with PARAMETER.
 */
export function executeUdf(req: KeyedRequest, ctx: CommandContext): AsMsg {
  const { msg, ns } = req;
  const udf = ctx.extensions.udf;
  if (udf === undefined) return recordReply(ResultCode.PARAMETER, 0, 0);
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
  const outcome = udf(msg, work);
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

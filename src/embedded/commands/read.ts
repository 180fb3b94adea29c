import type { AsMsg } from "../wire/as-msg.js";
import { Info1, isReadOp, OpType } from "../wire/as-msg-constants.js";
import { ResultCode } from "../wire/result-codes.js";
import { applyOps } from "./apply-ops.js";
import { type CommandContext, checkFilter } from "./command-context.js";
import { recordReply, resultOp } from "./reply.js";
import type { KeyedRequest } from "./request.js";
import { sameKey } from "./request.js";
import { workingFromStored } from "./working-record.js";

/**
 * Executes a read (get, select, exists/header, read-only operate) like the server's read path:
 * not found → 2 (an expired record not yet swept still reports its generation and void time),
 * set mismatch → 4, filter → 27, key mismatch → 19, then the bins or op results.
 */
export function executeRead(req: KeyedRequest, ctx: CommandContext): AsMsg {
  const { msg, ns } = req;
  // record_ttl of a read is read_touch_ttl_percent: 0, 1..100, or -1 (never touch).
  if (msg.recordTtl > 100 && msg.recordTtl !== 0xffffffff)
    return recordReply(ResultCode.PARAMETER, 0, 0);
  const now = ctx.store.clock();
  const { record, expired } = ns.lookup(req.digest, now);
  if (record === undefined) {
    ctx.stats.readNotFound++;
    return expired === undefined
      ? recordReply(ResultCode.NOT_FOUND, 0, 0)
      : recordReply(ResultCode.NOT_FOUND, expired.generation, expired.voidTime);
  }
  const reply = (code: number, ops: AsMsg["ops"] = []) =>
    recordReply(code, record.generation, record.voidTime, ops);
  if (req.setName !== undefined && req.setName !== "" && req.setName !== record.setName) {
    return reply(ResultCode.PARAMETER);
  }
  const work = workingFromStored(ns.name, record, now);
  const filterCode = checkFilter(req.filter, work, ctx.extensions);
  if (filterCode !== ResultCode.OK) return reply(filterCode);
  if (req.key !== undefined && record.key !== undefined && !sameKey(req.key, record.key)) {
    return reply(ResultCode.KEY_MISMATCH);
  }
  ctx.stats.readSuccess++;
  if ((msg.info1 & Info1.GET_NOBINDATA) !== 0) return reply(ResultCode.OK);
  if (msg.ops.length === 0) {
    if ((msg.info1 & Info1.GET_ALL) === 0) return reply(ResultCode.OK);
    return reply(
      ResultCode.OK,
      record.bins.entries().map((b) => resultOp(OpType.READ, b.name, b.particle)),
    );
  }
  if (!msg.ops.every((op) => isReadOp(op.opType))) return reply(ResultCode.PARAMETER);
  const result = applyOps(msg, work, ctx.extensions);
  if (result.code !== ResultCode.OK) return reply(result.code);
  return reply(ResultCode.OK, result.entries);
}

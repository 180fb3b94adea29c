import type { AsMsg } from "../wire/as-msg.js";
import { Info2 } from "../wire/as-msg-constants.js";
import { ResultCode } from "../wire/result-codes.js";
import { type CommandContext, checkFilter } from "./command-context.js";
import { codeReply } from "./reply.js";
import type { KeyedRequest } from "./request.js";
import { sameKey } from "./request.js";
import { workingFromStored } from "./working-record.js";
import { generationCheckFails } from "./write.js";

/**
 * Executes a record delete (info2 WRITE|DELETE). Every reply carries generation 0, as on a real
 * server: durable delete → 25 (Community Edition), missing → 2, generation check → 3, set
 * mismatch → 4, filter → 27, key mismatch → 19, else 0.
 */
export function executeDelete(req: KeyedRequest, ctx: CommandContext): AsMsg {
  const { msg, ns } = req;
  if ((msg.info2 & Info2.DURABLE_DELETE) !== 0) return codeReply(ResultCode.ENTERPRISE_ONLY);
  const now = ctx.store.clock();
  const { record } = ns.lookup(req.digest, now);
  if (record === undefined) {
    ctx.stats.deleteNotFound++;
    return codeReply(ResultCode.NOT_FOUND);
  }
  if (generationCheckFails(msg, record.generation)) return codeReply(ResultCode.GENERATION);
  if (req.setName !== undefined && req.setName !== "" && req.setName !== record.setName) {
    return codeReply(ResultCode.PARAMETER);
  }
  const filterCode = checkFilter(
    req.filter,
    workingFromStored(ns.name, record, now),
    ctx.extensions,
  );
  if (filterCode !== ResultCode.OK) return codeReply(filterCode);
  if (req.key !== undefined && record.key !== undefined && !sameKey(req.key, record.key)) {
    return codeReply(ResultCode.KEY_MISMATCH);
  }
  ns.remove(req.digest);
  ctx.stats.deleteSuccess++;
  return codeReply(ResultCode.OK);
}

import type { AsMsg } from "../wire/as-msg.js";
import { findField } from "../wire/as-msg.js";
import { FieldType, Info1, Info2 } from "../wire/as-msg-constants.js";
import { ResultCode } from "../wire/result-codes.js";
import type { CommandContext } from "./command-context.js";
import { executeDelete } from "./delete.js";
import { executeRead } from "./read.js";
import { codeReply } from "./reply.js";
import { parseKeyedRequest } from "./request.js";
import { executeUdf } from "./udf.js";
import { executeWrite } from "./write.js";

/**
 * Executes one single-record as_msg (it has a DIGEST field and is not a batch) and returns the
 * reply: delete, UDF apply, write/operate or read, chosen by the info bits like the server does.
 */
export function executeSingle(msg: AsMsg, ctx: CommandContext): AsMsg {
  const parsed = parseKeyedRequest(msg, ctx.store);
  if (!parsed.ok) return codeReply(parsed.code);
  const req = parsed.req;
  if (findField(msg, FieldType.UDF_FUNCTION) !== undefined) return executeUdf(req, ctx);
  if ((msg.info2 & Info2.WRITE) !== 0) {
    if ((msg.info2 & Info2.DELETE) !== 0) return executeDelete(req, ctx);
    return executeWrite(req, ctx);
  }
  if ((msg.info1 & Info1.READ) !== 0) return executeRead(req, ctx);
  return codeReply(ResultCode.PARAMETER);
}

import type { AsMsg } from "../wire/as-msg.js";
import { asMsgSize, emptyReply, findField, writeAsMsg } from "../wire/as-msg.js";
import { FieldType, Info2, Info3, OpType } from "../wire/as-msg-constants.js";
import { WireError } from "../wire/errors.js";
import { encodeProtoHeader, PROTO_HEADER_SIZE, ProtoType } from "../wire/proto.js";
import { ResultCode } from "../wire/result-codes.js";
import { BatchParentFlag, type BatchRequest, parseBatchField, rowToMsg } from "./batch-parse.js";
import type { CommandContext } from "./command-context.js";
import { executeSingle } from "./dispatch.js";

/** Most rows one batch request may carry (server default `batch-max-requests`). */
export const BATCH_MAX_REQUESTS = 5000;

// Row replies are packed into frames of about this size, like the server's batch buffers.
const FRAME_TARGET = 128 * 1024;

/** Packs as_msgs into type-3 frames of about FRAME_TARGET bytes each. */
export function packFrames(msgs: readonly AsMsg[]): Buffer[] {
  const frames: Buffer[] = [];
  let group: AsMsg[] = [];
  let size = 0;
  const flush = () => {
    if (group.length === 0) return;
    const out = Buffer.allocUnsafe(PROTO_HEADER_SIZE + size);
    encodeProtoHeader(ProtoType.MESSAGE, size).copy(out, 0);
    let pos = PROTO_HEADER_SIZE;
    for (const m of group) pos = writeAsMsg(m, out, pos);
    frames.push(out);
    group = [];
    size = 0;
  };
  for (const m of msgs) {
    const n = asMsgSize(m);
    if (size > 0 && size + n > FRAME_TARGET) flush();
    group.push(m);
    size += n;
  }
  flush();
  return frames;
}

function trailer(resultCode: number): AsMsg {
  return emptyReply(resultCode, { info3: Info3.LAST });
}

/** Error codes a batch row may report without failing the batch (OK, NOT_FOUND, FILTERED_OUT). */
function isNormalRowCode(code: number): boolean {
  return (
    code === ResultCode.OK || code === ResultCode.NOT_FOUND || code === ResultCode.FILTERED_OUT
  );
}

/**
 * Executes a batch-index request: every row like the equivalent single-record command, one reply
 * per row (its index in `transaction_ttl`), then a LAST trailer — in its own frame, as the server
 * sends it. Header-level problems get only a trailer carrying the error.
 */
export function executeBatch(msg: AsMsg, ctx: CommandContext): Buffer[] {
  const field = findField(msg, FieldType.BATCH_INDEX);
  if (field === undefined) return packFrames([trailer(ResultCode.PARAMETER)]);
  if (field.data.length >= 4 && field.data.readUInt32BE(0) > BATCH_MAX_REQUESTS) {
    return packFrames([trailer(ResultCode.BATCH_MAX_REQUESTS)]);
  }
  let req: BatchRequest;
  try {
    req = parseBatchField(field.data);
  } catch (e) {
    return packFrames([trailer(e instanceof WireError ? e.resultCode : ResultCode.PARAMETER)]);
  }
  if (req.declaredRows === 0) return packFrames([trailer(ResultCode.PARAMETER)]);
  const parentFilter = findField(msg, FieldType.FILTER);
  const reportAll = (req.parentFlags & BatchParentFlag.REPORT_ALL_ERRORS) !== 0;
  const replies: AsMsg[] = [];
  let trailerCode = req.error ?? ResultCode.OK;
  for (const row of req.rows) {
    const rowMsg = rowToMsg(row, msg, parentFilter);
    const r = executeSingle(rowMsg, ctx);
    // Read rows report every result entry as a READ op (recorded behaviour); write rows echo.
    const ops =
      (row.info2 & Info2.WRITE) === 0 ? r.ops.map((o) => ({ ...o, opType: OpType.READ })) : r.ops;
    replies.push({ ...r, ops, info1: 0, info2: 0, info3: 0, info4: 0, transactionTtl: row.index });
    if (!reportAll && !isNormalRowCode(r.resultCode)) {
      trailerCode = r.resultCode;
      break;
    }
  }
  const frames = packFrames(replies);
  frames.push(...packFrames([trailer(trailerCode)]));
  return frames;
}

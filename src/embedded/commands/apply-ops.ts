import type { AsMsg, MsgOp } from "../wire/as-msg.js";
import { Info1, Info2, isReadOp, OpType } from "../wire/as-msg-constants.js";
import { ResultCode } from "../wire/result-codes.js";
import { concatOp, incrOp, writeOp } from "./bin-ops.js";
import type { Extensions, OpOutcome } from "./extensions.js";
import { resultOp } from "./reply.js";
import type { WorkingRecord } from "./working-record.js";

/** Longest bin name a server accepts. */
export const MAX_BIN_NAME = 15;

/** What running a request's ops produced. */
export interface OpsResult {
  /** 0, or the result code of the first failing op (later ops are not applied). */
  readonly code: number;
  /** Response entries, in op order. */
  readonly entries: MsgOp[];
  /** Whether a DELETE op cleared the record. */
  readonly deletedByOp: boolean;
}

function readAllBins(rec: WorkingRecord, entries: MsgOp[]): void {
  for (const b of rec.bins.entries()) entries.push(resultOp(OpType.READ, b.name, b.particle));
}

/**
 * Runs the ops of a request, in order, against a working record.
 *
 * Built-in ops (READ, WRITE, INCR, APPEND, PREPEND, TOUCH, DELETE) are handled here; every other
 * op type goes to `extensions.ops`, and op types nobody handles fail with PARAMETER. With
 * RESPOND_ALL_OPS every op yields an entry (nil for writes and missing bins).
 */
export function applyOps(msg: AsMsg, rec: WorkingRecord, extensions: Extensions): OpsResult {
  const respondAll = (msg.info2 & Info2.RESPOND_ALL_OPS) !== 0;
  const entries: MsgOp[] = [];
  let deletedByOp = false;
  for (const op of msg.ops) {
    const name = op.name.toString("utf8");
    let outcome: OpOutcome;
    switch (op.opType) {
      case OpType.READ: {
        if (op.name.length === 0) {
          if ((msg.info1 & Info1.GET_ALL) === 0) return fail(ResultCode.PARAMETER);
          readAllBins(rec, entries);
          continue;
        }
        const p = rec.bins.get(name);
        if (p !== undefined || respondAll) entries.push(resultOp(OpType.READ, op.name, p));
        continue;
      }
      case OpType.WRITE:
        outcome = writeOp(op, name, rec);
        break;
      case OpType.INCR:
        outcome = incrOp(op, name, rec);
        break;
      case OpType.APPEND:
        outcome = concatOp(op, name, rec, false);
        break;
      case OpType.PREPEND:
        outcome = concatOp(op, name, rec, true);
        break;
      case OpType.TOUCH:
        outcome = { code: ResultCode.OK };
        break;
      case OpType.DELETE:
        rec.bins.clear();
        deletedByOp = true;
        outcome = { code: ResultCode.OK };
        break;
      default: {
        const handler = extensions.ops.get(op.opType);
        if (handler === undefined) return fail(ResultCode.PARAMETER);
        outcome = handler(op, { msg, binName: name, record: rec });
      }
    }
    if (outcome.code !== ResultCode.OK) return fail(outcome.code);
    if (outcome.result !== undefined) {
      entries.push({ ...resultOp(op.opType, op.name, outcome.result) });
    } else if (respondAll) {
      entries.push(resultOp(op.opType, op.name, undefined));
    }
  }
  return { code: ResultCode.OK, entries, deletedByOp };

  function fail(code: number): OpsResult {
    return { code, entries: [], deletedByOp };
  }
}

/** Whether any op of the request is not a read op. */
export function hasWriteOp(msg: AsMsg): boolean {
  return msg.ops.some((op) => !isReadOp(op.opType));
}

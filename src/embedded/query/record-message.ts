import { applyOps } from "../commands/apply-ops.js";
import type { Extensions } from "../commands/extensions.js";
import { resultOp } from "../commands/reply.js";
import { workingFromStored } from "../commands/working-record.js";
import type { StoredRecord } from "../store/record.js";
import type { AsMsg, MsgField, MsgOp } from "../wire/as-msg.js";
import { emptyReply } from "../wire/as-msg.js";
import { FieldType, Info1, OpType } from "../wire/as-msg-constants.js";
import { ResultCode } from "../wire/result-codes.js";
import { encodeBval } from "./index-filter.js";

/** How a request wants each record returned. */
export type Projection =
  | { readonly kind: "all" }
  | { readonly kind: "none" }
  | { readonly kind: "bins"; readonly names: readonly string[] }
  | { readonly kind: "ops"; readonly msg: AsMsg };

/** The projection of a foreground request: no bins, all bins, selected bins or read ops. */
export function projectionOf(msg: AsMsg): Projection {
  if ((msg.info1 & Info1.GET_NOBINDATA) !== 0) return { kind: "none" };
  if (msg.ops.length === 0) return { kind: "all" };
  if (
    msg.ops.every((op) => op.opType === OpType.READ && op.name.length > 0 && op.value.length === 0)
  ) {
    return { kind: "bins", names: msg.ops.map((op) => op.name.toString("utf8")) };
  }
  return { kind: "ops", msg };
}

function recordFields(ns: string, r: StoredRecord, bval: bigint | undefined): MsgField[] {
  const fields: MsgField[] = [
    { type: FieldType.NAMESPACE, data: Buffer.from(ns, "utf8") },
    { type: FieldType.DIGEST, data: r.digest },
  ];
  if (r.setName !== "") fields.push({ type: FieldType.SET, data: Buffer.from(r.setName, "utf8") });
  if (r.key !== undefined) {
    fields.push({
      type: FieldType.KEY,
      data: Buffer.concat([Buffer.from([r.key.type]), r.key.data]),
    });
  }
  if (bval !== undefined) fields.push({ type: FieldType.BVAL_ARRAY, data: encodeBval(bval) });
  return fields;
}

/**
 * The response message for one scanned record, or undefined when the record is not returned
 * (selected bins all missing, or its read ops failed).
 */
export function recordMessage(
  ns: string,
  r: StoredRecord,
  bval: bigint | undefined,
  projection: Projection,
  extensions: Extensions,
  nowMs: number,
): AsMsg | undefined {
  let ops: MsgOp[];
  switch (projection.kind) {
    case "none":
      ops = [];
      break;
    case "all":
      ops = r.bins.entries().map((b) => resultOp(OpType.READ, b.name, b.particle));
      break;
    case "bins": {
      ops = [];
      for (const name of projection.names) {
        const p = r.bins.get(name);
        if (p !== undefined) ops.push(resultOp(OpType.READ, name, p));
      }
      if (ops.length === 0) return undefined;
      break;
    }
    case "ops": {
      const result = applyOps(projection.msg, workingFromStored(ns, r, nowMs), extensions);
      if (result.code !== ResultCode.OK) return undefined;
      ops = result.entries;
      break;
    }
  }
  return emptyReply(ResultCode.OK, {
    info1: projection.kind === "none" ? Info1.GET_NOBINDATA : 0,
    generation: r.generation,
    recordTtl: r.voidTime,
    fields: recordFields(ns, r, bval),
    ops,
  });
}

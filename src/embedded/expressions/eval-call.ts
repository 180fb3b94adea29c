import { cdtModify, cdtRead } from "../cdt/index.js";
import { applyHllOpPayload, type HllResultValue } from "../hll/index.js";
import { encodeMsgpack } from "../wire/msgpack-encode.js";
import type { MpValue } from "../wire/msgpack-value.js";
import { ResultCode } from "../wire/result-codes.js";
import type { CallNode } from "./ast.js";
import { evalBitsRead } from "./eval-bits.js";
import { type EvalResult, UNKNOWN, valueHasType } from "./types.js";

const HLL = 18;

function hllResultToValue(v: HllResultValue | undefined): MpValue {
  if (v === undefined) return { kind: "nil" };
  if (typeof v === "bigint") return { kind: "int", value: v };
  if (typeof v === "number") return { kind: "float", value: v };
  if (v instanceof Uint8Array) return { kind: "bytes", particle: HLL, value: Buffer.from(v) };
  return { kind: "list", items: v.map((x) => ({ kind: "int", value: x })) };
}

function callHll(node: CallNode, args: MpValue[], bin: MpValue): EvalResult {
  if (bin.kind !== "nil" && !(bin.kind === "bytes" && bin.particle === HLL)) return UNKNOWN;
  const current = bin.kind === "bytes" ? { particleType: HLL, bytes: bin.value } : undefined;
  const payload = encodeMsgpack({
    kind: "list",
    items: [{ kind: "int", value: BigInt(node.opCode) }, ...args],
  });
  const out = applyHllOpPayload(node.modify ? "modify" : "read", payload, current);
  if (out.resultCode !== ResultCode.OK) return UNKNOWN;
  if (!node.modify) return hllResultToValue(out.result);
  if (out.newBin !== undefined)
    return { kind: "bytes", particle: HLL, value: Buffer.from(out.newBin) };
  return bin;
}

/**
 * Runs a CALL once its arguments and bin value are known: list/map reads through the CDT module,
 * HLL reads and local modifies through the HLL op layer, bit reads. The result must have the
 * call's declared type, otherwise (and on any op failure) the call is unknown.
 */
export function runCall(node: CallNode, args: MpValue[], bin: MpValue): EvalResult {
  let result: EvalResult;
  switch (node.system) {
    case 0: {
      if (bin.kind === "nil") {
        if (!node.modify) return UNKNOWN;
        // Modifying an empty bin starts from an empty list (list op codes) or map.
        bin = node.opCode < 64 ? { kind: "list", items: [] } : { kind: "map", entries: [] };
      }
      const out = node.modify
        ? cdtModify(node.opCode, args, node.ctx, bin)
        : cdtRead(node.opCode, args, node.ctx, bin);
      result = out.ok ? out.value : UNKNOWN;
      break;
    }
    case 1:
      if (node.modify) return UNKNOWN;
      result = evalBitsRead(node.opCode, args, bin);
      break;
    case 2:
      result = callHll(node, args, bin);
      break;
    default:
      return UNKNOWN;
  }
  if (result === UNKNOWN || !valueHasType(result, node.type)) return UNKNOWN;
  return result;
}

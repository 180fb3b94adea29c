import { compareMsgpack } from "../wire/msgpack-compare.js";
import type { MpValue } from "../wire/msgpack-value.js";
import { ResultCode } from "../wire/result-codes.js";
import {
  buildResult,
  type CdtOutcome,
  cdtFail,
  cdtOk,
  type Elements,
  type Selection,
} from "./cdt-result.js";
import { CdtOp } from "./op-codes.js";
import {
  byIndex,
  byIndexRange,
  byKey,
  byKeyInterval,
  byKeyList,
  byKeyRelIndexRange,
  byRank,
  byRankRange,
  byValue,
  byValueInterval,
  byValueList,
  byValueRelRankRange,
  TO_END,
} from "./select.js";

/** The elements of a list or map value (map entries in key order). */
export function elementsOf(v: MpValue): Elements | undefined {
  if (v.kind === "list") {
    const ordered = v.flags !== undefined && (v.flags & 1) !== 0;
    return { isMap: false, ordered, keys: [], values: v.items };
  }
  if (v.kind !== "map") return undefined;
  const sorted = [...v.entries].sort((a, b) => compareMsgpack(a[0], b[0]));
  return { isMap: true, keys: sorted.map((e) => e[0]), values: sorted.map((e) => e[1]) };
}

function intAt(args: readonly MpValue[], i: number): bigint | undefined {
  const v = args[i];
  return v?.kind === "int" ? v.value : undefined;
}

function countAt(args: readonly MpValue[], i: number): number | undefined {
  const v = args[i];
  if (v === undefined) return TO_END;
  if (v.kind !== "int") return undefined;
  return v.value < 0n || v.value > BigInt(TO_END) ? TO_END : Number(v.value);
}

/**
 * Finds the element a context item (`type`, `arg`) designates in a list or map: its position in
 * `items` (list) or in `entries` as stored (map). Undefined when absent or of the wrong kind.
 */
export function locate(cur: MpValue, type: number, arg: MpValue): number | undefined {
  const wantMap = (type & 0x20) !== 0;
  if ((wantMap && cur.kind !== "map") || (!wantMap && cur.kind !== "list")) return undefined;
  const els = elementsOf(cur) as Elements;
  let idx: number | undefined;
  switch (type & 0x0f) {
    case 0:
      idx = arg.kind === "int" ? byIndex(els, arg.value)?.picked[0] : undefined;
      break;
    case 1:
      idx = arg.kind === "int" ? byRank(els, arg.value)?.picked[0] : undefined;
      break;
    case 2:
      idx = wantMap ? byKey(els, arg).picked[0] : undefined;
      break;
    case 3:
      idx = els.values.findIndex((v) => compareMsgpack(v, arg) === 0);
      break;
    default:
      return undefined;
  }
  if (idx === undefined || idx < 0) return undefined;
  if (cur.kind === "list") return idx;
  const key = els.keys[idx] as MpValue;
  return (cur as MpValue & { kind: "map" }).entries.findIndex(
    (e) => compareMsgpack(e[0], key) === 0,
  );
}

/** The child at a position found by {@link locate}. */
export function childAt(cur: MpValue, pos: number): MpValue {
  if (cur.kind === "list") return cur.items[pos] as MpValue;
  return ((cur as MpValue & { kind: "map" }).entries[pos] as [MpValue, MpValue])[1];
}

/** Follows a CDT context (`[type, value, …]`) from `root` to the element the op works on. */
export function followContext(root: MpValue, ctx: MpValue): MpValue | undefined {
  if (ctx.kind !== "list" || ctx.items.length % 2 !== 0 || ctx.items.length === 0) return undefined;
  let cur = root;
  for (let i = 0; i < ctx.items.length; i += 2) {
    const t = ctx.items[i] as MpValue;
    if (t.kind !== "int") return undefined;
    const pos = locate(cur, Number(t.value), ctx.items[i + 1] as MpValue);
    if (pos === undefined) return undefined;
    cur = childAt(cur, pos);
  }
  return cur;
}

/**
 * The selection of a get-by op (list 19–27, map 97–110): null when its arguments are malformed,
 * undefined when the server fails the op.
 */
export function selectForRead(
  op: number,
  els: Elements,
  a: readonly MpValue[],
): Selection | undefined | null {
  return select(op, els, a);
}

function select(op: number, els: Elements, a: readonly MpValue[]): Selection | undefined | null {
  const isMap = els.isMap;
  const a1 = a[1];
  switch (op) {
    case CdtOp.LIST_GET_BY_INDEX:
    case CdtOp.MAP_GET_BY_INDEX: {
      const i = intAt(a, 1);
      return i === undefined ? null : byIndex(els, i);
    }
    case CdtOp.LIST_GET_BY_RANK:
    case CdtOp.MAP_GET_BY_RANK: {
      const r = intAt(a, 1);
      return r === undefined ? null : byRank(els, r);
    }
    case CdtOp.LIST_GET_BY_INDEX_RANGE:
    case CdtOp.MAP_GET_BY_INDEX_RANGE:
    case CdtOp.LIST_GET_BY_RANK_RANGE:
    case CdtOp.MAP_GET_BY_RANK_RANGE: {
      const i = intAt(a, 1);
      const c = countAt(a, 2);
      if (i === undefined || c === undefined) return null;
      const isRank = op === CdtOp.LIST_GET_BY_RANK_RANGE || op === CdtOp.MAP_GET_BY_RANK_RANGE;
      return isRank ? byRankRange(els, i, c) : byIndexRange(els, i, c);
    }
    case CdtOp.LIST_GET_BY_VALUE:
    case CdtOp.LIST_GET_ALL_BY_VALUE:
    case CdtOp.MAP_GET_BY_VALUE:
    case CdtOp.MAP_GET_ALL_BY_VALUE:
      return a1 === undefined ? null : byValue(els, a1);
    case CdtOp.LIST_GET_ALL_BY_VALUE_LIST:
    case CdtOp.MAP_GET_BY_VALUE_LIST:
      return a1?.kind === "list" ? byValueList(els, a1.items) : null;
    case CdtOp.LIST_GET_BY_VALUE_INTERVAL:
    case CdtOp.MAP_GET_BY_VALUE_INTERVAL:
      return a1 === undefined ? null : byValueInterval(els, a1, nilAsAbsent(a[2]));
    case CdtOp.LIST_GET_BY_VALUE_REL_RANK_RANGE:
    case CdtOp.MAP_GET_BY_VALUE_REL_RANK_RANGE: {
      const r = intAt(a, 2);
      const c = countAt(a, 3);
      if (a1 === undefined || r === undefined || c === undefined) return null;
      return byValueRelRankRange(els, a1, r, c);
    }
    case CdtOp.MAP_GET_BY_KEY:
      return a1 === undefined || !isMap ? null : byKey(els, a1);
    case CdtOp.MAP_GET_BY_KEY_LIST:
      return a1?.kind === "list" && isMap ? byKeyList(els, a1.items) : null;
    case CdtOp.MAP_GET_BY_KEY_INTERVAL:
      return a1 === undefined || !isMap ? null : byKeyInterval(els, a1, nilAsAbsent(a[2]));
    case CdtOp.MAP_GET_BY_KEY_REL_INDEX_RANGE: {
      const i = intAt(a, 2);
      const c = countAt(a, 3);
      if (a1 === undefined || i === undefined || c === undefined || !isMap) return null;
      return byKeyRelIndexRange(els, a1, i, c);
    }
    default:
      return null;
  }
}

function nilAsAbsent(v: MpValue | undefined): MpValue | undefined {
  return v === undefined || v.kind === "nil" ? undefined : v;
}

function isListOp(op: number): boolean {
  return op >= 16 && op <= 27;
}

/**
 * Applies a CDT read op (list codes 16–27, map codes 96–110) with its arguments to a list or map
 * value, after following `ctx` when given. Results and failures follow the server's CDT rules;
 * PARAMETER for malformed arguments, OP_NOT_APPLICABLE or INCOMPATIBLE_TYPE otherwise.
 */
export function cdtRead(
  op: number,
  args: readonly MpValue[],
  ctx: MpValue | undefined,
  target: MpValue,
): CdtOutcome {
  const v = ctx === undefined ? target : followContext(target, ctx);
  if (v === undefined) return cdtFail();
  const els = elementsOf(v);
  if (els === undefined) return cdtFail(ResultCode.INCOMPATIBLE_TYPE);
  if (isListOp(op) === els.isMap) return cdtFail(ResultCode.INCOMPATIBLE_TYPE);
  const n = els.values.length;
  switch (op) {
    case CdtOp.LIST_SIZE:
    case CdtOp.MAP_SIZE:
      return cdtOk({ kind: "int", value: BigInt(n) });
    case CdtOp.LIST_GET: {
      const i = intAt(args, 0);
      if (i === undefined) return cdtFail(ResultCode.PARAMETER);
      const s = byIndex(els, i);
      return s === undefined ? cdtFail() : cdtOk(els.values[s.picked[0] as number] as MpValue);
    }
    case CdtOp.LIST_GET_RANGE: {
      const i = intAt(args, 0);
      const c = countAt(args, 1);
      if (i === undefined || c === undefined) return cdtFail(ResultCode.PARAMETER);
      const s = byIndexRange(els, i, c);
      return cdtOk({ kind: "list", items: s.picked.map((k) => els.values[k] as MpValue) });
    }
    default:
      break;
  }
  const rt = intAt(args, 0);
  if (rt === undefined) return cdtFail(ResultCode.PARAMETER);
  const sel = select(op, els, args);
  if (sel === null) return cdtFail(ResultCode.PARAMETER);
  if (sel === undefined) return cdtFail();
  return buildResult(els, sel, Number(rt));
}

/** Every key or every value of a map value, in key order (MAP_KEYS / MAP_VALUES). */
export function mapKeysOrValues(v: MpValue, values: boolean): MpValue | undefined {
  const els = v.kind === "map" ? elementsOf(v) : undefined;
  if (els === undefined) return undefined;
  return { kind: "list", items: [...(values ? els.values : els.keys)] };
}

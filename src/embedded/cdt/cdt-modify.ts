import { compareMsgpack } from "../wire/msgpack-compare.js";
import type { MpValue } from "../wire/msgpack-value.js";
import { ResultCode } from "../wire/result-codes.js";
import { childAt, elementsOf, locate, selectForRead } from "./cdt-read.js";
import { type CdtOutcome, cdtFail, cdtOk, type Elements, INVERTED } from "./cdt-result.js";

/**
 * CDT modify ops applied to a copy of a list or map value (expressions' MODIFY_LOCAL calls): list
 * append/insert/set/increment/clear/sort, map put/put_items/increment/clear, and every
 * remove-by op. Default policies plus the common write flags; the result is the new value.
 */

/** List write flags. */
const ListFlag = { ADD_UNIQUE: 1, INSERT_BOUNDED: 2, NO_FAIL: 4 } as const;
/** Map write flags. */
const MapFlag = { CREATE_ONLY: 1, UPDATE_ONLY: 2, NO_FAIL: 4 } as const;

// remove-by op → the get-by op selecting the same elements.
const LIST_REMOVE_TO_GET: Record<number, number> = {
  32: 19,
  33: 20,
  34: 21,
  35: 22,
  36: 23,
  37: 24,
  38: 25,
  39: 26,
  40: 27,
};
const MAP_REMOVE_TO_GET: Record<number, number> = {
  76: 97,
  77: 98,
  78: 99,
  79: 100,
  81: 107,
  82: 102,
  83: 108,
  84: 103,
  85: 104,
  86: 105,
  87: 106,
  88: 109,
  89: 110,
};

const int = (args: readonly MpValue[], i: number): bigint | undefined => {
  const v = args[i];
  return v?.kind === "int" ? v.value : undefined;
};
const flagsAt = (args: readonly MpValue[], i: number): number => Number(int(args, i) ?? 0n);

function add(a: MpValue, b: MpValue): MpValue | undefined {
  if (a.kind === "int" && b.kind === "int")
    return { kind: "int", value: BigInt.asIntN(64, a.value + b.value) };
  if (a.kind === "float" && b.kind === "float") return { kind: "float", value: a.value + b.value };
  return undefined;
}

function withItems(list: MpValue & { kind: "list" }, items: MpValue[]): MpValue {
  return list.flags === undefined
    ? { kind: "list", items }
    : { kind: "list", items, flags: list.flags };
}

function insertAt(
  items: MpValue[],
  index: bigint,
  values: MpValue[],
  flags: number,
): MpValue[] | number {
  const n = items.length;
  let i = Number(index);
  if (i < 0) i += n;
  if (i < 0 || ((flags & ListFlag.INSERT_BOUNDED) !== 0 && i > n))
    return ResultCode.OP_NOT_APPLICABLE;
  const out = [...items];
  while (out.length < i) out.push({ kind: "nil" });
  out.splice(i, 0, ...values);
  return out;
}

function listModify(
  op: number,
  list: MpValue & { kind: "list" },
  a: readonly MpValue[],
): CdtOutcome {
  const items = list.items;
  const unique = (vals: MpValue[], flags: number) =>
    (flags & ListFlag.ADD_UNIQUE) === 0 ||
    vals.every(
      (v, k) =>
        !items.some((x) => compareMsgpack(x, v) === 0) &&
        !vals.slice(0, k).some((x) => compareMsgpack(x, v) === 0),
    );
  const noFail = (flags: number, code: number) =>
    (flags & ListFlag.NO_FAIL) !== 0 ? cdtOk(list) : cdtFail(code);
  switch (op) {
    case 1:
    case 2: {
      const vals = op === 1 ? [a[0]] : a[0]?.kind === "list" ? a[0].items : undefined;
      if (vals === undefined || vals[0] === undefined) return cdtFail(ResultCode.PARAMETER);
      const f = flagsAt(a, 2);
      if (!unique(vals as MpValue[], f)) return noFail(f, ResultCode.ELEMENT_EXISTS);
      return cdtOk(withItems(list, [...items, ...(vals as MpValue[])]));
    }
    case 3:
    case 4: {
      const idx = int(a, 0);
      const vals = op === 3 ? [a[1]] : a[1]?.kind === "list" ? a[1].items : undefined;
      if (idx === undefined || vals === undefined || vals[0] === undefined)
        return cdtFail(ResultCode.PARAMETER);
      const f = flagsAt(a, 2);
      if (!unique(vals as MpValue[], f)) return noFail(f, ResultCode.ELEMENT_EXISTS);
      const out = insertAt(items, idx, vals as MpValue[], f);
      return typeof out === "number" ? noFail(f, out) : cdtOk(withItems(list, out));
    }
    case 9: {
      const idx = int(a, 0);
      const v = a[1];
      if (idx === undefined || v === undefined) return cdtFail(ResultCode.PARAMETER);
      let i = Number(idx);
      if (i < 0) i += items.length;
      if (i < 0) return cdtFail(ResultCode.OP_NOT_APPLICABLE);
      const out = [...items];
      while (out.length <= i) out.push({ kind: "nil" });
      out[i] = v;
      return cdtOk(withItems(list, out));
    }
    case 11:
      return cdtOk(withItems(list, []));
    case 12: {
      const idx = int(a, 0);
      if (idx === undefined) return cdtFail(ResultCode.PARAMETER);
      let i = Number(idx);
      if (i < 0) i += items.length;
      if (i < 0 || i >= items.length) return cdtFail(ResultCode.OP_NOT_APPLICABLE);
      const delta = a[1] ?? { kind: "int", value: 1n };
      const sum = add(items[i] as MpValue, delta);
      if (sum === undefined) return cdtFail(ResultCode.INCOMPATIBLE_TYPE);
      const out = [...items];
      out[i] = sum;
      return cdtOk(withItems(list, out));
    }
    case 13: {
      const sorted = [...items].sort(compareMsgpack);
      const dedupe = (flagsAt(a, 0) & 2) !== 0;
      const out = dedupe
        ? sorted.filter((v, k) => k === 0 || compareMsgpack(sorted[k - 1] as MpValue, v) !== 0)
        : sorted;
      return cdtOk(withItems(list, out));
    }
    default:
      return cdtFail(ResultCode.PARAMETER);
  }
}

function mapWith(map: MpValue & { kind: "map" }, entries: [MpValue, MpValue][]): MpValue {
  const ordered = map.flags !== undefined && (map.flags & 1) !== 0;
  const e = ordered ? [...entries].sort((x, y) => compareMsgpack(x[0], y[0])) : entries;
  return map.flags === undefined
    ? { kind: "map", entries: e }
    : { kind: "map", entries: e, flags: map.flags };
}

function putAll(
  map: MpValue & { kind: "map" },
  pairs: [MpValue, MpValue][],
  flags: number,
  incr: boolean,
): CdtOutcome {
  const entries = [...map.entries];
  for (const [k, v] of pairs) {
    const at = entries.findIndex((e) => compareMsgpack(e[0], k) === 0);
    let value = v;
    if (at >= 0 && (flags & MapFlag.CREATE_ONLY) !== 0) {
      if ((flags & MapFlag.NO_FAIL) !== 0) continue;
      return cdtFail(ResultCode.ELEMENT_EXISTS);
    }
    if (at < 0 && (flags & MapFlag.UPDATE_ONLY) !== 0) {
      if ((flags & MapFlag.NO_FAIL) !== 0) continue;
      return cdtFail(ResultCode.ELEMENT_NOT_FOUND);
    }
    if (incr && at >= 0) {
      const sum = add((entries[at] as [MpValue, MpValue])[1], v);
      if (sum === undefined) return cdtFail(ResultCode.INCOMPATIBLE_TYPE);
      value = sum;
    }
    if (at >= 0) entries[at] = [k, value];
    else entries.push([k, value]);
  }
  return cdtOk(mapWith(map, entries));
}

function mapModify(op: number, map: MpValue & { kind: "map" }, a: readonly MpValue[]): CdtOutcome {
  switch (op) {
    case 67:
    case 69:
      if (a[0] === undefined || a[1] === undefined) return cdtFail(ResultCode.PARAMETER);
      return putAll(map, [[a[0], a[1]]], op === 69 ? MapFlag.UPDATE_ONLY : flagsAt(a, 3), false);
    case 68:
    case 70:
      if (a[0]?.kind !== "map") return cdtFail(ResultCode.PARAMETER);
      return putAll(map, a[0].entries, op === 70 ? MapFlag.UPDATE_ONLY : flagsAt(a, 2), false);
    case 73:
    case 74: {
      if (a[0] === undefined) return cdtFail(ResultCode.PARAMETER);
      let delta = a[1] ?? { kind: "int", value: 1n };
      if (op === 74)
        delta =
          delta.kind === "float"
            ? { kind: "float", value: -delta.value }
            : { kind: "int", value: -(delta as { value: bigint }).value };
      return putAll(map, [[a[0], delta]], flagsAt(a, 3), true);
    }
    case 75:
      return cdtOk(mapWith(map, []));
    default:
      return cdtFail(ResultCode.PARAMETER);
  }
}

function removeBy(getOp: number, v: MpValue, els: Elements, a: readonly MpValue[]): CdtOutcome {
  const sel = selectForRead(getOp, els, a);
  if (sel === null) return cdtFail(ResultCode.PARAMETER);
  if (sel === undefined) return cdtFail();
  const inverted = ((int(a, 0) ?? 0n) & BigInt(INVERTED)) !== 0n;
  const picked = new Set(sel.picked);
  const keep = (i: number) => picked.has(i) === inverted;
  if (v.kind === "list")
    return cdtOk(
      withItems(
        v,
        v.items.filter((_, i) => keep(i)),
      ),
    );
  const keys = els.keys.filter((_, i) => !keep(i));
  const m = v as MpValue & { kind: "map" };
  return cdtOk(
    mapWith(
      m,
      m.entries.filter((e) => !keys.some((k) => compareMsgpack(k, e[0]) === 0)),
    ),
  );
}

/** Applies a CDT modify op to a list or map value (no context) and returns the new value. */
export function cdtModifyValue(op: number, args: readonly MpValue[], v: MpValue): CdtOutcome {
  const els = elementsOf(v);
  if (els === undefined) return cdtFail(ResultCode.INCOMPATIBLE_TYPE);
  if (v.kind === "list") {
    const getOp = LIST_REMOVE_TO_GET[op];
    if (getOp !== undefined) return removeBy(getOp, v, els, args);
    return op < 16 ? listModify(op, v, args) : cdtFail(ResultCode.INCOMPATIBLE_TYPE);
  }
  const map = v as MpValue & { kind: "map" };
  const getOp = MAP_REMOVE_TO_GET[op];
  if (getOp !== undefined) return removeBy(getOp, v, els, args);
  return op >= 64 && op < 96 ? mapModify(op, map, args) : cdtFail(ResultCode.INCOMPATIBLE_TYPE);
}

function replaceChild(cur: MpValue, pos: number, child: MpValue): MpValue {
  if (cur.kind === "list")
    return withItems(
      cur,
      cur.items.map((v, i) => (i === pos ? child : v)),
    );
  const m = cur as MpValue & { kind: "map" };
  const entries = m.entries.map((e, i) => (i === pos ? ([e[0], child] as [MpValue, MpValue]) : e));
  return m.flags === undefined
    ? { kind: "map", entries }
    : { kind: "map", entries, flags: m.flags };
}

function modifyAt(
  cur: MpValue,
  ctx: readonly MpValue[],
  at: number,
  apply: (v: MpValue) => CdtOutcome,
): CdtOutcome {
  if (at >= ctx.length) return apply(cur);
  const t = ctx[at] as MpValue;
  if (t.kind !== "int") return cdtFail(ResultCode.PARAMETER);
  const pos = locate(cur, Number(t.value), ctx[at + 1] as MpValue);
  if (pos === undefined) return cdtFail();
  const inner = modifyAt(childAt(cur, pos), ctx, at + 2, apply);
  return inner.ok ? cdtOk(replaceChild(cur, pos, inner.value)) : inner;
}

/**
 * Applies a CDT modify op to a copy of `root` (after following `ctx` when given) and returns the
 * whole new root value, as a MODIFY_LOCAL call in an expression does.
 */
export function cdtModify(
  op: number,
  args: readonly MpValue[],
  ctx: MpValue | undefined,
  root: MpValue,
): CdtOutcome {
  if (ctx === undefined) return cdtModifyValue(op, args, root);
  if (ctx.kind !== "list" || ctx.items.length === 0 || ctx.items.length % 2 !== 0) {
    return cdtFail(ResultCode.PARAMETER);
  }
  return modifyAt(root, ctx.items, 0, (v) => cdtModifyValue(op, args, v));
}

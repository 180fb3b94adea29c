import type { MpValue } from "../wire/msgpack-value.js";
import { cdtCompare } from "./cdt-compare.js";
import type { Elements, Selection } from "./cdt-result.js";
import { rankOrder } from "./cdt-result.js";
import { rankRangeByHeap } from "./order-heap.js";

/**
 * Element selection for CDT get-by reads: by index, rank, value and (for maps) key, single or
 * ranged, with the server's index/count normalisation. Functions return undefined where the
 * server fails the op (OP_NOT_APPLICABLE).
 */

const cmp = cdtCompare;

/** Count "to the end" when a range op has no count argument. */
export const TO_END = Number.MAX_SAFE_INTEGER;

/** Normalises a multi-element (index, count) pair: negative index from the end, clipped. */
export function indexRange(
  index: bigint,
  count: number,
  n: number,
): { start: number; count: number } {
  if (index >= BigInt(n)) return { start: n, count: 0 };
  let i = Number(index);
  if (i < 0) i += n;
  if (i < 0) {
    const c = count > -i ? Math.min(count + i, n) : 0;
    return { start: 0, count: c };
  }
  return { start: i, count: Math.min(count, n - i) };
}

function singleIndex(index: bigint, n: number): number | undefined {
  if (index >= BigInt(n)) return undefined;
  let i = Number(index);
  if (i < 0) i += n;
  return i < 0 ? undefined : i;
}

function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => start + k);
}

/** The element at `index` (negative from the end). */
export function byIndex(els: Elements, index: bigint): Selection | undefined {
  const i = singleIndex(index, els.values.length);
  return i === undefined ? undefined : { multi: false, picked: [i] };
}

/** Elements `[index, index+count)`. */
export function byIndexRange(els: Elements, index: bigint, count: number): Selection {
  const r = indexRange(index, count, els.values.length);
  return { multi: true, picked: range(r.start, r.count) };
}

/** The element of rank `rank` (negative from the highest). */
export function byRank(els: Elements, rank: bigint): Selection | undefined {
  const r = singleIndex(rank, els.values.length);
  if (r === undefined) return undefined;
  const el = rankOrder(els.values)[r] as number;
  return { multi: false, picked: [el], rankRange: { start: r, count: 1 } };
}

/**
 * Elements of ranks `[rank, rank+count)`. Lists keep the server's heap output order; maps give
 * them lowest rank first.
 */
export function byRankRange(els: Elements, rank: bigint, count: number): Selection {
  const n = els.values.length;
  const r = indexRange(rank, count, n);
  if (r.count === 0) return { multi: true, picked: [], rankRange: r };
  if (els.ordered === true) return { multi: true, picked: range(r.start, r.count), rankRange: r };
  const vals = els.values;
  const pick = rankRangeByHeap(n, r.start, r.count, (a, b) =>
    cmp(vals[a] as MpValue, vals[b] as MpValue),
  );
  let picked = [...pick.picked];
  if (els.isMap && pick.minHeap) picked = picked.reverse();
  return { multi: true, picked, rankRange: r };
}

/** Every element equal to `value`. */
export function byValue(els: Elements, value: MpValue): Selection {
  const picked = els.values.flatMap((v, i) => (cmp(v, value) === 0 ? [i] : []));
  return { multi: true, picked };
}

/** Every element whose value is in `list`. */
export function byValueList(els: Elements, list: readonly MpValue[]): Selection {
  const picked = els.values.flatMap((v, i) => (list.some((x) => cmp(v, x) === 0) ? [i] : []));
  return { multi: true, picked };
}

/** Elements with `begin <= value < end` (no end: unbounded). */
export function byValueInterval(
  els: Elements,
  begin: MpValue,
  end: MpValue | undefined,
): Selection {
  const inside = (v: MpValue) => cmp(v, begin) >= 0 && (end === undefined || cmp(v, end) < 0);
  const picked = els.values.flatMap((v, i) => (inside(v) ? [i] : []));
  const start = els.values.filter((v) => cmp(v, begin) < 0).length;
  return { multi: true, picked, rankRange: { start, count: picked.length } };
}

/** Elements ranked `rank..rank+count` relative to the rank `value` would have. */
export function byValueRelRankRange(
  els: Elements,
  value: MpValue,
  rank: bigint,
  count: number,
): Selection {
  const base = els.values.filter((v) => cmp(v, value) < 0).length;
  const rel = relative(rank, count, base);
  return byRankRange(els, rel.index, rel.count);
}

function relative(index: bigint, count: number, base: number): { index: bigint; count: number } {
  let i = index + BigInt(base);
  let c = count;
  if (i < 0n) {
    const neg = Number(-i);
    c = c > neg ? c - neg : 0;
    i = 0n;
  }
  return { index: i, count: c };
}

/** The map entry with key `key` (not found: nothing selected). */
export function byKey(els: Elements, key: MpValue): Selection {
  const i = els.keys.findIndex((k) => cmp(k, key) === 0);
  return { multi: false, picked: i < 0 ? [] : [i] };
}

/** Map entries whose key is in `keys`. */
export function byKeyList(els: Elements, keys: readonly MpValue[]): Selection {
  const picked = els.keys.flatMap((k, i) => (keys.some((x) => cmp(k, x) === 0) ? [i] : []));
  return { multi: true, picked };
}

/** Map entries with `begin <= key < end`. */
export function byKeyInterval(els: Elements, begin: MpValue, end: MpValue | undefined): Selection {
  const inside = (k: MpValue) => cmp(k, begin) >= 0 && (end === undefined || cmp(k, end) < 0);
  return { multi: true, picked: els.keys.flatMap((k, i) => (inside(k) ? [i] : [])) };
}

/** Map entries at key-order positions relative to where `key` is or would be. */
export function byKeyRelIndexRange(
  els: Elements,
  key: MpValue,
  index: bigint,
  count: number,
): Selection {
  const base = els.keys.filter((k) => cmp(k, key) < 0).length;
  const rel = relative(index, count, base);
  return byIndexRange(els, rel.index, rel.count);
}

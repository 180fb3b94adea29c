import { compareMsgpack } from "../wire/msgpack-compare.js";
import type { MpValue } from "../wire/msgpack-value.js";
import { ResultCode } from "../wire/result-codes.js";

/** CDT read return types (the `return_type` argument of get-by ops). */
export const ReturnType = {
  NONE: 0,
  INDEX: 1,
  REVERSE_INDEX: 2,
  RANK: 3,
  REVERSE_RANK: 4,
  COUNT: 5,
  KEY: 6,
  VALUE: 7,
  KEY_VALUE: 8,
  EXISTS: 13,
  UNORDERED_MAP: 16,
  ORDERED_MAP: 17,
} as const;

/** The INVERTED flag of a return type. */
export const INVERTED = 0x10000;

/** Result of a CDT read: a value, or the result code that fails it. */
export type CdtOutcome =
  | { readonly ok: true; readonly value: MpValue }
  | { readonly ok: false; readonly code: number };

/** A failed CDT read. */
export function cdtFail(code: number = ResultCode.OP_NOT_APPLICABLE): CdtOutcome {
  return { ok: false, code };
}

/** A successful CDT read. */
export function cdtOk(value: MpValue): CdtOutcome {
  return { ok: true, value };
}

/** The elements a read works on: list items, or map entries in key order (keys then values). */
export interface Elements {
  readonly isMap: boolean;
  /** An ordered list (values kept sorted, so rank order is index order). */
  readonly ordered?: boolean;
  readonly keys: readonly MpValue[];
  readonly values: readonly MpValue[];
}

/**
 * What a get-by op selected. `picked` holds element indices in result order; `rankRange` is set
 * for rank-range selections (their RANK results are the range itself).
 */
export interface Selection {
  readonly multi: boolean;
  readonly picked: readonly number[];
  readonly rankRange?: { readonly start: number; readonly count: number };
}

const int = (v: number): MpValue => ({ kind: "int", value: BigInt(v) });

/** Element indices ordered by value (ties by index): `order[r]` is the element of rank r. */
export function rankOrder(values: readonly MpValue[]): number[] {
  return values
    .map((_, i) => i)
    .sort((a, b) => compareMsgpack(values[a] as MpValue, values[b] as MpValue) || a - b);
}

function ranks(values: readonly MpValue[]): number[] {
  const out = new Array<number>(values.length);
  rankOrder(values).forEach((el, r) => {
    out[el] = r;
  });
  return out;
}

/**
 * Builds the read result of a selection for a return type (with optional INVERTED flag), as the
 * server formats it: single ops give scalars, multi ops lists (or maps for map return types).
 */
export function buildResult(els: Elements, sel: Selection, returnType: number): CdtOutcome {
  const inverted = (returnType & INVERTED) !== 0;
  const rt = returnType & ~INVERTED;
  const n = els.values.length;
  if (inverted && !sel.multi) return cdtFail();
  let picked = sel.picked;
  if (inverted) {
    const chosen = new Set(picked);
    picked = els.values.map((_, i) => i).filter((i) => !chosen.has(i));
  }
  const sortedIdx = () => [...picked].sort((a, b) => a - b);
  const single = !sel.multi;
  switch (rt) {
    case ReturnType.NONE:
      return cdtOk({ kind: "nil" });
    case ReturnType.COUNT:
      return cdtOk(int(picked.length));
    case ReturnType.EXISTS:
      return cdtOk({ kind: "bool", value: picked.length > 0 });
    case ReturnType.INDEX:
    case ReturnType.REVERSE_INDEX: {
      const rev = rt === ReturnType.REVERSE_INDEX;
      const idx = sortedIdx().map((i) => (rev ? n - 1 - i : i));
      if (single) return cdtOk(int(idx[0] ?? -1));
      return cdtOk({ kind: "list", items: idx.map(int) });
    }
    case ReturnType.RANK:
    case ReturnType.REVERSE_RANK: {
      const rev = rt === ReturnType.REVERSE_RANK;
      let rs: number[];
      if (sel.rankRange !== undefined && !inverted) {
        const { start, count } = sel.rankRange;
        rs = Array.from({ length: count }, (_, i) => start + i);
      } else {
        const all = ranks(els.values);
        rs = sortedIdx().map((i) => all[i] as number);
      }
      if (rev) rs = rs.map((r) => n - 1 - r);
      if (single) return cdtOk(int(rs[0] ?? -1));
      return cdtOk({ kind: "list", items: rs.map(int) });
    }
    case ReturnType.VALUE: {
      const vals = picked.map((i) => els.values[i] as MpValue);
      if (single) return cdtOk(vals[0] ?? { kind: "nil" });
      return cdtOk({ kind: "list", items: vals });
    }
    case ReturnType.KEY: {
      if (!els.isMap) return cdtFail();
      const keys = picked.map((i) => els.keys[i] as MpValue);
      if (single) return cdtOk(keys[0] ?? { kind: "nil" });
      return cdtOk({ kind: "list", items: keys });
    }
    case ReturnType.KEY_VALUE:
    case ReturnType.UNORDERED_MAP:
    case ReturnType.ORDERED_MAP: {
      if (!els.isMap) return cdtFail();
      const order = rt === ReturnType.ORDERED_MAP ? sortedIdx() : picked;
      const entries: [MpValue, MpValue][] = order.map((i) => [
        els.keys[i] as MpValue,
        els.values[i] as MpValue,
      ]);
      const flags = rt === ReturnType.KEY_VALUE ? 8 : rt === ReturnType.ORDERED_MAP ? 1 : undefined;
      return cdtOk(
        flags === undefined ? { kind: "map", entries } : { kind: "map", entries, flags },
      );
    }
    default:
      return cdtFail();
  }
}

import { compareMsgpack } from "../wire/msgpack-compare.js";
import type { MpValue } from "../wire/msgpack-value.js";

const WILD = Symbol("wildcard");

function isWildcard(v: MpValue): boolean {
  return v.kind === "ext" && v.type === 0xff && v.data.length === 1 && v.data[0] === 0;
}

function cmp(a: MpValue, b: MpValue): number | typeof WILD {
  if (isWildcard(a) || isWildcard(b)) return WILD;
  if (a.kind === "list" && b.kind === "list") {
    const n = Math.min(a.items.length, b.items.length);
    for (let i = 0; i < n; i++) {
      const c = cmp(a.items[i] as MpValue, b.items[i] as MpValue);
      if (c !== 0) return c;
    }
    return a.items.length === b.items.length ? 0 : a.items.length < b.items.length ? -1 : 1;
  }
  return compareMsgpack(a, b);
}

/**
 * The ordering CDT value selectors use: msgpack order, where a WILDCARD (`d4 ff 00`) matches any
 * value and, inside a list, everything after it (so `[1, WILDCARD]` selects every list starting
 * with 1).
 */
export function cdtCompare(a: MpValue, b: MpValue): number {
  const c = cmp(a, b);
  return c === WILD ? 0 : c;
}

import type { MpValue } from "./msgpack-value.js";

/**
 * Rank of a value's type in the server's msgpack ordering:
 * NIL < FALSE < TRUE < INT < STRING < LIST < MAP < BYTES < DOUBLE < GEOJSON < EXT < WILDCARD < INF.
 */
export function typeRank(v: MpValue): number {
  switch (v.kind) {
    case "nil":
      return 0;
    case "bool":
      return v.value ? 2 : 1;
    case "int":
      return 3;
    case "str":
      return 4;
    case "list":
      return 5;
    case "map":
      return 6;
    case "bytes":
      return 7;
    case "float":
      return 8;
    case "geojson":
      return 9;
    case "ext":
      if (v.type === 0xff && v.data.length === 1) return v.data[0] === 0 ? 11 : 12;
      return 10;
  }
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function sortedEntries(entries: readonly [MpValue, MpValue][]): [MpValue, MpValue][] {
  return [...entries].sort((x, y) => compareMsgpack(x[0], y[0]));
}

/**
 * Total order over msgpack values as the server uses it for CDT ordering and comparisons.
 *
 * Integers and doubles are never compared numerically with each other (type rank decides);
 * strings and blobs compare bytewise, then by length; lists element-wise, then by length; maps
 * by size, then by their key-sorted entries. Returns -1, 0 or 1.
 */
export function compareMsgpack(a: MpValue, b: MpValue): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (a.kind) {
    case "int": {
      const bv = (b as typeof a).value;
      return a.value === bv ? 0 : a.value < bv ? -1 : 1;
    }
    case "float": {
      const bv = (b as typeof a).value;
      return a.value === bv ? 0 : a.value < bv ? -1 : 1;
    }
    case "str":
      return compareBytes(Buffer.from(a.value, "utf8"), Buffer.from((b as typeof a).value, "utf8"));
    case "geojson":
      return compareBytes(Buffer.from(a.value, "utf8"), Buffer.from((b as typeof a).value, "utf8"));
    case "bytes":
      return compareBytes(a.value, (b as typeof a).value);
    case "ext":
      return compareBytes(a.data, (b as typeof a).data);
    case "list": {
      const bl = (b as typeof a).items;
      const n = Math.min(a.items.length, bl.length);
      for (let i = 0; i < n; i++) {
        const c = compareMsgpack(a.items[i] as MpValue, bl[i] as MpValue);
        if (c !== 0) return c;
      }
      return a.items.length === bl.length ? 0 : a.items.length < bl.length ? -1 : 1;
    }
    case "map": {
      const bm = (b as typeof a).entries;
      if (a.entries.length !== bm.length) return a.entries.length < bm.length ? -1 : 1;
      const ea = sortedEntries(a.entries);
      const eb = sortedEntries(bm);
      for (let i = 0; i < ea.length; i++) {
        const [ka, va] = ea[i] as [MpValue, MpValue];
        const [kb, vb] = eb[i] as [MpValue, MpValue];
        const c = compareMsgpack(ka, kb) || compareMsgpack(va, vb);
        if (c !== 0) return c;
      }
      return 0;
    }
    default:
      return 0;
  }
}

/** Whether two values are equal under {@link compareMsgpack}. */
export function msgpackEquals(a: MpValue, b: MpValue): boolean {
  return compareMsgpack(a, b) === 0;
}

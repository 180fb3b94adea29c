import { describe, expect, it } from "vitest";
import type { MpValue } from "../../../../src/embedded/wire/msgpack-value.js";
import { bin, type E, mp, O, read, record, T } from "./exp-helper.js";

// Return types and the INVERTED flag.
const RT = { NONE: 0, INDEX: 1, REV_INDEX: 2, RANK: 3, REV_RANK: 4, COUNT: 5, KEY: 6, VALUE: 7 };
const KV = 8;
const EXISTS = 13;
const UNORDERED = 16;
const ORDERED = 17;
const INV = 0x10000;

const s = mp.str;
const n = mp.int;
const rec = record({
  l: mp.list(n(5), n(3), n(9), n(1), n(7)),
  m: mp.map([
    [s("c"), n(2)],
    [s("a"), n(3)],
    [s("b"), n(1)],
  ]),
  nest: mp.map([
    [s("k"), mp.list(n(10), n(20), n(30))],
    [s("m"), mp.map([[s("x"), mp.map([[s("y"), n(5)]])]])],
  ]),
  ll: mp.list(mp.list(n(1), n(2)), mp.list(n(3), n(4))),
});

const call = (type: number, op: E[], b: E): E => [O.call, type, 0, op, b];
const L = bin(T.list, "l");
const M = bin(T.map, "m");
const ints = (...v: number[]) => mp.list(...v.map(n));
const strs = (...v: string[]) => mp.list(...v.map(s));

function ok(e: E): MpValue {
  const r = read(rec, e);
  expect(r.code).toBe(0);
  return r.value as MpValue;
}

describe("list reads inside expressions", () => {
  const cases: [string, number, E[], MpValue][] = [
    ["byIndex VALUE", T.int, [19, RT.VALUE, 1], n(3)],
    ["byIndex -1 INDEX", T.int, [19, RT.INDEX, -1], n(4)],
    ["byIndex -1 REVERSE_INDEX", T.int, [19, RT.REV_INDEX, -1], n(0)],
    ["byIndex -1 RANK", T.int, [19, RT.RANK, -1], n(3)],
    ["byIndex -1 REVERSE_RANK", T.int, [19, RT.REV_RANK, -1], n(1)],
    ["byIndex COUNT", T.int, [19, RT.COUNT, 0], n(1)],
    ["byIndex EXISTS", T.bool, [19, EXISTS, 0], mp.bool(true)],
    ["byIndex NONE", T.nil, [19, RT.NONE, 0], mp.nil],
    ["indexRange VALUE", T.list, [24, RT.VALUE, 1, 2], ints(3, 9)],
    ["indexRange INDEX", T.list, [24, RT.INDEX, 1, 2], ints(1, 2)],
    ["indexRange REVERSE_INDEX", T.list, [24, RT.REV_INDEX, 1, 2], ints(3, 2)],
    ["indexRange RANK", T.list, [24, RT.RANK, 1, 2], ints(1, 4)],
    ["indexRange COUNT", T.int, [24, RT.COUNT, 1, 2], n(2)],
    ["indexRange inverted VALUE", T.list, [24, RT.VALUE | INV, 1, 2], ints(5, 1, 7)],
    ["indexRange inverted INDEX", T.list, [24, RT.INDEX | INV, 1, 2], ints(0, 3, 4)],
    ["indexRange to end from -2", T.list, [24, RT.VALUE, -2], ints(1, 7)],
    ["indexRange clipped before start", T.list, [24, RT.VALUE, -7, 4], ints(5, 3)],
    ["indexRange entirely before start", T.list, [24, RT.VALUE, -10, 3], ints()],
    ["indexRange past end", T.list, [24, RT.VALUE, 9, 3], ints()],
    ["byRank 0 VALUE", T.int, [21, RT.VALUE, 0], n(1)],
    ["byRank 0 INDEX", T.int, [21, RT.INDEX, 0], n(3)],
    ["byRank -1 VALUE", T.int, [21, RT.VALUE, -1], n(9)],
    ["rankRange (heap order)", T.list, [26, RT.VALUE, 0, 2], ints(3, 1)],
    ["rankRange INDEX", T.list, [26, RT.INDEX, 0, 2], ints(1, 3)],
    ["rankRange RANK", T.list, [26, RT.RANK, 0, 2], ints(0, 1)],
    ["rankRange REVERSE_RANK", T.list, [26, RT.REV_RANK, 0, 2], ints(4, 3)],
    ["rankRange to end", T.list, [26, RT.VALUE, -2], ints(7, 9)],
    ["rankRange inverted", T.list, [26, RT.VALUE | INV, 0, 2], ints(5, 9, 7)],
    ["allByValue INDEX", T.list, [22, RT.INDEX, 3], ints(1)],
    ["allByValue absent COUNT", T.int, [22, RT.COUNT, 4], n(0)],
    ["allByValue absent EXISTS", T.bool, [22, EXISTS, 4], mp.bool(false)],
    ["valueList VALUE", T.list, [23, RT.VALUE, [O.quote, [9, 1, 100]]], ints(9, 1)],
    ["valueList inverted", T.list, [23, RT.VALUE | INV, [O.quote, [9, 1, 100]]], ints(5, 3, 7)],
    ["valueInterval VALUE", T.list, [25, RT.VALUE, 3, 7], ints(5, 3)],
    ["valueInterval RANK", T.list, [25, RT.RANK, 3, 7], ints(1, 2)],
    ["valueInterval open end", T.list, [25, RT.VALUE, 5], ints(5, 9, 7)],
    ["valueRelRankRange", T.list, [27, RT.VALUE, 5, -1, 2], ints(5, 3)],
    ["valueRelRankRange to end", T.list, [27, RT.VALUE, 6, 0], ints(7, 9)],
    ["size", T.int, [16], n(5)],
  ];
  it.each(cases)("%s", (_n, type, op, want) => {
    expect(ok(call(type, op, L))).toEqual(want);
  });

  it("out-of-range single index and wrong declared type are unknown", () => {
    expect(read(rec, call(T.int, [19, RT.VALUE, 5], L)).code).toBe(26);
    expect(read(rec, call(T.str, [19, RT.VALUE, 0], L)).code).toBe(26);
    expect(read(rec, call(T.int, [19, RT.VALUE | INV, 0], L)).code).toBe(26);
    expect(read(rec, call(T.int, [96], L)).code).toBe(26);
  });

  it("a WILDCARD in a value matches anything from there on", () => {
    const wild = { mp: { kind: "ext", type: 0xff, data: Buffer.from([0]) } } as E;
    const lol = [
      O.quote,
      [
        [1, 2],
        [1, 3],
        [2, 1],
      ],
    ];
    expect(ok(call(T.list, [22, RT.INDEX, [O.quote, [1, wild]]], lol))).toEqual(ints(0, 1));
    expect(ok(call(T.int, [22, RT.COUNT, wild], lol))).toEqual(n(3));
  });

  it("rank ranges of an ordered list come in index order", () => {
    const ordered: MpValue = { kind: "list", items: [n(1), n(3), n(5), n(7), n(9)], flags: 1 };
    const r = record({ o: ordered });
    const got = read(r, call(T.list, [26, RT.VALUE, 0, 2], bin(T.list, "o")));
    expect(got.value).toEqual(ints(1, 3));
  });

  it("works on list literals and on the result of another call", () => {
    expect(ok(call(T.int, [16], [O.quote, [1, 2, 3]]))).toEqual(n(3));
    const inner = call(T.list, [24, RT.VALUE, 0, 3], L);
    expect(ok(call(T.int, [21, RT.VALUE, -1], inner))).toEqual(n(9));
  });
});

describe("map reads inside expressions", () => {
  const cases: [string, number, E[], MpValue][] = [
    ["byKey VALUE", T.int, [97, RT.VALUE, "a"], n(3)],
    ["byKey KEY", T.str, [97, RT.KEY, "a"], s("a")],
    ["byKey INDEX", T.int, [97, RT.INDEX, "a"], n(0)],
    ["byKey RANK", T.int, [97, RT.RANK, "a"], n(2)],
    ["byKey KEY_VALUE", T.map, [97, KV, "a"], mp.map([[s("a"), n(3)]], 8)],
    ["byKey missing INDEX", T.int, [97, RT.INDEX, "z"], n(-1)],
    ["byKey missing COUNT", T.int, [97, RT.COUNT, "z"], n(0)],
    ["byKey missing EXISTS", T.bool, [97, EXISTS, "z"], mp.bool(false)],
    ["byKey missing VALUE (nil)", T.nil, [97, RT.VALUE, "z"], mp.nil],
    ["byIndex 0 KEY", T.str, [98, RT.KEY, 0], s("a")],
    ["byIndex -1 VALUE", T.int, [98, RT.VALUE, -1], n(2)],
    ["byRank 0 KEY", T.str, [100, RT.KEY, 0], s("b")],
    ["byRank -1 KEY", T.str, [100, RT.KEY, -1], s("a")],
    ["indexRange KEY", T.list, [104, RT.KEY, 1, 2], strs("b", "c")],
    [
      "indexRange KEY_VALUE",
      T.map,
      [104, KV, 1, 2],
      mp.map(
        [
          [s("b"), n(1)],
          [s("c"), n(2)],
        ],
        8,
      ),
    ],
    [
      "indexRange UNORDERED_MAP",
      T.map,
      [104, UNORDERED, 1, 2],
      mp.map([
        [s("b"), n(1)],
        [s("c"), n(2)],
      ]),
    ],
    [
      "indexRange ORDERED_MAP",
      T.map,
      [104, ORDERED, 1, 2],
      mp.map(
        [
          [s("b"), n(1)],
          [s("c"), n(2)],
        ],
        1,
      ),
    ],
    ["rankRange VALUE (lowest first)", T.list, [106, RT.VALUE, 0, 2], ints(1, 2)],
    ["rankRange KEY", T.list, [106, RT.KEY, 0, 2], strs("b", "c")],
    ["allByValue KEY", T.list, [102, RT.KEY, 2], strs("c")],
    ["keyInterval KEY", T.list, [103, RT.KEY, "a", "c"], strs("a", "b")],
    ["keyInterval inverted KEY", T.list, [103, RT.KEY | INV, "a", "c"], strs("c")],
    ["valueInterval KEY", T.list, [105, RT.KEY, 2, 4], strs("a", "c")],
    ["valueInterval VALUE", T.list, [105, RT.VALUE, 2, 4], ints(3, 2)],
    ["keyList VALUE", T.list, [107, RT.VALUE, [O.quote, ["a", "c"]]], ints(3, 2)],
    ["keyList COUNT", T.int, [107, RT.COUNT, [O.quote, ["a", "zz"]]], n(1)],
    ["valueList KEY", T.list, [108, RT.KEY, [O.quote, [1, 3]]], strs("a", "b")],
    ["keyRelIndexRange", T.list, [109, RT.KEY, "b", 0, 1], strs("b")],
    ["keyRelIndexRange from absent key", T.list, [109, RT.KEY, "bb", 0], strs("c")],
    ["valueRelRankRange", T.list, [110, RT.VALUE, 2, 0, 2], ints(2, 3)],
    ["size", T.int, [96], n(3)],
  ];
  it.each(cases)("%s", (_n, type, op, want) => {
    expect(ok(call(type, op, M))).toEqual(want);
  });

  it("map keys and values", () => {
    expect(ok([O.mapKeys, M])).toEqual(strs("a", "b", "c"));
    expect(ok([O.mapValues, M])).toEqual(ints(3, 1, 2));
  });

  it("KEY return type on a list is unknown", () => {
    expect(read(rec, call(T.list, [24, RT.KEY, 0, 1], L)).code).toBe(26);
  });
});

describe("nested contexts", () => {
  const ctx = (c: E[], op: E[]): E[] => [0xff, c, op];
  it.each([
    ["map key → list", T.int, ctx([0x22, "k"], [19, RT.VALUE, 1]), "nest", T.map, n(20)],
    [
      "map key → map key",
      T.int,
      ctx([0x22, "m", 0x22, "x"], [97, RT.VALUE, "y"]),
      "nest",
      T.map,
      n(5),
    ],
    ["list index → list", T.int, ctx([0x10, -1], [19, RT.VALUE, 0]), "ll", T.list, n(3)],
    ["list rank → list", T.int, ctx([0x11, 0], [16]), "ll", T.list, n(2)],
    ["list value → list", T.int, ctx([0x13, [3, 4]], [21, RT.VALUE, -1]), "ll", T.list, n(4)],
    ["map index → list", T.int, ctx([0x20, 0], [16]), "nest", T.map, n(3)],
  ] as [string, number, E[], string, number, MpValue][])("%s", (_n, type, op, b, bt, want) => {
    expect(ok(call(type, op, bin(bt, b)))).toEqual(want);
  });

  it("a missing context element is unknown", () => {
    expect(read(rec, call(T.int, ctx([0x22, "zz"], [16]), bin(T.map, "nest"))).code).toBe(26);
    expect(read(rec, call(T.int, ctx([0x10, 5], [16]), bin(T.list, "ll"))).code).toBe(26);
  });
});

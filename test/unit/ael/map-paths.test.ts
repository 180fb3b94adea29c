import { describe, expect, test } from "vitest";
import {
  type Case,
  compiled,
  ctx,
  exp,
  expectProblem,
  lists,
  MR,
  maps,
  T,
  fixedExp as x,
} from "./helpers.js";

const bin = exp.binMap("mapBin1");
const INV = MR.INVERTED;

const cases: Case[] = [
  ["$.mapBin1.a == 200", exp.eq(maps.getByKey(bin, exp.str("a"), T.INT, MR.VALUE), exp.int(200))],
  [
    "$.mapBin1.a.get(type: INT) == 200",
    exp.eq(maps.getByKey(bin, exp.str("a"), T.INT, MR.VALUE), exp.int(200)),
  ],
  [
    '$.mapBin1.a == "stringVal"',
    exp.eq(maps.getByKey(bin, exp.str("a"), T.STR, MR.VALUE), exp.str("stringVal")),
  ],
  [
    "$.mapBin1.'127.0.0.1' == 1",
    exp.eq(maps.getByKey(bin, exp.str("127.0.0.1"), T.INT, MR.VALUE), exp.int(1)),
  ],
  ['$.mapBin1."a b" == 1', exp.eq(maps.getByKey(bin, exp.str("a b"), T.INT, MR.VALUE), exp.int(1))],
  ["$.mapBin1.in == 1", exp.eq(maps.getByKey(bin, exp.str("in"), T.INT, MR.VALUE), exp.int(1))],
  [
    "$.mapBin1.count == 1",
    exp.eq(maps.getByKey(bin, exp.str("count"), T.INT, MR.VALUE), exp.int(1)),
  ],
  ["$.mapBin1.5 == 1", exp.eq(maps.getByKey(bin, exp.int(5), T.INT, MR.VALUE), exp.int(1))],
  ["$.mapBin1.-3 == 1", exp.eq(maps.getByKey(bin, exp.int(-3), T.INT, MR.VALUE), exp.int(1))],
  ["$.mapBin1.+5 == 1", exp.eq(maps.getByKey(bin, exp.int(5), T.INT, MR.VALUE), exp.int(1))],
  ["$.mapBin1.007 == 1", exp.eq(maps.getByKey(bin, exp.int(7), T.INT, MR.VALUE), exp.int(1))],
  ["$.mapBin1.0xff == 1", exp.eq(maps.getByKey(bin, exp.int(255), T.INT, MR.VALUE), exp.int(1))],
  ["$.mapBin1.0B11 == 1", exp.eq(maps.getByKey(bin, exp.int(3), T.INT, MR.VALUE), exp.int(1))],
  ["$.mapBin1.'55' == 1", exp.eq(maps.getByKey(bin, exp.str("55"), T.INT, MR.VALUE), exp.int(1))],
  ["$.mapBin1.1abc == 1", exp.eq(maps.getByKey(bin, exp.str("1abc"), T.INT, MR.VALUE), exp.int(1))],
  ["$.mapBin1.get == 1", exp.eq(maps.getByKey(bin, exp.str("get"), T.INT, MR.VALUE), exp.int(1))],
  ["$.mapBin1.a.exists ( )", maps.getByKey(bin, exp.str("a"), T.BOOL, MR.EXISTS)],
  ["$.mapBin1.{}.count() > 200", exp.gt(maps.size(bin), exp.int(200))],
  // As in expression-dsl-java, count() without a designator counts a list.
  ["$.mapBin1.count() > 200", exp.gt(lists.size(exp.binList("mapBin1")), exp.int(200))],
  [
    "$.mapBin1.a.{}.count() == 200",
    exp.eq(maps.size(maps.getByKey(bin, exp.str("a"), T.MAP, MR.VALUE)), exp.int(200)),
  ],
  [
    "$.mapBin1.a.count() == 200",
    exp.eq(lists.size(maps.getByKey(bin, exp.str("a"), T.LIST, MR.VALUE)), exp.int(200)),
  ],
  ["$.mapBin1.{0} == 100", exp.eq(maps.getByIndex(bin, exp.int(0), T.INT, MR.VALUE), exp.int(100))],
  [
    "$.mapBin1.{0} == 'value'",
    exp.eq(maps.getByIndex(bin, exp.int(0), T.STR, MR.VALUE), exp.str("value")),
  ],
  [
    "$.mapBin1.{=100} == [100]",
    exp.eq(maps.getByValue(bin, exp.int(100), MR.VALUE), exp.list([100])),
  ],
  [
    "$.mapBin1.{=100}.count() > 0",
    exp.gt(maps.getByValue(bin, exp.int(100), MR.COUNT), exp.int(0)),
  ],
  [
    "$.mapBin1.{=100}.{}.count() > 0",
    exp.gt(maps.getByValue(bin, exp.int(100), MR.COUNT), exp.int(0)),
  ],
  [
    "$.mapBin1.{#-1} == 100",
    exp.eq(maps.getByRank(bin, exp.int(-1), T.INT, MR.VALUE), exp.int(100)),
  ],
  ["$.mapBin1.{a-c}", maps.getByKeyRange(bin, exp.str("c"), exp.str("a"), MR.VALUE)],
  ['$.mapBin1.{"a"-"c"}', maps.getByKeyRange(bin, exp.str("c"), exp.str("a"), MR.VALUE)],
  ["$.mapBin1.{!a-c}", maps.getByKeyRange(bin, exp.str("c"), exp.str("a"), MR.VALUE | INV)],
  ["$.mapBin1.{a-}", x.cdtRead(T.LIST, 103, [exp.int(MR.VALUE), exp.str("a")], bin)],
  ["$.mapBin1.{a,b,c}", maps.getByKeyList(bin, exp.list(["a", "b", "c"]), MR.VALUE)],
  ["$.mapBin1.{!a,b,c}", maps.getByKeyList(bin, exp.list(["a", "b", "c"]), MR.VALUE | INV)],
  ["$.mapBin1.{1:3}", maps.getByIndexRange(bin, exp.int(2), exp.int(1), MR.VALUE)],
  ["$.mapBin1.{-3:1}", maps.getByIndexRange(bin, exp.int(4), exp.int(-3), MR.VALUE)],
  ["$.mapBin1.{!2:4}", maps.getByIndexRange(bin, exp.int(2), exp.int(2), MR.VALUE | INV)],
  ["$.mapBin1.{1:}", maps.getByIndexRangeToEnd(bin, exp.int(1), MR.VALUE)],
  ["$.mapBin1.{=a,b,c}", maps.getByValueList(bin, exp.list(["a", "b", "c"]), MR.VALUE)],
  ["$.mapBin1.{!=1,2,3}", maps.getByValueList(bin, exp.list([1, 2, 3]), MR.VALUE | INV)],
  ["$.mapBin1.{=111:334}", maps.getByValueRange(bin, exp.int(334), exp.int(111), MR.VALUE)],
  ["$.mapBin1.{!=10:20}", maps.getByValueRange(bin, exp.int(20), exp.int(10), MR.VALUE | INV)],
  ["$.mapBin1.{=111:}", x.cdtRead(T.LIST, 105, [exp.int(MR.VALUE), exp.int(111)], bin)],
  ["$.mapBin1.{#0:3}", maps.getByRankRange(bin, exp.int(3), exp.int(0), MR.VALUE)],
  ["$.mapBin1.{!#0:3}", maps.getByRankRange(bin, exp.int(3), exp.int(0), MR.VALUE | INV)],
  ["$.mapBin1.{#-3:}", maps.getByRankRangeToEnd(bin, exp.int(-3), MR.VALUE)],
  [
    "$.mapBin1.{#-1:1~10}",
    maps.getByValueRelRankRange(bin, exp.int(2), exp.int(-1), exp.int(10), MR.VALUE),
  ],
  [
    "$.mapBin1.{!#-1:1~10}",
    maps.getByValueRelRankRange(bin, exp.int(2), exp.int(-1), exp.int(10), MR.VALUE | INV),
  ],
  [
    "$.mapBin1.{#-2:~10}",
    maps.getByValueRelRankRangeToEnd(bin, exp.int(-2), exp.int(10), MR.VALUE),
  ],
  [
    "$.mapBin1.{0:1~a}",
    maps.getByKeyRelIndexRange(bin, exp.int(1), exp.int(0), exp.str("a"), MR.VALUE),
  ],
  [
    "$.mapBin1.{!0:1~a}",
    maps.getByKeyRelIndexRange(bin, exp.int(1), exp.int(0), exp.str("a"), MR.VALUE | INV),
  ],
  ["$.mapBin1.{0:~a}", maps.getByKeyRelIndexRangeToEnd(bin, exp.int(0), exp.str("a"), MR.VALUE)],
  // Return types.
  [
    "$.mapBin1.a.get(type: INT, return: COUNT) == 5",
    exp.eq(maps.getByKey(bin, exp.str("a"), T.INT, MR.COUNT), exp.int(5)),
  ],
  ["$.mapBin1.a.get(return: ORDERED_MAP)", maps.getByKey(bin, exp.str("a"), T.MAP, MR.ORDERED_MAP)],
  [
    "$.mapBin1.{a-c}.get(return: KEY_VALUE)",
    maps.getByKeyRange(bin, exp.str("c"), exp.str("a"), MR.KEY_VALUE),
  ],
  [
    "$.mapBin1.{a-c}.get(return: UNORDERED_MAP)",
    maps.getByKeyRange(bin, exp.str("c"), exp.str("a"), MR.UNORDERED_MAP),
  ],
  ["$.mapBin1.{#0:2}.get(return: KEY)", maps.getByRankRange(bin, exp.int(2), exp.int(0), MR.KEY)],
  [
    "$.mapBin1.{#-1}.get(type: STRING, return: KEY) == 'k'",
    exp.eq(maps.getByRank(bin, exp.int(-1), T.STR, MR.KEY), exp.str("k")),
  ],
  [
    "$.mapBin1.a.get(type: INT, return: RANK) == 5",
    exp.eq(maps.getByKey(bin, exp.str("a"), T.INT, MR.RANK), exp.int(5)),
  ],
  ["$.mapBin1.a.exists()", maps.getByKey(bin, exp.str("a"), T.BOOL, MR.EXISTS)],
  ["$.mapBin1.{a,b}.exists()", maps.getByKeyList(bin, exp.list(["a", "b"]), MR.EXISTS)],
];

describe("map paths", () => {
  test.each(cases)("%s", (text, expected) => expect(compiled(text)).toEqual(expected));
});

describe("map path errors", () => {
  test.each([
    ["$.mapBin1.{=0xff} == 100", "Only decimal integer literals", 12],
    ["$.mapBin1.{=100} == 100", "a value selector yields a list of matches", 0],
    ["$.mapBin1.{#0b10} == 100", "Only decimal integer literals", 12],
    ["$.mapBin1.{!0} == 1", "Only ranges and value lists can be inverted", 11],
    ["$.mapBin1.{a-c}.b == 1", "Only single-element selectors", 10],
    ["$.mapBin1.a. == 1", "Expected a path element after '.'", 12],
    ["$.mapBin1.{a", "Expected '}'", 12],
  ] as const)("%s", expectProblem);
  expect(ctx).toBeTypeOf("function");
});

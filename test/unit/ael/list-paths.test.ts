import { describe, expect, test } from "vitest";
import {
  type Case,
  compiled,
  ctx,
  exp,
  expectProblem,
  LR,
  lists,
  T,
  fixedExp as x,
} from "./helpers.js";

const bin = exp.binList("listBin1");
const INV = LR.INVERTED;

const cases: Case[] = [
  [
    "$.listBin1.[0] == 100",
    exp.eq(lists.getByIndex(bin, exp.int(0), T.INT, LR.VALUE), exp.int(100)),
  ],
  [
    "$.listBin1.[0].get(type: INT) == 100",
    exp.eq(lists.getByIndex(bin, exp.int(0), T.INT, LR.VALUE), exp.int(100)),
  ],
  [
    "$.listBin1.[0].get(type: INT, return: VALUE) == 100",
    exp.eq(lists.getByIndex(bin, exp.int(0), T.INT, LR.VALUE), exp.int(100)),
  ],
  [
    '$.listBin1.[0] == "stringVal"',
    exp.eq(lists.getByIndex(bin, exp.int(0), T.STR, LR.VALUE), exp.str("stringVal")),
  ],
  [
    "$.listBin1.[0] == true",
    exp.eq(lists.getByIndex(bin, exp.int(0), T.BOOL, LR.VALUE), exp.bool(true)),
  ],
  [
    "$.listBin1.[-1] == 1.5",
    exp.eq(lists.getByIndex(bin, exp.int(-1), T.FLOAT, LR.VALUE), exp.float(1.5)),
  ],
  // A value selector yields the list of matches.
  [
    "$.listBin1.[=100] == [100]",
    exp.eq(lists.getByValue(bin, exp.int(100), LR.VALUE), exp.list([100])),
  ],
  [
    "$.listBin1.[=-2147483648].count() > 0",
    exp.gt(lists.getByValue(bin, exp.int(-2147483648), LR.COUNT), exp.int(0)),
  ],
  [
    "$.listBin1.[='a b'].count() > 0",
    exp.gt(lists.getByValue(bin, exp.str("a b"), LR.COUNT), exp.int(0)),
  ],
  [
    "$.listBin1.[=100].count() > 0",
    exp.gt(lists.getByValue(bin, exp.int(100), LR.COUNT), exp.int(0)),
  ],
  [
    "$.listBin1.[=100].[].count() > 0",
    exp.gt(lists.getByValue(bin, exp.int(100), LR.COUNT), exp.int(0)),
  ],
  [
    "$.listBin1.[#-1] == 100",
    exp.eq(lists.getByRank(bin, exp.int(-1), T.INT, LR.VALUE), exp.int(100)),
  ],
  ["$.listBin1.[].count() == 1", exp.eq(lists.size(bin), exp.int(1))],
  ["$.listBin1.count() == 1", exp.eq(lists.size(bin), exp.int(1))],
  [
    "$.listBin1.[1].count() == 100",
    exp.eq(lists.size(lists.getByIndex(bin, exp.int(1), T.LIST, LR.VALUE)), exp.int(100)),
  ],
  ["$.listBin1.[1:3]", lists.getByIndexRange(bin, exp.int(1), exp.int(2), LR.VALUE)],
  ["$.listBin1.[-3:1]", lists.getByIndexRange(bin, exp.int(-3), exp.int(4), LR.VALUE)],
  ["$.listBin1.[!2:4]", lists.getByIndexRange(bin, exp.int(2), exp.int(2), LR.VALUE | INV)],
  ["$.listBin1.[1:]", lists.getByIndexRangeToEnd(bin, exp.int(1), LR.VALUE)],
  ["$.listBin1.[=a,b,c]", lists.getByValueList(bin, exp.list(["a", "b", "c"]), LR.VALUE)],
  ['$.listBin1.[="a", "b", "c"]', lists.getByValueList(bin, exp.list(["a", "b", "c"]), LR.VALUE)],
  ["$.listBin1.[=1,2,3]", lists.getByValueList(bin, exp.list([1, 2, 3]), LR.VALUE)],
  ["$.listBin1.[!=a,b,c]", lists.getByValueList(bin, exp.list(["a", "b", "c"]), LR.VALUE | INV)],
  ["$.listBin1.[=111:334]", lists.getByValueRange(bin, exp.int(111), exp.int(334), LR.VALUE)],
  ["$.listBin1.[!=10:20]", lists.getByValueRange(bin, exp.int(10), exp.int(20), LR.VALUE | INV)],
  // An open value interval leaves the end out: the server reads it as "to infinity".
  ["$.listBin1.[=111:]", x.cdtRead(T.LIST, 25, [exp.int(LR.VALUE), exp.int(111)], bin)],
  ["$.listBin1.[#0:3]", lists.getByRankRange(bin, exp.int(0), exp.int(3), LR.VALUE)],
  ["$.listBin1.[!#0:3]", lists.getByRankRange(bin, exp.int(0), exp.int(3), LR.VALUE | INV)],
  ["$.listBin1.[#-3:]", lists.getByRankRangeToEnd(bin, exp.int(-3), LR.VALUE)],
  [
    "$.listBin1.[#-3:-1~b]",
    lists.getByRelRankRange(bin, exp.str("b"), exp.int(-3), exp.int(2), LR.VALUE),
  ],
  [
    "$.listBin1.[!#-3:-1~b]",
    lists.getByRelRankRange(bin, exp.str("b"), exp.int(-3), exp.int(2), LR.VALUE | INV),
  ],
  ["$.listBin1.[#-3:~b]", lists.getByRelRankRangeToEnd(bin, exp.str("b"), exp.int(-3), LR.VALUE)],
  ["$.listBin1.[#-1:~10]", lists.getByRelRankRangeToEnd(bin, exp.int(10), exp.int(-1), LR.VALUE)],
  // Return types.
  ["$.listBin1.[0].exists()", lists.getByIndex(bin, exp.int(0), T.BOOL, LR.EXISTS)],
  ["$.listBin1.[=5].exists()", lists.getByValue(bin, exp.int(5), LR.EXISTS)],
  [
    "$.listBin1.[=5].get(return: INDEX) == [1]",
    exp.eq(lists.getByValue(bin, exp.int(5), LR.INDEX), exp.list([1])),
  ],
  [
    "$.listBin1.[0].get(return: RANK) == 1",
    exp.eq(lists.getByIndex(bin, exp.int(0), T.INT, LR.RANK), exp.int(1)),
  ],
  [
    "$.listBin1.[1:3].get(return: COUNT) == 2",
    exp.eq(lists.getByIndexRange(bin, exp.int(1), exp.int(2), LR.COUNT), exp.int(2)),
  ],
  [
    "$.listBin1.[#0:2].get(return: REVERSE_RANK)",
    lists.getByRankRange(bin, exp.int(0), exp.int(2), LR.REVERSE_RANK),
  ],
  [
    "$.listBin1.[5].[#-1].[=100] == [100]",
    exp.eq(
      lists.getByValue(bin, exp.int(100), LR.VALUE, ctx().addListIndex(5).addListRank(-1)),
      exp.list([100]),
    ),
  ],
];

describe("list paths", () => {
  test.each(cases)("%s", (text, expected) => expect(compiled(text)).toEqual(expected));
});

describe("list path errors", () => {
  test.each([
    ["$.listBin1.[stringValue] == 100", "Expected an integer", 12],
    ["$.listBin1.[=100] == 100", "Cannot compare LIST to INT (a value selector yields a list", 0],
    ["$.listBin1.[=0xff] == 100", "Only decimal integer literals", 13],
    ["$.listBin1.[#-0b10] == 100", "Only decimal integer literals", 13],
    ["$.listBin1.[#-2147483649] == 100", "out of range", 13],
    ["$.listBin1.[!2] == 100", "Only ranges and value lists can be inverted", 12],
    ["$.listBin1.[3:1]", "Range end is before its start", 14],
    ["$.listBin1.[1:3].[0] == 1", "Only single-element selectors", 11],
    ["$.listBin1.[0].get(return: KEY) == 1", "applies to maps only", 11],
    ["$.listBin1.[0].get(return: NONE) == 1", "does not produce a value", 11],
    ["$.listBin1.[0.remove()", "Expected ']'", 13],
    ["$.listBin1.[0].remove()", "modifies data", 15],
    ["$.listBin1.[0].frobnicate()", "Unknown path function 'frobnicate'", 15],
  ] as const)("%s", expectProblem);
});

import { describe, expect, test } from "vitest";
import { type Case, compiled, exp, expectProblem, fixedExp as x } from "./helpers.js";

const { binInt: int, binFloat: float, binStr: str, binBool: bool } = exp;

/** Bins without an explicit type take it from the other operand (or are INT). */
const implicit: Case[] = [
  ["$.intBin1 > 100", exp.gt(int("intBin1"), exp.int(100))],
  ["$.stringBin1 > 'text'", exp.gt(str("stringBin1"), exp.str("text"))],
  ['"text" < $.stringBin1', exp.lt(exp.str("text"), str("stringBin1"))],
  ["$.stringBin1 > '?0'", exp.gt(str("stringBin1"), exp.str("?0"))],
  ["$.floatBin1 >= 100.25", exp.ge(float("floatBin1"), exp.float(100.25))],
  ["$.boolBin1 == true", exp.eq(bool("boolBin1"), exp.bool(true))],
  ["false == $.boolBin1", exp.eq(exp.bool(false), bool("boolBin1"))],
  ["$.intBin1 < $.intBin2", exp.lt(int("intBin1"), int("intBin2"))],
  ["$.boolBin1 and $.boolBin2", exp.and(bool("boolBin1"), bool("boolBin2"))],
  ["not($.boolBin1)", exp.not(bool("boolBin1"))],
  ["exclusive($.boolBin1, $.boolBin2)", exp.exclusive(bool("boolBin1"), bool("boolBin2"))],
  ["$.active", bool("active")],
  ["$.a == $.b.get(type: STRING)", exp.eq(str("a"), str("b"))],
  [
    "($.apples + $.bananas) > 10.5 and ($.oranges + $.grapes) <= 5",
    exp.and(
      exp.gt(exp.add(float("apples"), float("bananas")), exp.float(10.5)),
      exp.le(exp.add(int("oranges"), int("grapes")), exp.int(5)),
    ),
  ],
  [
    "(($.apples + $.bananas) + ($.oranges + $.acai)) > 10.5",
    exp.gt(
      exp.add(exp.add(float("apples"), float("bananas")), exp.add(float("oranges"), float("acai"))),
      exp.float(10.5),
    ),
  ],
  [
    '$.a == (when($.b == 1 => $.a1, $.b == 2 => $.a2, default => "hello"))',
    exp.eq(
      str("a"),
      exp.cond(
        exp.eq(int("b"), exp.int(1)),
        str("a1"),
        exp.eq(int("b"), exp.int(2)),
        str("a2"),
        exp.str("hello"),
      ),
    ),
  ],
  [
    "$.a == (when($.b == 1 => $.a1, default => $.a4 + 1))",
    exp.eq(
      int("a"),
      exp.cond(exp.eq(int("b"), exp.int(1)), int("a1"), exp.add(int("a4"), exp.int(1))),
    ),
  ],
];

/** `get(type: …)` names the type. */
const explicit: Case[] = [
  ["$.intBin1.get(type: INT) > 5", exp.gt(int("intBin1"), exp.int(5))],
  ["5 < $.intBin1.get(type: INT)", exp.lt(exp.int(5), int("intBin1"))],
  ['$.stringBin1.get(type: STRING) == "yes"', exp.eq(str("stringBin1"), exp.str("yes"))],
  ["$.floatBin1.get(type: FLOAT) == 1.5", exp.eq(float("floatBin1"), exp.float(1.5))],
  ["true == $.boolBin1.get(type: BOOL)", exp.eq(exp.bool(true), bool("boolBin1"))],
  ['$.blobBin1.get(type: BLOB) == "AQID"', exp.eq(exp.binBlob("blobBin1"), x.bytes([1, 2, 3]))],
  ['"AQID" == $.blobBin1.get(type: BLOB)', exp.eq(x.bytes([1, 2, 3]), exp.binBlob("blobBin1"))],
  ["$.listBin1.get(type: LIST) == [100]", exp.eq(exp.binList("listBin1"), exp.list([100]))],
  ["$.listBin1.[] == [100]", exp.eq(exp.binList("listBin1"), exp.list([100]))],
  ["[-1, 2] == $.listBin1.get(type: LIST)", exp.eq(exp.list([-1, 2]), exp.binList("listBin1"))],
  [
    "$.listBin1.get(type: LIST) == ['yes', 'of course']",
    exp.eq(exp.binList("listBin1"), exp.list(["yes", "of course"])),
  ],
  [
    "$.mapBin1.get(type: MAP) == {100:100}",
    exp.eq(exp.binMap("mapBin1"), x.map(new Map([[100, 100]]))),
  ],
  [
    '$.mapBin1.{} == {"yes" : ["yes", "of course"]}',
    exp.eq(exp.binMap("mapBin1"), x.map(new Map([["yes", ["yes", "of course"]]]))),
  ],
  [
    "{'a':-1} == $.mapBin1.get(type: MAP)",
    exp.eq(x.map(new Map([["a", -1]])), exp.binMap("mapBin1")),
  ],
  [
    "$.a.get(type: STRING) == (when ($.who == 1 => 'bob', default => 'other'))",
    exp.eq(str("a"), exp.cond(exp.eq(int("who"), exp.int(1)), exp.str("bob"), exp.str("other"))),
  ],
];

/** Bin names: quoted, with '@', and reserved words. */
const names: Case[] = [
  ["$.'my bin' == 1", exp.eq(int("my bin"), exp.int(1))],
  ['$."a.b" == 1', exp.eq(int("a.b"), exp.int(1))],
  ["$.in == 1", exp.eq(int("in"), exp.int(1))],
  [
    "$.and == 1 and $.or == 2",
    exp.and(exp.eq(int("and"), exp.int(1)), exp.eq(int("or"), exp.int(2))),
  ],
  ["$.true == true", exp.eq(bool("true"), exp.bool(true))],
  ["$.when == 'x'", exp.eq(str("when"), exp.str("x"))],
  ["$.ttl == 1", exp.eq(int("ttl"), exp.int(1))],
  ["$.user@host == 1", exp.eq(int("user@host"), exp.int(1))],
  ["$.123 == 1", exp.eq(int("123"), exp.int(1))],
  ["$.a.exists()", exp.binExists("a")],
];

describe("implicit types", () => {
  test.each(implicit)("%s", (text, expected) => expect(compiled(text)).toEqual(expected));
});

describe("explicit types", () => {
  test.each(explicit)("%s", (text, expected) => expect(compiled(text)).toEqual(expected));
});

describe("bin names", () => {
  test.each(names)("%s", (text, expected) => expect(compiled(text)).toEqual(expected));
});

describe("type errors", () => {
  test.each([
    ["$.boolBin1.get(type: BOOL) == 5", "Cannot compare BOOL to INT", 0],
    [
      "$.stringBin1.get(type: STRING) == $.floatBin2.get(type: FLOAT)",
      "Cannot compare STRING to FLOAT",
      0,
    ],
    ["$.mapBin1.get(type: MAP) == ['yes', 'of course']", "Cannot compare MAP to LIST", 0],
    ["['yes'] == $.mapBin1.get(type: MAP)", "Cannot compare LIST to MAP", 0],
    ['$.blobBin1.get(type: BLOB) == "not base64!"', "base64", 30],
    ["$.a.get(type: TEXT) == 1", "Unknown type 'TEXT'", 14],
    ["$.a.get(kind: INT) == 1", "Unknown get() parameter 'kind'", 8],
    ["$.a.get(return: COUNT) == 1", "get(return: …) applies to list and map selectors", 4],
    ["$.a and 5", "Expected a boolean expression, got INT", 8],
    ["not(5)", "Expected a boolean expression, got INT", 4],
    ["$.geo.get(type: GEO) == $.g2", "GeoJSON values are compared with geoCompare()", 0],
    ["$.h.get(type: HLL) == $.h2", "HLL values cannot be compared", 0],
    ["$.a == when($.b == 1 => 'x', default => 2)", "when() branches must all have one type", 40],
  ] as const)("%s", expectProblem);
});

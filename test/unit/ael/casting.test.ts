import { describe, expect, test } from "vitest";
import {
  type Case,
  compiled,
  ctx,
  exp,
  expectProblem,
  LR,
  lists,
  MR,
  maps,
  T,
  fixedExp as x,
} from "./helpers.js";

const I64_MIN = -(2n ** 63n);

const cases: Case[] = [
  ["28.asFloat() == 28.0", exp.eq(x.toFloat(exp.int(28)), exp.float(28))],
  ["27.0.asInt() == 27", exp.eq(x.toInt(exp.float(27)), exp.int(27))],
  ["-5.asFloat() == -5.0", exp.eq(x.toFloat(exp.int(-5)), exp.float(-5))],
  ["-5.5.asInt() == -5", exp.eq(x.toInt(exp.float(-5.5)), exp.int(-5))],
  [".37.asInt() == 0", exp.eq(x.toInt(exp.float(0.37)), exp.int(0))],
  ["-9223372036854775808.asFloat() < 0.0", exp.lt(x.toFloat(x.bigInt(I64_MIN)), exp.float(0))],
  // asFloat() reads the bin as an int and converts it; asInt() reads a float.
  ["$.bin.asFloat() == 1.0", exp.eq(x.toFloat(exp.binInt("bin")), exp.float(1))],
  ["$.bin.asInt() == 1", exp.eq(x.toInt(exp.binFloat("bin")), exp.int(1))],
  [
    "$.intBin1 > $.floatBin1.asInt()",
    exp.gt(exp.binInt("intBin1"), x.toInt(exp.binFloat("floatBin1"))),
  ],
  [
    "$.binA.asFloat() + 4.0 == 5.0",
    exp.eq(exp.add(x.toFloat(exp.binInt("binA")), exp.float(4)), exp.float(5)),
  ],
  [
    "$.listBin1.[0].asInt() == 100",
    exp.eq(
      x.toInt(lists.getByIndex(exp.binList("listBin1"), exp.int(0), T.FLOAT, LR.VALUE)),
      exp.int(100),
    ),
  ],
  [
    "$.listBin1.[#-1].asFloat() == 100.0",
    exp.eq(
      x.toFloat(lists.getByRank(exp.binList("listBin1"), exp.int(-1), T.INT, LR.VALUE)),
      exp.float(100),
    ),
  ],
  [
    "$.mapBin1.a.asInt() == 200",
    exp.eq(
      x.toInt(maps.getByKey(exp.binMap("mapBin1"), exp.str("a"), T.FLOAT, MR.VALUE)),
      exp.int(200),
    ),
  ],
  [
    "$.mapBin1.{0}.asFloat() == 100.0",
    exp.eq(
      x.toFloat(maps.getByIndex(exp.binMap("mapBin1"), exp.int(0), T.INT, MR.VALUE)),
      exp.float(100),
    ),
  ],
  [
    "$.mapBin1.a.{#-1}.asInt() == 100",
    exp.eq(
      x.toInt(
        maps.getByRank(exp.binMap("mapBin1"), exp.int(-1), T.FLOAT, MR.VALUE, ctx().addMapKey("a")),
      ),
      exp.int(100),
    ),
  ],
];

describe("casting", () => {
  test.each(cases)("%s", (text, expected) => expect(compiled(text)).toEqual(expected));
});

describe("casting errors", () => {
  test.each([
    ["$.stringBin1.get(type: STRING) > $.intBin2.asFloat()", "Cannot compare STRING to FLOAT", 0],
    ['28.asFloat() == "hello"', "Cannot compare FLOAT to STRING", 0],
    ['28.0.asInt() == "hello"', "Cannot compare INT to STRING", 0],
    ["28.asText() == 1", "Expected asInt() or asFloat()", 2],
    // The server compares one type with itself only (expression-dsl-java accepts this one).
    ["$.intBin1.get(type: INT) > $.intBin2.asFloat()", "Cannot compare INT to FLOAT", 0],
  ] as const)("%s", expectProblem);
});

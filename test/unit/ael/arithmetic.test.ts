import { describe, expect, test } from "vitest";
import { type Case, compiled, exp, expectProblem, fixedExp as x } from "./helpers.js";

const { binInt: int, binFloat: float } = exp;
const cases: Case[] = [
  ["($.apples + $.bananas) > 10", exp.gt(exp.add(int("apples"), int("bananas")), exp.int(10))],
  ["($.apples + 5) > 10", exp.gt(exp.add(int("apples"), exp.int(5)), exp.int(10))],
  ["(5 + $.bananas) > 10", exp.gt(exp.add(exp.int(5), int("bananas")), exp.int(10))],
  ["(5.2 + $.bananas) > 10.2", exp.gt(exp.add(exp.float(5.2), float("bananas")), exp.float(10.2))],
  ["($.apples - $.bananas) == 10", exp.eq(exp.sub(int("apples"), int("bananas")), exp.int(10))],
  ["(15 - $.bananas) == 10", exp.eq(exp.sub(exp.int(15), int("bananas")), exp.int(10))],
  ["($.apples * 7) != 10", exp.ne(exp.mul(int("apples"), exp.int(7)), exp.int(10))],
  ["($.apples / 5) <= 10", exp.le(exp.div(int("apples"), exp.int(5)), exp.int(10))],
  ["($.apples / 0) <= 10", exp.le(exp.div(int("apples"), exp.int(0)), exp.int(10))],
  ["($.apples % $.bananas) != 10", exp.ne(x.mod(int("apples"), int("bananas")), exp.int(10))],
  ["(3 % $.bananas) != 10", exp.ne(x.mod(exp.int(3), int("bananas")), exp.int(10))],
  ["($.base ** 2.0) == 4.0", exp.eq(x.pow(float("base"), exp.float(2)), exp.float(4))],
  [
    "$.base ** 3.0 ** 2.0 == 1.0",
    exp.eq(x.pow(float("base"), x.pow(exp.float(3), exp.float(2))), exp.float(1)),
  ],
  [
    "(2.0 * 3.0 ** 2.0) == 18.0",
    exp.eq(exp.mul(exp.float(2), x.pow(exp.float(3), exp.float(2))), exp.float(18)),
  ],
  // The server's pow takes floats: an integer power is computed in floats and converted back.
  [
    "(2 ** 3 & 5) == 0",
    exp.eq(exp.intAnd(x.toInt(x.pow(exp.float(2), exp.float(3))), exp.int(5)), exp.int(0)),
  ],
  ["$.a ** 2 == 4", exp.eq(x.toInt(x.pow(x.toFloat(int("a")), exp.float(2))), exp.int(4))],
  // Int literals join FLOAT arithmetic as floats (the server wants one type throughout).
  ["1.5 + 2 == $.f", exp.eq(exp.add(exp.float(1.5), exp.float(2)), float("f"))],
  ["($.f * 2) > 1.0", exp.gt(exp.mul(float("f"), exp.float(2)), exp.float(1))],
  ["$.f.get(type: FLOAT) == 1", exp.eq(float("f"), exp.float(1))],
  ["2 < $.f.get(type: FLOAT)", exp.lt(exp.float(2), float("f"))],
  ["(1 << 2 + 1) == 8", exp.eq(x.lshift(exp.int(1), exp.add(exp.int(2), exp.int(1))), exp.int(8))],
  ["(~-5) == 4", exp.eq(x.intNot(exp.int(-5)), exp.int(4))],
  ["($.apples & $.bananas) != 10", exp.ne(exp.intAnd(int("apples"), int("bananas")), exp.int(10))],
  ["($.apples | 7) != 10", exp.ne(exp.intOr(int("apples"), exp.int(7)), exp.int(10))],
  ["(3 ^ $.bananas) != 10", exp.ne(exp.intXor(exp.int(3), int("bananas")), exp.int(10))],
  ["(~$.apples) != 10", exp.ne(x.intNot(int("apples")), exp.int(10))],
  ["$.visits << 1", x.lshift(int("visits"), exp.int(1))],
  [
    "(($.flags >> 6) & 1) == 1",
    exp.eq(exp.intAnd(x.arshift(int("flags"), exp.int(6)), exp.int(1)), exp.int(1)),
  ],
  ["($.flags >>> 2) == 4", exp.eq(x.rshift(int("flags"), exp.int(2)), exp.int(4))],
  ["((-1) >> 1) == -1", exp.eq(x.arshift(exp.int(-1), exp.int(1)), exp.int(-1))],
  ["(0x20 >> 1) == 16", exp.eq(x.arshift(exp.int(32), exp.int(1)), exp.int(16))],
  ["(0b1 << 3) == 0b1000", exp.eq(x.lshift(exp.int(1), exp.int(3)), exp.int(8))],
  ["($.apples+5) > 10", exp.gt(exp.add(int("apples"), exp.int(5)), exp.int(10))],
  ["($.apples-5) == 10", exp.eq(exp.sub(int("apples"), exp.int(5)), exp.int(10))],
  ["(15-$.bananas) == 10", exp.eq(exp.sub(exp.int(15), int("bananas")), exp.int(10))],
  ["-$.a == 3", exp.eq(exp.sub(exp.int(0), int("a")), exp.int(3))],
  ["-$.a == 3.5", exp.eq(exp.sub(exp.float(0), float("a")), exp.float(3.5))],
  // Type of untyped bins flows from the other side of the comparison through the arithmetic.
  [
    "($.apples + $.bananas) > 10.5",
    exp.gt(exp.add(float("apples"), float("bananas")), exp.float(10.5)),
  ],
  [
    "(($.apples + $.bananas) + $.oranges) > 10",
    exp.gt(exp.add(exp.add(int("apples"), int("bananas")), int("oranges")), exp.int(10)),
  ],
];

const functionCases: Case[] = [
  ["abs($.value) == 12", exp.eq(x.abs(int("value")), exp.int(12))],
  ["abs(-42) == 42", exp.eq(x.abs(exp.int(-42)), exp.int(42))],
  ["abs($.value) == 1.5", exp.eq(x.abs(float("value")), exp.float(1.5))],
  ["ceil($.price) == 13.0", exp.eq(x.ceil(float("price")), exp.float(13))],
  ["ceil(-2.7) == -2.0", exp.eq(x.ceil(exp.float(-2.7)), exp.float(-2))],
  ["floor($.price) == 12.0", exp.eq(x.floor(float("price")), exp.float(12))],
  ["log($.a, 2.0) > 3.0", exp.gt(x.log(float("a"), exp.float(2)), exp.float(3))],
  ["log(8, 2) == 3.0", exp.eq(x.log(exp.float(8), exp.float(2)), exp.float(3))],
  ["ceil(5) == 5.0", exp.eq(x.ceil(exp.float(5)), exp.float(5))],
  ["max(1, 2.5) == 2.5", exp.eq(exp.max(exp.float(1), exp.float(2.5)), exp.float(2.5))],
  ["pow($.a, 2.0) > 3.0", exp.gt(x.pow(float("a"), exp.float(2)), exp.float(3))],
  ["min($.a, $.b) > 3", exp.gt(exp.min(int("a"), int("b")), exp.int(3))],
  [
    "max($.a, $.b, 1.5) > 3.0",
    exp.gt(exp.max(float("a"), float("b"), exp.float(1.5)), exp.float(3)),
  ],
  ["countOneBits($.a & $.b) > 3", exp.gt(x.intCount(exp.intAnd(int("a"), int("b"))), exp.int(3))],
  ["findBitLeft($.flags, true) == 0", exp.eq(x.lscan(int("flags"), exp.bool(true)), exp.int(0))],
  [
    "findBitRight($.flags, false) == 63",
    exp.eq(x.rscan(int("flags"), exp.bool(false)), exp.int(63)),
  ],
];

describe("arithmetic", () => {
  test.each(cases)("%s", (text, expected) => expect(compiled(text)).toEqual(expected));
});

describe("arithmetic functions", () => {
  test.each(functionCases)("%s", (text, expected) => expect(compiled(text)).toEqual(expected));
});

describe("arithmetic errors", () => {
  test.each([
    ["unknown($.a) == 5", "Unknown function 'unknown'", 0],
    ["abs($.a, $.b) == 5", "expects 1 argument(s)", 0],
    ["log(2.0) == 0.0", "expects 2 argument(s)", 0],
    ["min(5) == 5", "at least 2 arguments", 0],
    ["($.apples.get(type: STRING) + 5) > 10", "STRING", 1],
    ['$.apples + "stringVal"', "Cannot use STRING in arithmetic", 11],
    ['($.apples * $.bananas) != "stringVal"', "Cannot compare INT to STRING", 1],
    ['ceil($.price) == "hello"', "Cannot compare FLOAT to STRING", 0],
    ["(--9223372036854775808 + $.apples) > 10", "out of range", 1],
    ["($.a & 1.5) == 1", "Expected an INT operand, got FLOAT", 7],
    ["5.5 % 2 == 1", "Expected an INT operand, got FLOAT", 0],
    ["$.i.get(type: INT) + 1.5 > 2.0", "Cannot mix INT and FLOAT in arithmetic", 0],
    ["ceil($.i.get(type: INT)) > 1.0", "Cannot mix INT and FLOAT", 5],
    ["$.i.get(type: INT) == 1.5", "Cannot compare INT to FLOAT", 0],
  ] as const)("%s", expectProblem);
});

import { describe, expect, test } from "vitest";
import { type Case, compiled, exp, expectProblem, fixedExp as x } from "./helpers.js";

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

const cases: Case[] = [
  ["5 == 5", exp.eq(exp.int(5), exp.int(5))],
  ["-5 == -5", exp.eq(exp.int(-5), exp.int(-5))],
  ["+5 == 5", exp.eq(exp.int(5), exp.int(5))],
  ["--5 == 5", exp.eq(exp.int(5), exp.int(5))],
  ["++5 == 5", exp.eq(exp.int(5), exp.int(5))],
  ["+(5) == 5", exp.eq(exp.int(5), exp.int(5))],
  ["0xff == 255", exp.eq(exp.int(255), exp.int(255))],
  ["0XFF == 255", exp.eq(exp.int(255), exp.int(255))],
  ["-0xff == -255", exp.eq(exp.int(-255), exp.int(-255))],
  ["0b1010 == 10", exp.eq(exp.int(10), exp.int(10))],
  ["0B1010 == 10", exp.eq(exp.int(10), exp.int(10))],
  ["-0b1010 == -10", exp.eq(exp.int(-10), exp.int(-10))],
  ["3.14 == 3.14", exp.eq(exp.float(3.14), exp.float(3.14))],
  ["-34.1 == -34.1", exp.eq(exp.float(-34.1), exp.float(-34.1))],
  ["+0.0 == 0.0", exp.eq(exp.float(0), exp.float(0))],
  [".5 == 0.5", exp.eq(exp.float(0.5), exp.float(0.5))],
  ["-.25 == $.f", exp.eq(exp.float(-0.25), exp.binFloat("f"))],
  ["(5 - -3) == 8", exp.eq(exp.sub(exp.int(5), exp.int(-3)), exp.int(8))],
  ["(10-3+1) == 8", exp.eq(exp.add(exp.sub(exp.int(10), exp.int(3)), exp.int(1)), exp.int(8))],
  // int64 literals beyond 2^53 travel as BigInt as_vals so they stay exact.
  ["$.i == 9007199254740993", exp.eq(exp.binInt("i"), x.bigInt(9007199254740993n))],
  ["$.i == 9007199254740991", exp.eq(exp.binInt("i"), exp.int(9007199254740991))],
  ["$.i == 9223372036854775807", exp.eq(exp.binInt("i"), x.bigInt(I64_MAX))],
  ["$.i == -9223372036854775808", exp.eq(exp.binInt("i"), x.bigInt(I64_MIN))],
  ["-0x8000000000000000 == $.i", exp.eq(x.bigInt(I64_MIN), exp.binInt("i"))],
  ["$.i == 0x7fffffffffffffff", exp.eq(exp.binInt("i"), x.bigInt(I64_MAX))],
  ["$.i > -9007199254740993", exp.gt(exp.binInt("i"), x.bigInt(-9007199254740993n))],
];

describe("numeric literals", () => {
  test.each(cases)("%s", (text, expected) => expect(compiled(text)).toEqual(expected));
});

describe("numeric literal errors", () => {
  test.each([
    ["0xGG == 0", "Invalid hexadecimal literal", 0],
    ["0b2 == 0", "Invalid binary literal", 0],
    ["10. == 10.0", "'.' must be followed by digits", 0],
    [".0x10 == 0.0", "Invalid float literal", 0],
    ["0.0 == -.0b11", "Invalid float literal", 8],
    ["9223372036854775808 == 1", "out of range", 0],
    ["$.i == 99999999999999999999", "out of range", 7],
    ["-(9223372036854775808) == 1", "out of range", 2],
  ] as const)("%s", expectProblem);
});

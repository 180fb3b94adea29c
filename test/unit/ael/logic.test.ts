import { describe, expect, test } from "vitest";
import { type Case, compiled, exp, expectProblem } from "./helpers.js";

const { binInt: int, binStr: str } = exp;
const gt = (bin: string) => exp.gt(int(bin), exp.int(100));
const lt = (bin: string) => exp.lt(int(bin), exp.int(100));

const cases: Case[] = [
  ["$.intBin1 > 100 and $.intBin2 > 100", exp.and(gt("intBin1"), gt("intBin2"))],
  [
    "$.intBin1 > 100 and $.intBin2 > 100 or $.intBin3 < 100",
    exp.or(exp.and(gt("intBin1"), gt("intBin2")), lt("intBin3")),
  ],
  [
    "(($.intBin1 > 100 and $.intBin2 > 100) or $.intBin3 < 100)",
    exp.or(exp.and(gt("intBin1"), gt("intBin2")), lt("intBin3")),
  ],
  [
    "$.intBin1 > 100 and ($.intBin2 > 100 or $.intBin3 < 100)",
    exp.and(gt("intBin1"), exp.or(gt("intBin2"), lt("intBin3"))),
  ],
  [
    "$.intBin1 > 100 and $.intBin2 > 100 and $.intBin3 < 100 and $.intBin4 < 100",
    exp.and(gt("intBin1"), gt("intBin2"), lt("intBin3"), lt("intBin4")),
  ],
  [
    'exclusive($.hand == "hook", $.leg == "peg")',
    exp.exclusive(exp.eq(str("hand"), exp.str("hook")), exp.eq(str("leg"), exp.str("peg"))),
  ],
  [
    "exclusive($.a == 'aVal', $.b == 'bVal', $.d == 4)",
    exp.exclusive(
      exp.eq(str("a"), exp.str("aVal")),
      exp.eq(str("b"), exp.str("bVal")),
      exp.eq(int("d"), exp.int(4)),
    ),
  ],
  ["not($.a == 1)", exp.not(exp.eq(int("a"), exp.int(1)))],
  ["not(not($.flag))", exp.not(exp.not(exp.binBool("flag")))],
  ["true", exp.bool(true)],
  ["$.a == 1 and true", exp.and(exp.eq(int("a"), exp.int(1)), exp.bool(true))],
];

describe("logic", () => {
  test.each(cases)("%s", (text, expected) => expect(compiled(text)).toEqual(expected));
});

describe("logic errors", () => {
  test.each([
    ["($.intBin1 > 100 and ($.intBin2 > 100) or", "Unexpected end of input", 41],
    ["and ($.intBin1 > 100 and ($.intBin2 > 100)", "Unexpected 'and'", 0],
    ["($.intBin1 > 100 and ($.intBin2 > 100) not", "Expected ')', found 'not'", 39],
    ["($.intBin1 > 100 and ($.intBin2 > 100) exclusive", "Expected ')', found 'exclusive'", 39],
    ['exclusive($.hand == "hook")', "at least two operands", 26],
    ["not $.a", "Expected '(', found '$.'", 4],
    // Keywords are lower case, as in expression-dsl-java.
    ["$.a != 1 AND $.b == 2", "Unexpected 'AND' after the end of the expression", 9],
  ] as const)("%s", expectProblem);
});

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: AEL writes its variables as ${name}.
import { describe, expect, test } from "vitest";
import { type Case, compiled, exp, expectProblem, fixedExp as x } from "./helpers.js";

const { binInt: int } = exp;

const cases: Case[] = [
  [
    'when ($.who == 1 => "bob", default => "other")',
    exp.cond(exp.eq(int("who"), exp.int(1)), exp.str("bob"), exp.str("other")),
  ],
  [
    "when($.who == 1 => 'bob', default => 'other')",
    exp.cond(exp.eq(int("who"), exp.int(1)), exp.str("bob"), exp.str("other")),
  ],
  [
    'when ($.who == 1 => "bob", $.who == 2 => "fred", default => "other")',
    exp.cond(
      exp.eq(int("who"), exp.int(1)),
      exp.str("bob"),
      exp.eq(int("who"), exp.int(2)),
      exp.str("fred"),
      exp.str("other"),
    ),
  ],
  [
    "when($.A == 0 => $.D + $.E, $.A == 1 => $.D - $.E, default => -1) == 2",
    exp.eq(
      exp.cond(
        exp.eq(int("A"), exp.int(0)),
        exp.add(int("D"), int("E")),
        exp.eq(int("A"), exp.int(1)),
        exp.sub(int("D"), int("E")),
        exp.int(-1),
      ),
      exp.int(2),
    ),
  ],
  [
    "not(when($.A == 0 => $.D * $.E, default => -1) == 2)",
    exp.not(
      exp.eq(
        exp.cond(exp.eq(int("A"), exp.int(0)), exp.mul(int("D"), int("E")), exp.int(-1)),
        exp.int(2),
      ),
    ),
  ],
  [
    "let (x = 1, y = ${x} + 1) then (${x} + ${y})",
    exp.let(
      x.def("x", exp.int(1)),
      x.def("y", exp.add(x.var("x"), exp.int(1))),
      exp.add(x.var("x"), x.var("y")),
    ),
  ],
  [
    "let(x = 1, y = ${x} + 1) then(${x} + ${y})",
    exp.let(
      x.def("x", exp.int(1)),
      x.def("y", exp.add(x.var("x"), exp.int(1))),
      exp.add(x.var("x"), x.var("y")),
    ),
  ],
  [
    "let (var_1 = 5) then (${var_1} + 1) > 5",
    exp.gt(exp.let(x.def("var_1", exp.int(5)), exp.add(x.var("var_1"), exp.int(1))), exp.int(5)),
  ],
  [
    "let (r = $.rate * 1.5) then (${r} > $.limit)",
    exp.let(
      x.def("r", exp.mul(exp.binFloat("rate"), exp.float(1.5))),
      exp.gt(x.var("r"), exp.binFloat("limit")),
    ),
  ],
  [
    "let (s = $.name.get(type: STRING)) then (${s} == 'bob' or ${s} == 'ann')",
    exp.let(
      x.def("s", exp.binStr("name")),
      exp.or(exp.eq(x.var("s"), exp.str("bob")), exp.eq(x.var("s"), exp.str("ann"))),
    ),
  ],
  // An untyped variable takes its type from what it is compared or computed with.
  [
    "let (x = $.a) then (${x} == 'str')",
    exp.let(x.def("x", exp.binStr("a")), exp.eq(x.var("x"), exp.str("str"))),
  ],
  [
    "let (x = $.a, y = ${x} * 1.5) then (${y} > 2.0)",
    exp.let(
      x.def("x", exp.binFloat("a")),
      x.def("y", exp.mul(x.var("x"), exp.float(1.5))),
      exp.gt(x.var("y"), exp.float(2)),
    ),
  ],
  [
    "let (x = $.a) then (${x} > 2)",
    exp.let(x.def("x", exp.binInt("a")), exp.gt(x.var("x"), exp.int(2))),
  ],
  ["unknown", x.unknown()],
  [
    "when($.a == 1 => true, default => unknown)",
    exp.cond(exp.eq(int("a"), exp.int(1)), exp.bool(true), x.unknown()),
  ],
];

describe("control structures", () => {
  test.each(cases)("%s", (text, expected) => expect(compiled(text)).toEqual(expected));
});

describe("control structure errors", () => {
  test.each([
    ["let(x = 5) (${x} + 1)", "Expected 'then'", 11],
    ["let() then (1 + 2)", "Expected a variable name", 4],
    ["let(x 5) then (${x} + 1)", "Expected '='", 6],
    ["let(x = 5) then (${y} + 1)", "Unknown variable 'y'", 17],
    // The server refuses shadowing and duplicate names.
    ["let(x = 1) then (let(x = 2) then (${x} + 1))", "Variable 'x' is already defined", 21],
    ["let(x = 1, x = 2) then (${x})", "Variable 'x' is already defined", 11],
    ['when($.x == 1 => "a")', "Expected ',' and a default branch", 20],
    ['when($.x == 1 "a", default => "b")', "Expected '=>'", 14],
    ['when(default => "b")', "at least one condition", 0],
    ["let(x = 5) then (${x) + 1)", "Malformed variable reference", 17],
    ["let(x = 5) then ($x + 1)", "Unexpected character '$'", 17],
    ["let(x = 5) then ($$x + 1)", "Unexpected character '$'", 17],
  ] as const)("%s", expectProblem);
});

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: AEL writes its variables as ${name}.
import { describe, expect, test } from "vitest";
import { ael } from "../../../src/ael/index.js";
import {
  type Case,
  compiled,
  ctx,
  Double,
  exp,
  expectProblem,
  LR,
  lists,
  MR,
  maps,
  problem,
  T,
  fixedExp as x,
} from "./helpers.js";

const exists = (value: ReturnType<typeof exp.int>, list: ReturnType<typeof exp.int>) =>
  lists.getByValue(list, value, LR.EXISTS);

const cases: Case[] = [
  ['"gold" in ["gold", "silver"]', exists(exp.str("gold"), exp.list(["gold", "silver"]))],
  ["100 in [100, 200, 300]", exists(exp.int(100), exp.list([100, 200, 300]))],
  [
    "1.5 in [1.0, 2.0, 3.0]",
    exists(exp.float(1.5), exp.list([new Double(1), new Double(2), new Double(3)])),
  ],
  ["true in [true, false]", exists(exp.bool(true), exp.list([true, false]))],
  [
    "[1,2,3] in [[2,3,4], [1,2,3], [1,2]]",
    exists(
      exp.list([1, 2, 3]),
      exp.list([
        [2, 3, 4],
        [1, 2, 3],
        [1, 2],
      ]),
    ),
  ],
  [
    "$.listBin in [[2,3,4], [1,2]]",
    exists(
      exp.binList("listBin"),
      exp.list([
        [2, 3, 4],
        [1, 2],
      ]),
    ),
  ],
  [
    '{1: "a"} in [{1: "a"}, {2: "b"}]',
    exists(x.map(new Map([[1, "a"]])), exp.list([new Map([[1, "a"]]), new Map([[2, "b"]])])),
  ],
  ['$.mapBin in [{1: "a"}]', exists(exp.binMap("mapBin"), exp.list([new Map([[1, "a"]])]))],
  ['$.name in ["Bob", "Mary"]', exists(exp.binStr("name"), exp.list(["Bob", "Mary"]))],
  ["$.age in [18, 21, 65]", exists(exp.binInt("age"), exp.list([18, 21, 65]))],
  [
    "$.score in [1.0, 2.5]",
    exists(exp.binFloat("score"), exp.list([new Double(1), new Double(2.5)])),
  ],
  ["$.isActive in [true, false]", exists(exp.binBool("isActive"), exp.list([true, false]))],
  ["$.val in [-1, 0, 1]", exists(exp.binInt("val"), exp.list([-1, 0, 1]))],
  ["$.val in [0xFF, 0b101, 42]", exists(exp.binInt("val"), exp.list([255, 5, 42]))],
  ['"gold" in $.allowedStatuses', exists(exp.str("gold"), exp.binList("allowedStatuses"))],
  ["100 in $.allowedValues", exists(exp.int(100), exp.binList("allowedValues"))],
  [
    "$.itemType.get(type: INT) in $.allowedItems",
    exists(exp.binInt("itemType"), exp.binList("allowedItems")),
  ],
  ["$.name.get(type: INT) in $.binName.[]", exists(exp.binInt("name"), exp.binList("binName"))],
  [
    "$.intBin.get(type: INT) in $.rooms.config.allowedNames",
    exists(
      exp.binInt("intBin"),
      maps.getByKey(
        exp.binMap("rooms"),
        exp.str("allowedNames"),
        T.LIST,
        MR.VALUE,
        ctx().addMapKey("config"),
      ),
    ),
  ],
  ["$.val IN [1]", exists(exp.binInt("val"), exp.list([1]))],
  [
    "$.a in [1] and $.b in ['x']",
    exp.and(exists(exp.binInt("a"), exp.list([1])), exists(exp.binStr("b"), exp.list(["x"]))),
  ],
];

describe("in", () => {
  test.each(cases)("%s", (text, expected) => expect(compiled(text)).toEqual(expected));
});

describe("in inside other structures", () => {
  test.each([
    [
      "let(allowed = ['Bob', 'Mary']) then ($.name.get(type: STRING) in ${allowed})",
      exp.let(
        x.def("allowed", exp.list(["Bob", "Mary"])),
        exists(exp.binStr("name"), x.var("allowed")),
      ),
    ],
    [
      "let(x = [1, 2]) then (let(y = ${x}) then (1 in ${y}))",
      exp.let(
        x.def("x", exp.list([1, 2])),
        exp.let(x.def("y", x.var("x")), exists(exp.int(1), x.var("y"))),
      ),
    ],
    [
      "when($.role in ['admin'] => 1, default => 2) == 1",
      exp.eq(
        exp.cond(exists(exp.binStr("role"), exp.list(["admin"])), exp.int(1), exp.int(2)),
        exp.int(1),
      ),
    ],
    ["not($.name in ['Bob'])", exp.not(exists(exp.binStr("name"), exp.list(["Bob"])))],
    [
      "$.a + 5 in [10, 20, 30]",
      exists(exp.add(exp.binInt("a"), exp.int(5)), exp.list([10, 20, 30])),
    ],
    ["$.in in [1, 2]", exists(exp.binInt("in"), exp.list([1, 2]))],
    ['$.name IN ["Bob"]', exists(exp.binStr("name"), exp.list(["Bob"]))],
  ] as const)("%s", (text, expected) => expect(compiled(text)).toEqual(expected));
});

describe("in with placeholders", () => {
  test("?0 in list literal", () => {
    expect(compiled('?0 in ["gold", "silver"]', [ael.string("gold")])).toEqual(
      exists(exp.str("gold"), exp.list(["gold", "silver"])),
    );
  });
  test("bin in list placeholder takes the element type", () => {
    expect(compiled("$.name in ?0", [ael.list(ael.string("Bob"), ael.string("Mary"))])).toEqual(
      exists(exp.binStr("name"), exp.list(["Bob", "Mary"])),
    );
  });
  test("?0 in ?1", () => {
    expect(compiled("?0 in ?1", [ael.int(7), ael.list(ael.int(7), ael.int(2n ** 60n))])).toEqual(
      exists(exp.int(7), exp.list([7, 2n ** 60n])),
    );
  });
  test("map placeholder in a list of maps", () => {
    const map = ael.map([ael.int(1), ael.string("a")]);
    expect(compiled("?0 in [{1: 'a'}]", [map])).toEqual(
      lists.getByValue(exp.list([new Map([[1, "a"]])]), x.map(new Map([[1, "a"]])), LR.EXISTS),
    );
  });
});

describe("in errors", () => {
  test("placeholder lists must have one element type and must tell it", () => {
    expect(problem("$.name in ?0", [ael.list(ael.int(1), ael.string("a"))]).message).toContain(
      "one type",
    );
    expect(problem("$.name in ?0", [ael.list()]).message).toContain("Cannot infer");
    expect(problem("$.name in ?0", [ael.string("Bob")]).message).toContain(
      "must be a LIST, got STRING",
    );
  });

  test.each([
    ["$.a in 5", "The right side of 'in' must be a LIST, got INT", 7],
    ["$.a in 'abc'", "The right side of 'in' must be a LIST, got STRING", 7],
    ["$.a in $.m.{}", "The right side of 'in' must be a LIST, got MAP", 7],
    ["$.a in", "Unexpected end of input", 6],
    ["$.a in [1] in [2]", "Unexpected 'in'", 11],
    ["$.bin in [1, 'hello']", "must all have one type", 9],
    ["$.bin in [1, 1.5]", "must all have one type", 9],
    ["'x' in [1, 'y']", "must all have one type", 7],
    ["$.itemType in $.allowedItems", "Cannot infer the type of the left side of 'in'", 0],
    ["$.name in $.rooms.room1.name", "Cannot infer the type", 0],
    ["$.name in []", "Cannot infer the type", 0],
    ["let(x = 1) then ('100' in ${x})", "must be a LIST, got INT (variable 'x')", 26],
    ["let(x = ['a']) then ($.name in ${x})", "Cannot infer the type", 21],
  ] as const)("%s", expectProblem);
});

import { describe, expect, test } from "vitest";
import { Double as AelDouble } from "../../../src/ael/exp-entries.js";
import { type AelValue, ael } from "../../../src/ael/index.js";
import { compiled, Double, exp, problem, fixedExp as x } from "./helpers.js";

describe("placeholders", () => {
  test.each([
    ["$.age > ?0", [ael.int(30)], exp.gt(exp.binInt("age"), exp.int(30))],
    ["$.age > ?0", [ael.float(30.5)], exp.gt(exp.binFloat("age"), exp.float(30.5))],
    ["$.name == ?0", [ael.string("Alice")], exp.eq(exp.binStr("name"), exp.str("Alice"))],
    ["?0 == $.flag", [ael.bool(true)], exp.eq(exp.bool(true), exp.binBool("flag"))],
    [
      "$.blob == ?0",
      [ael.bytes(new Uint8Array([1, 2]))],
      exp.eq(exp.binBlob("blob"), x.bytes([1, 2])),
    ],
    [
      "$.l == ?0",
      [ael.list(ael.int(1), ael.float(2))],
      exp.eq(exp.binList("l"), exp.list([1, new Double(2)])),
    ],
    [
      "$.m == ?0",
      [ael.map([ael.string("k"), ael.int(1)])],
      exp.eq(exp.binMap("m"), x.map(new Map([["k", 1]]))),
    ],
    [
      "$.age > ?0 and $.city == ?1",
      [ael.int(30), ael.string("New York")],
      exp.and(
        exp.gt(exp.binInt("age"), exp.int(30)),
        exp.eq(exp.binStr("city"), exp.str("New York")),
      ),
    ],
    [
      "$.a == ?1 or $.b == ?1",
      [ael.int(0), ael.int(5)],
      exp.or(exp.eq(exp.binInt("a"), exp.int(5)), exp.eq(exp.binInt("b"), exp.int(5))),
    ],
    [
      "$.lastLogin > ?0",
      [ael.int(1672531200000n)],
      exp.gt(exp.binInt("lastLogin"), exp.int(1672531200000)),
    ],
    [
      "$.l.[0] == ?0",
      [ael.string("x")],
      exp.eq(exp.lists.getByIndex(exp.binList("l"), exp.int(0), exp.type.STR, 7), exp.str("x")),
    ],
    ["[?0, 2] == $.l", [ael.int(1)], exp.eq(exp.list([1, 2]), exp.binList("l"))],
    [
      "($.a + ?0) > 1.0",
      [ael.float(0.5)],
      exp.gt(exp.add(exp.binFloat("a"), exp.float(0.5)), exp.float(1)),
    ],
  ] as [string, AelValue[], unknown][])("%s", (text, values, expected) => {
    expect(compiled(text, values)).toEqual(expected);
  });

  test("int64 placeholders beyond 2^53 stay exact BigInts", () => {
    for (const value of [2n ** 53n + 1n, 2n ** 63n - 1n, -(2n ** 63n), -(2n ** 53n) - 1n]) {
      expect(compiled("$.i == ?0", [ael.int(value)])).toEqual(
        exp.eq(exp.binInt("i"), x.bigInt(value)),
      );
    }
    expect(compiled("$.l == ?0", [ael.list(ael.int(2n ** 62n), ael.int(-5))])).toEqual(
      exp.eq(exp.binList("l"), exp.list([2n ** 62n, -5])),
    );
  });

  test("integral and negative-zero floats stay doubles inside lists", () => {
    expect(compiled("$.l == ?0", [ael.list(ael.float(3), ael.float(-0))])).toEqual(
      exp.eq(exp.binList("l"), exp.list([new AelDouble(3), new AelDouble(-0)])),
    );
  });

  test("a placeholder value never changes the expression's structure", () => {
    const hostile = ["1 or true", '") or $.x == ("', "$.secret", "?1", "]} ) or ("];
    for (const text of hostile) {
      expect(compiled("$.name == ?0", [ael.string(text)])).toEqual(
        exp.eq(exp.binStr("name"), exp.str(text)),
      );
    }
    const nested = ael.list(ael.string("$.a == 1"), ael.map([ael.string("or"), ael.list()]));
    expect(compiled("$.l == ?0", [nested])).toEqual(
      exp.eq(exp.binList("l"), exp.list(["$.a == 1", new Map([["or", []]])])),
    );
  });

  test("placeholder errors", () => {
    expect(problem("$.a == ?1", [ael.int(1)])).toEqual({
      message: "Placeholder ?1 has no value (1 given)",
      position: 7,
    });
    expect(problem("$.a == ?0", []).position).toBe(7);
    expect(problem("$.a == ?0", [ael.nil()]).message).toContain("Nothing compares equal to nil");
    // The client would cut these strings at the NUL without telling anyone.
    expect(problem("$.a == ?0", [ael.string("a\u0000b")]).message).toContain("NUL characters");
    expect(
      problem("$.l == ?0", [ael.list(ael.map([ael.string("k\u0000"), ael.int(1)]))]).position,
    ).toBe(7);
    expect(problem("$.a.get(type: STRING) == ?0", [ael.int(1)]).message).toBe(
      "Cannot compare STRING to INT",
    );
    expect(problem("$.a and ?0", [ael.string("x")]).message).toBe(
      "Expected a boolean expression, got STRING",
    );
    expect(problem("{?0: 1} == $.m", [ael.list()]).message).toContain("Map literal keys");
  });
});

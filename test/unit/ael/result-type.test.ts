import { describe, expect, test } from "vitest";
import { compileAel } from "../../../src/ael/index.js";
import { exp, LR, lists, T } from "./helpers.js";

describe("the expected result type", () => {
  test("filters must be boolean", () => {
    const result = compileAel("$.a + 1", [], { resultType: "BOOL" });
    expect(result).toEqual({
      ok: false,
      errors: [{ message: "The expression must produce BOOL, but it produces INT", position: 0 }],
    });
  });

  test("an untyped top level is read as the expected type", () => {
    expect(compileAel("$.a", [], { resultType: "INT" })).toEqual({
      ok: true,
      expression: exp.binInt("a"),
    });
    expect(compileAel("$.l.[0]", [], { resultType: "STRING" })).toEqual({
      ok: true,
      expression: lists.getByIndex(exp.binList("l"), exp.int(0), T.STR, LR.VALUE),
    });
    expect(compileAel("$.a")).toEqual({ ok: true, expression: exp.binBool("a") });
  });

  test("any type is accepted without the option", () => {
    expect(compileAel("$.a * 2.5")).toEqual({
      ok: true,
      expression: exp.mul(exp.binFloat("a"), exp.float(2.5)),
    });
    expect(compileAel("$.s.get(type: STRING)", [], { resultType: "STRING" }).ok).toBe(true);
  });
});

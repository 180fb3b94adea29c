import { describe, expect, test } from "vitest";
import { compileAel } from "../../../src/ael/index.js";
import { expectProblem, problem } from "./helpers.js";

describe("syntax errors name the position of the problem", () => {
  test.each([
    ["1.0 == $.f1.nonsense()", "Unknown path function 'nonsense'", 12],
    ["$.f1.nonsense() == 1.0", "Unknown path function 'nonsense'", 5],
    ["$.intBin1 > 100 garbage", "Unexpected 'garbage' after the end of the expression", 16],
    ["$.intBin1 > ()", "Unexpected ')', expected an operand", 13],
    ["$.strBin == yes", "bins are written $.yes and strings are quoted", 12],
    ["$.listBin1.get(type: LIST) == [yes, of course]", "bins are written $.yes", 31],
    ["$.mapBin1.get(type: MAP) == {yes, of course}", "bins are written $.yes", 29],
    [
      "$.mapBin1.get(type: MAP) == {[100]:[100]}",
      "Map literal keys must be integers or strings",
      29,
    ],
    ["", "Unexpected end of input, expected an operand", 0],
    ["   ", "Unexpected end of input, expected an operand", 3],
    ["$.", "Expected a bin name", 2],
    ["$. a == 1", "Expected a bin name", 2],
    ["$.a == 'unterminated", "Unterminated string literal", 7],
    ["$.a == 1 #", "Unexpected character '#'", 9],
    ["$.a == @", "Unexpected character '@'", 7],
    ["(($.a == 1)", "Expected ')', found end of input", 11],
    ["$.a == 1)", "Unexpected ')' after the end of the expression", 8],
    ["$.a == 1 == 2", "Unexpected '==' after the end of the expression", 9],
    ["[1, 2", "Expected ']', found end of input", 5],
    ["[$.a] == [1]", "List and map literals can only hold constants", 1],
    ["$.a == ?5", "Placeholder ?5 has no value (0 given)", 7],
    ["$.a.get(type: INT", "Expected ')'", 17],
    ["min($.a, )", "Unexpected ')', expected an operand", 9],
    ["$.a == 'x\u0000y'", "Strings cannot contain NUL characters", 9],
    ["$.'a\u0000' == 1", "Strings cannot contain NUL characters", 4],
    ["$.abcdefghijklmnop == 1", "longer than 15 bytes", 2],
    ["$.'' == 1", "Bin names cannot be empty", 2],
  ] as const)("%s", expectProblem);

  test("positions count UTF-16 code units of the text", () => {
    const p = problem("$.a == 'é' and ñ");
    expect(p.position).toBe(15);
  });

  test("compileAel never throws on malformed input", () => {
    for (const text of [
      "$",
      "$.a.[",
      "$.a.{",
      "$.a.[=",
      "$.a.{#",
      "?",
      "${",
      "let(",
      "when(",
      "((((",
      "\u0000",
    ]) {
      const result = compileAel(text);
      expect(result.ok, text).toBe(false);
    }
  });

  test("very deep nesting is reported, not thrown", () => {
    const text = `${"(".repeat(20000)}1${")".repeat(20000)} == 1`;
    const result = compileAel(text);
    expect(result.ok).toBe(false);
  });
});

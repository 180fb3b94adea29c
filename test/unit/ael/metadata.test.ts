import { describe, expect, test } from "vitest";
import { type Case, compiled, exp, expectProblem, T, fixedExp as x } from "./helpers.js";

const cases: Case[] = [
  // deviceSize() and memorySize() are served by recordSize() on server 7+, as in expression-dsl-java.
  ["$.deviceSize() > 1048576", exp.gt(x.recordSize(), exp.int(1048576))],
  ["$.memorySize() > 1048576", exp.gt(x.recordSize(), exp.int(1048576))],
  ["$.recordSize() > 1048576", exp.gt(x.recordSize(), exp.int(1048576))],
  ["$.digestModulo(3) == 0", exp.eq(x.digestModulo(3), exp.int(0))],
  ["$.digestModulo(3) == $.digestModulo", exp.eq(x.digestModulo(3), exp.binInt("digestModulo"))],
  ["$.isTombstone()", x.isTombstone()],
  ["$.keyExists()", exp.keyExist()],
  ["$.lastUpdate() < $.updateBy", exp.lt(exp.lastUpdate(), exp.binInt("updateBy"))],
  ["$.updateBy > $.lastUpdate()", exp.gt(exp.binInt("updateBy"), exp.lastUpdate())],
  ["$.sinceUpdate() < 7200000", exp.lt(exp.sinceUpdate(), exp.int(7200000))],
  ["$.sinceUpdate() < $.sinceUpdate", exp.lt(exp.sinceUpdate(), exp.binInt("sinceUpdate"))],
  [
    '$.setName() == "groupA" or $.setName() == "groupB"',
    exp.or(exp.eq(exp.setName(), exp.str("groupA")), exp.eq(exp.setName(), exp.str("groupB"))),
  ],
  ["$.mySetBin == $.setName()", exp.eq(exp.binStr("mySetBin"), exp.setName())],
  ["$.ttl() <= 86400", exp.le(exp.ttl(), exp.int(86400))],
  ["$.voidTime() == -1", exp.eq(exp.voidTime(), exp.int(-1))],
  ["$.isTombstone() and $.ttl() < 300", exp.and(x.isTombstone(), exp.lt(exp.ttl(), exp.int(300)))],
  ["$.ttl() < 300 or $.keyExists()", exp.or(exp.lt(exp.ttl(), exp.int(300)), exp.keyExist())],
  ["not($.keyExists())", exp.not(exp.keyExist())],
  ["$.key(INT) == 5", exp.eq(exp.keyInt(), exp.int(5))],
  ["$.key(type: STRING) == 'k1'", exp.eq(exp.keyStr(), exp.str("k1"))],
  ["$.key(BLOB) == $.b", exp.eq(exp.keyBlob(), exp.binBlob("b"))],
  ["$.key() == 'k1'", exp.eq(x.key(T.STR), exp.str("k1"))],
  ["$.key() == 7", exp.eq(x.key(T.INT), exp.int(7))],
];

describe("record metadata", () => {
  test.each(cases)("%s", (text, expected) => expect(compiled(text)).toEqual(expected));
});

describe("record metadata errors", () => {
  test.each([
    ["$.ttl() == true", "Cannot compare INT to BOOL", 0],
    ["$.setName() > 5", "Cannot compare STRING to INT", 0],
    ["$.digestModulo(0) == 0", "positive integer", 15],
    ["$.digestModulo() == 0", "Expected an integer", 15],
    ["$.key(FLOAT) == 1", "key() takes INT, STRING or BLOB", 6],
    ["$.size() > 1", "Unknown metadata function 'size'", 2],
  ] as const)("%s", expectProblem);
});

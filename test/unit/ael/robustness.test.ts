// biome-ignore-all lint/suspicious/noTemplateCurlyInString: AEL writes its variables as ${name}.
import Aerospike, { type AerospikeExp } from "aerospike";
import { expect, test } from "vitest";
import { ael, compileAel } from "../../../src/ael/index.js";

// Token soup: every input either compiles to something the client packs, or fails with a
// position inside the text. compileAel must never throw.
const PIECES = [
  "$.",
  "a",
  "b",
  "'s'",
  "1",
  "2.5",
  ".5",
  "0x1f",
  "?0",
  "?1",
  "${x}",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  ":",
  "=",
  "==",
  "!=",
  "<",
  ">=",
  "+",
  "-",
  "*",
  "/",
  "%",
  "**",
  "&",
  "|",
  "^",
  "~",
  "<<",
  ">>",
  ">>>",
  "and",
  "or",
  "not",
  "exclusive",
  "let",
  "then",
  "when",
  "default",
  "=>",
  "in",
  "true",
  "false",
  ".",
  "[0]",
  "{#-1}",
  "[=a,b]",
  "{a-c}",
  ".get(type: INT)",
  ".count()",
  ".exists()",
  ".asInt()",
  "abs",
  "min",
  "geoJson",
  "hllCount",
  "$.ttl()",
  "$.key()",
  "x",
  " ",
  "#",
  "!",
  "unknown",
];

test("random token soup never throws", () => {
  const client = Aerospike.client({ hosts: "127.0.0.1:1" });
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const placeholders = [ael.int(1), ael.list(ael.string("a"))];
  for (let i = 0; i < 5000; i++) {
    let text = "";
    for (let j = 1 + Math.floor(next() * 12); j > 0; j--)
      text += PIECES[Math.floor(next() * PIECES.length)];
    const result = compileAel(text, placeholders);
    if (result.ok) {
      expect(
        () => client.expressionToBase64(result.expression as AerospikeExp),
        text,
      ).not.toThrow();
    } else {
      const position = result.errors[0]?.position ?? -1;
      expect(position >= 0 && position <= text.length, `${text} -> ${position}`).toBe(true);
    }
  }
});

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: AEL writes its variables as ${name}.
import Aerospike from "aerospike";
import { describe, expect, test } from "vitest";
import { type AelValue, ael, compileAel } from "../../../src/ael/index.js";
import { buildExpression } from "../../../src/embedded/expressions/index.js";
import { decodeMsgpack } from "../../../src/embedded/wire/msgpack-decode.js";
import type { MpValue } from "../../../src/embedded/wire/msgpack-value.js";

// The client packs an expression without a server through expressionToBase64 (the same
// as_exp_compile it uses for filterExpression), so this needs no cluster: the client is
// created and never connected.
const client = Aerospike.client({ hosts: "127.0.0.1:1" });

function pack(text: string, placeholders: readonly AelValue[] = []): Buffer {
  const result = compileAel(text, placeholders);
  if (!result.ok) throw new Error(`${text}: ${JSON.stringify(result.errors)}`);
  const base64 = client.expressionToBase64(result.expression as Aerospike.AerospikeExp);
  return Buffer.from(base64, "base64");
}

function ints(value: MpValue): bigint[] {
  if (value.kind === "int") return [value.value];
  if (value.kind === "list") return value.items.flatMap(ints);
  return [];
}

const POINT = '{"type":"Point","coordinates":[1.5,2.5]}';
const REGION = '{"type":"AeroCircle","coordinates":[[1.5,2.5],1000]}';

const samples: [string, AelValue[]][] = [
  ["$.a > 5 and $.b == 'x' or not($.c)", []],
  ["($.apples % 7) == (2 ** 3) and abs($.x) > 1 and floor($.f) < ceil($.g)", []],
  ["log($.a, 2.0) > pow($.b, 2.0)", []],
  ["~$.a == (($.b << 2) | ($.c >> 1) ^ ($.d >>> 3) & 1)", []],
  ["countOneBits($.a) == findBitLeft($.a, true) + findBitRight($.a, false)", []],
  ["min($.a, 1, 2) < max($.b, 3)", []],
  ["28.asFloat() == $.f and $.i.asInt() == 3 and $.j.asFloat() > 1.5", []],
  ["$.digestModulo(3) == 1 and $.isTombstone() == false and $.keyExists()", []],
  ["$.recordSize() > 0 and $.lastUpdate() > 0 and $.sinceUpdate() > 0 and $.voidTime() != 0", []],
  ["$.setName() == 'demo' and $.ttl() > 0 and $.key(STRING) == 'k'", []],
  ["let (x = $.a + 1, y = ${x} * 2) then (${y} > 10)", []],
  ["when ($.a == 1 => 'one', $.a == 2 => 'two', default => 'many') == $.name", []],
  ["$.l.[0] == 1 and $.l.[#-1] == 2 and $.l.[=3].count() > 0 and $.l.[1:3].count() == 2", []],
  ["$.l.[!=a,b].count() == 0 and $.l.[=1:5].count() > 0 and $.l.[#0:~5].count() > 0", []],
  ["$.m.a.b.c == 1 and $.m.{0} == 2 and $.m.{#-1} == 3 and $.m.{a-c}.count() > 0", []],
  ["$.m.{!a,b}.count() > 0 and $.m.{0:1~a}.count() > 0 and $.m.{=1:}.count() > 0", []],
  ["$.m.a.[0].b.{}.count() > 1 and $.l.[2].k.exists()", []],
  ["$.name in ['a', 'b'] and 5 in $.l and $.x in ?0", [ael.list(ael.int(1), ael.int(2))]],
  ["$.h.hllCount() > 1 and $.h.hllMayContain(['a']) == 1", []],
  ["$.h.hllUnionCount(?0) > 1 and $.h.hllSimilarity(?0) > 0.1", [ael.list(ael.hll(hllBlob()))]],
  [`geoCompare($.loc, geoJson('${REGION}')) and geoCompare($.p, ?0)`, [ael.geojson(POINT)]],
  [
    "$.i == ?0 and $.f == ?1 and $.s == ?2 and $.b == ?3",
    [ael.int(1), ael.float(2), ael.string("s"), ael.bool(true)],
  ],
  [
    "$.blob == ?0 and $.l == ?1 and $.m == ?2",
    [
      ael.bytes(new Uint8Array([1, 2, 3])),
      ael.list(ael.float(1), ael.int(2n ** 62n), ael.nil()),
      ael.map([ael.string("k"), ael.list(ael.float(-0))]),
    ],
  ],
  [
    "$.b.get(type: BLOB) == 'AQID' and $.l.get(type: LIST) == [1, 2.0, 'x'] and $.m.{} == {1: 'a'}",
    [],
  ],
];

function hllBlob(): Uint8Array {
  // A small valid HLL is not needed for packing; any bytes travel as an HLL particle.
  return new Uint8Array([0, 4, 0, 0, 0, 0]);
}

describe("the official client packs compiled AEL", () => {
  test.each(samples)("%s", (text, placeholders) => {
    const bytes = pack(text, placeholders);
    expect(bytes.length).toBeGreaterThan(0);
    // The embedded server's expression builder applies the server's arity and type checks.
    expect(() => buildExpression(bytes)).not.toThrow();
  });

  test("int64 literals and placeholders beyond 2^53 reach the wire exactly", () => {
    const values = [2n ** 53n + 1n, 2n ** 63n - 1n, -(2n ** 63n), -(2n ** 53n) - 3n];
    for (const value of values) {
      expect(ints(decodeMsgpack(pack(`$.i == ${value}`)))).toContain(value);
      expect(ints(decodeMsgpack(pack("$.i == ?0", [ael.int(value)])))).toContain(value);
    }
  });

  test("the fixed helpers pack what the broken client helpers could not", () => {
    for (const text of [
      "($.a % 3) == 1",
      "abs($.a) == 1",
      "$.a.asFloat() > 1.5",
      "~$.a == 1",
      "$.digestModulo(7) == 2",
    ]) {
      expect(() => buildExpression(pack(text))).not.toThrow();
    }
  });
});

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: AEL writes its variables as ${name}.
import Aerospike, { type AerospikeExp } from "aerospike";
import { describe, expect, test } from "vitest";
import { type AelValue, ael, compileAel } from "../../../src/ael/index.js";
import type { WorkingRecord } from "../../../src/embedded/commands/working-record.js";
import { evaluateFilter } from "../../../src/embedded/expressions/index.js";
import {
  type MpValue,
  mpBool,
  mpBytes,
  mpFloat,
  mpInt,
  mpList,
  mpMap,
  mpStr,
} from "../../../src/embedded/wire/msgpack-value.js";
import { record as recordWith } from "../../unit/embedded/expressions/exp-helper.js";

// Compiled AEL, packed by the official client, evaluated as a filter by the embedded server's
// expression engine on one record. A first look at the language's meaning end to end; the
// gateway-level tests run the same filters through Get/Query.
const client = Aerospike.client({ hosts: "127.0.0.1:1" });
const OK = 0;
const FILTERED_OUT = 27;

function record(): WorkingRecord {
  const bins: Record<string, MpValue> = {
    i: mpInt(42),
    neg: mpInt(-7),
    big: mpInt(2n ** 62n + 1n),
    f: mpFloat(2.5),
    s: mpStr("hello"),
    b: mpBool(true),
    blob: mpBytes(Buffer.from([1, 2, 3])),
    loc: { kind: "geojson", value: '{"type":"Point","coordinates":[1.5,2.5]}' },
    l: mpList([mpInt(1), mpInt(5), mpInt(3), mpInt(5), mpInt(9)]),
    m: mpMap([
      [mpStr("a"), mpInt(1)],
      [mpStr("b"), mpInt(2)],
      [mpStr("c"), mpInt(3)],
      [mpStr("nested"), mpMap([[mpStr("x"), mpList([mpInt(10), mpInt(20), mpInt(30)])]])],
    ]),
  };
  return recordWith(bins);
}

function outcome(text: string, placeholders: readonly AelValue[] = []): number {
  const result = compileAel(text, placeholders, { resultType: "BOOL" });
  if (!result.ok) throw new Error(`${text}: ${JSON.stringify(result.errors)}`);
  const packed = client.expressionToBase64(result.expression as AerospikeExp);
  return evaluateFilter(Buffer.from(packed, "base64"), record());
}

const truths: [string, AelValue[]?][] = [
  ["$.i == 42"],
  ["$.i + 8 == 50"],
  ["$.f * 2 == 5.0"],
  ["($.i % 5) == 2"],
  ["$.i ** 2 == 1764"],
  ["$.f ** 2 == 6.25"],
  ["$.i >> 1 == 21"],
  ["$.neg >> 1 == -4"],
  ["$.neg >>> 60 == 15"],
  ["~$.i == -43"],
  ["($.i & 0xF) == 10 and ($.i | 1) == 43 and ($.i ^ 2) == 40"],
  ["abs($.neg) == 7"],
  ["-$.i == -42"],
  ["ceil($.f) == 3.0 and floor($.f) == 2.0"],
  ["log(8, 2) == 3.0"],
  ["min($.i, 3) == 3 and max($.i, 3) == 42"],
  ["countOneBits($.i) == 3"],
  ["$.i.asFloat() == 42.0 and $.f.asInt() == 2"],
  ["$.s == 'hello' and $.b and not($.s == 'x')"],
  ["exclusive($.i == 42, $.s == 'x')"],
  ["$.blob.get(type: BLOB) == 'AQID'"],
  ["$.l.[0] == 1 and $.l.[-1] == 9 and $.l.[#0] == 1 and $.l.[#-1] == 9"],
  ["$.l.count() == 5 and $.l.[=5].count() == 2 and $.l.[=5].exists()"],
  ["$.l.[1:3] == [5, 3] and $.l.[!1:3] == [1, 5, 9]"],
  ["$.l.[=3:6].count() == 3 and $.l.[=5,9].count() == 3 and $.l.[!=5,9].count() == 2"],
  ["5 in $.l and not(7 in $.l) and $.i in [41, 42]"],
  ["$.l.[#-1:~5].count() == 4 and $.l.[#0:2~5].count() == 2 and $.l.[=5:].count() == 3"],
  ["$.l.[#0:2] == [1, 3] or $.l.[#0:2] == [3, 1]"],
  ["$.m.{0:2~b}.count() == 2 and $.m.{1:~a}.count() == 3 and $.m.{b-}.count() == 3"],
  ["$.m.{1:3}.get(return: KEY) == ['b', 'c'] and $.m.{#0}.get(return: KEY) == 'a'"],
  ["$.m.a == 1 and $.m.{}.count() == 4 and $.m.{0} == 1"],
  ["$.m.nested.x.[1] == 20 and $.m.nested.x.count() == 3"],
  ["$.m.{a-c}.count() == 2 and $.m.{a,c}.count() == 2 and $.m.{!a,c}.count() == 2"],
  ["$.m.{=2}.get(return: KEY) == ['b'] and $.m.a.exists() and not($.m.zz.exists())"],
  ["$.setName() == 's' and $.keyExists() and $.key(STRING) == 'k' and $.sinceUpdate() >= 0"],
  ["let (x = $.i * 2) then (${x} == 84)"],
  ["when ($.i > 40 => 'big', default => 'small') == 'big'"],
  ["$.i == ?0 and $.s == ?1", [ael.int(42), ael.string("hello")]],
  ["$.big == 4611686018427387905 and $.big == ?0", [ael.int(2n ** 62n + 1n)]],
  ["$.big != 4611686018427387904"],
  ["$.l == ?0", [ael.list(ael.int(1), ael.int(5), ael.int(3), ael.int(5), ael.int(9))]],
  ["$.x.exists() == false and $.i.exists()"],
  [`geoCompare($.loc, geoJson('{"type":"AeroCircle","coordinates":[[1.5,2.5],1000]}'))`],
  ["geoCompare($.loc, ?0)", [ael.geojson('{"type":"AeroCircle","coordinates":[[1.5,2.5],10]}')]],
];

const falsehoods: string[] = [
  "$.i > 42",
  "$.s == 'x'",
  "not($.b)",
  "$.l.[0] == 2",
  "7 in $.l",
  "$.m.zz.exists()",
  "$.big == 4611686018427387904",
  `geoCompare($.loc, geoJson('{"type":"AeroCircle","coordinates":[[50.0,50.0],1000]}'))`,
];

describe("AEL filters evaluated by the embedded engine", () => {
  test.each(truths)("true: %s", (text, placeholders) => {
    expect(outcome(text, placeholders ?? [])).toBe(OK);
  });
  test.each(falsehoods)("false: %s", (text) => {
    expect(outcome(text)).toBe(FILTERED_OUT);
  });
});

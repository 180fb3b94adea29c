import { describe, expect, test } from "vitest";
import { ael } from "../../../src/ael/index.js";
import { type Case, compiled, exp, problem, fixedExp as x } from "./helpers.js";

const hll = exp.hll;
const h = exp.binHll("h");
const POINT = '{"type":"Point","coordinates":[1.5,2.5]}';
const REGION = '{"type":"AeroCircle","coordinates":[[1.5,2.5],1000]}';

const cases: Case[] = [
  ["$.h.hllCount() > 3", exp.gt(hll.getCount(h), exp.int(3))],
  ["hllCount($.h) > 3", exp.gt(hll.getCount(h), exp.int(3))],
  ["$.h.hllDescribe() == [10, 0]", exp.eq(hll.describe(h), exp.list([10, 0]))],
  [
    "hllCount($.h.hllUnion($.others)) > 1",
    exp.gt(hll.getCount(hll.getUnion(h, exp.binList("others"))), exp.int(1)),
  ],
  [
    "$.h.hllUnionCount($.others) > 10",
    exp.gt(hll.getUnionCount(h, exp.binList("others")), exp.int(10)),
  ],
  [
    "hllUnionCount($.h, $.others) > 10",
    exp.gt(hll.getUnionCount(h, exp.binList("others")), exp.int(10)),
  ],
  [
    "$.h.hllIntersectCount($.others) > 10",
    exp.gt(hll.getIntersectCount(h, exp.binList("others")), exp.int(10)),
  ],
  [
    "$.h.hllSimilarity($.others) > 0.5",
    exp.gt(hll.getSimilarity(h, exp.binList("others")), exp.float(0.5)),
  ],
  [
    "$.h.hllMayContain(['a', 'b']) == 1",
    exp.eq(hll.mayContain(h, exp.list(["a", "b"])), exp.int(1)),
  ],
  ["hllMayContain($.h, [1]) == 1", exp.eq(hll.mayContain(h, exp.list([1])), exp.int(1))],
  [
    "$.m.k.hllCount() > 3",
    exp.gt(
      hll.getCount(exp.maps.getByKey(exp.binMap("m"), exp.str("k"), exp.type.HLL, 7)),
      exp.int(3),
    ),
  ],
  [`geoCompare($.loc, geoJson('${REGION}'))`, exp.cmpGeo(exp.binGeo("loc"), x.geo(REGION))],
  [`geoCompare($.loc, '${REGION}')`, exp.cmpGeo(exp.binGeo("loc"), x.geo(REGION))],
  [`geoCompare(geoJson('${POINT}'), $.region)`, exp.cmpGeo(x.geo(POINT), exp.binGeo("region"))],
  [
    `when($.a == 1 => geoJson('${POINT}'), default => $.loc)`,
    exp.cond(exp.eq(exp.binInt("a"), exp.int(1)), x.geo(POINT), exp.binGeo("loc")),
  ],
];

describe("HLL and geo functions", () => {
  test.each(cases)("%s", (text, expected) => expect(compiled(text)).toEqual(expected));

  test("HLL placeholders", () => {
    const blob = new Uint8Array([0, 8, 0, 0]);
    const result = compiled("$.h.hllUnionCount(?0) > 1", [ael.list(ael.hll(blob))]) as {
      op: number;
      value?: unknown;
    }[];
    const list = result.find((entry) => entry.op === 128)?.value as { buffer: Buffer }[];
    expect(list[0]?.buffer).toEqual(Buffer.from(blob));
    expect(list[0]?.constructor.name).toBe("HyperLogLog");
  });

  test("geo placeholders", () => {
    expect(compiled("geoCompare($.loc, ?0)", [ael.geojson(REGION)])).toEqual(
      exp.cmpGeo(exp.binGeo("loc"), x.geo(REGION)),
    );
    expect(compiled("geoCompare(?0, $.region)", [ael.string(POINT)])).toEqual(
      exp.cmpGeo(x.geo(POINT), exp.binGeo("region")),
    );
  });

  test.each([
    ["$.h.hllCount(1) > 1", "Expected ')'", 13],
    ["$.h.hllUnion() > 1", "Unexpected ')', expected an operand", 13],
    ["hllCount($.h, [1]) > 1", "takes no argument", 0],
    ["hllCount(5) > 1", "needs an HLL, got INT", 9],
    ["geoCompare($.a, 5)", "Expected a GEO operand, got INT", 16],
    ["geoCompare(geoJson($.a), $.b)", "takes a string literal or a placeholder", 19],
    ["$.loc == geoJson('{}')", "GeoJSON values are compared with geoCompare()", 9],
    ["$.h.hllUnion($.o) == $.h2", "HLL values cannot be compared", 0],
    ["geoCompare($.a)", "expects 2 argument(s)", 0],
  ] as const)("error: %s", (text, message, position) => {
    const p = problem(text);
    expect(p.message).toContain(message);
    expect(p.position).toBe(position);
  });
});

import { describe, expect, it } from "vitest";
import { geoMatches, parseGeoJson } from "../../../../src/embedded/expressions/geo.js";
import { compilePosixRegex } from "../../../../src/embedded/expressions/posix-regex.js";
import { intParticle } from "../../../../src/embedded/wire/particle.js";
import { mp, O, read, record, T } from "./exp-helper.js";

const NOW = 1_800_000_000_000;
const CL_EPOCH = 1262304000;

describe("record metadata", () => {
  const voidTime = Math.floor(NOW / 1000) - CL_EPOCH + 500;
  const rec = record(
    { a: mp.int(1) },
    { voidTime, lastUpdateMs: NOW - 1500, nowMs: NOW, setName: "myset" },
  );
  it.each([
    ["ttl", [O.ttl], mp.int(500)],
    ["void time (ns)", [O.voidTime], mp.int(BigInt(voidTime + CL_EPOCH) * 1_000_000_000n)],
    ["last update (ns)", [O.lastUpdate], mp.int(BigInt(NOW - 1500) * 1_000_000n)],
    ["since update (ms)", [O.sinceUpdate], mp.int(1500)],
    ["set name", [O.setName], mp.str("myset")],
    ["key exists", [O.keyExists], mp.bool(true)],
    ["is tombstone", [O.isTombstone], mp.bool(false)],
    ["key (string)", [O.key, T.str], mp.str("k")],
    ["digest modulo", [O.digestMod, 5], mp.int(0x07070707 % 5)],
    ["device size (memory namespace)", [O.deviceSize], mp.int(0)],
    ["record size", [O.recordSize], mp.int(64)],
    ["memory size", [O.memorySize], mp.int(64)],
  ] as const)("%s", (_n, e, want) => {
    expect(read(rec, e as never)).toEqual({ code: 0, value: want });
  });

  it("ttl is -1 when the record never expires and at least 1 once due", () => {
    expect(read(record({ a: mp.int(1) }), [O.ttl]).value).toEqual(mp.int(-1));
    expect(read(record({ a: mp.int(1) }), [O.voidTime]).value).toEqual(mp.int(-1));
    const due = record({ a: mp.int(1) }, { voidTime: 10 });
    expect(read(due, [O.ttl]).value).toEqual(mp.int(1));
  });

  it("key of other types and absent keys", () => {
    const intKey = record({ a: mp.int(1) }, { key: intParticle(77n) });
    expect(read(intKey, [O.key, T.int]).value).toEqual(mp.int(77));
    expect(read(intKey, [O.key, T.str]).code).toBe(26);
    const noKey = record({ a: mp.int(1) }, { key: undefined });
    expect(read(noKey, [O.keyExists]).value).toEqual(mp.bool(false));
    expect(read(noKey, [O.key, T.str]).code).toBe(26);
  });
});

describe("geo", () => {
  const pt = (lon: number, lat: number) =>
    parseGeoJson(`{"type":"Point","coordinates":[${lon},${lat}]}`);
  const square = parseGeoJson(
    '{"type":"Polygon","coordinates":[[[0,0],[0,10],[10,10],[10,0],[0,0]]]}',
  );
  const circle = parseGeoJson('{"type":"AeroCircle","coordinates":[[0,0],200000]}');
  it("points in regions and regions containing points", () => {
    expect(geoMatches(pt(5, 5)!, square!)).toBe(true);
    expect(geoMatches(pt(15, 5)!, square!)).toBe(false);
    expect(geoMatches(square!, pt(5, 5)!)).toBe(true);
    expect(geoMatches(pt(1, 1)!, circle!)).toBe(true);
    expect(geoMatches(pt(3, 3)!, circle!)).toBe(false);
    expect(geoMatches(pt(1, 1)!, pt(1, 1)!)).toBe(false);
    expect(geoMatches(circle!, square!)).toBe(true);
  });
  it("rejects invalid GeoJSON", () => {
    expect(parseGeoJson("{}")).toBeUndefined();
    expect(parseGeoJson('{"type":"Point","coordinates":[200,0]}')).toBeUndefined();
    expect(parseGeoJson('{"type":"Polygon","coordinates":[[[0,0],[1,1]]]}')).toBeUndefined();
    expect(parseGeoJson("not json")).toBeUndefined();
  });
});

describe("POSIX regex", () => {
  it.each([
    ["ap+le", 0, "apple", false],
    ["ap+le", 0, "ap+le", true],
    ["ap+le", 1, "apple", true],
    ["a\\{2\\}", 0, "xaay", true],
    ["a{2}", 1, "xaay", true],
    ["^APPLE$", 2, "apple", true],
    ["a.c", 0, "a\nc", true],
    ["a.c", 8, "a\nc", false],
    ["^b", 8, "a\nb", true],
    ["[^a]", 1, "a", false],
    ["[]a]", 1, "]", true],
    ["*a", 0, "*a", true],
    ["x|y", 0, "x|y", true],
    ["x|y", 1, "y", true],
  ] as const)("%s (flags %d) on %j → %s", (pattern, flags, s, want) => {
    expect(compilePosixRegex(pattern, flags).test(s)).toBe(want);
  });
  it("rejects malformed patterns", () => {
    for (const p of ["(", "a\\", "[a", "a{x}"]) expect(() => compilePosixRegex(p, 1)).toThrow();
  });
});

import { describe, expect, it } from "vitest";
import {
  normalizeGeojsonParticle,
  s2LeafCellId,
  WireError,
} from "../../../../src/embedded/wire/index.js";

function particle(json: string): Buffer {
  return Buffer.concat([Buffer.alloc(3), Buffer.from(json)]);
}

describe("GeoJSON particles", () => {
  it("computes the S2 leaf cell the reference server stored for a point", () => {
    expect(s2LeafCellId(103.913, 1.308).toString(16)).toBe("31da180ab7f7a279");
    const out = normalizeGeojsonParticle(
      particle('{"type":"Point","coordinates":[103.913,1.308]}'),
    );
    expect(out.subarray(0, 11).toString("hex")).toBe("00000131da180ab7f7a279");
    expect(out.subarray(11).toString()).toBe('{"type":"Point","coordinates":[103.913,1.308]}');
  });

  it.each([
    [0, 0],
    [-122, 37.5],
    [180, -90],
    [-180, 90],
  ])("gives a leaf cell id (odd, face < 6) for %d,%d", (lng, lat) => {
    const id = s2LeafCellId(lng, lat);
    expect(id & 1n).toBe(1n);
    expect(id >> 61n).toBeLessThan(6n);
  });

  it("keeps other shapes as sent and rejects invalid GeoJSON with 160", () => {
    const poly = particle('{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[0,0]]]}');
    expect(normalizeGeojsonParticle(poly)).toEqual(poly);
    for (const bad of ["not json", "[1,2]", '{"coordinates":[1,2]}', '{"type":"Point"}']) {
      expect(() => normalizeGeojsonParticle(particle(bad))).toThrow(WireError);
    }
  });
});

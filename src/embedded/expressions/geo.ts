/**
 * GeoJSON shapes for CMP_GEO: parsing of Point, Polygon, MultiPolygon and Aerospike's AeroCircle,
 * and the containment / intersection test the server applies.
 *
 * The server uses S2 cells; this uses planar point-in-polygon on longitude/latitude and great-circle
 * distance for circles, which agrees for the shapes clients normally send.
 */

/** A parsed GeoJSON value. Positions are `[lon, lat]` in degrees. */
export type GeoShape =
  | { readonly kind: "point"; readonly lon: number; readonly lat: number }
  | { readonly kind: "polygons"; readonly polygons: readonly (readonly Ring[])[] }
  | {
      readonly kind: "circle";
      readonly lon: number;
      readonly lat: number;
      readonly radius: number;
    };

type Ring = readonly (readonly [number, number])[];

const EARTH_RADIUS_M = 6371000;

function position(v: unknown): [number, number] | undefined {
  if (!Array.isArray(v) || v.length < 2) return undefined;
  const [lon, lat] = v as unknown[];
  if (typeof lon !== "number" || typeof lat !== "number") return undefined;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return undefined;
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return undefined;
  return [lon, lat];
}

function polygon(v: unknown): Ring[] | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  const rings: Ring[] = [];
  for (const ring of v) {
    if (!Array.isArray(ring) || ring.length < 4) return undefined;
    const pts: [number, number][] = [];
    for (const p of ring) {
      const pos = position(p);
      if (pos === undefined) return undefined;
      pts.push(pos);
    }
    rings.push(pts);
  }
  return rings;
}

/** Parses GeoJSON text into a shape; undefined when it is not valid GeoJSON the server accepts. */
export function parseGeoJson(text: string): GeoShape | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof doc !== "object" || doc === null) return undefined;
  const { type, coordinates } = doc as { type?: unknown; coordinates?: unknown };
  switch (type) {
    case "Point": {
      const p = position(coordinates);
      return p && { kind: "point", lon: p[0], lat: p[1] };
    }
    case "Polygon": {
      const rings = polygon(coordinates);
      return rings && { kind: "polygons", polygons: [rings] };
    }
    case "MultiPolygon": {
      if (!Array.isArray(coordinates) || coordinates.length === 0) return undefined;
      const polys: Ring[][] = [];
      for (const c of coordinates) {
        const rings = polygon(c);
        if (rings === undefined) return undefined;
        polys.push(rings);
      }
      return { kind: "polygons", polygons: polys };
    }
    case "AeroCircle": {
      if (!Array.isArray(coordinates) || coordinates.length !== 2) return undefined;
      const c = position(coordinates[0]);
      const r = coordinates[1];
      if (c === undefined || typeof r !== "number" || !(r >= 0)) return undefined;
      return { kind: "circle", lon: c[0], lat: c[1], radius: r };
    }
    default:
      return undefined;
  }
}

function distanceM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygons(lon: number, lat: number, polys: readonly (readonly Ring[])[]): boolean {
  return polys.some((rings) => {
    const [outer, ...holes] = rings;
    return (
      outer !== undefined && inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h))
    );
  });
}

function containsPoint(region: GeoShape, lon: number, lat: number): boolean {
  switch (region.kind) {
    case "point":
      return region.lon === lon && region.lat === lat;
    case "circle":
      return distanceM(region.lon, region.lat, lon, lat) <= region.radius;
    case "polygons":
      return inPolygons(lon, lat, region.polygons);
  }
}

function vertices(s: GeoShape): [number, number][] {
  if (s.kind === "point" || s.kind === "circle") return [[s.lon, s.lat]];
  return s.polygons.flatMap((rings) =>
    (rings[0] ?? []).map((p) => [p[0], p[1]] as [number, number]),
  );
}

function regionsIntersect(a: GeoShape, b: GeoShape): boolean {
  if (a.kind === "circle" && b.kind === "circle") {
    return distanceM(a.lon, a.lat, b.lon, b.lat) <= a.radius + b.radius;
  }
  return (
    vertices(a).some(([lon, lat]) => containsPoint(b, lon, lat)) ||
    vertices(b).some(([lon, lat]) => containsPoint(a, lon, lat))
  );
}

/**
 * The CMP_GEO test: a point matches a region containing it, a region matches a region it
 * intersects or a point it contains. Two points never match.
 */
export function geoMatches(candidate: GeoShape, query: GeoShape): boolean {
  if (candidate.kind === "point") {
    return query.kind !== "point" && containsPoint(query, candidate.lon, candidate.lat);
  }
  if (query.kind === "point") return containsPoint(candidate, query.lon, query.lat);
  return regionsIntersect(candidate, query);
}

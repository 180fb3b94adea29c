/**
 * S2 cell ids of points, as the server stores them in front of a GeoJSON point's text: the
 * level-30 (leaf) cell of the point on the S2 cube projection with the quadratic transform and
 * the Hilbert-curve cell numbering.
 */

const LOOKUP_BITS = 4;
const SWAP = 1;
const INVERT = 2;
const MAX_IJ = 1 << 30;
// For each orientation, the (i,j) quadrant visited at each Hilbert position, and how the
// orientation changes when descending into that position.
const POS_TO_IJ = [
  [0, 1, 3, 2],
  [0, 2, 3, 1],
  [3, 2, 0, 1],
  [3, 1, 0, 2],
];
const POS_TO_ORIENTATION = [SWAP, 0, 0, INVERT | SWAP];

const lookupPos = buildLookup();

function buildLookup(): Uint16Array {
  const table = new Uint16Array(1 << (2 * LOOKUP_BITS + 2));
  const fill = (
    level: number,
    i: number,
    j: number,
    orig: number,
    pos: number,
    orientation: number,
  ) => {
    if (level === LOOKUP_BITS) {
      table[(((i << LOOKUP_BITS) + j) << 2) + orig] = (pos << 2) + orientation;
      return;
    }
    const quadrants = POS_TO_IJ[orientation] as number[];
    for (let k = 0; k < 4; k++) {
      const q = quadrants[k] as number;
      fill(
        level + 1,
        (i << 1) + (q >> 1),
        (j << 1) + (q & 1),
        orig,
        (pos << 2) + k,
        orientation ^ (POS_TO_ORIENTATION[k] as number),
      );
    }
  };
  for (let o = 0; o < 4; o++) fill(0, 0, 0, o, 0, o);
  return table;
}

function faceUv(x: number, y: number, z: number): [number, number, number] {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const az = Math.abs(z);
  let face = ax > ay ? (ax > az ? 0 : 2) : ay > az ? 1 : 2;
  if (([x, y, z][face] as number) < 0) face += 3;
  switch (face) {
    case 0:
      return [0, y / x, z / x];
    case 1:
      return [1, -x / y, z / y];
    case 2:
      return [2, -x / z, -y / z];
    case 3:
      return [3, z / x, y / x];
    case 4:
      return [4, z / y, -x / y];
    default:
      return [5, -y / z, -x / z];
  }
}

function uvToIj(u: number): number {
  const s = u >= 0 ? 0.5 * Math.sqrt(1 + 3 * u) : 1 - 0.5 * Math.sqrt(1 - 3 * u);
  return Math.max(0, Math.min(MAX_IJ - 1, Math.floor(MAX_IJ * s)));
}

/** The S2 leaf cell id (64-bit, unsigned) of a point given in degrees. */
export function s2LeafCellId(lngDeg: number, latDeg: number): bigint {
  const lat = (latDeg * Math.PI) / 180;
  const lng = (lngDeg * Math.PI) / 180;
  const [face, u, v] = faceUv(
    Math.cos(lat) * Math.cos(lng),
    Math.cos(lat) * Math.sin(lng),
    Math.sin(lat),
  );
  const i = uvToIj(u);
  const j = uvToIj(v);
  let n = BigInt(face) << 60n;
  let bits = face & SWAP;
  const mask = (1 << LOOKUP_BITS) - 1;
  for (let k = 7; k >= 0; k--) {
    bits += ((i >>> (k * LOOKUP_BITS)) & mask) << (LOOKUP_BITS + 2);
    bits += ((j >>> (k * LOOKUP_BITS)) & mask) << 2;
    bits = lookupPos[bits] as number;
    n |= BigInt(bits >> 2) << BigInt(k * 2 * LOOKUP_BITS);
    bits &= SWAP | INVERT;
  }
  return BigInt.asUintN(64, n * 2n + 1n);
}

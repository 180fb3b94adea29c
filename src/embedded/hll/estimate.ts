/**
 * Cardinality estimation of an HLL sketch: Ertl's improved estimator (arXiv 1702.01284, Algorithm 6)
 * with the classic HLL α constants, evaluated step for step in IEEE doubles as Aerospike does so the
 * rounded result is identical.
 */

import type { HllSketch } from "./sketch.js";

const RANK_LIMIT = 64;

/** Ertl's τ function. */
export function hllTau(x: number): number {
  if (x === 0 || x === 1) {
    return 0;
  }
  let y = 1;
  let z = 1 - x;
  let previous: number;
  do {
    x = Math.sqrt(x);
    previous = z;
    y *= 0.5;
    const d = 1 - x;
    z -= d * d * y;
  } while (previous !== z);
  return z / 3;
}

/** Ertl's σ function. */
export function hllSigma(x: number): number {
  if (x === 1) {
    return Number.POSITIVE_INFINITY;
  }
  let y = 1;
  let z = x;
  let previous: number;
  do {
    x *= x;
    previous = z;
    z += x * y;
    y += y;
  } while (previous !== z);
  return z;
}

/** The bias-correction constant α for 2^p registers. */
export function hllAlpha(indexBits: number): number {
  switch (indexBits) {
    case 4:
      return 0.673;
    case 5:
      return 0.697;
    case 6:
      return 0.709;
    default:
      return 0.7213 / (1 + 1.079 / 2 ** indexBits);
  }
}

/** Rounds half away from zero, as C's `llround`. */
export function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** Computes the estimate from the registers, ignoring the cache. */
export function computeCardinality(s: HllSketch): bigint {
  const m = s.ranks.length;
  const histogram = new Array<number>(RANK_LIMIT + 1).fill(0);
  for (let r = 0; r < m; r++) {
    const rank = s.ranks[r]!;
    histogram[rank] = histogram[rank]! + 1;
  }
  let z = m * hllTau(histogram[RANK_LIMIT]! / m);
  for (let k = RANK_LIMIT; k > 0; k--) {
    z = 0.5 * (z + histogram[k]!);
  }
  z += m * hllSigma(histogram[0]! / m);
  const estimate = (hllAlpha(s.indexBits) * m * m) / z;
  return BigInt(roundHalfAwayFromZero(estimate));
}

/** The cardinality estimate of a sketch: its cache when non-zero, else computed from the registers. */
export function estimateCardinality(s: HllSketch): bigint {
  return s.cache !== 0n ? s.cache : computeCardinality(s);
}

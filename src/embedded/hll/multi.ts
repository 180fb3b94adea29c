/**
 * Operations over several HLL sketches as Aerospike computes them: compatible template, union, union
 * count, intersection count (inclusion–exclusion for plain HLLs, MinHash for HyperMinHash) and
 * similarity (Jaccard), plus fold. Sketch order matters for MinHash results and follows the server:
 * op arguments first, the bin's own sketch last.
 */

import { HLL_RANK_BITS } from "./constants.js";
import { registerLess } from "./element.js";
import { estimateCardinality, roundHalfAwayFromZero } from "./estimate.js";
import { emptySketch, type HllSketch, registerPrefixHasData, serializeSketch } from "./sketch.js";

/** The (p, q) a set of sketches can be merged into: smallest p; q only if every sketch shares it. */
export interface HllTemplate {
  readonly indexBits: number;
  readonly minhashBits: number;
}

/** Computes the compatible template of a non-empty list of sketches. */
export function compatibleTemplate(sketches: readonly HllSketch[]): HllTemplate {
  const first = sketches[0]!;
  let indexBits = first.indexBits;
  let minhashBits = first.minhashBits;
  for (const s of sketches.slice(1)) {
    indexBits = Math.min(indexBits, s.indexBits);
    if (minhashBits !== 0 && minhashBits !== s.minhashBits) {
      minhashBits = 0;
    }
  }
  return { indexBits, minhashBits };
}

/**
 * Merges `source` into `target` (target p ≤ source p). With q = 0 in the target only ranks are
 * compared; otherwise whole register values are. Drops the target's cached estimate.
 */
export function unionInto(target: HllSketch, source: HllSketch): void {
  const mask = target.ranks.length - 1;
  const n = source.ranks.length;
  const rankOnly = target.minhashBits === 0;
  for (let r = 0; r < n; r++) {
    const t = r & mask;
    if (rankOnly) {
      if (target.ranks[t]! < source.ranks[r]!) {
        target.ranks[t] = source.ranks[r]!;
      }
    } else if (
      registerLess(target.ranks[t]!, target.minhashes[t]!, source.ranks[r]!, source.minhashes[r]!)
    ) {
      target.ranks[t] = source.ranks[r]!;
      target.minhashes[t] = source.minhashes[r]!;
    }
  }
  target.cache = 0n;
}

/** Builds the union of the sketches in their compatible template. */
export function unionOf(sketches: readonly HllSketch[]): HllSketch {
  const t = compatibleTemplate(sketches);
  const out = emptySketch(t.indexBits, t.minhashBits);
  for (const s of sketches) {
    unionInto(out, s);
  }
  return out;
}

/** Estimated cardinality of the union of the sketches. */
export function unionCount(sketches: readonly HllSketch[]): bigint {
  return estimateCardinality(unionOf(sketches));
}

/** Folds a q = 0 sketch down to `indexBits` (≤ its own); equal bits return an identical copy. */
export function foldSketch(s: HllSketch, indexBits: number): HllSketch {
  const out = emptySketch(indexBits, 0);
  if (indexBits === s.indexBits) {
    out.ranks.set(s.ranks);
    out.cache = s.cache;
    return out;
  }
  unionInto(out, s);
  return out;
}

function plainIntersectCount(sketches: readonly HllSketch[]): bigint {
  const union = unionCount(sketches);
  let sum = 0n;
  for (const s of sketches) {
    sum += estimateCardinality(s);
  }
  sum = sum > 0xffffffffffffffffn ? 0xffffffffffffffffn : sum;
  if (sketches.length === 2) {
    return sum > union ? sum - union : 0n;
  }
  const [a, b, c] = sketches as [HllSketch, HllSketch, HllSketch];
  const pairs = intersectCount([a, b]) + intersectCount([b, c]) + intersectCount([a, c]);
  const result = BigInt.asIntN(64, union) - (BigInt.asIntN(64, sum) - BigInt.asIntN(64, pairs));
  return result < 0n ? 0n : result;
}

/** Estimated cardinality of the intersection of the sketches. */
export function intersectCount(sketches: readonly HllSketch[]): bigint {
  if (compatibleTemplate(sketches).minhashBits === 0) {
    return plainIntersectCount(sketches);
  }
  const j = similarity(sketches);
  if (Number.isNaN(j)) {
    return 0n;
  }
  const union = unionCount(sketches);
  return BigInt(roundHalfAwayFromZero(Number(union) * j));
}

function usedRegisters(s: HllSketch): number {
  let count = 0;
  for (let r = 0; r < s.ranks.length; r++) {
    if (s.ranks[r] !== 0 || s.minhashes[r] !== 0) {
      count++;
    }
  }
  return count;
}

/** Keeps a register of `target` only where every mapped register of `other` holds the same value. */
function intersectInto(target: HllSketch, other: HllSketch): void {
  const mask = target.ranks.length - 1;
  for (let r = 0; r < other.ranks.length; r++) {
    const t = r & mask;
    if (target.ranks[t] !== other.ranks[r] || target.minhashes[t] !== other.minhashes[r]) {
      target.ranks[t] = 0;
      target.minhashes[t] = 0;
    }
  }
}

/** Expected number of MinHash register collisions between two sets of the given cardinalities. */
export function expectedCollisions(template: HllTemplate, card0: bigint, card1: bigint): number {
  const m = 2 ** template.indexBits;
  const buckets = 2 ** HLL_RANK_BITS;
  const c0 = Number(card0);
  const c1 = Number(card1);
  let cp = 0;
  for (let i = 1; i <= buckets; i++) {
    let b1 = i !== buckets ? 2 ** -i : 0;
    let b2 = 2 ** (-i + 1);
    b1 /= m;
    b2 /= m;
    const prX = (1 - b1) ** c0 - (1 - b2) ** c0;
    const prY = (1 - b1) ** c1 - (1 - b2) ** c1;
    cp += prX * prY;
  }
  return (cp * m) / 2 ** template.minhashBits;
}

function minhashSimilarity(sketches: readonly HllSketch[], template: HllTemplate): number {
  let oneHasData = false;
  let oneIsEmpty = false;
  for (const s of sketches) {
    if (registerPrefixHasData(serializeSketch(s))) {
      oneHasData = true;
    } else {
      oneIsEmpty = true;
    }
  }
  if (oneIsEmpty) {
    return oneHasData ? 0 : Number.NaN;
  }
  const nUnion = usedRegisters(unionOf(sketches));
  const agg = emptySketch(template.indexBits, template.minhashBits);
  unionInto(agg, sketches[0]!);
  for (const s of sketches.slice(1)) {
    intersectInto(agg, s);
  }
  const nIntersect = usedRegisters(agg);
  let ec = 0;
  if (sketches.length === 2) {
    ec = expectedCollisions(
      template,
      estimateCardinality(sketches[0]!),
      estimateCardinality(sketches[1]!),
    );
  }
  const result = (nIntersect - ec) / nUnion;
  return Math.max(result, 0);
}

/** Estimated Jaccard similarity of the sketches (NaN or ±∞ possible, as on the server). */
export function similarity(sketches: readonly HllSketch[]): number {
  const template = compatibleTemplate(sketches);
  if (template.minhashBits === 0) {
    return Number(plainIntersectCount(sketches)) / Number(unionCount(sketches));
  }
  return minhashSimilarity(sketches, template);
}

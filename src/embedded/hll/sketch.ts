/**
 * The HLL particle (particle type 18): an 11-byte header followed by 2^p registers of 6 + q bits
 * packed MSB-first. This module converts between those bytes and an unpacked {@link HllSketch}.
 */

import {
  HLL_HEADER_SIZE,
  HLL_RANK_BITS,
  MAX_COMBINED_BITS,
  MAX_INDEX_BITS,
  MAX_MINHASH_BITS,
  MIN_INDEX_BITS,
  MIN_MINHASH_BITS,
} from "./constants.js";

/**
 * An unpacked HLL: register `r` holds the 6-bit rank `ranks[r]` (upper bits of the register) and the
 * q-bit minhash value `minhashes[r]` (lower bits; always 0 when q = 0). `cache` is the cached
 * cardinality estimate, 0 when there is none.
 */
export interface HllSketch {
  readonly indexBits: number;
  readonly minhashBits: number;
  cache: bigint;
  readonly ranks: Uint8Array;
  readonly minhashes: Float64Array;
}

/** Whether `p` is a valid index bit count (4..16). */
export function isValidIndexBits(p: number): boolean {
  return Number.isInteger(p) && p >= MIN_INDEX_BITS && p <= MAX_INDEX_BITS;
}

/** Whether `q` is a valid minhash bit count (0 or 4..51). */
export function isValidMinhashBits(q: number): boolean {
  return q === 0 || (Number.isInteger(q) && q >= MIN_MINHASH_BITS && q <= MAX_MINHASH_BITS);
}

/** Whether (p, q) is a valid combination: both valid and p + q ≤ 64. */
export function isValidBitCombination(p: number, q: number): boolean {
  return isValidIndexBits(p) && isValidMinhashBits(q) && p + q <= MAX_COMBINED_BITS;
}

/** Size in bytes of the register area for (p, q). */
export function registersSize(indexBits: number, minhashBits: number): number {
  return Math.floor(((HLL_RANK_BITS + minhashBits) * 2 ** indexBits + 7) / 8);
}

/** Size in bytes of a whole HLL particle for (p, q). */
export function hllParticleSize(indexBits: number, minhashBits: number): number {
  return HLL_HEADER_SIZE + registersSize(indexBits, minhashBits);
}

/**
 * Whether `bytes` is an HLL particle the server accepts: flags 0, a valid (p, q) combination and exactly
 * the size (p, q) requires.
 */
export function isValidHllParticle(bytes: Uint8Array): boolean {
  if (bytes.length < HLL_HEADER_SIZE) {
    return false;
  }
  const p = bytes[1]!;
  const q = bytes[2]!;
  return bytes[0] === 0 && isValidBitCombination(p, q) && bytes.length === hllParticleSize(p, q);
}

/** Creates an empty sketch (all registers 0, no cached estimate). */
export function emptySketch(indexBits: number, minhashBits: number): HllSketch {
  const m = 2 ** indexBits;
  return {
    indexBits,
    minhashBits,
    cache: 0n,
    ranks: new Uint8Array(m),
    minhashes: new Float64Array(m),
  };
}

/** Copies a sketch (registers and cache). */
export function cloneSketch(s: HllSketch): HllSketch {
  return {
    indexBits: s.indexBits,
    minhashBits: s.minhashBits,
    cache: s.cache,
    ranks: s.ranks.slice(),
    minhashes: s.minhashes.slice(),
  };
}

/** Reads `nBits` (≤ 53) bits MSB-first starting at bit `bitOffset` of `buf`. */
function readBits(buf: Uint8Array, bitOffset: number, nBits: number): number {
  let value = 0;
  let pos = bitOffset;
  let left = nBits;
  while (left > 0) {
    const inByte = pos & 7;
    const take = Math.min(8 - inByte, left);
    const bits = (buf[pos >>> 3]! >>> (8 - inByte - take)) & ((1 << take) - 1);
    value = value * (1 << take) + bits;
    pos += take;
    left -= take;
  }
  return value;
}

/** Writes the low `nBits` (≤ 53) bits of `value` MSB-first at bit `bitOffset` of `buf`. */
function writeBits(buf: Uint8Array, bitOffset: number, nBits: number, value: number): void {
  let pos = bitOffset;
  let left = nBits;
  while (left > 0) {
    const inByte = pos & 7;
    const take = Math.min(8 - inByte, left);
    const bits = Math.floor(value / 2 ** (left - take)) % (1 << take);
    const shift = 8 - inByte - take;
    const mask = ((1 << take) - 1) << shift;
    const index = pos >>> 3;
    buf[index] = (buf[index]! & ~mask) | (bits << shift);
    pos += take;
    left -= take;
  }
}

/** Unpacks a particle that passed {@link isValidHllParticle}. */
export function parseSketch(bytes: Uint8Array): HllSketch {
  const p = bytes[1]!;
  const q = bytes[2]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const s = emptySketch(p, q);
  s.cache = view.getBigUint64(3, true);
  const regs = bytes.subarray(HLL_HEADER_SIZE);
  const n = HLL_RANK_BITS + q;
  const m = s.ranks.length;
  for (let r = 0; r < m; r++) {
    const bit = n * r;
    s.ranks[r] = readBits(regs, bit, HLL_RANK_BITS);
    if (q > 0) {
      s.minhashes[r] = readBits(regs, bit + HLL_RANK_BITS, q);
    }
  }
  return s;
}

/** Packs a sketch into HLL particle bytes. */
export function serializeSketch(s: HllSketch): Uint8Array {
  const p = s.indexBits;
  const q = s.minhashBits;
  const out = new Uint8Array(hllParticleSize(p, q));
  out[1] = p;
  out[2] = q;
  // The cache is stored in the server's host byte order, little-endian on every supported platform.
  new DataView(out.buffer).setBigUint64(3, s.cache, true);
  const regs = out.subarray(HLL_HEADER_SIZE);
  const n = HLL_RANK_BITS + q;
  const m = s.ranks.length;
  for (let r = 0; r < m; r++) {
    const rank = s.ranks[r]!;
    const minhash = s.minhashes[r]!;
    if (rank === 0 && minhash === 0) {
      continue;
    }
    const bit = n * r;
    writeBits(regs, bit, HLL_RANK_BITS, rank);
    if (q > 0) {
      writeBits(regs, bit + HLL_RANK_BITS, q, minhash);
    }
  }
  return out;
}

/**
 * Whether the first 2^p bytes of the particle's register area hold a non-zero byte — the server's
 * "has data" test used by MinHash similarity (only meaningful when q > 0, where the area is longer).
 */
export function registerPrefixHasData(particle: Uint8Array): boolean {
  const m = 2 ** particle[1]!;
  const end = Math.min(particle.length, HLL_HEADER_SIZE + m);
  for (let i = HLL_HEADER_SIZE; i < end; i++) {
    if (particle[i] !== 0) {
      return true;
    }
  }
  return false;
}

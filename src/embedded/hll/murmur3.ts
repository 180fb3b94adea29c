/**
 * MurmurHash3 x64 128-bit (Austin Appleby's public-domain algorithm) with seed 0, the hash Aerospike
 * applies to every HLL element.
 *
 * 64-bit lanes are kept as unsigned 32-bit halves. Helpers return their result in the module-level
 * registers `outHi`/`outLo` instead of allocating a pair: hashing is the hot loop of `add`, and this
 * keeps it allocation-free (about 10× faster than BigInt lanes).
 */

/** The two 64-bit halves of a MurmurHash3 x64-128 digest (h1 = first 8 bytes, little-endian). */
export interface Murmur3Hash {
  readonly h1: bigint;
  readonly h2: bigint;
}

let outHi = 0;
let outLo = 0;

/** (aHi:aLo × bHi:bLo) mod 2^64 → outHi:outLo. */
function mul64(aHi: number, aLo: number, bHi: number, bLo: number): void {
  const a0 = aLo & 0xffff;
  const a1 = aLo >>> 16;
  const b0 = bLo & 0xffff;
  const b1 = bLo >>> 16;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const mid = ((a0 * b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  const carry = a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
  outHi = (carry + Math.imul(aHi, bLo) + Math.imul(aLo, bHi)) >>> 0;
  outLo = Math.imul(aLo, bLo) >>> 0;
}

/** Rotates hi:lo left by r (0 < r < 32) → outHi:outLo. */
function rotl(hi: number, lo: number, r: number): void {
  outHi = ((hi << r) | (lo >>> (32 - r))) >>> 0;
  outLo = ((lo << r) | (hi >>> (32 - r))) >>> 0;
}

/** hi:lo + bHi:bLo mod 2^64 → outHi:outLo. */
function add64(hi: number, lo: number, bHi: number, bLo: number): void {
  const sum = lo + bLo;
  outLo = sum >>> 0;
  outHi = (hi + bHi + (sum > 0xffffffff ? 1 : 0)) >>> 0;
}

/** MurmurHash3's fmix64 finaliser → outHi:outLo. */
function fmix64(hi: number, lo: number): void {
  lo = (lo ^ (hi >>> 1)) >>> 0;
  mul64(hi, lo, 0xff51afd7, 0xed558ccd);
  hi = outHi;
  lo = (outLo ^ (outHi >>> 1)) >>> 0;
  mul64(hi, lo, 0xc4ceb9fe, 0x1a85ec53);
  outLo = (outLo ^ (outHi >>> 1)) >>> 0;
}

/** k1 × C1, rotl 31, × C2 → outHi:outLo. */
function mixK1(hi: number, lo: number): void {
  mul64(hi, lo, 0x87c37b91, 0x114253d5);
  rotl(outHi, outLo, 31);
  mul64(outHi, outLo, 0x4cf5ad43, 0x2745937f);
}

/** k2 × C2, rotl 33 (swap halves, rotl 1), × C1 → outHi:outLo. */
function mixK2(hi: number, lo: number): void {
  mul64(hi, lo, 0x4cf5ad43, 0x2745937f);
  rotl(outLo, outHi, 1);
  mul64(outHi, outLo, 0x87c37b91, 0x114253d5);
}

function readLe32(data: Uint8Array, offset: number, count: number): number {
  let v = 0;
  for (let i = count - 1; i >= 0; i--) {
    v = v * 256 + data[offset + i]!;
  }
  return v;
}

function toBigInt(hi: number, lo: number): bigint {
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/** Computes MurmurHash3 x64-128 of `data` with seed 0. */
export function murmur3x64128(data: Uint8Array): Murmur3Hash {
  const words = new Uint32Array(4);
  murmur3x64128Into(data, words);
  return { h1: toBigInt(words[0]!, words[1]!), h2: toBigInt(words[2]!, words[3]!) };
}

/**
 * Computes MurmurHash3 x64-128 of `data` with seed 0 into `out` as 32-bit words:
 * [h1 high, h1 low, h2 high, h2 low].
 */
export function murmur3x64128Into(data: Uint8Array, out: Uint32Array): void {
  const length = data.length;
  const nBlocks = Math.floor(length / 16);
  let h1Hi = 0;
  let h1Lo = 0;
  let h2Hi = 0;
  let h2Lo = 0;

  for (let i = 0; i < nBlocks; i++) {
    const at = i * 16;
    mixK1(readLe32(data, at + 4, 4), readLe32(data, at, 4));
    rotl((h1Hi ^ outHi) >>> 0, (h1Lo ^ outLo) >>> 0, 27);
    add64(outHi, outLo, h2Hi, h2Lo);
    mul64(outHi, outLo, 0, 5);
    add64(outHi, outLo, 0, 0x52dce729);
    h1Hi = outHi;
    h1Lo = outLo;

    mixK2(readLe32(data, at + 12, 4), readLe32(data, at + 8, 4));
    rotl((h2Hi ^ outHi) >>> 0, (h2Lo ^ outLo) >>> 0, 31);
    add64(outHi, outLo, h1Hi, h1Lo);
    mul64(outHi, outLo, 0, 5);
    add64(outHi, outLo, 0, 0x38495ab5);
    h2Hi = outHi;
    h2Lo = outLo;
  }

  const tail = nBlocks * 16;
  const rest = length - tail;
  if (rest > 8) {
    const n = rest - 8;
    mixK2(n > 4 ? readLe32(data, tail + 12, n - 4) : 0, readLe32(data, tail + 8, Math.min(n, 4)));
    h2Hi = (h2Hi ^ outHi) >>> 0;
    h2Lo = (h2Lo ^ outLo) >>> 0;
  }
  if (rest > 0) {
    const n = Math.min(rest, 8);
    mixK1(n > 4 ? readLe32(data, tail + 4, n - 4) : 0, readLe32(data, tail, Math.min(n, 4)));
    h1Hi = (h1Hi ^ outHi) >>> 0;
    h1Lo = (h1Lo ^ outLo) >>> 0;
  }

  // The length is mixed in as a 64-bit value.
  const lenHi = Math.floor(length / 2 ** 32);
  const lenLo = length >>> 0;
  h1Hi = (h1Hi ^ lenHi) >>> 0;
  h1Lo = (h1Lo ^ lenLo) >>> 0;
  h2Hi = (h2Hi ^ lenHi) >>> 0;
  h2Lo = (h2Lo ^ lenLo) >>> 0;
  add64(h1Hi, h1Lo, h2Hi, h2Lo);
  h1Hi = outHi;
  h1Lo = outLo;
  add64(h2Hi, h2Lo, h1Hi, h1Lo);
  h2Hi = outHi;
  h2Lo = outLo;
  fmix64(h1Hi, h1Lo);
  h1Hi = outHi;
  h1Lo = outLo;
  fmix64(h2Hi, h2Lo);
  h2Hi = outHi;
  h2Lo = outLo;
  add64(h1Hi, h1Lo, h2Hi, h2Lo);
  h1Hi = outHi;
  h1Lo = outLo;
  add64(h2Hi, h2Lo, h1Hi, h1Lo);
  out[0] = h1Hi;
  out[1] = h1Lo;
  out[2] = outHi;
  out[3] = outLo;
}

/** Test reference: straightforward BigInt MurmurHash3 x64-128 (seed 0) to cross-check the fast one. */

const MASK64 = (1n << 64n) - 1n;
const C1 = 0x87c37b91114253d5n;
const C2 = 0x4cf5ad432745937fn;

/** The two 64-bit halves of a MurmurHash3 x64-128 digest (h1 = first 8 bytes, little-endian). */
export interface Murmur3Hash {
  readonly h1: bigint;
  readonly h2: bigint;
}

function rotl64(x: bigint, r: bigint): bigint {
  return ((x << r) | (x >> (64n - r))) & MASK64;
}

function mul64(a: bigint, b: bigint): bigint {
  return (a * b) & MASK64;
}

function fmix64(k: bigint): bigint {
  k ^= k >> 33n;
  k = mul64(k, 0xff51afd7ed558ccdn);
  k ^= k >> 33n;
  k = mul64(k, 0xc4ceb9fe1a85ec53n);
  k ^= k >> 33n;
  return k;
}

function mixK1(k1: bigint): bigint {
  return mul64(rotl64(mul64(k1, C1), 31n), C2);
}

function mixK2(k2: bigint): bigint {
  return mul64(rotl64(mul64(k2, C2), 33n), C1);
}

/** Reads up to 8 bytes starting at `offset` as a little-endian unsigned integer. */
function readLe(data: Uint8Array, offset: number, count: number): bigint {
  let v = 0n;
  for (let i = count - 1; i >= 0; i--) {
    v = (v << 8n) | BigInt(data[offset + i] ?? 0);
  }
  return v;
}

/** Computes MurmurHash3 x64-128 of `data` with seed 0. */
export function murmur3x64128(data: Uint8Array): Murmur3Hash {
  const length = data.length;
  const nBlocks = Math.floor(length / 16);
  let h1 = 0n;
  let h2 = 0n;

  for (let i = 0; i < nBlocks; i++) {
    const k1 = readLe(data, i * 16, 8);
    const k2 = readLe(data, i * 16 + 8, 8);

    h1 ^= mixK1(k1);
    h1 = rotl64(h1, 27n);
    h1 = (h1 + h2) & MASK64;
    h1 = (h1 * 5n + 0x52dce729n) & MASK64;

    h2 ^= mixK2(k2);
    h2 = rotl64(h2, 31n);
    h2 = (h2 + h1) & MASK64;
    h2 = (h2 * 5n + 0x38495ab5n) & MASK64;
  }

  const tail = nBlocks * 16;
  const rest = length - tail;
  if (rest > 8) {
    h2 ^= mixK2(readLe(data, tail + 8, rest - 8));
  }
  if (rest > 0) {
    h1 ^= mixK1(readLe(data, tail, Math.min(rest, 8)));
  }

  const len = BigInt(length);
  h1 ^= len;
  h2 ^= len;
  h1 = (h1 + h2) & MASK64;
  h2 = (h2 + h1) & MASK64;
  h1 = fmix64(h1);
  h2 = fmix64(h2);
  h1 = (h1 + h2) & MASK64;
  h2 = (h2 + h1) & MASK64;
  return { h1, h2 };
}

/**
 * HLL elements: canonicalising an element's msgpack bytes the way the server does before hashing,
 * hashing it into (register, rank, minhash), and adding it to / testing it against a sketch.
 */

import { HLL_RANK_BITS } from "./constants.js";
import { msgpackKind, readInt64, skipElement } from "./msgpack-reader.js";
import { murmur3x64128Into } from "./murmur3.js";
import type { HllSketch } from "./sketch.js";

/** Where an element lands in a sketch of given (p, q): register index, rank (1..65) and minhash. */
export interface ElementHash {
  readonly index: number;
  readonly rank: number;
  readonly minhash: number;
}

function uintBytes(v: bigint, size: number): number[] {
  const out: number[] = [];
  for (let i = size - 1; i >= 0; i--) {
    out.push(Number((v >> BigInt(8 * i)) & 0xffn));
  }
  return out;
}

/** Minimal Aerospike msgpack encoding of an integer (non-negative values use the unsigned family). */
export function encodeIntMinimal(v: bigint): number[] {
  if (v >= 0n) {
    if (v < 0x80n) return [Number(v)];
    if (v < 0x100n) return [0xcc, Number(v)];
    if (v < 0x10000n) return [0xcd, ...uintBytes(v, 2)];
    if (v < 0x100000000n) return [0xce, ...uintBytes(v, 4)];
    return [0xcf, ...uintBytes(v, 8)];
  }
  if (v >= -32n) return [Number(v) & 0xff];
  if (v >= -128n) return [0xd0, Number(v) & 0xff];
  if (v >= -32768n) return [0xd1, ...uintBytes(BigInt.asUintN(16, v), 2)];
  if (v >= -2147483648n) return [0xd2, ...uintBytes(BigInt.asUintN(32, v), 4)];
  return [0xd3, ...uintBytes(BigInt.asUintN(64, v), 8)];
}

function strHeader(length: number): number[] {
  if (length < 32) return [0xa0 | length];
  if (length < 0x100) return [0xd9, length];
  if (length < 0x10000) return [0xda, ...uintBytes(BigInt(length), 2)];
  return [0xdb, ...uintBytes(BigInt(length), 4)];
}

/** Payload size → fixext header byte. */
const FIXEXT: Readonly<Record<number, number>> = { 1: 0xd4, 2: 0xd5, 4: 0xd6, 8: 0xd7, 16: 0xd8 };

/** Header byte → length field size of str, bin and ext elements. */
const LENGTH_SIZE: Readonly<Record<number, number>> = {
  196: 1,
  197: 2,
  198: 4,
  217: 1,
  218: 2,
  219: 4,
  199: 1,
  200: 2,
  201: 4,
};

function extHeader(size: number, type: number): number[] {
  const f = FIXEXT[size];
  if (f !== undefined) return [f, type];
  if (size < 0x100) return [0xc7, size, type];
  if (size < 0x10000) return [0xc8, ...uintBytes(BigInt(size), 2), type];
  return [0xc9, ...uintBytes(BigInt(size), 4), type];
}

function concat(head: number[], body: Uint8Array): Uint8Array {
  const out = new Uint8Array(head.length + body.length);
  out.set(head, 0);
  out.set(body, head.length);
  return out;
}

function readLength(el: Uint8Array, size: number): number {
  let n = 0;
  for (let i = 0; i < size; i++) n = n * 256 + el[1 + i]!;
  return n;
}

/**
 * Canonicalises one element's msgpack bytes like the server's `msgpack_compactify`: integers get
 * their minimal encoding; str headers and small bin headers become minimal str headers (a bin longer
 * than its header's previous size class keeps its bin header, a quirk of the server); ext headers
 * get minimal form. Returns undefined when `element` is not exactly one well-formed msgpack value.
 */
export function canonicalElement(element: Uint8Array): Uint8Array | undefined {
  if (skipElement(element, 0) !== element.length) {
    return undefined;
  }
  const b = element[0]!;
  if (msgpackKind(b) === "int") {
    if (b < 0x80 || b >= 0xe0) {
      return element;
    }
    const signed = readInt64(element)!;
    const value = b >= 0xcc && b <= 0xcf ? BigInt.asUintN(64, signed) : signed;
    return Uint8Array.from(encodeIntMinimal(value));
  }

  const size = LENGTH_SIZE[b];
  if (size === undefined) {
    return element;
  }
  const length = readLength(element, size);
  if (b >= 0xc7 && b <= 0xc9) {
    const compactLimit = { 199: -1, 200: 0xff, 201: 0xffff }[b]!;
    const c7Fixable = b === 0xc7 && length !== 0 && [1, 2, 4, 8, 16].includes(length);
    if (!c7Fixable && length > compactLimit) {
      return element;
    }
    const type = element[1 + size]!;
    return concat(extHeader(length, type), element.subarray(2 + size));
  }
  const compactLimit = size === 1 ? 0x1f : size === 2 ? 0xff : 0xffff;
  if (length > compactLimit) {
    return element;
  }
  return concat(strHeader(length), element.subarray(1 + size));
}

/** Trailing zero bits of a 32-bit word (32 for 0). */
function ctz32(v: number): number {
  return v === 0 ? 32 : 31 - Math.clz32(v & -v);
}

const hashWords = new Uint32Array(4);

/**
 * Hashes canonical element bytes for a sketch with (p, q): register = low p bits of h1, minhash = the
 * next q bits of h1, rank = trailing zeros of h2 + 1 (65 when h2 = 0).
 */
export function hashElement(
  canonical: Uint8Array,
  indexBits: number,
  minhashBits: number,
): ElementHash {
  murmur3x64128Into(canonical, hashWords);
  const [h1Hi, h1Lo, h2Hi, h2Lo] = hashWords as unknown as [number, number, number, number];
  const index = h1Lo & ((1 << indexBits) - 1);
  // (h1 >> p) & (2^q − 1), assembled from the 32-bit halves without leaving exact double range.
  const lowBits = 32 - indexBits;
  let minhash = 0;
  if (minhashBits > 0) {
    const fromLo = h1Lo >>> indexBits;
    if (minhashBits <= lowBits) {
      minhash = minhashBits === 32 ? fromLo : fromLo % 2 ** minhashBits;
    } else {
      const hiBits = Math.min(minhashBits - lowBits, 32);
      const fromHi = hiBits === 32 ? h1Hi : h1Hi % 2 ** hiBits;
      minhash = fromHi * 2 ** lowBits + fromLo;
    }
  }
  const rank = h2Lo !== 0 ? ctz32(h2Lo) + 1 : h2Hi !== 0 ? ctz32(h2Hi) + 33 : 65;
  return { index, rank, minhash };
}

/** Whether register value (rankA, minhashA) is smaller than (rankB, minhashB) as full register values. */
export function registerLess(
  rankA: number,
  minhashA: number,
  rankB: number,
  minhashB: number,
): boolean {
  return rankA < rankB || (rankA === rankB && minhashA < minhashB);
}

/**
 * Adds canonical element bytes to the sketch. Returns true when a register grew (the element counts as
 * "updated" and the cached estimate is dropped).
 */
export function addElement(s: HllSketch, canonical: Uint8Array): boolean {
  const h = hashElement(canonical, s.indexBits, s.minhashBits);
  if (!registerLess(s.ranks[h.index]!, s.minhashes[h.index]!, h.rank, h.minhash)) {
    return false;
  }
  // A rank of 65 (h2 = 0) does not fit the 6-bit field; the server truncates it the same way.
  s.ranks[h.index] = h.rank & ((1 << HLL_RANK_BITS) - 1);
  s.minhashes[h.index] = h.minhash;
  s.cache = 0n;
  return true;
}

/** Whether the sketch may contain the element (its register is at least the element's value). */
export function mayContainElement(s: HllSketch, canonical: Uint8Array): boolean {
  const h = hashElement(canonical, s.indexBits, s.minhashBits);
  return !registerLess(s.ranks[h.index]!, s.minhashes[h.index]!, h.rank, h.minhash);
}

/**
 * Wire encoding of HLL op results: the particle type and particle bytes of the response op entry
 * that carries an {@link HllResultValue}.
 */

import { HLL_PARTICLE_TYPE } from "./constants.js";
import { encodeIntMinimal } from "./element.js";
import type { HllResultValue } from "./op-types.js";

/** A response particle: its wire particle type and value bytes. */
export interface HllResultParticle {
  readonly particleType: number;
  readonly bytes: Uint8Array;
}

const INTEGER = 1;
const FLOAT = 2;
const LIST = 20;

/**
 * Encodes an HLL op result as the server sends it: bigint → INTEGER (8-byte big-endian), number →
 * FLOAT (8-byte big-endian IEEE double), bytes → HLL particle, list → LIST (msgpack array of ints).
 */
export function encodeHllResult(value: HllResultValue): HllResultParticle {
  if (typeof value === "bigint") {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setBigInt64(0, BigInt.asIntN(64, value));
    return { particleType: INTEGER, bytes };
  }
  if (typeof value === "number") {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat64(0, value);
    return { particleType: FLOAT, bytes };
  }
  if (value instanceof Uint8Array) {
    return { particleType: HLL_PARTICLE_TYPE, bytes: value };
  }
  const items = value.flatMap((v) => encodeIntMinimal(v));
  return { particleType: LIST, bytes: Uint8Array.from([0x90 | value.length, ...items]) };
}

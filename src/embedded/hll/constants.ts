/**
 * Constants of Aerospike's HLL (HyperMinHash) particle and HLL operations, as Aerospike 8.1.2 defines
 * them (particle layout limits, op codes, write flags and the result codes HLL ops can produce).
 */

/** The particle type of an HLL bin value on the wire. */
export const HLL_PARTICLE_TYPE = 18;

/** Bytes before the register area: flags (1), index bits (1), minhash bits (1), cache (8). */
export const HLL_HEADER_SIZE = 11;

/** Bits of the HyperLogLog part ("rank") of every register. */
export const HLL_RANK_BITS = 6;

/** Smallest accepted index bit count (16 registers). */
export const MIN_INDEX_BITS = 4;

/** Largest accepted index bit count (65 536 registers). */
export const MAX_INDEX_BITS = 16;

/** Smallest non-zero minhash bit count. */
export const MIN_MINHASH_BITS = 4;

/** Largest minhash bit count (64 − 6 − 7). */
export const MAX_MINHASH_BITS = 51;

/** Upper bound of index bits + minhash bits. */
export const MAX_COMBINED_BITS = 64;

/** Op codes carried as the first element of an HLL op payload. */
export const HllOpCode = {
  INIT: 0,
  ADD: 1,
  SET_UNION: 2,
  REFRESH_COUNT: 3,
  FOLD: 4,
  GET_COUNT: 50,
  GET_UNION: 51,
  GET_UNION_COUNT: 52,
  GET_INTERSECT_COUNT: 53,
  GET_SIMILARITY: 54,
  DESCRIBE: 55,
  MAY_CONTAIN: 56,
} as const;

/** Write flags of HLL modify ops (bit values of the `flags` argument). */
export const HllWriteFlag = {
  CREATE_ONLY: 1,
  UPDATE_ONLY: 2,
  NO_FAIL: 4,
  ALLOW_FOLD: 8,
} as const;

/** Aerospike result codes an HLL op can answer with. */
export const HllResultCode = {
  OK: 0,
  /** A stored HLL particle is corrupt (server `AS_ERR_UNKNOWN`). */
  SERVER_ERROR: 1,
  /** Malformed op, argument or HLL value. */
  PARAMETER: 4,
  /** CREATE_ONLY on an existing bin. */
  BIN_EXISTS: 6,
  /** The bin holds a value that is not an HLL. */
  INCOMPATIBLE_TYPE: 12,
  /** UPDATE_ONLY (or refresh/fold) on a missing bin. */
  BIN_NOT_FOUND: 17,
  /** The op cannot be applied to the current bin value. */
  OP_NOT_APPLICABLE: 26,
} as const;

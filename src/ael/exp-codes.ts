/**
 * Numeric codes of the `aerospike` client's expression entries (the `op` field), the server's
 * expression types, and the CDT/HLL operation codes used inside CALL entries.
 *
 * These mirror the values the client's native binding exposes (`exp.ops`, `exp.type`,
 * `lists.opcodes`, …) so this layer never has to load the client. Where the binding's own
 * table is wrong (IS_TOMBSTONE is 18 there, which is NOT) the correct server code is used.
 */

/** Op codes of expression entries: wire codes below 128, client-internal codes from 128 up. */
export const Op = {
  UNKNOWN: 0,
  CMP_EQ: 1,
  CMP_NE: 2,
  CMP_GT: 3,
  CMP_GE: 4,
  CMP_LT: 5,
  CMP_LE: 6,
  CMP_REGEX: 7,
  CMP_GEO: 8,
  AND: 16,
  OR: 17,
  NOT: 18,
  EXCLUSIVE: 19,
  ADD: 20,
  SUB: 21,
  MUL: 22,
  DIV: 23,
  POW: 24,
  LOG: 25,
  MOD: 26,
  ABS: 27,
  FLOOR: 28,
  CEIL: 29,
  TO_INT: 30,
  TO_FLOAT: 31,
  INT_AND: 32,
  INT_OR: 33,
  INT_XOR: 34,
  INT_NOT: 35,
  INT_LSHIFT: 36,
  INT_RSHIFT: 37,
  INT_ARSHIFT: 38,
  INT_COUNT: 39,
  INT_LSCAN: 40,
  INT_RSCAN: 41,
  MIN: 50,
  MAX: 51,
  DIGEST_MODULO: 64,
  DEVICE_SIZE: 65,
  LAST_UPDATE: 66,
  SINCE_UPDATE: 67,
  VOID_TIME: 68,
  TTL: 69,
  SET_NAME: 70,
  KEY_EXIST: 71,
  IS_TOMBSTONE: 72,
  MEMORY_SIZE: 73,
  RECORD_SIZE: 74,
  KEY: 80,
  BIN: 81,
  BIN_TYPE: 82,
  COND: 123,
  VAR: 124,
  LET: 125,
  CALL: 127,
  AS_VAL: 128,
  VAL_GEO: 129,
  VAL_INT: 131,
  VAL_FLOAT: 133,
  VAL_BOOL: 134,
  VAL_STR: 135,
  VAL_BYTES: 136,
  VAL_RAWSTR: 137,
  VAL_RTYPE: 138,
  CALL_VOP_START: 139,
  END_OF_VA_ARGS: 147,
} as const;

/** The server's expression value types (`exp.type`). */
export const ExpType = {
  NIL: 0,
  BOOL: 1,
  INT: 2,
  STRING: 3,
  LIST: 4,
  MAP: 5,
  BLOB: 6,
  FLOAT: 7,
  GEO: 8,
  HLL: 9,
} as const;

/** Name of an expression value type, as the language spells it in `get(type: …)`. */
export type AelType = keyof typeof ExpType;

/** System selector of a CALL entry. */
export const CallSystem = { CDT: 0, BITS: 1, HLL: 2 } as const;

/** CDT context item types (the first element of each `ctx.items` pair). */
export const CtxType = {
  LIST_INDEX: 0x10,
  LIST_RANK: 0x11,
  LIST_VALUE: 0x13,
  MAP_INDEX: 0x20,
  MAP_RANK: 0x21,
  MAP_KEY: 0x22,
  MAP_VALUE: 0x23,
} as const;

/** List read operation codes. */
export const ListOp = {
  SIZE: 16,
  GET_BY_INDEX: 19,
  GET_BY_RANK: 21,
  GET_ALL_BY_VALUE: 22,
  GET_BY_VALUE_LIST: 23,
  GET_BY_INDEX_RANGE: 24,
  GET_BY_VALUE_INTERVAL: 25,
  GET_BY_RANK_RANGE: 26,
  GET_BY_VALUE_REL_RANK_RANGE: 27,
} as const;

/** Map read operation codes. */
export const MapOp = {
  SIZE: 96,
  GET_BY_KEY: 97,
  GET_BY_INDEX: 98,
  GET_BY_RANK: 100,
  GET_ALL_BY_VALUE: 102,
  GET_BY_KEY_INTERVAL: 103,
  GET_BY_INDEX_RANGE: 104,
  GET_BY_VALUE_INTERVAL: 105,
  GET_BY_RANK_RANGE: 106,
  GET_BY_KEY_LIST: 107,
  GET_BY_VALUE_LIST: 108,
  GET_BY_KEY_REL_INDEX_RANGE: 109,
  GET_BY_VALUE_REL_RANK_RANGE: 110,
} as const;

/** CDT return types shared by list and map reads; INVERTED is a flag or-ed into the others. */
export const ReturnType = {
  NONE: 0,
  INDEX: 1,
  REVERSE_INDEX: 2,
  RANK: 3,
  REVERSE_RANK: 4,
  COUNT: 5,
  KEY: 6,
  VALUE: 7,
  KEY_VALUE: 8,
  EXISTS: 13,
  UNORDERED_MAP: 16,
  ORDERED_MAP: 17,
  INVERTED: 0x10000,
} as const;

/** Name of a CDT return type, as the language spells it in `get(return: …)`. */
export type AelReturnType = Exclude<keyof typeof ReturnType, "INVERTED">;

/** HyperLogLog read operation codes. */
export const HllOp = {
  COUNT: 50,
  GET_UNION: 51,
  UNION_COUNT: 52,
  INTERSECT_COUNT: 53,
  SIMILARITY: 54,
  DESCRIBE: 55,
  MAY_CONTAIN: 56,
} as const;

/** Size of the as_msg header that starts every as_msg body. */
export const AS_MSG_HEADER_SIZE = 22;

/** Bits of as_msg `info1` (read attributes). */
export const Info1 = {
  READ: 0x01,
  GET_ALL: 0x02,
  SHORT_QUERY: 0x04,
  BATCH: 0x08,
  XDR: 0x10,
  GET_NOBINDATA: 0x20,
  READ_MODE_AP_ALL: 0x40,
  COMPRESS_RESPONSE: 0x80,
} as const;

/** Bits of as_msg `info2` (write attributes). */
export const Info2 = {
  WRITE: 0x01,
  DELETE: 0x02,
  GENERATION: 0x04,
  GENERATION_GT: 0x08,
  DURABLE_DELETE: 0x10,
  CREATE_ONLY: 0x20,
  RELAX_AP_LONG_QUERY: 0x40,
  RESPOND_ALL_OPS: 0x80,
} as const;

/** Bits of as_msg `info3`. */
export const Info3 = {
  LAST: 0x01,
  COMMIT_MASTER: 0x02,
  PARTITION_DONE: 0x04,
  UPDATE_ONLY: 0x08,
  CREATE_OR_REPLACE: 0x10,
  REPLACE_ONLY: 0x20,
  SC_READ_TYPE: 0x40,
  SC_READ_RELAX: 0x80,
} as const;

/** as_msg field types. */
export const FieldType = {
  NAMESPACE: 0,
  SET: 1,
  KEY: 2,
  RECORD_VERSION: 3,
  DIGEST: 4,
  TXN_ID: 5,
  TXN_DEADLINE: 6,
  TRID: 7,
  SOCKET_TIMEOUT: 9,
  RECORDS_PER_SECOND: 10,
  PID_ARRAY: 11,
  DIGEST_ARRAY: 12,
  MAX_RECORDS: 13,
  LUT: 14,
  BVAL_ARRAY: 15,
  INDEX_NAME: 21,
  INDEX_RANGE: 22,
  INDEX_CONTEXT: 23,
  INDEX_EXPRESSION: 24,
  INDEX_TYPE: 26,
  UDF_PACKAGE_NAME: 30,
  UDF_FUNCTION: 31,
  UDF_ARGLIST: 32,
  UDF_OP: 33,
  QUERY_BINS: 40,
  BATCH_INDEX: 41,
  BATCH_INDEX_WITH_SET: 42,
  FILTER: 43,
} as const;

/** Wire op types (byte 4 of an op). */
export const OpType = {
  READ: 1,
  WRITE: 2,
  CDT_READ: 3,
  CDT_MODIFY: 4,
  INCR: 5,
  EXP_READ: 7,
  EXP_MODIFY: 8,
  APPEND: 9,
  PREPEND: 10,
  TOUCH: 11,
  BIT_READ: 12,
  BIT_MODIFY: 13,
  DELETE: 14,
  HLL_READ: 15,
  HLL_MODIFY: 16,
} as const;

/** Whether an op type only reads (READ, CDT_READ, EXP_READ, BIT_READ, HLL_READ). */
export function isReadOp(opType: number): boolean {
  return (
    opType === OpType.READ ||
    opType === OpType.CDT_READ ||
    opType === OpType.EXP_READ ||
    opType === OpType.BIT_READ ||
    opType === OpType.HLL_READ
  );
}

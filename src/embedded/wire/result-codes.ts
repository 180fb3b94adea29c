/**
 * Server result codes (as_msg `result_code`), named after the server's `AS_ERR_*` constants.
 */
export const ResultCode = {
  OK: 0,
  UNKNOWN: 1,
  NOT_FOUND: 2,
  GENERATION: 3,
  PARAMETER: 4,
  RECORD_EXISTS: 5,
  BIN_EXISTS: 6,
  CLUSTER_KEY_MISMATCH: 7,
  OUT_OF_SPACE: 8,
  TIMEOUT: 9,
  UNAVAILABLE: 11,
  INCOMPATIBLE_TYPE: 12,
  RECORD_TOO_BIG: 13,
  KEY_BUSY: 14,
  QUERY_ABORT: 15,
  UNSUPPORTED_FEATURE: 16,
  BIN_NOT_FOUND: 17,
  DEVICE_OVERLOAD: 18,
  KEY_MISMATCH: 19,
  NAMESPACE: 20,
  BIN_NAME: 21,
  FORBIDDEN: 22,
  ELEMENT_NOT_FOUND: 23,
  ELEMENT_EXISTS: 24,
  ENTERPRISE_ONLY: 25,
  OP_NOT_APPLICABLE: 26,
  FILTERED_OUT: 27,
  LOST_CONFLICT: 28,
  UDF_EXECUTION: 100,
  BATCH_DISABLED: 150,
  BATCH_MAX_REQUESTS: 151,
  BATCH_QUEUES_FULL: 152,
  GEO_INVALID_GEOJSON: 160,
  SINDEX_FOUND: 200,
  SINDEX_NOT_FOUND: 201,
} as const;

/** One of the {@link ResultCode} values. */
export type ResultCodeValue = (typeof ResultCode)[keyof typeof ResultCode];

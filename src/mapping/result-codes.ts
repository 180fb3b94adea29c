/** gRPC status codes by name (the numbers are fixed by gRPC; no grpc import needed here). */
export const GrpcCode = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;

/** A gRPC status code number. */
export type GrpcCodeNumber = (typeof GrpcCode)[keyof typeof GrpcCode];

/**
 * Aerospike result codes by number with the names the contract uses (the Java client's
 * `ResultCode` spellings, e.g. KEY_NOT_FOUND_ERROR). Negative codes are client-side.
 */
export const RESULT_NAMES: ReadonlyMap<number, string> = new Map([
  [-19, "TXN_ALREADY_ABORTED"],
  [-18, "TXN_ALREADY_COMMITTED"],
  [-17, "TXN_FAILED"],
  [-16, "BATCH_FAILED"],
  [-15, "NO_RESPONSE"],
  [-14, "MAX_ERROR_RATE"],
  [-13, "USE_NORMAL_RETRY"],
  [-12, "MAX_RETRIES_EXCEEDED"],
  [-11, "ASYNC_QUEUE_FULL"],
  [-10, "CONNECTION_ERROR"],
  [-9, "TLS_ERROR"],
  [-8, "INVALID_NODE_ERROR"],
  [-7, "NO_MORE_CONNECTIONS"],
  [-6, "ASYNC_CONNECTION_ERROR"],
  [-5, "CLIENT_ABORT"],
  [-4, "INVALID_HOST"],
  [-3, "NO_MORE_RECORDS"],
  [-2, "PARAMETER_ERROR_CLIENT"],
  [-1, "CLIENT_ERROR"],
  [0, "OK"],
  [1, "SERVER_ERROR"],
  [2, "KEY_NOT_FOUND_ERROR"],
  [3, "GENERATION_ERROR"],
  [4, "PARAMETER_ERROR"],
  [5, "KEY_EXISTS_ERROR"],
  [6, "BIN_EXISTS_ERROR"],
  [7, "CLUSTER_KEY_MISMATCH"],
  [8, "SERVER_MEM_ERROR"],
  [9, "TIMEOUT"],
  [10, "ALWAYS_FORBIDDEN"],
  [11, "PARTITION_UNAVAILABLE"],
  [12, "BIN_TYPE_ERROR"],
  [13, "RECORD_TOO_BIG"],
  [14, "KEY_BUSY"],
  [15, "SCAN_ABORT"],
  [16, "UNSUPPORTED_FEATURE"],
  [17, "BIN_NOT_FOUND"],
  [18, "DEVICE_OVERLOAD"],
  [19, "KEY_MISMATCH"],
  [20, "INVALID_NAMESPACE"],
  [21, "BIN_NAME_TOO_LONG"],
  [22, "FAIL_FORBIDDEN"],
  [23, "ELEMENT_NOT_FOUND"],
  [24, "ELEMENT_EXISTS"],
  [25, "ENTERPRISE_ONLY"],
  [26, "OP_NOT_APPLICABLE"],
  [27, "FILTERED_OUT"],
  [28, "LOST_CONFLICT"],
  [32, "XDR_KEY_BUSY"],
  [50, "QUERY_END"],
  [51, "SECURITY_NOT_SUPPORTED"],
  [52, "SECURITY_NOT_ENABLED"],
  [53, "SECURITY_SCHEME_NOT_SUPPORTED"],
  [54, "INVALID_COMMAND"],
  [55, "INVALID_FIELD"],
  [56, "ILLEGAL_STATE"],
  [60, "INVALID_USER"],
  [61, "USER_ALREADY_EXISTS"],
  [62, "INVALID_PASSWORD"],
  [63, "EXPIRED_PASSWORD"],
  [64, "FORBIDDEN_PASSWORD"],
  [65, "INVALID_CREDENTIAL"],
  [66, "EXPIRED_SESSION"],
  [70, "INVALID_ROLE"],
  [71, "ROLE_ALREADY_EXISTS"],
  [72, "INVALID_PRIVILEGE"],
  [73, "INVALID_WHITELIST"],
  [74, "QUOTAS_NOT_ENABLED"],
  [75, "INVALID_QUOTA"],
  [80, "NOT_AUTHENTICATED"],
  [81, "ROLE_VIOLATION"],
  [82, "NOT_WHITELISTED"],
  [83, "QUOTA_EXCEEDED"],
  [100, "UDF_BAD_RESPONSE"],
  [120, "MRT_BLOCKED"],
  [121, "MRT_VERSION_MISMATCH"],
  [122, "MRT_EXPIRED"],
  [123, "MRT_TOO_MANY_WRITES"],
  [124, "MRT_COMMITTED"],
  [125, "MRT_ABORTED"],
  [126, "MRT_ALREADY_LOCKED"],
  [127, "MRT_MONITOR_EXISTS"],
  [150, "BATCH_DISABLED"],
  [151, "BATCH_MAX_REQUESTS_EXCEEDED"],
  [152, "BATCH_QUEUES_FULL"],
  [160, "GEO_INVALID_GEOJSON"],
  [200, "INDEX_ALREADY_EXISTS"],
  [201, "INDEX_NOT_FOUND"],
  [202, "INDEX_OOM"],
  [203, "INDEX_NOT_READABLE"],
  [204, "INDEX_GENERIC"],
  [205, "INDEX_NAME_MAX_LEN"],
  [206, "INDEX_MAX_COUNT"],
  [210, "QUERY_ABORTED"],
  [211, "QUERY_QUEUE_FULL"],
  [212, "QUERY_TIMEOUT"],
  [213, "QUERY_GENERIC"],
]);

/** The contract's name of an Aerospike result code; unknown codes get `RESULT_<n>`. */
export function resultName(code: number): string {
  return RESULT_NAMES.get(code) ?? `RESULT_${code}`;
}

/** How a failed Aerospike command surfaces as a gRPC status. */
export interface StatusMapping {
  readonly code: GrpcCodeNumber;
  /** Whether a retry may help (the status then carries RetryInfo). */
  readonly retryable: boolean;
}

/**
 * The Aerospike → gRPC table of the contract (docs/api-v1.md, "Errors"). One row per outcome;
 * each row has a test in test/unit/mapping/result-codes.test.ts.
 */
const TABLE: ReadonlyMap<number, StatusMapping> = new Map<number, StatusMapping>([
  // KEY_NOT_FOUND_ERROR: the record is not there.
  [2, { code: GrpcCode.NOT_FOUND, retryable: false }],
  // KEY_EXISTS_ERROR and BIN_EXISTS_ERROR: a create met an existing record or bin.
  [5, { code: GrpcCode.ALREADY_EXISTS, retryable: false }],
  [6, { code: GrpcCode.ALREADY_EXISTS, retryable: false }],
  // GENERATION_ERROR: optimistic concurrency lost; the caller re-reads and retries.
  [3, { code: GrpcCode.ABORTED, retryable: false }],
  // The record's state does not allow the command.
  [27, { code: GrpcCode.FAILED_PRECONDITION, retryable: false }], // FILTERED_OUT
  [17, { code: GrpcCode.FAILED_PRECONDITION, retryable: false }], // BIN_NOT_FOUND
  [12, { code: GrpcCode.FAILED_PRECONDITION, retryable: false }], // BIN_TYPE_ERROR
  [26, { code: GrpcCode.FAILED_PRECONDITION, retryable: false }], // OP_NOT_APPLICABLE
  // Not in the contract's table: an Enterprise-only feature (durable delete) on a Community
  // server is a property of the cluster the caller must know about, not an internal fault.
  [25, { code: GrpcCode.FAILED_PRECONDITION, retryable: false }], // ENTERPRISE_ONLY
  // PARAMETER_ERROR from the server, and the client's own parameter check.
  [4, { code: GrpcCode.INVALID_ARGUMENT, retryable: false }],
  [-2, { code: GrpcCode.INVALID_ARGUMENT, retryable: false }],
  // TIMEOUT when the caller's deadline had not run out: the cluster was too slow this time.
  [9, { code: GrpcCode.UNAVAILABLE, retryable: true }],
  // Cluster unreachable, or the node asks the client to back off.
  [14, { code: GrpcCode.UNAVAILABLE, retryable: true }], // KEY_BUSY
  [18, { code: GrpcCode.UNAVAILABLE, retryable: true }], // DEVICE_OVERLOAD
  [11, { code: GrpcCode.UNAVAILABLE, retryable: true }], // PARTITION_UNAVAILABLE
  [7, { code: GrpcCode.UNAVAILABLE, retryable: true }], // CLUSTER_KEY_MISMATCH
  [-15, { code: GrpcCode.UNAVAILABLE, retryable: true }], // NO_RESPONSE
  [-14, { code: GrpcCode.UNAVAILABLE, retryable: true }], // MAX_ERROR_RATE
  [-12, { code: GrpcCode.UNAVAILABLE, retryable: true }], // MAX_RETRIES_EXCEEDED
  [-11, { code: GrpcCode.UNAVAILABLE, retryable: true }], // ASYNC_QUEUE_FULL
  [-10, { code: GrpcCode.UNAVAILABLE, retryable: true }], // CONNECTION_ERROR
  [-8, { code: GrpcCode.UNAVAILABLE, retryable: true }], // INVALID_NODE_ERROR
  [-7, { code: GrpcCode.UNAVAILABLE, retryable: true }], // NO_MORE_CONNECTIONS
  [-6, { code: GrpcCode.UNAVAILABLE, retryable: true }], // ASYNC_CONNECTION_ERROR
  // Quotas, full servers and rate limits.
  [8, { code: GrpcCode.RESOURCE_EXHAUSTED, retryable: false }], // SERVER_MEM_ERROR (server full)
  [83, { code: GrpcCode.RESOURCE_EXHAUSTED, retryable: false }], // QUOTA_EXCEEDED
  [152, { code: GrpcCode.RESOURCE_EXHAUSTED, retryable: false }], // BATCH_QUEUES_FULL
  [151, { code: GrpcCode.RESOURCE_EXHAUSTED, retryable: false }], // BATCH_MAX_REQUESTS_EXCEEDED
  [13, { code: GrpcCode.RESOURCE_EXHAUSTED, retryable: false }], // RECORD_TOO_BIG
]);

/**
 * Maps an Aerospike result code to a gRPC status. `deadlineExpired` says whether the caller's own
 * deadline had run out when the command failed: a TIMEOUT is then DEADLINE_EXCEEDED. Anything not
 * in the table is INTERNAL.
 */
export function statusForResult(code: number, deadlineExpired = false): StatusMapping {
  if (code === 9 && deadlineExpired) return { code: GrpcCode.DEADLINE_EXCEEDED, retryable: false };
  return TABLE.get(code) ?? { code: GrpcCode.INTERNAL, retryable: false };
}

/** The ErrorInfo reason for an Aerospike result code, e.g. AEROSPIKE_KEY_NOT_FOUND_ERROR. */
export function reasonForResult(code: number): string {
  return `AEROSPIKE_${resultName(code)}`;
}

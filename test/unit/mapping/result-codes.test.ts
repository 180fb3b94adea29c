import { describe, expect, it } from "vitest";
import {
  GrpcCode,
  reasonForResult,
  resultName,
  statusForResult,
} from "../../../src/mapping/result-codes.js";

/** The contract's error table (docs/api-v1.md "Errors"), one row per outcome. */
const ROWS: [string, number, boolean, number, boolean][] = [
  // [name, code, deadline ran out, gRPC code, RetryInfo]
  ["KEY_NOT_FOUND_ERROR", 2, false, GrpcCode.NOT_FOUND, false],
  ["KEY_EXISTS_ERROR", 5, false, GrpcCode.ALREADY_EXISTS, false],
  ["BIN_EXISTS_ERROR", 6, false, GrpcCode.ALREADY_EXISTS, false],
  ["GENERATION_ERROR", 3, false, GrpcCode.ABORTED, false],
  ["FILTERED_OUT", 27, false, GrpcCode.FAILED_PRECONDITION, false],
  ["BIN_NOT_FOUND", 17, false, GrpcCode.FAILED_PRECONDITION, false],
  ["BIN_TYPE_ERROR", 12, false, GrpcCode.FAILED_PRECONDITION, false],
  ["OP_NOT_APPLICABLE", 26, false, GrpcCode.FAILED_PRECONDITION, false],
  ["PARAMETER_ERROR", 4, false, GrpcCode.INVALID_ARGUMENT, false],
  ["TIMEOUT", 9, true, GrpcCode.DEADLINE_EXCEEDED, false],
  ["TIMEOUT", 9, false, GrpcCode.UNAVAILABLE, true],
  ["KEY_BUSY", 14, false, GrpcCode.UNAVAILABLE, true],
  ["DEVICE_OVERLOAD", 18, false, GrpcCode.UNAVAILABLE, true],
  ["CONNECTION_ERROR", -10, false, GrpcCode.UNAVAILABLE, true],
  ["NO_MORE_CONNECTIONS", -7, false, GrpcCode.UNAVAILABLE, true],
  ["MAX_ERROR_RATE", -14, false, GrpcCode.UNAVAILABLE, true],
  ["SERVER_MEM_ERROR", 8, false, GrpcCode.RESOURCE_EXHAUSTED, false],
  ["QUOTA_EXCEEDED", 83, false, GrpcCode.RESOURCE_EXHAUSTED, false],
  ["BATCH_QUEUES_FULL", 152, false, GrpcCode.RESOURCE_EXHAUSTED, false],
  ["SERVER_ERROR", 1, false, GrpcCode.INTERNAL, false],
  ["UDF_BAD_RESPONSE", 100, false, GrpcCode.INTERNAL, false],
  ["ENTERPRISE_ONLY", 25, false, GrpcCode.FAILED_PRECONDITION, false],
];

describe("statusForResult (the contract's error table)", () => {
  for (const [name, code, expired, grpc, retry] of ROWS) {
    it(`${name} (${code})${expired ? " after the deadline" : ""} → ${grpc}`, () => {
      expect(resultName(code)).toBe(name);
      expect(statusForResult(code, expired)).toEqual({ code: grpc, retryable: retry });
    });
  }

  it("names unknown codes and builds reasons", () => {
    expect(resultName(999)).toBe("RESULT_999");
    expect(statusForResult(999)).toEqual({ code: GrpcCode.INTERNAL, retryable: false });
    expect(reasonForResult(27)).toBe("AEROSPIKE_FILTERED_OUT");
    expect(reasonForResult(2)).toBe("AEROSPIKE_KEY_NOT_FOUND_ERROR");
  });
});

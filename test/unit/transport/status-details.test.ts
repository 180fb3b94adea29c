import { fromBinary } from "@bufbuild/protobuf";
import { anyUnpack } from "@bufbuild/protobuf/wkt";
import { describe, expect, it } from "vitest";
import {
  BadRequestSchema,
  ErrorInfoSchema,
  RetryInfoSchema,
} from "../../../gen/ts/google/rpc/error_details_pb.js";
import { StatusSchema } from "../../../gen/ts/google/rpc/status_pb.js";
import { AerogateError, Code } from "../../../src/errors.js";
import { durationFromMs, encodeStatusDetails } from "../../../src/transport/status-details.js";

/** Decodes encoded status details back into their parts. */
function decode(bytes: Uint8Array) {
  const status = fromBinary(StatusSchema, bytes);
  const pick = <T>(f: (a: (typeof status.details)[number]) => T | undefined) =>
    status.details.map(f).find((x) => x !== undefined);
  return {
    status,
    info: pick((a) => anyUnpack(a, ErrorInfoSchema)),
    bad: pick((a) => anyUnpack(a, BadRequestSchema)),
    retry: pick((a) => anyUnpack(a, RetryInfoSchema)),
  };
}

describe("encodeStatusDetails", () => {
  it("always carries ErrorInfo with the aerogate domain, reason and metadata", () => {
    const err = new AerogateError(Code.NotFound, "record not found", {
      reason: "AEROSPIKE_KEY_NOT_FOUND_ERROR",
      metadata: { result_code: "2", in_doubt: "false" },
    });
    const { status, info, bad, retry } = decode(encodeStatusDetails(err));
    expect(status.code).toBe(Code.NotFound);
    expect(status.message).toBe("record not found");
    expect(info?.domain).toBe("aerogate");
    expect(info?.reason).toBe("AEROSPIKE_KEY_NOT_FOUND_ERROR");
    expect(info?.metadata).toEqual({ result_code: "2", in_doubt: "false" });
    expect(bad).toBeUndefined();
    expect(retry).toBeUndefined();
  });

  it("defaults the reason to the code name", () => {
    const { info } = decode(encodeStatusDetails(new AerogateError(Code.Aborted, "x")));
    expect(info?.reason).toBe("ABORTED");
  });

  it("adds BadRequest field violations for invalid input", () => {
    const err = new AerogateError(Code.InvalidArgument, "bad key", {
      reason: "INVALID_REQUEST",
      fieldViolations: [
        { field: "key.namespace", description: "must not be empty" },
        { field: "entries[2].verb", description: "must be set", reason: "UNSPECIFIED_ENUM" },
      ],
    });
    const { bad } = decode(encodeStatusDetails(err));
    expect(bad?.fieldViolations.map((v) => [v.field, v.description, v.reason])).toEqual([
      ["key.namespace", "must not be empty", ""],
      ["entries[2].verb", "must be set", "UNSPECIFIED_ENUM"],
    ]);
  });

  it("adds RetryInfo when the error is retryable", () => {
    const err = new AerogateError(Code.Unavailable, "busy", { retryDelayMs: 1500 });
    const { retry } = decode(encodeStatusDetails(err));
    expect(retry?.retryDelay?.seconds).toBe(1n);
    expect(retry?.retryDelay?.nanos).toBe(500_000_000);
  });
});

describe("durationFromMs", () => {
  it.each([
    [0, 0n, 0],
    [999, 0n, 999_000_000],
    [1000, 1n, 0],
    [61_001, 61n, 1_000_000],
    [-5, 0n, 0],
  ])("%d ms → %ds %dns", (ms, seconds, nanos) => {
    expect(durationFromMs(ms)).toEqual({ seconds, nanos });
  });
});

import { describe, expect, it } from "vitest";
import { AerospikeFailure } from "../../../src/aerospike/failure.js";
import { commandTimeouts } from "../../../src/aerospike/policies.js";
import { createHandlerContext } from "../../../src/context.js";
import { type AerogateError, Code } from "../../../src/errors.js";
import { FieldError } from "../../../src/mapping/field-error.js";
import { failureToError, timeoutsFor, toCallError } from "../../../src/services/call-support.js";

const config = { defaultTimeoutMs: 1000, maxTimeoutMs: 5000 };

describe("deadline → Aerospike total timeout", () => {
  it("uses the remaining deadline under the cap, the cap above it, the default without one", () => {
    expect(commandTimeouts(1200.7, 1000, 5000)).toEqual({ totalMs: 1200, deadlineBound: true });
    expect(commandTimeouts(60_000, 1000, 5000)).toEqual({ totalMs: 5000, deadlineBound: false });
    expect(commandTimeouts(undefined, 1000, 5000)).toEqual({ totalMs: 1000, deadlineBound: false });
    expect(commandTimeouts(0, 1000, 5000)).toBeUndefined();
    expect(commandTimeouts(0.4, 1000, 5000)).toBeUndefined();
  });

  it("refuses to start a call whose deadline passed or that was cancelled", () => {
    const expired = createHandlerContext({ deadline: Date.now() - 1 });
    expect(() => timeoutsFor(expired, config)).toThrow(
      expect.objectContaining({ code: Code.DeadlineExceeded }),
    );
    const ac = new AbortController();
    ac.abort();
    const cancelled = createHandlerContext({ signal: ac.signal });
    expect(() => timeoutsFor(cancelled, config)).toThrow(
      expect.objectContaining({ code: Code.Canceled }),
    );
  });
});

describe("failureToError", () => {
  const ctx = createHandlerContext({ deadline: Date.now() + 60_000 });

  it("TIMEOUT is DEADLINE_EXCEEDED when the caller's deadline set the timeout", () => {
    const e = failureToError(
      new AerospikeFailure(9, "timeout", true),
      { totalMs: 5, deadlineBound: true },
      ctx,
    );
    expect(e.code).toBe(Code.DeadlineExceeded);
    expect(e.metadata).toEqual({ result_code: "9", in_doubt: "true" });
  });

  it("TIMEOUT is UNAVAILABLE with RetryInfo when the configured cap ran out", () => {
    const e = failureToError(
      new AerospikeFailure(9, "timeout", false),
      { totalMs: 5000, deadlineBound: false },
      ctx,
    );
    expect(e.code).toBe(Code.Unavailable);
    expect(e.retryDelayMs).toBeGreaterThan(0);
    expect(e.reason).toBe("AEROSPIKE_TIMEOUT");
  });

  it("anything outside the table is INTERNAL without the raw message", () => {
    const e = failureToError(new AerospikeFailure(1, "secret details", false), undefined, ctx);
    expect(e.code).toBe(Code.Internal);
    expect(e.message).not.toContain("secret");
    expect(e.reason).toBe("AEROSPIKE_SERVER_ERROR");
  });

  it("field errors become INVALID_ARGUMENT with their violations", () => {
    const e = toCallError(
      FieldError.of("entries[0].key", "a key is required"),
      undefined,
      ctx,
    ) as AerogateError;
    expect(e.code).toBe(Code.InvalidArgument);
    expect(e.fieldViolations).toEqual([
      { field: "entries[0].key", description: "a key is required" },
    ]);
  });
});

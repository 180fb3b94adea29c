import { describe, expect, it } from "vitest";
import {
  AerogateError,
  Code,
  codeName,
  INTERNAL_MESSAGE,
  invalidArgument,
  toAerogateError,
} from "../../../src/errors.js";

describe("codeName", () => {
  it.each([
    [Code.Ok, "OK"],
    [Code.Canceled, "CANCELLED"],
    [Code.InvalidArgument, "INVALID_ARGUMENT"],
    [Code.DeadlineExceeded, "DEADLINE_EXCEEDED"],
    [Code.FailedPrecondition, "FAILED_PRECONDITION"],
    [Code.Unimplemented, "UNIMPLEMENTED"],
    [Code.Unavailable, "UNAVAILABLE"],
    [Code.Unauthenticated, "UNAUTHENTICATED"],
  ])("%d is %s", (code, name) => {
    expect(codeName(code)).toBe(name);
  });

  it("numbers codes as on the wire", () => {
    expect(Code.Internal).toBe(13);
    expect(Code.Unavailable).toBe(14);
  });
});

describe("toAerogateError", () => {
  it("passes AerogateErrors through", () => {
    const err = new AerogateError(Code.NotFound, "gone");
    expect(toAerogateError(err)).toBe(err);
  });

  it.each([
    ["an Error", new TypeError("x is undefined")],
    ["a string", "boom"],
    ["undefined", undefined],
    ["an object", { code: 5 }],
  ])("turns %s into INTERNAL with a generic message and the original as cause", (_n, thrown) => {
    const err = toAerogateError(thrown);
    expect(err.code).toBe(Code.Internal);
    expect(err.message).toBe(INTERNAL_MESSAGE);
    expect(err.reason).toBe("INTERNAL");
    expect(err.cause).toBe(thrown);
  });
});

describe("AerogateError", () => {
  it("carries every detail", () => {
    const cause = new Error("raw");
    const err = new AerogateError(Code.Unavailable, "try later", {
      reason: "AEROSPIKE_KEY_BUSY",
      metadata: { result_code: "14" },
      retryDelayMs: 100,
      cause,
    });
    expect(err).toMatchObject({
      code: Code.Unavailable,
      message: "try later",
      reason: "AEROSPIKE_KEY_BUSY",
      metadata: { result_code: "14" },
      retryDelayMs: 100,
      fieldViolations: [],
    });
    expect(err.cause).toBe(cause);
    expect(AerogateError.is(err)).toBe(true);
    expect(AerogateError.is(new Error("x"))).toBe(false);
  });

  it("invalidArgument builds INVALID_ARGUMENT with field violations", () => {
    const err = invalidArgument("bad", [{ field: "key", description: "missing" }]);
    expect(err.code).toBe(Code.InvalidArgument);
    expect(err.reason).toBe("INVALID_REQUEST");
    expect(err.fieldViolations).toHaveLength(1);
  });
});

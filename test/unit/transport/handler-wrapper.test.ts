import { describe, expect, it } from "vitest";
import { RecordService } from "../../../gen/ts/aerogate/v1/record_pb.js";
import { TaskService } from "../../../gen/ts/aerogate/v1/task_pb.js";
import { aerospikeTotalTimeoutMs } from "../../../src/aerospike/total-timeout.js";
import { createHandlerContext } from "../../../src/context.js";
import { AerogateError, Code } from "../../../src/errors.js";
import { completeImpl, unimplementedHandler } from "../../../src/services/unimplemented.js";
import { deadlineMs, pickRequestId } from "../../../src/transport/call-context.js";
import { MalformedRequest, requestDeserializer } from "../../../src/transport/codec.js";
import { failureOf, untilAborted } from "../../../src/transport/handler-wrapper.js";
import { methodDefinition, methodPath } from "../../../src/transport/service-definition.js";

describe("failureOf", () => {
  it("keeps an AerogateError even when the signal fired", () => {
    const ac = new AbortController();
    ac.abort(new AerogateError(Code.DeadlineExceeded, "late"));
    const err = new AerogateError(Code.NotFound, "gone");
    expect(failureOf(err, ac.signal)).toBe(err);
  });

  it("reports the abort reason for an AbortError after the signal fired", () => {
    const ac = new AbortController();
    const reason = new AerogateError(Code.Unavailable, "server shutting down");
    ac.abort(reason);
    expect(failureOf(new DOMException("aborted", "AbortError"), ac.signal)).toBe(reason);
  });

  it("turns a stray throw into INTERNAL when the signal did not fire", () => {
    const err = failureOf(new RangeError("oops"), new AbortController().signal);
    expect(err.code).toBe(Code.Internal);
    expect(err.message).not.toContain("oops");
  });
});

describe("untilAborted", () => {
  it("settles like the promise when the signal stays quiet", async () => {
    await expect(untilAborted(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7);
    await expect(
      untilAborted(Promise.reject(new Error("x")), new AbortController().signal),
    ).rejects.toThrow("x");
  });

  it("rejects with the reason as soon as the signal aborts, even if the promise never settles", async () => {
    const ac = new AbortController();
    const pending = untilAborted(new Promise(() => {}), ac.signal);
    ac.abort("stop");
    await expect(pending).rejects.toBe("stop");
  });

  it("rejects at once for an already aborted signal", async () => {
    const ac = new AbortController();
    ac.abort("done");
    await expect(untilAborted(Promise.reject(new Error("late")), ac.signal)).rejects.toBe("done");
  });
});

describe("service definitions", () => {
  it("uses /<package>.<Service>/<Method> paths", () => {
    expect(methodPath(RecordService.method.get)).toBe("/aerogate.v1.RecordService/Get");
    expect(methodPath(TaskService.method.watchTask)).toBe("/aerogate.v1.TaskService/WatchTask");
  });

  it("marks server-streaming methods", () => {
    expect(methodDefinition(TaskService.method.watchTask)).toMatchObject({
      requestStream: false,
      responseStream: true,
    });
    expect(methodDefinition(RecordService.method.get)).toMatchObject({
      requestStream: false,
      responseStream: false,
    });
  });

  it("returns a MalformedRequest marker instead of throwing on bad protobuf", () => {
    const decode = requestDeserializer(RecordService.method.get.input);
    expect(decode(Buffer.from([0x0a, 0xff, 0xff, 0xff]))).toBeInstanceOf(MalformedRequest);
    expect(decode(Buffer.alloc(0))).not.toBeInstanceOf(MalformedRequest);
  });
});

describe("unimplemented registry", () => {
  it("fills every missing method and keeps the given ones", () => {
    const get = async () => ({});
    const impl = completeImpl({ service: RecordService, impl: { get } });
    expect(Object.keys(impl).sort()).toEqual(
      ["delete", "exists", "get", "operate", "put", "touch"].sort(),
    );
    expect(impl.get).toBe(get);
  });

  it("answers UNIMPLEMENTED naming the RPC, for unary and streaming methods", async () => {
    const ctx = createHandlerContext();
    const unary = unimplementedHandler(RecordService.method.put);
    await expect(unary({}, ctx)).rejects.toMatchObject({
      code: Code.Unimplemented,
      message: expect.stringContaining("aerogate.v1.RecordService.Put"),
    });
    const stream = unimplementedHandler(TaskService.method.watchTask)(
      {},
      ctx,
    ) as AsyncIterable<unknown>;
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toMatchObject({
      code: Code.Unimplemented,
      message: expect.stringContaining("aerogate.v1.TaskService.WatchTask"),
    });
  });
});

describe("call context helpers", () => {
  it.each([
    ["abc-123", "abc-123"],
    ["01HZX5.req:7", "01HZX5.req:7"],
  ])("keeps a sane caller request id %s", (sent, kept) => {
    expect(pickRequestId({ "x-request-id": sent })).toBe(kept);
  });

  it.each([["has space"], ["x".repeat(200)], [""]])(
    "replaces an unusable request id %j",
    (sent) => {
      const id = pickRequestId({ "x-request-id": sent });
      expect(id).not.toBe(sent);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  it("reads grpc-js deadlines", () => {
    expect(deadlineMs(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(deadlineMs(new Date(1000))).toBe(1000);
    expect(deadlineMs(2000)).toBe(2000);
  });

  it("reports the remaining time from the deadline", () => {
    const ctx = createHandlerContext({ deadline: Date.now() + 60_000 });
    expect(ctx.timeoutMs()).toBeGreaterThan(0);
    expect(ctx.timeoutMs()).toBeLessThanOrEqual(60_000);
    expect(createHandlerContext().timeoutMs()).toBeUndefined();
    expect(createHandlerContext({ deadline: Date.now() - 10 }).timeoutMs()).toBe(0);
  });
});

describe("aerospikeTotalTimeoutMs", () => {
  const bounds = { defaultTimeoutMs: 5000, maxTimeoutMs: 60_000 };
  it.each([
    [undefined, 5000],
    [1234.9, 1234],
    [0, 1],
    [0.4, 1],
    [120_000, 60_000],
  ])("remaining %s ms → %d ms", (remaining, expected) => {
    expect(aerospikeTotalTimeoutMs(remaining, bounds)).toBe(expected);
  });
});

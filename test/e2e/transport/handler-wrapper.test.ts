import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecordService } from "../../../gen/ts/aerogate/v1/record_pb.js";
import { TaskService } from "../../../gen/ts/aerogate/v1/task_pb.js";
import { UdfService } from "../../../gen/ts/aerogate/v1/udf_pb.js";
import { defineService } from "../../../src/context.js";
import { AerogateError, Code } from "../../../src/errors.js";
import { createGatewayServer, type GatewayServer } from "../../../src/transport/server.js";
import { capturingLogger } from "../../helpers/gateway.js";
import { expectCallError, GrpcTestClient } from "../../helpers/grpc-client.js";

/** What the test handlers saw, by mode. */
const seen = new Map<string, unknown>();
let produced = 0;

/** Resolves when `signal` aborts, with its reason. */
function aborted(signal: AbortSignal): Promise<unknown> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve(signal.reason);
    else signal.addEventListener("abort", () => resolve(signal.reason), { once: true });
  });
}

/** Polls until `check` holds (bounded by the test timeout, not asserted on time). */
async function eventually(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
}

const record = defineService(RecordService, {
  async get(req, ctx) {
    const mode = req.key?.namespace ?? "";
    switch (mode) {
      case "slow":
      case "cancel": {
        seen.set(`${mode}:timeout`, ctx.timeoutMs());
        const reason = await aborted(ctx.signal);
        seen.set(mode, reason);
        throw new DOMException("aborted", "AbortError");
      }
      case "throw":
        throw new TypeError("secret internals");
      case "reject":
        return Promise.reject("raw string rejection");
      case "invalid":
        throw new AerogateError(Code.InvalidArgument, "namespace is required", {
          reason: "INVALID_REQUEST",
          fieldViolations: [{ field: "key.namespace", description: "must not be empty" }],
        });
      case "retry":
        throw new AerogateError(Code.Unavailable, "busy", {
          reason: "AEROSPIKE_KEY_BUSY",
          retryDelayMs: 250,
        });
      case "hang":
        return new Promise(() => {});
      default:
        return { key: req.key };
    }
  },
  // A plain (non-async) handler returning a value also works.
  exists: () => ({ exists: true }),
});

const tasks = defineService(TaskService, {
  async *watchTask(req, ctx) {
    const mode = req.taskId;
    if (mode === "flood") {
      const task = { taskId: "x".repeat(64 * 1024) };
      for (let i = 0; i < 10_000; i++) {
        produced++;
        yield { event: { task } };
      }
      return;
    }
    if (mode === "throw-mid") {
      yield { event: { task: { taskId: "1" } } };
      throw new Error("stream broke");
    }
    // "forever": one event, then wait for the signal and finish cleanly.
    yield { event: { task: { taskId: mode } } };
    seen.set(mode, await aborted(ctx.signal));
  },
});

/** Calls RecordService/Get with a mode in `key.namespace`. */
function callGet(
  client: GrpcTestClient,
  namespace: string,
  timeoutMs = 10_000,
  signal?: AbortSignal,
) {
  return client.unary(
    RecordService.method.get,
    { key: { namespace } },
    { timeoutMs, ...(signal ? { signal } : {}) },
  );
}

describe("handler wrapper over a real server", () => {
  let server: GatewayServer;
  let client: GrpcTestClient;
  const logs: Record<string, unknown>[] = [];

  beforeAll(async () => {
    server = createGatewayServer({ services: [record, tasks], log: capturingLogger(logs) });
    const bound = await server.listen("127.0.0.1", 0);
    client = new GrpcTestClient(bound.address);
  });
  afterAll(async () => {
    client?.close();
    await server?.shutdown(1000);
  });

  const get = (namespace: string, timeoutMs = 10_000, signal?: AbortSignal) =>
    client.unary(
      RecordService.method.get,
      { key: { namespace } },
      { timeoutMs, ...(signal ? { signal } : {}) },
    );

  it("answers a unary call", async () => {
    const { response } = await get("ok");
    expect(response.key?.namespace).toBe("ok");
    expect((await client.unary(RecordService.method.exists, {})).response.exists).toBe(true);
  });

  it("ends a slow call with DEADLINE_EXCEEDED and aborts ctx.signal with that reason", async () => {
    const err = await expectCallError(get("slow", 300));
    expect(err.code).toBe(Code.DeadlineExceeded);
    await eventually(() => seen.has("slow"));
    expect((seen.get("slow") as AerogateError).code).toBe(Code.DeadlineExceeded);
    const remaining = seen.get("slow:timeout") as number;
    expect(remaining).toBeGreaterThan(0);
    expect(remaining).toBeLessThanOrEqual(300);
  });

  it("aborts ctx.signal when the client cancels", async () => {
    const ac = new AbortController();
    const call = get("cancel", 60_000, ac.signal);
    await eventually(() => seen.has("cancel:timeout"));
    ac.abort();
    const err = await expectCallError(call);
    expect(err.code).toBe(Code.Canceled);
    await eventually(() => seen.has("cancel"));
    expect((seen.get("cancel") as AerogateError).code).toBe(Code.Canceled);
  });

  it.each([["throw"], ["reject"]])(
    "turns a stray %s into INTERNAL with a generic message, logged with the request id",
    async (mode) => {
      const err = await expectCallError(
        client.unary(
          RecordService.method.get,
          { key: { namespace: mode } },
          { timeoutMs: 10_000, metadata: { "x-request-id": `rid-${mode}` } },
        ),
      );
      expect(err.code).toBe(Code.Internal);
      expect(err.details).toBe("internal error");
      expect(err.details).not.toContain("secret");
      expect(err.statusDetails()?.errorInfo?.reason).toBe("INTERNAL");
      const line = logs.find((l) => l.requestId === `rid-${mode}` && l.level === "error");
      expect(line).toBeDefined();
      expect(JSON.stringify(line)).toContain(
        mode === "throw" ? "secret internals" : "raw string rejection",
      );
    },
  );

  it("sends BadRequest field violations", async () => {
    const err = await expectCallError(get("invalid"));
    expect(err.code).toBe(Code.InvalidArgument);
    const details = err.statusDetails();
    expect(details?.status.code).toBe(Code.InvalidArgument);
    expect(details?.errorInfo).toMatchObject({ domain: "aerogate", reason: "INVALID_REQUEST" });
    expect(details?.badRequest?.fieldViolations[0]).toMatchObject({
      field: "key.namespace",
      description: "must not be empty",
    });
    expect(details?.retryInfo).toBeUndefined();
  });

  it("sends RetryInfo for retryable failures", async () => {
    const err = await expectCallError(get("retry"));
    expect(err.code).toBe(Code.Unavailable);
    expect(err.statusDetails()?.retryInfo?.retryDelay?.nanos).toBe(250_000_000);
  });

  it("answers INVALID_ARGUMENT for a malformed payload on a server stream", async () => {
    const status = await client.serverStreamRaw(
      "/aerogate.v1.TaskService/WatchTask",
      new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]),
      { timeoutMs: 5000 },
    );
    expect(status.code).toBe(Code.InvalidArgument);
    expect((await get("ok")).response.key?.namespace).toBe("ok");
  });

  it("ends a stream that throws midway with INTERNAL after the messages already sent", async () => {
    const stream = client.serverStream(
      TaskService.method.watchTask,
      { taskId: "throw-mid" },
      { timeoutMs: 10_000 },
    );
    const got: unknown[] = [];
    try {
      for await (const m of stream) got.push(m);
    } catch {
      // The status says why.
    }
    expect(got).toHaveLength(1);
    expect((await stream.status).code).toBe(Code.Internal);
  });

  it("respects flow control: a reader that stops reading stops the producer", async () => {
    produced = 0;
    const stream = client.serverStream(
      TaskService.method.watchTask,
      { taskId: "flood" },
      { timeoutMs: 60_000 },
    );
    const it = stream[Symbol.asyncIterator]();
    await it.next();
    // Wait until the producer stalls on drain (no progress between two polls).
    let last = -1;
    while (produced !== last) {
      last = produced;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(produced).toBeLessThan(10_000);
    stream.cancel();
    expect((await stream.status).code).toBe(Code.Canceled);
  });
});

describe("server options", () => {
  it("rejects requests above the receive limit with RESOURCE_EXHAUSTED and serves reflection only when on", async () => {
    const server = createGatewayServer({
      services: [record, tasks],
      log: capturingLogger([]),
      reflection: false,
      limits: {
        maxReceiveMessageBytes: 1024,
        maxSendMessageBytes: 1024 * 1024,
        keepaliveTimeMs: 60_000,
        keepaliveTimeoutMs: 20_000,
        maxConnectionAgeMs: 0,
        maxConnectionAgeGraceMs: 0,
        maxConcurrentStreams: 10,
      },
    });
    const bound = await server.listen("127.0.0.1", 0);
    const client = new GrpcTestClient(bound.address);
    try {
      const err = await expectCallError(callGet(client, "x".repeat(4096)));
      expect(err.code).toBe(Code.ResourceExhausted);
      const reflection = client.bidiRaw(
        "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
      );
      const status = new Promise<number>((resolve) =>
        reflection.on("status", (s) => resolve(s.code)),
      );
      reflection.on("error", () => {});
      reflection.end();
      expect(await status).toBe(Code.Unimplemented);
      expect((await callGet(client, "ok")).response.key?.namespace).toBe("ok");
    } finally {
      client.close();
      await server.shutdown(1000);
    }
  });
});

describe("unimplemented registry over the wire", () => {
  it("answers UNIMPLEMENTED naming the RPC for every method of an empty registration", async () => {
    const server = createGatewayServer({
      services: [defineService(UdfService, {}), defineService(TaskService, {})],
      log: capturingLogger([]),
    });
    const bound = await server.listen("127.0.0.1", 0);
    const client = new GrpcTestClient(bound.address);
    try {
      for (const service of [UdfService, TaskService]) {
        for (const method of service.methods) {
          const call =
            method.methodKind === "unary"
              ? client.unary(method, {}, { timeoutMs: 5000 })
              : client.serverStream(method, {}, { timeoutMs: 5000 }).collect();
          const err = await expectCallError(call);
          expect(err.code).toBe(Code.Unimplemented);
          expect(err.details).toContain(`${service.typeName}.${method.name}`);
          expect(err.statusDetails()?.errorInfo?.reason).toBe("NOT_IMPLEMENTED");
        }
      }
    } finally {
      client.close();
      await server.shutdown(1000);
    }
  });
});

describe("graceful shutdown", () => {
  it("tells open streams to finish and ends them with a clean status", async () => {
    const server = createGatewayServer({ services: [tasks], log: capturingLogger([]) });
    const bound = await server.listen("127.0.0.1", 0);
    const client = new GrpcTestClient(bound.address);
    const stream = client.serverStream(TaskService.method.watchTask, { taskId: "forever" });
    const it = stream[Symbol.asyncIterator]();
    expect((await it.next()).done).toBe(false);
    const drained = await server.shutdown(10_000);
    const status = await stream.status;
    expect([Code.Ok, Code.Unavailable]).toContain(status.code);
    expect(drained).toBe(true);
    expect((seen.get("forever") as AerogateError).code).toBe(Code.Unavailable);
    client.close();
  });

  it("cuts calls that outlive the grace period", async () => {
    const server = createGatewayServer({ services: [record], log: capturingLogger([]) });
    const bound = await server.listen("127.0.0.1", 0);
    const client = new GrpcTestClient(bound.address);
    const call = expectCallError(
      client.unary(RecordService.method.get, { key: { namespace: "hang" } }),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(await server.shutdown(200)).toBe(false);
    expect([Code.Unavailable, Code.Canceled, Code.Internal]).toContain((await call).code);
    client.close();
  });
});

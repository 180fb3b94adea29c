import { create, fromBinary } from "@bufbuild/protobuf";
import Aerospike from "aerospike";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  StreamBatchRequestSchema,
  StreamBatchResponseSchema,
} from "../../../gen/ts/aerogate/v1/batch_pb.js";
import { Verb } from "../../../gen/ts/aerogate/v1/types_pb.js";
import { AerospikeHandle } from "../../../src/aerospike/client.js";
import { createHandlerContext, type EncodedResponse } from "../../../src/context.js";
import { type EmbeddedServer, startEmbeddedServer } from "../../../src/embedded/index.js";
import type { AerogateError } from "../../../src/errors.js";
import { createBatchService } from "../../../src/services/batch-service.js";
import { freshKey, v } from "./helpers.js";

let server: EmbeddedServer;
let client: Aerospike.Client;
let batchCalls = 0;
/** For each batch command, how many others were still running when it was sent. */
let busyAtCall: number[] = [];
let running = 0;
const handle = new AerospikeHandle();

beforeAll(async () => {
  server = await startEmbeddedServer({ port: 0 });
  client = await Aerospike.connect({
    hosts: [{ addr: "127.0.0.1", port: server.port }],
    log: { level: Aerospike.log.OFF },
  } as never);
  // Counts the batch commands the service sends, to see how many sub-batches were dispatched.
  const counting = new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === "batchRead" || prop === "batchWrite") {
        return (...args: unknown[]) => {
          batchCalls += 1;
          busyAtCall.push(running);
          running += 1;
          const out = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          return out.finally(() => {
            running -= 1;
          });
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  handle.set({
    client: counting,
    isConnected: () => true,
    close: async () => {},
  } as unknown as Parameters<AerospikeHandle["set"]>[0]);
});
afterAll(async () => {
  client?.close(false);
  await server?.close();
});

function service() {
  const registration = createBatchService(
    {
      aerospike: handle,
      config: { defaultTimeoutMs: 5000, maxTimeoutMs: 10000, maxBatchEntries: 10000 },
    },
    { firstSubBatch: 10, maxSubBatch: 10, maxInFlight: 2, executeChunk: 10 },
  );
  return registration.impl.streamBatch as (
    req: unknown,
    ctx: unknown,
  ) => AsyncGenerator<EncodedResponse>;
}

/** The entry index a streamed (already encoded) result answers. */
const indexOf = (m: EncodedResponse | undefined) =>
  m === undefined ? undefined : fromBinary(StreamBatchResponseSchema, m.bytes).result?.index;

const request = (n: number) =>
  create(StreamBatchRequestSchema, {
    entries: Array.from({ length: n }, () => ({ key: freshKey("e2e_dispatch"), verb: Verb.READ })),
  });

describe("StreamBatch dispatch", () => {
  it("dispatches only while the reader pulls, at most maxInFlight ahead", async () => {
    batchCalls = 0;
    const stream = service()(request(100), createHandlerContext());
    const first = await stream.next();
    expect(first.done).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    // The reader took one result: the two first sub-batches ran, nothing more was dispatched.
    expect(batchCalls).toBe(2);
    const seen = new Set([indexOf(first.value ?? undefined)]);
    for await (const m of stream) seen.add(indexOf(m) as number);
    expect(seen.size).toBe(100);
    expect(batchCalls).toBe(10);
  });

  it("runs the first sub-batch alone, so its results do not queue behind larger ones", async () => {
    batchCalls = 0;
    busyAtCall = [];
    const seen = new Set<number>();
    for await (const m of service()(request(50), createHandlerContext()))
      seen.add(indexOf(m) as number);
    expect(seen.size).toBe(50);
    expect(batchCalls).toBe(5);
    // The second sub-batch is sent only once the first has finished; later ones overlap.
    expect(busyAtCall.slice(0, 2)).toEqual([0, 0]);
    expect(Math.max(...busyAtCall)).toBeLessThanOrEqual(1);
  });

  it("stops dispatching when the call is cancelled", async () => {
    batchCalls = 0;
    const ac = new AbortController();
    const stream = service()(request(100), createHandlerContext({ signal: ac.signal }));
    await stream.next();
    ac.abort();
    const rest = await (async () => {
      try {
        for await (const _ of stream) {
          // drain
        }
        return "ended";
      } catch (e) {
        return (e as { code?: number }).code;
      }
    })();
    expect(rest).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(batchCalls).toBeLessThanOrEqual(2);
  });

  // Validation runs in chunks of 1024 entries beside the first sub-batches; 3000 entries span three.
  const bigRequest = (at: Record<number, object>) =>
    create(StreamBatchRequestSchema, {
      entries: Array.from({ length: 3000 }, (_, i) => ({
        key: freshKey("e2e_dispatch"),
        verb: Verb.READ,
        ...at[i],
      })),
    });
  const write = (key: ReturnType<typeof freshKey>) => ({
    key,
    verb: Verb.UPSERT,
    operations: [{ bin: "w", op: { case: "setTo" as const, value: v.int(7) } }],
  });
  const failure = async (stream: AsyncGenerator<EncodedResponse>) => {
    try {
      for await (const _ of stream) {
        // drain
      }
    } catch (e) {
      return e as AerogateError;
    }
    throw new Error("the stream did not fail");
  };

  it("holds a write until every entry is valid: a bad last entry leaves nothing written", async () => {
    batchCalls = 0;
    const k = freshKey("e2e_dispatch");
    const e = await failure(
      service()(
        bigRequest({ 0: write(k), 2999: { verb: Verb.UNSPECIFIED } }),
        createHandlerContext(),
      ),
    );
    expect(e.code).toBe(3);
    expect(e.fieldViolations.map((f) => f.field)).toEqual(["entries[2999].verb"]);
    expect(batchCalls).toBe(0);
    const missing = await client
      .get(new Aerospike.Key(k.namespace, k.set, (k.userKey as { value: string }).value) as never)
      .catch((err: { code: number }) => err.code);
    expect(missing).toBe(2);
  });

  it("dispatches reads while validation runs, and still fails on a bad entry found later", async () => {
    batchCalls = 0;
    const e = await failure(
      service()(bigRequest({ 2999: { verb: Verb.UNSPECIFIED } }), createHandlerContext()),
    );
    expect(e.code).toBe(3);
    expect(e.fieldViolations.map((f) => f.field)).toEqual(["entries[2999].verb"]);
    expect(batchCalls).toBeGreaterThanOrEqual(1);
  });

  it("runs a held write once the whole request is valid", async () => {
    const k = freshKey("e2e_dispatch");
    const seen = new Set<number>();
    for await (const m of service()(bigRequest({ 1500: write(k) }), createHandlerContext())) {
      seen.add(indexOf(m) as number);
    }
    expect(seen.size).toBe(3000);
    const rec = await client.get(
      new Aerospike.Key(k.namespace, k.set, (k.userKey as { value: string }).value) as never,
    );
    expect(rec.bins.w).toBe(7);
  });
});

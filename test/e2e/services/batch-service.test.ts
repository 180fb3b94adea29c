import { create, toBinary } from "@bufbuild/protobuf";
import { status } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchEntrySchema, BatchService } from "../../../gen/ts/aerogate/v1/batch_pb.js";
import { RecordService } from "../../../gen/ts/aerogate/v1/record_pb.js";
import { type Key, Verb } from "../../../gen/ts/aerogate/v1/types_pb.js";
import { startTestGateway, type TestGateway } from "../../helpers/gateway.js";
import { GrpcCallError } from "../../helpers/grpc-client.js";
import { expectStatus, freshKey, v } from "./helpers.js";

const SET = "e2e_batch";
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway(["--max-batch-entries", "300"]);
});
afterAll(async () => {
  await gw?.stop();
});

async function put(key: Key, bins: Record<string, ReturnType<typeof v.int>>) {
  await gw.client.unary(RecordService.method.put, { key, bins, verb: Verb.UPSERT });
}

const exec = (req: Parameters<TestGateway["client"]["unary"]>[1]) =>
  gw.client.unary(BatchService.method.executeBatch, req as never).then((r) => r.response);

describe("BatchService.ExecuteBatch", () => {
  it("runs every verb, results in input order with per-entry outcomes", async () => {
    const [a, b, c, d, e, f, g, missing] = Array.from({ length: 8 }, () => freshKey(SET));
    await put(a as Key, { x: v.int(1), y: v.dbl(2) });
    await put(b as Key, { x: v.int(2) });
    await put(d as Key, { x: v.int(4) });
    await put(e as Key, { x: v.int(5) });
    await put(f as Key, { x: v.int(6) });
    const res = await exec({
      entries: [
        { key: a, verb: Verb.READ },
        { key: a, verb: Verb.READ, bins: ["y"] },
        { key: a, verb: Verb.READ, headersOnly: true },
        { key: missing, verb: Verb.READ },
        { key: b, verb: Verb.EXISTS },
        { key: missing, verb: Verb.EXISTS },
        {
          key: c,
          verb: Verb.INSERT,
          operations: [{ bin: "x", op: { case: "setTo", value: v.int(3) } }],
        },
        {
          key: b,
          verb: Verb.INSERT,
          operations: [{ bin: "x", op: { case: "setTo", value: v.int(3) } }],
        },
        {
          key: b,
          verb: Verb.UPDATE,
          operations: [
            { bin: "x", op: { case: "add", value: v.int(10) } },
            { bin: "x", op: { case: "get", value: {} } },
          ],
        },
        {
          key: missing,
          verb: Verb.UPDATE,
          operations: [{ bin: "x", op: { case: "setTo", value: v.int(1) } }],
        },
        {
          key: d,
          verb: Verb.REPLACE,
          operations: [{ bin: "z", op: { case: "setTo", value: v.str("r") } }],
        },
        {
          key: missing,
          verb: Verb.REPLACE_IF_EXISTS,
          operations: [{ bin: "z", op: { case: "setTo", value: v.int(1) } }],
        },
        { key: e, verb: Verb.DELETE },
        { key: missing, verb: Verb.DELETE },
        {
          key: f,
          verb: Verb.TOUCH,
          policy: { expiration: { kind: { case: "seconds", value: 100 } } },
        },
        {
          key: g,
          verb: Verb.UPSERT,
          operations: [
            { bin: "f", op: { case: "setTo", value: v.dbl(7) } },
            { bin: "f", op: { case: "get", value: {} } },
          ],
        },
      ],
    });
    const r = res.results;
    expect(r.map((x) => x.index)).toEqual(r.map((_, i) => i));
    expect(r.map((x) => x.resultName)).toEqual([
      "OK",
      "OK",
      "OK",
      "KEY_NOT_FOUND_ERROR",
      "OK",
      "KEY_NOT_FOUND_ERROR",
      "OK",
      "KEY_EXISTS_ERROR",
      "OK",
      "KEY_NOT_FOUND_ERROR",
      "OK",
      "KEY_NOT_FOUND_ERROR",
      "OK",
      "KEY_NOT_FOUND_ERROR",
      "OK",
      "OK",
    ]);
    expect(r[0]?.record?.bins.y?.kind).toEqual({ case: "doubleValue", value: 2 });
    expect(r[0]?.record?.bins.x?.kind).toEqual({ case: "intValue", value: 1n });
    expect(Object.keys(r[1]?.record?.bins ?? {})).toEqual(["y"]);
    expect(r[2]?.record?.bins).toEqual({});
    expect(r[2]?.record?.generation).toBe(1);
    expect(r[3]?.resultCode).toBe(2);
    expect(r[8]?.operationResults[1]?.kind).toEqual({ case: "intValue", value: 12n });
    expect(r[8]?.operationResults[0]?.kind.case).toBeUndefined();
    expect(r[14]?.record?.expiration?.kind.case).toBe("seconds");
    expect(r[15]?.operationResults[1]?.kind).toEqual({ case: "doubleValue", value: 7 });
    expect(r.every((x) => x.key?.digest.length === 20)).toBe(true);
    expect(r.every((x) => !x.inDoubt)).toBe(true);
    const gone = await gw.client
      .unary(RecordService.method.exists, { key: e })
      .then((x) => x.response.exists);
    expect(gone).toBe(false);
  });

  it("checks a per-entry expected generation on writes and deletes", async () => {
    const [a, b] = [freshKey(SET), freshKey(SET)];
    await put(a, { x: v.int(1) });
    await put(b, { x: v.int(1) });
    const res = await exec({
      entries: [
        {
          key: a,
          verb: Verb.UPDATE,
          policy: { expectedGeneration: 5 },
          operations: [{ bin: "x", op: { case: "setTo", value: v.int(2) } }],
        },
        {
          key: a,
          verb: Verb.UPDATE,
          policy: { expectedGeneration: 1 },
          operations: [{ bin: "x", op: { case: "setTo", value: v.int(2) } }],
        },
        { key: b, verb: Verb.DELETE, policy: { expectedGeneration: 9 } },
      ],
    });
    expect(res.results.map((x) => x.resultName)).toEqual([
      "GENERATION_ERROR",
      "OK",
      "GENERATION_ERROR",
    ]);
    expect(res.results[1]?.record?.generation).toBe(2);
  });

  it("leaves out missing records when respond_all_keys is false", async () => {
    const [a, missing] = [freshKey(SET), freshKey(SET)];
    await put(a, { x: v.int(1) });
    const res = await exec({
      respondAllKeys: false,
      entries: [
        { key: missing, verb: Verb.READ },
        { key: a, verb: Verb.READ },
      ],
    });
    expect(res.results.map((x) => x.index)).toEqual([1]);
  });

  it("validates the whole request before writing anything", async () => {
    const key = freshKey(SET);
    const ok = {
      key,
      verb: Verb.UPSERT,
      operations: [{ bin: "x", op: { case: "setTo" as const, value: v.int(1) } }],
    };
    await expectStatus(
      exec({ entries: [] }),
      status.INVALID_ARGUMENT,
      "INVALID_REQUEST",
      "entries",
    );
    await expectStatus(
      exec({
        entries: [
          ok,
          ok,
          ok,
          {
            key,
            verb: Verb.UPSERT,
            operations: [
              { bin: "h", op: { case: "hllInit", value: { indexBitCount: 8 } } },
              { bin: "h", op: { case: "hllInit", value: { indexBitCount: 20 } } },
            ],
          },
        ],
      }),
      status.INVALID_ARGUMENT,
      "INVALID_REQUEST",
      "entries[3].operations[1].hll_init.index_bit_count",
    );
    const exists = await gw.client.unary(RecordService.method.exists, { key });
    expect(exists.response.exists).toBe(false);
    const cases: [unknown, string][] = [
      [{ verb: Verb.READ }, "entries[0].key"],
      [
        { key: { set: SET, userKey: { case: "intValue", value: 1n } }, verb: Verb.READ },
        "entries[0].key.namespace",
      ],
      [{ key }, "entries[0].verb"],
      [
        {
          key,
          verb: Verb.READ,
          operations: [{ bin: "x", op: { case: "setTo", value: v.int(1) } }],
        },
        "entries[0].operations[0]",
      ],
      [
        { key, verb: Verb.DELETE, operations: [{ bin: "x", op: { case: "get", value: {} } }] },
        "entries[0].operations",
      ],
      [
        {
          key,
          verb: Verb.UPSERT,
          operations: [
            {
              bin: "h",
              op: {
                case: "hllAdd",
                value: { values: [v.int(1)], flags: { createOnly: true, updateOnly: true } },
              },
            },
          ],
        },
        "entries[0].operations[0].hll_add.flags",
      ],
      [
        {
          key,
          verb: Verb.UPSERT,
          operations: [
            {
              bin: "h",
              op: { case: "hllInit", value: { indexBitCount: 10, minhashBitCount: 60 } },
            },
          ],
        },
        "entries[0].operations[0].hll_init.minhash_bit_count",
      ],
      [{ key, verb: Verb.UDF }, "entries[0].udf"],
      [{ key, verb: Verb.UPSERT }, "entries[0].operations"],
    ];
    for (const [entry, field] of cases) {
      await expectStatus(
        exec({ entries: [entry] }),
        status.INVALID_ARGUMENT,
        "INVALID_REQUEST",
        field,
      );
    }
    await expectStatus(
      exec({ entries: Array.from({ length: 301 }, () => ({ key, verb: Verb.READ })) }),
      status.INVALID_ARGUMENT,
      "INVALID_REQUEST",
      "entries",
    );
  });

  it("applies the request filter and a per-entry override", async () => {
    const [a, b] = [freshKey(SET), freshKey(SET)];
    await put(a, { x: v.int(1) });
    await put(b, { x: v.int(5) });
    const res = await exec({
      filter: { source: { case: "ael", value: "$.x > 3" } },
      entries: [
        { key: a, verb: Verb.READ },
        { key: b, verb: Verb.READ },
        {
          key: a,
          verb: Verb.READ,
          filter: { source: { case: "ael", value: "$.x == ?0" }, placeholders: [v.int(1)] },
        },
      ],
    });
    expect(res.results.map((x) => x.resultName)).toEqual(["FILTERED_OUT", "OK", "OK"]);
  });
});

describe("BatchService.StreamBatch", () => {
  it("streams every result once with its index", async () => {
    const keys = Array.from({ length: 250 }, () => freshKey(SET));
    await exec({
      entries: keys.map((key, i) => ({
        key,
        verb: Verb.UPSERT,
        operations: [{ bin: "i", op: { case: "setTo" as const, value: v.int(i) } }],
      })),
    });
    const stream = gw.client.serverStream(BatchService.method.streamBatch, {
      entries: keys.map((key) => ({ key, verb: Verb.READ })),
    });
    const got = await stream.collect();
    expect(got.length).toBe(250);
    const byIndex = new Map(got.map((m) => [m.result?.index ?? -1, m.result]));
    expect([...byIndex.keys()].sort((x, y) => x - y)).toEqual(keys.map((_, i) => i));
    for (const [i, r] of byIndex) {
      expect(r?.record?.bins.i?.kind).toEqual({ case: "intValue", value: BigInt(i) });
    }
  });

  it("rejects an invalid request before streaming anything", async () => {
    const stream = gw.client.serverStream(BatchService.method.streamBatch, { entries: [] });
    await expectStatus(stream.collect(), status.INVALID_ARGUMENT, "INVALID_REQUEST", "entries");
  });

  it("rejects an entry whose bytes are not a BatchEntry, naming it, before writing anything", async () => {
    const key = freshKey(SET);
    const good = toBinary(
      BatchEntrySchema,
      create(BatchEntrySchema, {
        key,
        verb: Verb.UPSERT,
        operations: [{ bin: "i", op: { case: "setTo", value: v.int(1) } }],
      }),
    );
    // entries = 1, length-delimited; the second entry's payload is a truncated field.
    const field = (payload: Uint8Array) =>
      Buffer.concat([Buffer.from([0x0a, payload.length]), payload]);
    const bytes = Buffer.concat([field(good), field(Uint8Array.from([0x0a, 0x05, 0x01]))]);
    const path = `/${BatchService.typeName}/${BatchService.method.streamBatch.name}`;
    const s = await gw.client.serverStreamRaw(path, bytes);
    expect(s.code).toBe(status.INVALID_ARGUMENT);
    const e = new GrpcCallError(s.code, s.details, s.metadata);
    expect(e.statusDetails()?.badRequest?.fieldViolations.map((f) => f.field)).toEqual([
      "entries[1]",
    ]);
    await expectStatus(
      gw.client.unary(RecordService.method.get, { key }),
      status.NOT_FOUND,
      "AEROSPIKE_KEY_NOT_FOUND_ERROR",
    );
    // A request that is not protobuf at the top level is malformed as a whole.
    const bad = await gw.client.serverStreamRaw(path, Uint8Array.from([0x0a, 0x7f]));
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
    expect(
      new GrpcCallError(bad.code, bad.details, bad.metadata).statusDetails()?.errorInfo?.reason,
    ).toBe("MALFORMED_REQUEST");
  });

  it("stops when the caller cancels", async () => {
    const keys = Array.from({ length: 300 }, () => freshKey(SET));
    const stream = gw.client.serverStream(BatchService.method.streamBatch, {
      entries: keys.map((key) => ({ key, verb: Verb.READ })),
    });
    let n = 0;
    try {
      for await (const _ of stream) {
        n += 1;
        if (n === 1) stream.cancel();
      }
    } catch {
      // The iteration ends with the cancellation; the status says so.
    }
    const s = await stream.status;
    expect(s.code).toBe(status.CANCELLED);
    expect(n).toBeLessThan(300);
  });

  it("answers DEADLINE_EXCEEDED when the deadline has passed", async () => {
    const stream = gw.client.serverStream(
      BatchService.method.streamBatch,
      { entries: [{ key: freshKey(SET), verb: Verb.READ }] },
      { timeoutMs: 0 },
    );
    const e = await stream.collect().catch((err) => err);
    expect(e.code).toBe(status.DEADLINE_EXCEEDED);
  });
});

describe("deadlines", () => {
  it("a deadline too short for the batch ends the call with DEADLINE_EXCEEDED", async () => {
    const entries = Array.from({ length: 300 }, () => ({ key: freshKey(SET), verb: Verb.READ }));
    const e = await gw.client
      .unary(BatchService.method.executeBatch, { entries }, { timeoutMs: 1 })
      .then(() => undefined)
      .catch((err) => err);
    expect(e?.code).toBe(status.DEADLINE_EXCEEDED);
  });
});

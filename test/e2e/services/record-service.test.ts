import { status } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecordService } from "../../../gen/ts/aerogate/v1/record_pb.js";
import { Verb } from "../../../gen/ts/aerogate/v1/types_pb.js";
import { startTestGateway, type TestGateway } from "../../helpers/gateway.js";
import { expectStatus, freshKey, v } from "./helpers.js";

const SET = "e2e_record";
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw?.stop();
});

const call = {
  get: (req: Parameters<TestGateway["client"]["unary"]>[1]) =>
    gw.client.unary(RecordService.method.get, req as never).then((r) => r.response),
};

describe("RecordService", () => {
  it("puts and gets every value type losslessly", async () => {
    const key = freshKey(SET);
    const bins = {
      i: v.int(42),
      big: v.int(2n ** 62n + 1n),
      neg: v.int(-(2n ** 63n)),
      f: v.dbl(3.0),
      nz: v.dbl(-0),
      fr: v.dbl(1.5),
      s: v.str("héllo"),
      b: v.bytes([0, 1, 255]),
      t: v.bool(true),
      g: v.geo('{"type":"Point","coordinates":[1.5,2]}'),
      l: v.list(v.int(1), v.dbl(2), v.str("x"), v.list(v.dbl(-0))),
      m: v.map([v.int(2), v.str("two")], [v.int(1), v.dbl(1)], [v.bytes([9]), v.bool(false)]),
    };
    const put = await gw.client.unary(RecordService.method.put, {
      key,
      bins,
      verb: Verb.UPSERT,
    });
    expect(put.response.generation).toBe(1);
    expect(put.response.key?.digest.length).toBe(20);
    const got = await call.get({ key });
    const b = got.record?.bins ?? {};
    expect(b.i?.kind).toEqual({ case: "intValue", value: 42n });
    expect(b.big?.kind).toEqual({ case: "intValue", value: 2n ** 62n + 1n });
    expect(b.neg?.kind).toEqual({ case: "intValue", value: -(2n ** 63n) });
    expect(b.f?.kind).toEqual({ case: "doubleValue", value: 3 });
    expect(b.nz?.kind.case).toBe("doubleValue");
    expect(Object.is(b.nz?.kind.value, -0)).toBe(true);
    expect(b.fr?.kind).toEqual({ case: "doubleValue", value: 1.5 });
    expect(b.s?.kind).toEqual({ case: "stringValue", value: "héllo" });
    expect(b.b?.kind.case).toBe("bytesValue");
    expect([...((b.b?.kind.value as Uint8Array | undefined) ?? [])]).toEqual([0, 1, 255]);
    expect(b.t?.kind).toEqual({ case: "boolValue", value: true });
    expect(b.g?.kind.case).toBe("geojsonValue");
    const l = b.l?.kind.case === "listValue" ? b.l.kind.value.values : [];
    expect(l.map((x) => x.kind.case)).toEqual([
      "intValue",
      "doubleValue",
      "stringValue",
      "listValue",
    ]);
    const m = b.m?.kind.case === "mapValue" ? b.m.kind.value.entries : [];
    // Aerospike keeps maps key-ordered: ints before bytes, ascending.
    expect(m.map((e) => e.key?.kind.case)).toEqual(["intValue", "intValue", "bytesValue"]);
    expect(m[0]?.value?.kind).toEqual({ case: "doubleValue", value: 1 });
    expect(got.key?.digest).toEqual(put.response.key?.digest);
  });

  it("reads named bins and headers only", async () => {
    const key = freshKey(SET);
    await gw.client.unary(RecordService.method.put, {
      key,
      bins: { a: v.dbl(2), c: v.int(2) },
      verb: Verb.INSERT,
    });
    const named = await call.get({ key, bins: ["a"] });
    expect(Object.keys(named.record?.bins ?? {})).toEqual(["a"]);
    expect(named.record?.bins.a?.kind).toEqual({ case: "doubleValue", value: 2 });
    const head = await call.get({ key, headersOnly: true });
    expect(head.record?.bins).toEqual({});
    expect(head.record?.generation).toBe(1);
    expect(head.record?.expiration?.kind.case).toBe("never");
  });

  it("answers NOT_FOUND for a missing record and Exists false", async () => {
    const key = freshKey(SET);
    await expectStatus(call.get({ key }), status.NOT_FOUND, "AEROSPIKE_KEY_NOT_FOUND_ERROR");
    const ex = await gw.client.unary(RecordService.method.exists, { key });
    expect(ex.response.exists).toBe(false);
  });

  it("honours verbs, generations, delete and touch", async () => {
    const key = freshKey(SET);
    await expectStatus(
      gw.client.unary(RecordService.method.put, { key, bins: { a: v.int(1) }, verb: Verb.UPDATE }),
      status.NOT_FOUND,
      "AEROSPIKE_KEY_NOT_FOUND_ERROR",
    );
    await gw.client.unary(RecordService.method.put, {
      key,
      bins: { a: v.int(1) },
      verb: Verb.INSERT,
    });
    await expectStatus(
      gw.client.unary(RecordService.method.put, { key, bins: { a: v.int(1) }, verb: Verb.INSERT }),
      status.ALREADY_EXISTS,
      "AEROSPIKE_KEY_EXISTS_ERROR",
    );
    await expectStatus(
      gw.client.unary(RecordService.method.put, {
        key,
        bins: { a: v.int(2) },
        verb: Verb.UPDATE,
        policy: { expectedGeneration: 7 },
      }),
      status.ABORTED,
      "AEROSPIKE_GENERATION_ERROR",
    );
    const ok = await gw.client.unary(RecordService.method.put, {
      key,
      bins: { a: v.int(2) },
      verb: Verb.UPDATE,
      policy: { expectedGeneration: 1, expiration: { kind: { case: "seconds", value: 1000 } } },
    });
    expect(ok.response.generation).toBe(2);
    expect(ok.response.expiration?.kind.case).toBe("seconds");
    const touched = await gw.client.unary(RecordService.method.touch, {
      key,
      policy: { expiration: { kind: { case: "seconds", value: 500 } } },
    });
    expect(touched.response.generation).toBe(3);
    const ex = await gw.client.unary(RecordService.method.exists, { key });
    expect(ex.response.exists).toBe(true);
    expect(ex.response.record?.generation).toBe(3);
    const del = await gw.client.unary(RecordService.method.delete, { key });
    expect(del.response.existed).toBe(true);
    const again = await gw.client.unary(RecordService.method.delete, { key });
    expect(again.response.existed).toBe(false);
    await expectStatus(
      gw.client.unary(RecordService.method.touch, { key }),
      status.NOT_FOUND,
      "AEROSPIKE_KEY_NOT_FOUND_ERROR",
    );
  });

  it("replaces bins with REPLACE and removes bins with null", async () => {
    const key = freshKey(SET);
    await gw.client.unary(RecordService.method.put, {
      key,
      bins: { a: v.int(1), b: v.int(2) },
      verb: Verb.UPSERT,
    });
    await gw.client.unary(RecordService.method.put, {
      key,
      bins: { c: v.int(3) },
      verb: Verb.REPLACE,
    });
    expect(Object.keys((await call.get({ key })).record?.bins ?? {}).sort()).toEqual(["c"]);
    await gw.client.unary(RecordService.method.put, {
      key,
      bins: { c: v.nil(), d: v.str("x") },
      verb: Verb.REPLACE_IF_EXISTS,
    });
    expect(Object.keys((await call.get({ key })).record?.bins ?? {})).toEqual(["d"]);
  });

  it("returns positional results for several operations on one bin", async () => {
    const key = freshKey(SET);
    const res = await gw.client.unary(RecordService.method.operate, {
      key,
      verb: Verb.UPSERT,
      operations: [
        { bin: "n", op: { case: "setTo", value: v.int(1) } },
        { bin: "n", op: { case: "get", value: {} } },
        { bin: "n", op: { case: "add", value: v.int(5) } },
        { bin: "n", op: { case: "get", value: {} } },
        { bin: "f", op: { case: "setTo", value: v.dbl(3) } },
        { bin: "f", op: { case: "get", value: {} } },
        { bin: "s", op: { case: "setTo", value: v.str("b") } },
        { bin: "s", op: { case: "append", value: "c" } },
        { bin: "s", op: { case: "prepend", value: "a" } },
        { bin: "s", op: { case: "get", value: {} } },
      ],
    });
    const r = res.response.operationResults.map((x) => x.kind);
    expect(r[0]?.case).toBeUndefined();
    expect(r[1]).toEqual({ case: "intValue", value: 1n });
    expect(r[2]?.case).toBeUndefined();
    expect(r[3]).toEqual({ case: "intValue", value: 6n });
    expect(r[5]).toEqual({ case: "doubleValue", value: 3 });
    expect(r[9]).toEqual({ case: "stringValue", value: "abc" });
    expect(res.response.record?.generation).toBe(1);
  });

  it("deletes and touches atomically in operate", async () => {
    const key = freshKey(SET);
    await gw.client.unary(RecordService.method.put, {
      key,
      bins: { a: v.int(1) },
      verb: Verb.UPSERT,
    });
    const res = await gw.client.unary(RecordService.method.operate, {
      key,
      verb: Verb.UPDATE,
      operations: [
        { bin: "a", op: { case: "get", value: {} } },
        { op: { case: "deleteRecord", value: {} } },
      ],
    });
    expect(res.response.operationResults[0]?.kind).toEqual({ case: "intValue", value: 1n });
    await expectStatus(call.get({ key }), status.NOT_FOUND, "AEROSPIKE_KEY_NOT_FOUND_ERROR");
  });

  it("rejects invalid requests with field violations", async () => {
    const key = freshKey(SET);
    await expectStatus(
      gw.client.unary(RecordService.method.put, { key, bins: { a: v.int(1) } }),
      status.INVALID_ARGUMENT,
      "INVALID_REQUEST",
      "verb",
    );
    await expectStatus(
      gw.client.unary(RecordService.method.get, {
        key: { set: SET, userKey: { case: "intValue", value: 1n } },
      }),
      status.INVALID_ARGUMENT,
      "INVALID_REQUEST",
      "key.namespace",
    );
    await expectStatus(
      gw.client.unary(RecordService.method.operate, {
        key,
        verb: Verb.READ,
        operations: [{ bin: "a", op: { case: "setTo", value: v.int(1) } }],
      }),
      status.INVALID_ARGUMENT,
      "INVALID_REQUEST",
      "operations[0]",
    );
    await expectStatus(
      gw.client.unary(RecordService.method.operate, {
        key,
        verb: Verb.UPSERT,
        operations: [{ bin: "h", op: { case: "hllInit", value: { indexBitCount: 17 } } }],
      }),
      status.INVALID_ARGUMENT,
      "INVALID_REQUEST",
      "operations[0].hll_init.index_bit_count",
    );
    await expectStatus(
      gw.client.unary(RecordService.method.put, {
        key,
        verb: Verb.UPSERT,
        bins: { waytoolongbinname: v.int(1) },
      }),
      status.INVALID_ARGUMENT,
      "INVALID_REQUEST",
    );
  });

  it("turns an expired deadline into DEADLINE_EXCEEDED", async () => {
    const key = freshKey(SET);
    const e = await expectStatus(
      gw.client.unary(RecordService.method.get, { key }, { timeoutMs: 0 }),
      status.DEADLINE_EXCEEDED,
      "DEADLINE_EXCEEDED",
    ).catch((err) => err);
    expect(e).toBeDefined();
  });

  it("deletes with a generation check and reads by digest alone", async () => {
    const key = freshKey(SET);
    const put = await gw.client.unary(RecordService.method.put, {
      key,
      bins: { a: v.int(1) },
      verb: Verb.UPSERT,
    });
    const digest = put.response.key?.digest ?? new Uint8Array();
    const byDigest = await call.get({ key: { namespace: "test", set: SET, digest } });
    expect(byDigest.record?.bins.a?.kind).toEqual({ case: "intValue", value: 1n });
    expect(byDigest.key?.digest).toEqual(digest);
    await expectStatus(
      gw.client.unary(RecordService.method.delete, { key, policy: { expectedGeneration: 9 } }),
      status.ABORTED,
      "AEROSPIKE_GENERATION_ERROR",
    );
    const del = await gw.client.unary(RecordService.method.delete, {
      key,
      policy: { expectedGeneration: 1 },
    });
    expect(del.response.existed).toBe(true);
  });
});

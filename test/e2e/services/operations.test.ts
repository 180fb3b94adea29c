import { status } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Operation } from "../../../gen/ts/aerogate/v1/operation_pb.js";
import { RecordService } from "../../../gen/ts/aerogate/v1/record_pb.js";
import { type Key, Verb } from "../../../gen/ts/aerogate/v1/types_pb.js";
import { startTestGateway, type TestGateway } from "../../helpers/gateway.js";
import { expectStatus, freshKey, v } from "./helpers.js";

const SET = "e2e_ops";
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw?.stop();
});

type OpInit = Parameters<typeof op>[0];
function op(o: { bin?: string; op: Operation["op"] | { case: string; value: unknown } }) {
  return o as never;
}

const operate = (key: Key, operations: OpInit[], verb = Verb.UPSERT) =>
  gw.client
    .unary(RecordService.method.operate, { key, verb, operations: operations.map(op) })
    .then((r) => r.response);

const ael = (text: string, ...placeholders: ReturnType<typeof v.int>[]) => ({
  source: { case: "ael" as const, value: text },
  placeholders,
});

describe("expression operations", () => {
  it("select_from returns the expression's value with its type", async () => {
    const key = freshKey(SET);
    await operate(key, [{ bin: "a", op: { case: "setTo", value: v.int(4) } }]);
    const res = await operate(
      key,
      [
        { bin: "r1", op: { case: "selectFrom", value: { expression: ael("$.a * 2") } } },
        { bin: "r2", op: { case: "selectFrom", value: { expression: ael("2.0 * 1.5") } } },
        { bin: "r3", op: { case: "selectFrom", value: { expression: ael("$.a > ?0", v.int(3)) } } },
        {
          bin: "r4",
          op: {
            case: "selectFrom",
            value: { expression: ael("$.missing.get(type: INT) + 1"), ignoreEvalFailure: true },
          },
        },
      ],
      Verb.READ,
    );
    const r = res.operationResults.map((x) => x.kind);
    expect(r[0]).toEqual({ case: "intValue", value: 8n });
    expect(r[1]).toEqual({ case: "doubleValue", value: 3 });
    expect(r[2]).toEqual({ case: "boolValue", value: true });
    expect(r[3]?.case === undefined || r[3]?.case === "nullValue").toBe(true);
  });

  it("insert_from, update_from and upsert_from honour their flags", async () => {
    const key = freshKey(SET);
    await operate(key, [{ bin: "a", op: { case: "setTo", value: v.int(1) } }]);
    await expectStatus(
      operate(key, [{ bin: "a", op: { case: "insertFrom", value: { expression: ael("5") } } }]),
      status.ALREADY_EXISTS,
      "AEROSPIKE_BIN_EXISTS_ERROR",
    );
    await expectStatus(
      operate(key, [{ bin: "zz", op: { case: "updateFrom", value: { expression: ael("5") } } }]),
      status.FAILED_PRECONDITION,
      "AEROSPIKE_BIN_NOT_FOUND",
    );
    const res = await operate(key, [
      {
        bin: "a",
        op: { case: "insertFrom", value: { expression: ael("5"), ignoreOpFailure: true } },
      },
      { bin: "b", op: { case: "insertFrom", value: { expression: ael("$.a + 10") } } },
      { bin: "a", op: { case: "updateFrom", value: { expression: ael("$.a + 1") } } },
      {
        bin: "c",
        op: {
          case: "upsertFrom",
          value: { expression: ael("$.nope.get(type: INT) + 1"), ignoreEvalFailure: true },
        },
      },
      { bin: "a", op: { case: "get", value: {} } },
      { bin: "b", op: { case: "get", value: {} } },
    ]);
    expect(res.operationResults[4]?.kind).toEqual({ case: "intValue", value: 2n });
    expect(res.operationResults[5]?.kind).toEqual({ case: "intValue", value: 11n });
    await expectStatus(
      operate(key, [
        {
          bin: "a",
          op: { case: "upsertFrom", value: { expression: ael("$.nope.get(type: INT) + 1") } },
        },
      ]),
      status.FAILED_PRECONDITION,
      "AEROSPIKE_OP_NOT_APPLICABLE",
    );
    const del = await operate(key, [
      {
        bin: "b",
        op: { case: "upsertFrom", value: { expression: ael("?0", v.nil()), deleteIfNull: true } },
      },
      { bin: "b", op: { case: "get", value: {} } },
    ]);
    expect(del.operationResults[1]?.kind.case).toBe("nullValue");
  });

  it("rejects invalid expression text with INVALID_EXPRESSION", async () => {
    const key = freshKey(SET);
    await expectStatus(
      operate(
        key,
        [{ bin: "r", op: { case: "selectFrom", value: { expression: ael("$.a +") } } }],
        Verb.READ,
      ),
      status.INVALID_ARGUMENT,
      "INVALID_EXPRESSION",
      "operations[0].select_from.expression.ael",
    );
  });

  it("filters: false is FAILED_PRECONDITION with AEROSPIKE_FILTERED_OUT", async () => {
    const key = freshKey(SET);
    await operate(key, [{ bin: "a", op: { case: "setTo", value: v.int(1) } }]);
    await expectStatus(
      gw.client.unary(RecordService.method.get, { key, filter: ael("$.a == 2") }),
      status.FAILED_PRECONDITION,
      "AEROSPIKE_FILTERED_OUT",
    );
    const ok = await gw.client.unary(RecordService.method.get, { key, filter: ael("$.a == 1") });
    expect(ok.response.record?.bins.a?.kind).toEqual({ case: "intValue", value: 1n });
    const ex = await gw.client.unary(RecordService.method.exists, { key, filter: ael("$.a == 2") });
    expect(ex.response.exists).toBe(false);
  });
});

describe("scalar operation errors", () => {
  it("maps type errors and parameter errors per the table", async () => {
    const key = freshKey(SET);
    await operate(key, [{ bin: "s", op: { case: "setTo", value: v.str("x") } }]);
    await expectStatus(
      operate(key, [{ bin: "s", op: { case: "add", value: v.int(1) } }]),
      status.FAILED_PRECONDITION,
      "AEROSPIKE_BIN_TYPE_ERROR",
    );
    await expectStatus(
      operate(key, [{ bin: "s", op: { case: "add", value: v.int(2n ** 60n) } }]),
      status.INVALID_ARGUMENT,
      "INVALID_REQUEST",
      "operations[0].add",
    );
  });

  it("writes int64 beyond 2^53 through operate", async () => {
    const key = freshKey(SET);
    const res = await operate(key, [
      { bin: "b", op: { case: "setTo", value: v.int(2n ** 60n + 3n) } },
      { bin: "b", op: { case: "get", value: {} } },
    ]);
    expect(res.operationResults[1]?.kind).toEqual({ case: "intValue", value: 2n ** 60n + 3n });
  });
});

describe("HyperLogLog operations", () => {
  const sketchOf = async (values: number[]) => {
    const key = freshKey(SET, "hll");
    const res = await operate(key, [
      {
        bin: "h",
        op: { case: "hllAdd", value: { values: values.map((x) => v.int(x)), indexBitCount: 8 } },
      },
      { bin: "h", op: { case: "get", value: {} } },
    ]);
    const h = res.operationResults[1]?.kind;
    if (h?.case !== "hllValue") throw new Error(`expected an HLL, got ${h?.case}`);
    return h.value;
  };

  it("runs all eleven operations with positional results", async () => {
    const key = freshKey(SET, "hll");
    const other = await sketchOf([3, 4, 5, 6]);
    const first = await operate(key, [
      { bin: "h", op: { case: "hllInit", value: { indexBitCount: 10 } } },
      {
        bin: "h",
        op: { case: "hllAdd", value: { values: [v.int(1), v.int(2), v.int(3), v.str("x")] } },
      },
      { bin: "h", op: { case: "hllGetCount", value: {} } },
    ]);
    expect(first.operationResults.map((x) => x.kind.value)).toEqual([undefined, 4n, 4n]);
    const res = await operate(key, [
      { bin: "h", op: { case: "hllGetCount", value: {} } },
      { bin: "h", op: { case: "hllGetCount", value: {} } },
      { bin: "h", op: { case: "hllGetCount", value: {} } },
      { bin: "h", op: { case: "hllDescribe", value: {} } },
      { bin: "h", op: { case: "hllGetUnionCount", value: { sketches: [other] } } },
      { bin: "h", op: { case: "hllGetIntersectCount", value: { sketches: [other] } } },
      { bin: "h", op: { case: "hllGetSimilarity", value: { sketches: [other] } } },
      { bin: "h", op: { case: "hllGetUnion", value: { sketches: [other] } } },
      {
        bin: "h",
        op: { case: "hllSetUnion", value: { sketches: [other], flags: { allowFold: true } } },
      },
      { bin: "h", op: { case: "hllRefreshCount", value: {} } },
      { bin: "h", op: { case: "hllFold", value: { indexBitCount: 6 } } },
      { bin: "h", op: { case: "hllDescribe", value: {} } },
      { bin: "h", op: { case: "hllGetCount", value: {} } },
    ]);
    const r = res.operationResults.map((x) => x.kind);
    expect(r[0]).toEqual({ case: "intValue", value: 4n });
    expect(r[1]).toEqual({ case: "intValue", value: 4n });
    expect(r[2]).toEqual({ case: "intValue", value: 4n });
    expect(r[3]?.case).toBe("listValue");
    const desc = r[3]?.case === "listValue" ? r[3].value.values.map((x) => x.kind.value) : [];
    expect(desc).toEqual([10n, 0n]);
    expect(r[4]).toEqual({ case: "intValue", value: 7n });
    expect(r[5]?.case).toBe("intValue");
    expect(r[6]?.case).toBe("doubleValue");
    expect(r[7]?.case).toBe("hllValue");
    expect(r[9]).toEqual({ case: "intValue", value: 7n });
    const desc2 = r[11]?.case === "listValue" ? r[11].value.values.map((x) => x.kind.value) : [];
    expect(desc2).toEqual([6n, 0n]);
    expect(r[12]?.case).toBe("intValue");
  });

  it("honours the write flags", async () => {
    const key = freshKey(SET, "hll");
    await operate(key, [{ bin: "h", op: { case: "hllInit", value: { indexBitCount: 8 } } }]);
    await expectStatus(
      operate(key, [
        {
          bin: "h",
          op: { case: "hllInit", value: { indexBitCount: 8, flags: { createOnly: true } } },
        },
      ]),
      status.ALREADY_EXISTS,
      "AEROSPIKE_BIN_EXISTS_ERROR",
    );
    await operate(key, [
      {
        bin: "h",
        op: {
          case: "hllInit",
          value: { indexBitCount: 8, flags: { createOnly: true, noFail: true } },
        },
      },
    ]);
    await expectStatus(
      operate(key, [
        {
          bin: "g",
          op: { case: "hllInit", value: { indexBitCount: 8, flags: { updateOnly: true } } },
        },
      ]),
      status.FAILED_PRECONDITION,
      "AEROSPIKE_BIN_NOT_FOUND",
    );
    await expectStatus(
      operate(key, [{ bin: "g", op: { case: "hllAdd", value: { values: [v.int(1)] } } }]),
      status.FAILED_PRECONDITION,
      "AEROSPIKE_OP_NOT_APPLICABLE",
    );
    const other = await sketchOf([1, 2]);
    const small = await operate(freshKey(SET, "hll"), [
      { bin: "h", op: { case: "hllInit", value: { indexBitCount: 4 } } },
    ]);
    expect(small.record?.generation).toBe(1);
    await expectStatus(
      operate(key, [
        { bin: "s", op: { case: "setTo", value: v.str("x") } },
        { bin: "s", op: { case: "hllGetCount", value: {} } },
      ]),
      status.FAILED_PRECONDITION,
      "AEROSPIKE_BIN_TYPE_ERROR",
    );
    const added = await operate(key, [
      {
        bin: "n",
        op: {
          case: "hllAdd",
          value: {
            values: [v.int(1)],
            indexBitCount: 12,
            minhashBitCount: 4,
            flags: { createOnly: true },
          },
        },
      },
      { bin: "n", op: { case: "hllDescribe", value: {} } },
    ]);
    expect(added.operationResults[0]?.kind).toEqual({ case: "intValue", value: 1n });
    const described = added.operationResults[1]?.kind;
    const bits =
      described?.case === "listValue" ? described.value.values.map((x) => x.kind.value) : [];
    expect(bits).toEqual([12n, 4n]);
    await expectStatus(
      operate(key, [{ bin: "n", op: { case: "hllSetUnion", value: { sketches: [other] } } }]),
      status.FAILED_PRECONDITION,
      "AEROSPIKE_OP_NOT_APPLICABLE",
    );
    await operate(key, [
      {
        bin: "n",
        op: { case: "hllSetUnion", value: { sketches: [other], flags: { allowFold: true } } },
      },
    ]);
  });

  it("reports a limitation for a counted HLL write followed by another op on the bin", async () => {
    const key = freshKey(SET, "hll");
    await expectStatus(
      operate(key, [
        { bin: "h", op: { case: "hllAdd", value: { values: [v.int(1)], indexBitCount: 8 } } },
        { bin: "h", op: { case: "hllAdd", value: { values: [v.int(2)] } } },
      ]),
      status.INVALID_ARGUMENT,
      "INVALID_REQUEST",
      "operations[0]",
    );
  });
});

import { create } from "@bufbuild/protobuf";
import { status } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExpressionService } from "../../../gen/ts/aerogate/v1/expression_pb.js";
import { OperationSchema } from "../../../gen/ts/aerogate/v1/operation_pb.js";
import { RecordService } from "../../../gen/ts/aerogate/v1/record_pb.js";
import { Verb } from "../../../gen/ts/aerogate/v1/types_pb.js";
import { startTestGateway, type TestGateway } from "../../helpers/gateway.js";
import { expectStatus, freshKey, v } from "./helpers.js";

const SET = "e2e_ael";
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw?.stop();
});

const check = (ael: string, placeholders: ReturnType<typeof v.int>[] = []) =>
  gw.client
    .unary(ExpressionService.method.checkExpression, {
      expression: { source: { case: "ael", value: ael }, placeholders },
    })
    .then((r) => r.response);

describe("ExpressionService.CheckExpression", () => {
  it.each([
    ["$.age >= 18 and $.country == 'NL'", []],
    ["$.age >= ?0", [v.int(18)]],
    ["$.tags.[0] == 'a'", []],
    ["hllCount($.h) > 10", []],
  ])("accepts %s", async (text, placeholders) => {
    const res = await check(text, placeholders);
    expect(res).toMatchObject({ valid: true, problems: [] });
  });

  it.each([
    ["$.age >= ", 9],
    ["$.age >>> 1 ==", 0],
    ["$.a == 'x' and ", 15],
    ["$.age >= ?0", 9],
  ])("reports %s as invalid with a position", async (text, minPosition) => {
    const res = await check(text);
    expect(res.valid).toBe(false);
    expect(res.problems.length).toBeGreaterThan(0);
    expect(res.problems[0]?.message).not.toBe("");
    expect(res.problems[0]?.position).toBeGreaterThanOrEqual(minPosition);
    expect(res.problems[0]?.position).toBeLessThanOrEqual(text.length);
  });

  it("rejects a request without expression text as INVALID_ARGUMENT naming the field", async () => {
    const e = await expectStatus(
      gw.client.unary(ExpressionService.method.checkExpression, {}),
      status.INVALID_ARGUMENT,
      "INVALID_EXPRESSION",
    );
    expect(e.statusDetails()?.badRequest?.fieldViolations[0]?.field).toMatch(/^expression/);
  });
});

describe("AEL through the record service", () => {
  it("filters Get with a placeholder, and a placeholder never changes the expression", async () => {
    const key = freshKey(SET);
    await gw.client.unary(RecordService.method.put, {
      key,
      verb: Verb.UPSERT,
      bins: { name: v.str("ann"), age: v.int(30) },
    });
    const filter = (ael: string, ...placeholders: ReturnType<typeof v.int>[]) => ({
      source: { case: "ael" as const, value: ael },
      placeholders,
    });
    const got = await gw.client.unary(RecordService.method.get, {
      key,
      filter: filter("$.age >= ?0 and $.name == ?1", v.int(18), v.str("ann")),
    });
    expect(got.response.record?.bins.age?.kind).toEqual({ case: "intValue", value: 30n });

    // Injection attempt: the text is compared as a string value, so the filter is simply false.
    await expectStatus(
      gw.client.unary(RecordService.method.get, {
        key,
        filter: filter("$.name == ?0", v.str("x' or true or $.name == 'ann")),
      }),
      status.FAILED_PRECONDITION,
      "AEROSPIKE_FILTERED_OUT",
    );
  });

  it("rejects a bad filter as INVALID_EXPRESSION naming the field and position", async () => {
    const e = await expectStatus(
      gw.client.unary(RecordService.method.get, {
        key: freshKey(SET),
        filter: { source: { case: "ael", value: "$.age >= " } },
      }),
      status.INVALID_ARGUMENT,
      "INVALID_EXPRESSION",
    );
    const violation = e.statusDetails()?.badRequest?.fieldViolations[0];
    expect(violation?.field).toMatch(/^filter/);
    expect(violation?.description).toMatch(/offset \d+/);
  });

  it("computes a bin with upsert_from and reads it with select_from", async () => {
    const key = freshKey(SET);
    await gw.client.unary(RecordService.method.put, {
      key,
      verb: Verb.UPSERT,
      bins: { a: v.int(5), b: v.int(7) },
    });
    const res = await gw.client.unary(RecordService.method.operate, {
      key,
      verb: Verb.UPDATE,
      operations: [
        create(OperationSchema, {
          bin: "sum",
          op: {
            case: "upsertFrom",
            value: {
              expression: {
                source: { case: "ael", value: "$.a + $.b + ?0" },
                placeholders: [v.int(100)],
              },
            },
          },
        }),
        create(OperationSchema, {
          bin: "twice",
          op: {
            case: "selectFrom",
            value: { expression: { source: { case: "ael", value: "$.sum * 2" } } },
          },
        }),
      ],
    });
    expect(res.response.operationResults[1]?.kind).toEqual({ case: "intValue", value: 224n });
    const got = await gw.client.unary(RecordService.method.get, { key, bins: ["sum"] });
    expect(got.response.record?.bins.sum?.kind).toEqual({ case: "intValue", value: 112n });
  });
});

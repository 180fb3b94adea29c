import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { status } from "@grpc/grpc-js";
import Aerospike from "aerospike";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchService } from "../../../gen/ts/aerogate/v1/batch_pb.js";
import { RecordService } from "../../../gen/ts/aerogate/v1/record_pb.js";
import { Verb } from "../../../gen/ts/aerogate/v1/types_pb.js";
import { startTestGateway, type TestGateway } from "../../helpers/gateway.js";
import { expectStatus, failure, freshKey, v } from "./helpers.js";

const SET = "e2e_extras";
let gw: TestGateway;
let direct: Aerospike.Client;

const LUA = `
function hello(rec, name)
  return "hi " .. name
end

function boom(rec)
  error("boom", 0)
end

function setx(rec, value)
  rec["x"] = value
  if aerospike:exists(rec) then aerospike:update(rec) else aerospike:create(rec) end
  return value
end
`;

beforeAll(async () => {
  gw = await startTestGateway();
  const seed = gw.gateway.aerospikeHosts[0];
  direct = await Aerospike.connect({
    hosts: [{ addr: seed?.host ?? "127.0.0.1", port: seed?.port ?? 3000 }],
    log: { level: Aerospike.log.OFF },
  } as never);
  const dir = mkdtempSync(join(tmpdir(), "aerogate-udf-"));
  const file = join(dir, "gwbatch.lua");
  writeFileSync(file, LUA);
  const job = await direct.udfRegister(file);
  await job.wait(50);
});
afterAll(async () => {
  direct?.close(false);
  await gw?.stop();
});

const exec = (req: Parameters<TestGateway["client"]["unary"]>[1]) =>
  gw.client.unary(BatchService.method.executeBatch, req as never).then((r) => r.response);

describe("BatchService UDF entries", () => {
  it("returns each UDF row's result or failure", async () => {
    const [a, b] = [freshKey(SET), freshKey(SET)];
    await gw.client.unary(RecordService.method.put, {
      key: a,
      bins: { x: v.int(1) },
      verb: Verb.UPSERT,
    });
    const res = await exec({
      entries: [
        {
          key: a,
          verb: Verb.UDF,
          udf: { package: "gwbatch", function: "hello", args: [v.str("bob")] },
        },
        { key: a, verb: Verb.UDF, udf: { package: "gwbatch", function: "boom" } },
        { key: b, verb: Verb.UDF, udf: { package: "gwbatch", function: "setx", args: [v.int(7)] } },
      ],
    });
    const r = res.results;
    expect(r.map((x) => x.resultName)).toEqual(["OK", "UDF_BAD_RESPONSE", "OK"]);
    const after = await gw.client.unary(RecordService.method.get, { key: b });
    expect(after.response.record?.bins.x?.kind).toEqual({ case: "intValue", value: 7n });
    expect(r[0]?.udfResult?.kind).toEqual({ case: "stringValue", value: "hi bob" });
    expect(r[1]?.resultCode).toBe(100);
    expect(r[1]?.message).toContain("boom");
    expect(r[2]?.udfResult?.kind).toEqual({ case: "intValue", value: 7n });
  });

  it("keeps per-row outcomes when every UDF row fails", async () => {
    const res = await exec({
      entries: [
        { key: freshKey(SET), verb: Verb.UDF, udf: { package: "gwbatch", function: "boom" } },
        { key: freshKey(SET), verb: Verb.UDF, udf: { package: "gwbatch", function: "nope" } },
      ],
    });
    expect(res.results.map((x) => x.resultCode)).toEqual([100, 100]);
    expect(res.results.map((x) => x.index)).toEqual([0, 1]);
  });
});

describe("server facts and client gaps", () => {
  it("durable delete on a Community server is FAILED_PRECONDITION (ENTERPRISE_ONLY)", async () => {
    const key = freshKey(SET);
    await gw.client.unary(RecordService.method.put, {
      key,
      bins: { x: v.int(1) },
      verb: Verb.UPSERT,
    });
    const e = await failure(
      gw.client.unary(RecordService.method.delete, { key, policy: { durableDelete: true } }),
    );
    if (e.code === status.FAILED_PRECONDITION) {
      expect(e.statusDetails()?.errorInfo?.reason).toBe("AEROSPIKE_ENTERPRISE_ONLY");
      expect(e.statusDetails()?.errorInfo?.metadata.result_code).toBe("25");
    } else {
      throw new Error(`unexpected ${e.message}`);
    }
  });

  it("a burst of per-record errors does not trip the client's error-rate breaker", async () => {
    const missing = Array.from({ length: 3000 }, () => ({
      key: freshKey(SET, "miss"),
      verb: Verb.READ,
    }));
    const res = await exec({ entries: missing });
    expect(res.results.every((x) => x.resultCode === 2)).toBe(true);
    for (let i = 0; i < 200; i++) {
      await expectStatus(
        gw.client.unary(RecordService.method.get, { key: freshKey(SET, "miss") }),
        status.NOT_FOUND,
        "AEROSPIKE_KEY_NOT_FOUND_ERROR",
      );
    }
    const key = freshKey(SET);
    await gw.client.unary(RecordService.method.put, {
      key,
      bins: { x: v.int(1) },
      verb: Verb.UPSERT,
    });
    const got = await gw.client.unary(RecordService.method.get, { key });
    expect(got.response.record?.bins.x?.kind).toEqual({ case: "intValue", value: 1n });
  });

  it("error metadata carries result_code and in_doubt", async () => {
    const e = await expectStatus(
      gw.client.unary(RecordService.method.get, { key: freshKey(SET) }),
      status.NOT_FOUND,
      "AEROSPIKE_KEY_NOT_FOUND_ERROR",
    );
    expect(e.statusDetails()?.errorInfo?.metadata).toMatchObject({
      result_code: "2",
      in_doubt: "false",
    });
    expect(e.statusDetails()?.errorInfo?.domain).toBe("aerogate");
  });
});

describe("an unreachable cluster", () => {
  it("answers UNAVAILABLE with RetryInfo", async () => {
    const down = await startTestGateway(["--aerospike-hosts", "127.0.0.1:9"]);
    try {
      const e = await failure(down.client.unary(RecordService.method.get, { key: freshKey(SET) }));
      expect(e.code).toBe(status.UNAVAILABLE);
      expect(e.statusDetails()?.retryInfo).toBeDefined();
      const b = await failure(
        down.client.unary(BatchService.method.executeBatch, {
          entries: [{ key: freshKey(SET), verb: Verb.READ }],
        }),
      );
      expect(b.code).toBe(status.UNAVAILABLE);
    } finally {
      await down.stop();
    }
  });
});

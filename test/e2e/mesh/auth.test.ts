import { status } from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchService } from "../../../gen/ts/aerogate/v1/batch_pb.js";
import { ExpressionService } from "../../../gen/ts/aerogate/v1/expression_pb.js";
import { RecordService } from "../../../gen/ts/aerogate/v1/record_pb.js";
import { TaskService } from "../../../gen/ts/aerogate/v1/task_pb.js";
import { Verb } from "../../../gen/ts/aerogate/v1/types_pb.js";
import { UdfService } from "../../../gen/ts/aerogate/v1/udf_pb.js";
import { Health } from "../../../gen/ts/grpc/health/v1/health_pb.js";
import { startTestGateway, type TestGateway } from "../../helpers/gateway.js";
import { expectCallError } from "../../helpers/grpc-client.js";
import { freshKey, v } from "../services/helpers.js";
import { bearer, makeIssuer, type ScratchDir, scratchDir, type TestIssuer } from "./helpers.js";

const ISSUER = "https://issuer.aerogate.test";
const AUDIENCE = "aerogate";
const TOKENS = {
  reader: "reader-token-0123456789abcdef",
  writer: "writer-token-0123456789abcdef",
  admin: "admin-token-0123456789abcdef0",
  other: "other-token-0123456789abcdef0",
};
const GRANTS = {
  principals: {
    reader: { read: ["test"] },
    writer: { write: ["test/mesh_auth"] },
    admin: { admin: ["*"] },
    other: { write: ["other"] },
    alice: { read: ["test"], write: ["test"] },
  },
};

let dir: ScratchDir;
let issuer: TestIssuer;
let gw: TestGateway;

beforeAll(async () => {
  dir = scratchDir();
  issuer = await makeIssuer("k1", ISSUER, AUDIENCE);
  const tokens = Object.entries(TOKENS)
    .map(([p, t]) => `${p} ${t}`)
    .join("\n");
  gw = await startTestGateway([
    "--auth",
    "--auth-tokens-file",
    dir.file("tokens.txt", `# principal token\n${tokens}\n`),
    "--auth-grants-file",
    dir.file("grants.json", JSON.stringify(GRANTS)),
    "--auth-jwks",
    dir.file("jwks.json", JSON.stringify(issuer.jwks)),
    "--auth-jwt-issuer",
    ISSUER,
    "--auth-jwt-audience",
    AUDIENCE,
  ]);
});
afterAll(async () => {
  await gw?.stop();
  dir?.remove();
});

const SET = "mesh_auth";

/** Puts a record as `token`. */
function put(token: string | undefined, key = freshKey(SET), metadata?: Record<string, string>) {
  return gw.client.unary(
    RecordService.method.put,
    { key, bins: { n: v.int(1) }, verb: Verb.UPSERT },
    { metadata: metadata ?? (token === undefined ? {} : bearer(token)) },
  );
}

/** Asserts that a key holds no record (read with the admin token). */
async function expectAbsent(key: ReturnType<typeof freshKey>): Promise<void> {
  const err = await expectCallError(
    gw.client.unary(RecordService.method.get, { key }, { metadata: bearer(TOKENS.admin) }),
  );
  expect(err.code).toBe(status.NOT_FOUND);
}

/** Asserts a refused call's code and ErrorInfo reason. */
async function expectRefused(call: Promise<unknown>, code: status, reason: string) {
  const err = await expectCallError(call);
  expect({ code: status[err.code], reason: err.statusDetails()?.errorInfo?.reason }).toEqual({
    code: status[code],
    reason,
  });
  expect(err.metadata.get("x-request-id")).toHaveLength(1);
  return err;
}

describe("authentication and authorization", () => {
  it("logs at start that auth is on", () => {
    expect(gw.logs.some((l) => l.msg === "authentication enabled")).toBe(true);
    expect(gw.logs.some((l) => l.msg?.toString().startsWith("authentication disabled"))).toBe(
      false,
    );
  });

  it("serves health without credentials", async () => {
    const r = await gw.client.unary(Health.method.check, { service: "" });
    expect(r.response.status).toBeGreaterThan(0);
  });

  const unauthenticated: [string, () => Promise<Record<string, string>>, string][] = [
    ["no credentials", async () => ({}), "MISSING_CREDENTIALS"],
    [
      "a malformed header",
      async () => ({ authorization: "Basic dXNlcjpwYXNz" }),
      "MALFORMED_CREDENTIALS",
    ],
    ["an unknown static token", async () => bearer("nope-0123456789abcdef-nope"), "INVALID_TOKEN"],
    [
      "a JWT with a wrong signature",
      async () => {
        const forger = await makeIssuer("k1", ISSUER, AUDIENCE);
        return bearer(await forger.sign({ sub: "alice" }));
      },
      "INVALID_TOKEN",
    ],
    [
      "an expired JWT",
      async () =>
        bearer(
          await issuer.sign({ sub: "alice" }, { expiresIn: Math.floor(Date.now() / 1000) - 60 }),
        ),
      "TOKEN_EXPIRED",
    ],
    [
      "a JWT for another audience",
      async () => bearer(await issuer.sign({ sub: "alice" }, { audience: "someone-else" })),
      "INVALID_TOKEN",
    ],
    [
      "a JWT from another issuer",
      async () => bearer(await issuer.sign({ sub: "alice" }, { issuer: "https://evil.test" })),
      "INVALID_TOKEN",
    ],
  ];
  it.each(unauthenticated)(
    "refuses a write with %s: UNAUTHENTICATED, nothing written",
    async (_name, md, reason) => {
      const key = freshKey(SET);
      await expectRefused(put(undefined, key, await md()), status.UNAUTHENTICATED, reason);
      await expectAbsent(key);
    },
  );

  it("accepts a valid JWT and a static token within their grants", async () => {
    const jwt = await issuer.sign({ sub: "alice" });
    const key = freshKey(SET);
    await put(undefined, key, bearer(jwt));
    const got = await gw.client.unary(
      RecordService.method.get,
      { key },
      { metadata: bearer(TOKENS.reader) },
    );
    expect(got.response.record?.bins.n?.kind).toEqual({ case: "intValue", value: 1n });
    await put(TOKENS.writer, freshKey(SET));
  });

  it("refuses a principal writing outside its namespace: PERMISSION_DENIED, nothing written", async () => {
    const key = freshKey(SET);
    const err = await expectRefused(
      put(TOKENS.other, key),
      status.PERMISSION_DENIED,
      "PERMISSION_DENIED",
    );
    expect(err.statusDetails()?.errorInfo?.metadata).toMatchObject({
      principal: "other",
      right: "write",
      namespace: "test",
    });
    await expectAbsent(key);
  });

  it("refuses a writer outside its set", async () => {
    const key = freshKey("mesh_elsewhere");
    await expectRefused(put(TOKENS.writer, key), status.PERMISSION_DENIED, "PERMISSION_DENIED");
    await expectAbsent(key);
  });

  it("refuses a read-only principal writing (put, delete, batch write)", async () => {
    const key = freshKey(SET);
    await expectRefused(put(TOKENS.reader, key), status.PERMISSION_DENIED, "PERMISSION_DENIED");
    await expectAbsent(key);
    const kept = freshKey(SET);
    await put(TOKENS.admin, kept);
    await expectRefused(
      gw.client.unary(
        RecordService.method.delete,
        { key: kept },
        { metadata: bearer(TOKENS.reader) },
      ),
      status.PERMISSION_DENIED,
      "PERMISSION_DENIED",
    );
    await expectRefused(
      gw.client.unary(
        BatchService.method.executeBatch,
        {
          entries: [
            { key: kept, verb: Verb.READ },
            { key: kept, verb: Verb.DELETE },
          ],
        },
        { metadata: bearer(TOKENS.reader) },
      ),
      status.PERMISSION_DENIED,
      "PERMISSION_DENIED",
    );
    const still = await gw.client.unary(
      RecordService.method.get,
      { key: kept },
      { metadata: bearer(TOKENS.admin) },
    );
    expect(still.response.record).toBeDefined();
  });

  it("refuses a batch when one entry is outside the grants, even for reads", async () => {
    await expectRefused(
      gw.client.unary(
        BatchService.method.executeBatch,
        {
          entries: [
            { key: freshKey(SET), verb: Verb.READ },
            { key: { ...freshKey(SET), namespace: "other" }, verb: Verb.READ },
          ],
        },
        { metadata: bearer(TOKENS.reader) },
      ),
      status.PERMISSION_DENIED,
      "PERMISSION_DENIED",
    );
  });

  it("refuses a StreamBatch (read lazily from its bytes) with a delete a reader may not do", async () => {
    const kept = freshKey(SET);
    await put(TOKENS.admin, kept);
    const stream = gw.client.serverStream(
      BatchService.method.streamBatch,
      {
        entries: [
          ...Array.from({ length: 1500 }, () => ({ key: freshKey(SET), verb: Verb.READ })),
          { key: kept, verb: Verb.DELETE },
        ],
      },
      { metadata: bearer(TOKENS.reader) },
    );
    await expectRefused(stream.collect(), status.PERMISSION_DENIED, "PERMISSION_DENIED");
    const still = await gw.client.unary(
      RecordService.method.get,
      { key: kept },
      { metadata: bearer(TOKENS.admin) },
    );
    expect(still.response.record).toBeDefined();
  });

  it("lets only admin (or an explicit grant) use TaskService and UdfService", async () => {
    await expectRefused(
      gw.client.unary(
        TaskService.method.listTasks,
        { namespace: "test" },
        { metadata: bearer(TOKENS.writer) },
      ),
      status.PERMISSION_DENIED,
      "PERMISSION_DENIED",
    );
    await expectRefused(
      gw.client.unary(UdfService.method.listModules, {}, { metadata: bearer(TOKENS.reader) }),
      status.PERMISSION_DENIED,
      "PERMISSION_DENIED",
    );
    await expectRefused(
      gw.client.unary(
        UdfService.method.registerModule,
        { name: "evil.lua", content: "function f(r) return 1 end" },
        { metadata: bearer(TOKENS.writer) },
      ),
      status.PERMISSION_DENIED,
      "PERMISSION_DENIED",
    );
    const listed = await gw.client.unary(
      UdfService.method.listModules,
      {},
      { metadata: bearer(TOKENS.admin) },
    );
    expect(listed.response.modules.some((m) => m.name === "evil.lua")).toBe(false);
    await gw.client.unary(
      TaskService.method.listTasks,
      { namespace: "test" },
      { metadata: bearer(TOKENS.admin) },
    );
  });

  it("needs only authentication for ExpressionService", async () => {
    const err = await expectCallError(
      gw.client.unary(ExpressionService.method.checkExpression, {}, { metadata: {} }),
    );
    expect(err.code).toBe(status.UNAUTHENTICATED);
    const ok = await gw.client
      .unary(ExpressionService.method.checkExpression, {}, { metadata: bearer(TOKENS.reader) })
      .then(
        () => status.OK,
        (e: { code: status }) => e.code,
      );
    expect(ok).not.toBe(status.UNAUTHENTICATED);
    expect(ok).not.toBe(status.PERMISSION_DENIED);
  });

  it("logs the principal and request id on the lines of a call", async () => {
    await put(TOKENS.writer, freshKey(SET), {
      ...bearer(TOKENS.writer),
      "x-request-id": "mesh-req-1",
    });
    await expectCallError(
      put(undefined, freshKey(SET), { ...bearer(TOKENS.reader), "x-request-id": "mesh-req-2" }),
    );
    const refused = gw.logs.find((l) => l.requestId === "mesh-req-2" && l.msg === "call refused");
    expect(refused).toMatchObject({ principal: "reader", code: "PERMISSION_DENIED" });
  });
});

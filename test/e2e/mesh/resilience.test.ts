import * as grpc from "@grpc/grpc-js";
import { afterAll, describe, expect, it } from "vitest";
import { RecordService } from "../../../gen/ts/aerogate/v1/record_pb.js";
import { Verb } from "../../../gen/ts/aerogate/v1/types_pb.js";
import {
  Health,
  HealthCheckResponse_ServingStatus as S,
} from "../../../gen/ts/grpc/health/v1/health_pb.js";
import { type EmbeddedServer, startEmbeddedServer } from "../../../src/embedded/index.js";
import { startTestGateway, type TestGateway } from "../../helpers/gateway.js";
import { expectCallError, GrpcCallError } from "../../helpers/grpc-client.js";
import { freshKey, v } from "../services/helpers.js";

const SET = "mesh_resilience";
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

/** Starts an embedded server (on `port`, 0 = any) and registers its clean-up. */
async function embedded(port = 0): Promise<EmbeddedServer> {
  const server = await startEmbeddedServer({ port, host: "127.0.0.1", namespaces: ["test"] });
  let closed = false;
  cleanups.push(async () => {
    if (!closed) await server.close();
  });
  return {
    ...server,
    port: server.port,
    close: async () => {
      closed = true;
      await server.close();
    },
  };
}

/** Starts a gateway against `port` and registers its clean-up. */
async function gatewayOn(port: number, extra: string[] = []): Promise<TestGateway> {
  const gw = await startTestGateway(["--aerospike-hosts", `127.0.0.1:${port}`, ...extra]);
  cleanups.push(() => gw.stop());
  return gw;
}

/** Polls health until it reports `want` or the time is up; returns the last status seen. */
async function waitForHealth(gw: TestGateway, want: S, ms = 30_000): Promise<S> {
  const until = Date.now() + ms;
  let last = S.UNKNOWN;
  while (Date.now() < until) {
    last = (await gw.client.unary(Health.method.check, { service: "" })).response.status;
    if (last === want) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

describe("health follows Aerospike", () => {
  it("turns NOT_SERVING when the server stops, sheds calls, and SERVING when it returns on the same port", async () => {
    const first = await embedded();
    const port = first.port;
    const gw = await gatewayOn(port);
    expect(await waitForHealth(gw, S.SERVING)).toBe(S.SERVING);
    const key = freshKey(SET);
    await gw.client.unary(RecordService.method.put, {
      key,
      bins: { n: v.int(1) },
      verb: Verb.UPSERT,
    });

    await first.close();
    expect(await waitForHealth(gw, S.NOT_SERVING)).toBe(S.NOT_SERVING);
    const err = await expectCallError(
      gw.client.unary(RecordService.method.get, { key }, { timeoutMs: 5000 }),
    );
    expect(grpc.status[err.code]).toBe("UNAVAILABLE");
    expect(err.statusDetails()?.errorInfo?.reason).toBe("AEROSPIKE_UNAVAILABLE");
    expect(err.statusDetails()?.retryInfo).toBeDefined();

    await embedded(port);
    expect(await waitForHealth(gw, S.SERVING)).toBe(S.SERVING);
    await gw.client.unary(RecordService.method.put, {
      key: freshKey(SET),
      bins: { n: v.int(2) },
      verb: Verb.UPSERT,
    });
  }, 90_000);
});

describe("global concurrency limit", () => {
  it("sheds calls beyond the limit at once with UNAVAILABLE and RetryInfo instead of queueing", async () => {
    const gw = await startTestGateway(["--max-concurrent-calls", "1"]);
    cleanups.push(() => gw.stop());
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        gw.client
          .unary(RecordService.method.put, {
            key: freshKey(SET, "shed"),
            bins: { n: v.int(i) },
            verb: Verb.UPSERT,
          })
          .then(
            () => "OK",
            (err: GrpcCallError) =>
              `${grpc.status[err.code]}/${err.statusDetails()?.errorInfo?.reason}/${err.statusDetails()?.retryInfo !== undefined}`,
          ),
      ),
    );
    const kinds = new Set(results);
    expect(kinds.has("OK")).toBe(true);
    expect(kinds.has("UNAVAILABLE/OVERLOADED/true")).toBe(true);
    expect([...kinds].sort()).toEqual(["OK", "UNAVAILABLE/OVERLOADED/true"]);
  }, 60_000);
});

describe("drain under load", () => {
  it("finishes every accepted unary call; later ones are refused, never cut", async () => {
    const server = await embedded();
    const gw = await startTestGateway([
      "--aerospike-hosts",
      `127.0.0.1:${server.port}`,
      "--shutdown-grace-ms",
      "20000",
    ]);
    let stopping = false;
    const outcomes: { key: ReturnType<typeof freshKey>; code: string }[] = [];
    const worker = async () => {
      while (!stopping || outcomes.length < 50) {
        const key = freshKey(SET, "drain");
        try {
          await gw.client.unary(
            RecordService.method.put,
            { key, bins: { n: v.int(1) }, verb: Verb.UPSERT },
            { timeoutMs: 15_000 },
          );
          outcomes.push({ key, code: "OK" });
        } catch (err) {
          outcomes.push({
            key,
            code: err instanceof GrpcCallError ? grpc.status[err.code] : String(err),
          });
          if (stopping) return;
        }
      }
    };
    const workers = Array.from({ length: 16 }, () => worker());
    while (outcomes.length < 100) await new Promise((r) => setTimeout(r, 10));
    stopping = true;
    await gw.stop();
    await Promise.all(workers);
    gw.client.close();

    const codes = new Set(outcomes.map((o) => o.code));
    for (const code of codes) expect(["OK", "UNAVAILABLE"]).toContain(code);
    const ok = outcomes.filter((o) => o.code === "OK");
    expect(ok.length).toBeGreaterThanOrEqual(100);
    expect(gw.logs.find((l) => l.msg === "stopped")).toMatchObject({ drained: true });

    // Every acknowledged write is there.
    const check = await gatewayOn(server.port);
    const batch = await check.client.unary(
      (await import("../../../gen/ts/aerogate/v1/batch_pb.js")).BatchService.method.executeBatch,
      { entries: ok.map((o) => ({ key: o.key, verb: Verb.EXISTS })) },
    );
    const missing = batch.response.results.filter((r) => r.resultName !== "OK");
    expect(missing).toEqual([]);
  }, 90_000);
});

import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecordService } from "../../../gen/ts/aerogate/v1/record_pb.js";
import { Verb } from "../../../gen/ts/aerogate/v1/types_pb.js";
import { Health } from "../../../gen/ts/grpc/health/v1/health_pb.js";
import { metrics } from "../../../src/metrics/hooks.js";
import { startTestGateway, type TestGateway } from "../../helpers/gateway.js";
import { expectCallError, type GrpcCallError } from "../../helpers/grpc-client.js";
import { freshKey, v } from "../services/helpers.js";

const SET = "mesh_obs";
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway([
    "--rate-limit-rps",
    "1",
    "--rate-limit-burst",
    "2",
    "--metrics-listen",
    "127.0.0.1:0",
    "--tracing",
  ]);
});
afterAll(async () => {
  await gw?.stop();
});

/** Scrapes the gateway's /metrics endpoint. */
async function scrape(): Promise<string> {
  const address = gw.gateway.metrics?.address;
  if (address === undefined) throw new Error("no metrics listener");
  const res = await fetch(`http://${address}/metrics`);
  expect(res.status).toBe(200);
  return res.text();
}

/** Reads one sample's value from the exposition text. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    if (Object.entries(labels).every(([k, val]) => line.includes(`${k}="${val}"`))) {
      return Number(line.slice(line.lastIndexOf(" ") + 1));
    }
  }
  return undefined;
}

describe("rate limit, metrics and tracing", () => {
  let limited: GrpcCallError | undefined;
  let ok = 0;

  it("answers RESOURCE_EXHAUSTED with RetryInfo once the principal's bucket is empty", async () => {
    for (let i = 0; i < 10 && limited === undefined; i++) {
      try {
        await gw.client.unary(RecordService.method.put, {
          key: freshKey(SET),
          bins: { n: v.int(i) },
          verb: Verb.UPSERT,
        });
        ok++;
      } catch (err) {
        limited = err as GrpcCallError;
      }
    }
    expect(limited).toBeDefined();
    const e = limited as GrpcCallError;
    expect(grpc.status[e.code]).toBe("RESOURCE_EXHAUSTED");
    const details = e.statusDetails();
    expect(details?.errorInfo?.reason).toBe("RATE_LIMITED");
    const delay = details?.retryInfo?.retryDelay;
    expect(delay).toBeDefined();
    expect(Number(delay?.seconds ?? 0n) * 1000 + (delay?.nanos ?? 0) / 1e6).toBeGreaterThan(0);
    expect(ok).toBeGreaterThanOrEqual(1);
  });

  it("leaves health out of the rate limit", async () => {
    for (let i = 0; i < 5; i++) await gw.client.unary(Health.method.check, { service: "" });
  });

  it("shows the calls in the scraped metrics", async () => {
    metrics.batchEntries("KEY_NOT_FOUND_ERROR", 3);
    const text = await scrape();
    const put = { grpc_service: "aerogate.v1.RecordService", grpc_method: "Put" };
    expect(sample(text, "grpc_server_handled_total", { ...put, grpc_code: "OK" })).toBe(ok);
    expect(
      sample(text, "grpc_server_handled_total", { ...put, grpc_code: "RESOURCE_EXHAUSTED" }),
    ).toBe(1);
    expect(sample(text, "grpc_server_started_total", put)).toBe(ok + 1);
    expect(sample(text, "grpc_server_handling_seconds_count", put)).toBe(ok + 1);
    expect(
      sample(text, "grpc_server_handled_total", {
        grpc_service: "grpc.health.v1.Health",
        grpc_method: "Check",
        grpc_code: "OK",
      }),
    ).toBeGreaterThanOrEqual(5);
    expect(sample(text, "aerogate_batch_entries_total", { result: "KEY_NOT_FOUND_ERROR" })).toBe(3);
    expect(text).toMatch(/^aerogate_streams_in_flight 0$/m);
    expect(text).toMatch(/^aerospike_client_connected 1$/m);
    expect(text).toMatch(/^aerogate_task_watchers \d+$/m);
    expect(
      sample(text, "aerospike_client_connections", { kind: "async", state: "in_pool" }),
    ).toBeGreaterThanOrEqual(0);
  });

  it("counts an open stream as in flight", async () => {
    const stream = gw.client.serverStream(Health.method.watch, { service: "" });
    const it = stream[Symbol.asyncIterator]();
    await it.next();
    expect(await scrape()).toMatch(/^aerogate_streams_in_flight 1$/m);
    stream.cancel();
    await it.next().catch(() => {});
  });

  it("continues the caller's trace: trace id in the trailers and in every log line of the call", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const parent = "00f067aa0ba902b7";
    const r = await gw.client.unary(
      Health.method.check,
      { service: "" },
      { metadata: { traceparent: `00-${traceId}-${parent}-01`, "x-request-id": "trace-me" } },
    );
    const back = String(r.trailers.get("traceparent")[0]);
    expect(back).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(back).not.toContain(parent);
    expect(r.trailers.get("x-request-id")).toEqual(["trace-me"]);
    const lines = gw.logs.filter((l) => l.requestId === "trace-me");
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatchObject({ traceId, parentSpanId: parent });
    expect(lines.find((l) => l.msg === "span")).toMatchObject({ kind: "server", code: "OK" });
  });

  it("starts a new trace when the caller sends none or an invalid one", async () => {
    const err = await expectCallError(
      gw.client.unary(
        Health.method.check,
        { service: "nope" },
        { metadata: { traceparent: "garbage" } },
      ),
    );
    expect(String(err.metadata.get("traceparent")[0])).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });
});

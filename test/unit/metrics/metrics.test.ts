import { describe, expect, it } from "vitest";
import { attachMetrics, metrics } from "../../../src/metrics/hooks.js";
import { createGatewayMetrics, methodLabels } from "../../../src/metrics/metrics.js";

describe("gateway metrics", () => {
  it("splits method paths into service and method labels", () => {
    expect(methodLabels("/aerogate.v1.RecordService/Get")).toEqual({
      grpc_service: "aerogate.v1.RecordService",
      grpc_method: "Get",
    });
    expect(methodLabels("odd")).toEqual({ grpc_service: "unknown", grpc_method: "odd" });
  });

  it("counts calls by code, times them, and tracks open streams", async () => {
    const m = createGatewayMetrics({ processMetrics: false });
    m.observer.started("/p.S/A", false);
    m.observer.finished("/p.S/A", 0, 0.002, false);
    m.observer.started("/p.S/A", false);
    m.observer.finished("/p.S/A", 5, 0.5, false);
    m.observer.started("/p.S/W", true);
    const text = await m.text();
    expect(text).toContain(
      'grpc_server_handled_total{grpc_type="unary",grpc_service="p.S",grpc_method="A",grpc_code="OK"} 1',
    );
    expect(text).toContain(
      'grpc_server_handled_total{grpc_type="unary",grpc_service="p.S",grpc_method="A",grpc_code="NOT_FOUND"} 1',
    );
    expect(text).toContain(
      'grpc_server_handling_seconds_count{grpc_type="unary",grpc_service="p.S",grpc_method="A"} 2',
    );
    expect(text).toContain(
      'grpc_server_handling_seconds_bucket{le="0.0025",grpc_type="unary",grpc_service="p.S",grpc_method="A"} 1',
    );
    expect(text).toMatch(/^aerogate_streams_in_flight 1$/m);
    m.observer.finished("/p.S/W", 1, 1, true);
    expect(await m.text()).toMatch(/^aerogate_streams_in_flight 0$/m);
  });

  it("reads Aerospike client stats and in-flight calls at scrape time", async () => {
    const m = createGatewayMetrics({
      processMetrics: false,
      callsInFlight: () => 7,
      aerospikeStats: () => ({
        connected: true,
        commandsInFlight: 3,
        commandsQueued: 1,
        nodes: [{ name: "BB9", syncInUse: 1, syncInPool: 2, asyncInUse: 3, asyncInPool: 4 }],
      }),
    });
    const text = await m.text();
    expect(text).toMatch(/^aerogate_calls_in_flight 7$/m);
    expect(text).toMatch(/^aerospike_client_connected 1$/m);
    expect(text).toContain('aerospike_client_commands{state="in_flight"} 3');
    expect(text).toContain(
      'aerospike_client_connections{node="BB9",kind="async",state="in_pool"} 4',
    );
  });

  it("feeds batch entries and task gauges through the process-wide hooks", async () => {
    const m = createGatewayMetrics({ processMetrics: false });
    metrics.batchEntries("OK", 5);
    const detach = attachMetrics(m);
    metrics.batchEntries("OK", 2);
    metrics.batchEntries("KEY_NOT_FOUND_ERROR");
    metrics.taskWatchers(2);
    metrics.taskWatchers(-1);
    metrics.taskPollers(1);
    detach();
    metrics.batchEntries("OK", 100);
    const text = await m.text();
    expect(text).toContain('aerogate_batch_entries_total{result="OK"} 2');
    expect(text).toContain('aerogate_batch_entries_total{result="KEY_NOT_FOUND_ERROR"} 1');
    expect(text).toMatch(/^aerogate_task_watchers 1$/m);
    expect(text).toMatch(/^aerogate_task_pollers 1$/m);
  });
});

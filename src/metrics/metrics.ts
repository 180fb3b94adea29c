import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { AerospikeStats } from "../aerospike/client.js";
import { codeName } from "../errors.js";
import type { CallObserver } from "../transport/call-guard.js";

/** Aerospike client statistics, as the client module reports them. */
export type AerospikeClientStats = AerospikeStats;

/** The gateway's Prometheus metrics: a registry of its own plus the hooks that feed it. */
export interface GatewayMetrics {
  readonly registry: Registry;
  /** Counts calls by method and status code and times them; pass to the transport. */
  readonly observer: CallObserver;
  /** Counts batch entries by their Aerospike result name (e.g. `OK`, `KEY_NOT_FOUND_ERROR`). */
  batchEntries(resultName: string, count?: number): void;
  /** Moves the number of open task watchers by `delta`. */
  taskWatchers(delta: number): void;
  /** Moves the number of running task pollers by `delta`. */
  taskPollers(delta: number): void;
  /** The text exposition of every metric. */
  text(): Promise<string>;
}

/** Options of {@link createGatewayMetrics}. */
export interface GatewayMetricsOptions {
  /** Read at scrape time: the Aerospike client's statistics, or undefined when not connected. */
  readonly aerospikeStats?: () => AerospikeClientStats | undefined;
  /** Read at scrape time: calls currently held by the load shedder. */
  readonly callsInFlight?: () => number;
  /** Add Node.js process metrics (CPU, memory, event loop lag); default true. */
  readonly processMetrics?: boolean;
}

/** Latency buckets in seconds, from 1 ms to 30 s. */
const LATENCY_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];

/** Splits `/pkg.Service/Method` into service and method labels. */
export function methodLabels(path: string): { grpc_service: string; grpc_method: string } {
  const m = /^\/([^/]+)\/([^/]+)$/.exec(path);
  return { grpc_service: m?.[1] ?? "unknown", grpc_method: m?.[2] ?? path };
}

/**
 * Creates the gateway's metrics: per RPC `grpc_server_started_total`, `grpc_server_handled_total` (by code)
 * and `grpc_server_handling_seconds`; `aerogate_streams_in_flight`; `aerogate_batch_entries_total` by result;
 * task watcher and poller gauges; Aerospike client connection and command gauges.
 */
export function createGatewayMetrics(options: GatewayMetricsOptions = {}): GatewayMetrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const rpcLabels = ["grpc_type", "grpc_service", "grpc_method"] as const;
  const started = new Counter({
    name: "grpc_server_started_total",
    help: "RPCs started on the server.",
    labelNames: rpcLabels,
    registers,
  });
  const handled = new Counter({
    name: "grpc_server_handled_total",
    help: "RPCs completed on the server, by status code.",
    labelNames: [...rpcLabels, "grpc_code"],
    registers,
  });
  const latency = new Histogram({
    name: "grpc_server_handling_seconds",
    help: "Time from the start of an RPC to its status, seconds.",
    labelNames: rpcLabels,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const streams = new Gauge({
    name: "aerogate_streams_in_flight",
    help: "Server-streaming RPCs open now.",
    registers,
  });
  const batch = new Counter({
    name: "aerogate_batch_entries_total",
    help: "Batch entries processed, by Aerospike result.",
    labelNames: ["result"],
    registers,
  });
  const watchers = new Gauge({
    name: "aerogate_task_watchers",
    help: "Task watch streams open now.",
    registers,
  });
  const pollers = new Gauge({
    name: "aerogate_task_pollers",
    help: "Background-job pollers running now.",
    registers,
  });
  registerAerospikeGauges(registers, options);
  const type = (streaming: boolean) => (streaming ? "server_stream" : "unary");
  return {
    registry,
    observer: {
      started(path, streaming) {
        started.inc({ grpc_type: type(streaming), ...methodLabels(path) });
        if (streaming) streams.inc();
      },
      finished(path, code, seconds, streaming) {
        const labels = { grpc_type: type(streaming), ...methodLabels(path) };
        handled.inc({ ...labels, grpc_code: codeName(code) });
        latency.observe(labels, seconds);
        if (streaming) streams.dec();
      },
    },
    batchEntries: (resultName, count = 1) => batch.inc({ result: resultName }, count),
    taskWatchers: (delta) => watchers.inc(delta),
    taskPollers: (delta) => pollers.inc(delta),
    text: () => registry.metrics(),
  };
}

/** Registers gauges read from the Aerospike client (and the load shedder) at scrape time. */
function registerAerospikeGauges(registers: Registry[], options: GatewayMetricsOptions): void {
  const stats = () => options.aerospikeStats?.();
  new Gauge({
    name: "aerogate_calls_in_flight",
    help: "Calls admitted and not yet finished (global concurrency limit).",
    registers,
    collect() {
      this.set(options.callsInFlight?.() ?? 0);
    },
  });
  new Gauge({
    name: "aerospike_client_connected",
    help: "1 when the Aerospike client reaches at least one node.",
    registers,
    collect() {
      this.set(stats()?.connected ? 1 : 0);
    },
  });
  new Gauge({
    name: "aerospike_client_commands",
    help: "Aerospike client commands, by state (in_flight, queued).",
    labelNames: ["state"],
    registers,
    collect() {
      const s = stats();
      this.set({ state: "in_flight" }, s?.commandsInFlight ?? 0);
      this.set({ state: "queued" }, s?.commandsQueued ?? 0);
    },
  });
  new Gauge({
    name: "aerospike_client_connections",
    help: "Aerospike client connections per node, by kind (sync, async) and state (in_use, in_pool).",
    labelNames: ["node", "kind", "state"],
    registers,
    collect() {
      this.reset();
      for (const n of stats()?.nodes ?? []) {
        this.set({ node: n.name, kind: "sync", state: "in_use" }, n.syncInUse);
        this.set({ node: n.name, kind: "sync", state: "in_pool" }, n.syncInPool);
        this.set({ node: n.name, kind: "async", state: "in_use" }, n.asyncInUse);
        this.set({ node: n.name, kind: "async", state: "in_pool" }, n.asyncInPool);
      }
    },
  });
}

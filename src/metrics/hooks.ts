import type { GatewayMetrics } from "./metrics.js";

const sinks = new Set<GatewayMetrics>();

/**
 * Process-wide metric hooks for code that has no handle on the gateway's metrics (services): each call is
 * passed to the metrics of every running gateway. Safe to call when no gateway runs.
 */
export const metrics = {
  /** Counts `count` batch entries that ended with Aerospike result `resultName` (e.g. `OK`). */
  batchEntries(resultName: string, count = 1): void {
    for (const m of sinks) m.batchEntries(resultName, count);
  },
  /** Moves the open task watchers gauge by `delta` (+1 when a watch starts, -1 when it ends). */
  taskWatchers(delta: number): void {
    for (const m of sinks) m.taskWatchers(delta);
  },
  /** Moves the running task pollers gauge by `delta`. */
  taskPollers(delta: number): void {
    for (const m of sinks) m.taskPollers(delta);
  },
};

/** Connects a gateway's metrics to the hooks; returns the function that disconnects them. */
export function attachMetrics(target: GatewayMetrics): () => void {
  sinks.add(target);
  return () => sinks.delete(target);
}

/**
 * Starts the compiled gateway (dist/, as production runs it) in its own process for the
 * benchmarks, so it does not share an event loop with their clients:
 * `GATEWAY_ARGS='["--listen","127.0.0.1:0"]' node bench/gateway-child.mjs` (the serve flags as a
 * JSON array; build first with `npm run build`, which bench/spawn-gateway.ts does).
 * Prints one JSON line `{"address": "host:port"}` once it listens; stops on SIGTERM.
 */
import { loadConfig } from "../dist/src/config.js";
import { createLogger } from "../dist/src/log.js";
import { startGateway } from "../dist/src/main.js";

const args = JSON.parse(process.env.GATEWAY_ARGS ?? "[]");
const gateway = await startGateway(loadConfig(args), createLogger({ level: "error" }));
process.stdout.write(`${JSON.stringify({ address: gateway.address.address })}\n`);
// BENCH_GC_LOG=1 (with node --expose-gc): every 5 s, collect and report live heap and RSS, to tell
// retained memory from garbage the collector has not reclaimed yet.
const gc = globalThis.gc;
if (process.env.BENCH_GC_LOG && gc) {
  setInterval(() => {
    gc();
    const m = process.memoryUsage();
    process.stderr.write(
      `gateway after gc: heap ${(m.heapUsed / 2 ** 20).toFixed(0)} MiB, rss ${(m.rss / 2 ** 20).toFixed(0)} MiB\n`,
    );
  }, 5000).unref();
}
process.on("SIGTERM", () => {
  gateway.stop().then(() => process.exit(0));
});

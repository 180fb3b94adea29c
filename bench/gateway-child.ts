/**
 * Starts the gateway in its own process for bench/gateway-batch.ts, so the gateway does not share
 * an event loop with the benchmark's clients: `GATEWAY_ARGS='["--listen","127.0.0.1:0"]' npx vite-node
 * bench/gateway-child.ts` (the serve flags as a JSON array).
 * Prints one JSON line `{"address": "host:port"}` once it listens; stops on SIGTERM.
 */
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/log.js";
import { startGateway } from "../src/main.js";

const args = JSON.parse(process.env.GATEWAY_ARGS ?? "[]") as string[];
const gateway = await startGateway(loadConfig(args), createLogger({ level: "error" }));
process.stdout.write(`${JSON.stringify({ address: gateway.address.address })}\n`);
process.on("SIGTERM", () => {
  gateway.stop().then(() => process.exit(0));
});

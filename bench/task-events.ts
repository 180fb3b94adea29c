/**
 * Task event latency: the delay from a background job's end (the `end_time` the server reports)
 * to the moment a watcher receives its COMPLETED event, with 1 and with 100 concurrent watchers
 * of the same task, in one run.
 *
 * Run from the repository root (no build needed):
 *
 *     npx vite-node bench/task-events.ts
 *     BENCH_POLL_MS=100 BENCH_ROUNDS=10 npx vite-node bench/task-events.ts
 *
 * Knobs (defaults in brackets): BENCH_POLL_MS [250] the gateway's task poll interval,
 * BENCH_RECORDS [2000] records per job, BENCH_RPS [2000] the job's records per second (so a job
 * runs about a second), BENCH_ROUNDS [5] jobs per watcher count, BENCH_DEBUG [unset] prints each
 * round's spread between the first and the last watcher's COMPLETED. The gateway runs in its own
 * process (bench/gateway-child.mjs); the embedded server (a worker thread) and the gRPC watchers run
 * in this one. All share the machine's clock, so `end_time` and the receive time compare to the
 * millisecond.
 *
 * Expected: the gateway sees a job's end within one poll interval (one shared poller however many
 * watchers), then delivering the event adds the cost of writing it to every watcher's stream, which
 * grows with their number.
 */

import { timestampMs } from "@bufbuild/protobuf/wkt";
import Aerospike from "aerospike";
import { type TaskEvent, TaskEventType, TaskService } from "../gen/ts/aerogate/v1/task_pb.js";
import { startEmbeddedServer } from "../src/embedded/index.js";
import { GrpcTestClient } from "../test/helpers/grpc-client.js";
import { spawnBenchGateway } from "./spawn-gateway.js";

const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 250);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 2000);
const RPS = Number(process.env.BENCH_RPS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SET = "bench_tasks";

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Starts one job and watches it with `watchers` streams; returns each watcher's delay, ms. */
async function round(clients: readonly GrpcTestClient[], watchers: number): Promise<number[]> {
  const first = clients[0] as GrpcTestClient;
  const { response } = await first.unary(TaskService.method.startTask, {
    namespace: "test",
    set: SET,
    action: {
      case: "update",
      value: {
        operations: [
          { bin: "r", op: { case: "add", value: { kind: { case: "intValue", value: 1n } } } },
        ],
      },
    },
    recordsPerSecond: RPS,
  });
  const taskId = response.task?.taskId ?? "";
  const streams = Array.from({ length: watchers }, async (_, i) => {
    const client = clients[i % clients.length] as GrpcTestClient;
    let completedAt = 0;
    let event: TaskEvent | undefined;
    for await (const msg of client.serverStream(TaskService.method.watchTask, { taskId })) {
      event = msg.event;
      if (event?.type === TaskEventType.COMPLETED) completedAt = Date.now();
    }
    const end = event?.task?.endTime;
    if (completedAt === 0 || end === undefined)
      throw new Error("the watch ended without COMPLETED");
    return completedAt - timestampMs(end);
  });
  const delays = await Promise.all(streams);
  if (process.env.BENCH_DEBUG) {
    console.log(`    round: spread ${Math.max(...delays) - Math.min(...delays)} ms`);
  }
  return delays;
}

/** Starts the gateway in its own process against the embedded server, with the bench's poll interval. */
function spawnGateway(aerospikePort: number) {
  return spawnBenchGateway(
    ["--listen", "127.0.0.1:0", "--aerospike-hosts", `127.0.0.1:${aerospikePort}`],
    { env: { AEROGATE_TASK_POLL_INTERVAL_MS: String(POLL_MS) } },
  );
}

async function main(): Promise<void> {
  const embedded = await startEmbeddedServer({ port: 0 });
  const { address, child } = await spawnGateway(embedded.port);
  const db = await Aerospike.connect({
    hosts: [{ addr: "127.0.0.1", port: embedded.port }],
    log: { level: -1 },
  } as Aerospike.ConfigOptions);
  // Several channels, as independent callers would use.
  const clients = Array.from({ length: 4 }, () => new GrpcTestClient(address));
  try {
    for (let i = 0; i < RECORDS; i += 64) {
      const puts = [];
      for (let k = i; k < Math.min(RECORDS, i + 64); k++) {
        const key = new Aerospike.Key("test", SET, k) as unknown as Aerospike.KeyOptions;
        puts.push(db.put(key, { r: 0 }));
      }
      await Promise.all(puts);
    }
    console.log(
      `task-events: poll ${POLL_MS} ms, ${RECORDS} records at ${RPS} rec/s per job, ${ROUNDS} jobs per row`,
    );
    const medians: number[] = [];
    for (const watchers of [1, 100]) {
      const delays: number[] = [];
      for (let r = 0; r < ROUNDS; r++) delays.push(...(await round(clients, watchers)));
      delays.sort((a, b) => a - b);
      const p50 = percentile(delays, 50);
      medians.push(p50);
      console.log(
        `  ${String(watchers).padStart(3)} watcher(s): end→COMPLETED delay ms  min ${delays[0]}  p50 ${p50}  p99 ${percentile(delays, 99)}  max ${delays.at(-1)}  (${delays.length} events; max/interval ${((delays.at(-1) ?? 0) / POLL_MS).toFixed(2)})`,
      );
    }
    console.log(
      `  p50 ratio 100 watchers / 1 watcher: ${((medians[1] ?? 0) / Math.max(1, medians[0] ?? 1)).toFixed(2)}`,
    );
  } finally {
    for (const c of clients) c.close();
    db.close(false);
    child.kill("SIGTERM");
    await new Promise((resolve) => child.on("exit", resolve));
    await embedded.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

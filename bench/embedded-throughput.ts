/**
 * Throughput of the embedded server through the official `aerospike` client: put, get and
 * batch-read, measured in one run (ops/s and ratios), so later changes can be compared.
 *
 * Run from the repository root (no build needed):
 *
 *     npx vite-node bench/embedded-throughput.ts            # default sizes
 *     BENCH_OPS=50000 npx vite-node bench/embedded-throughput.ts
 *
 * The server runs in its worker thread and the client in the main thread, as in the gateway.
 * Numbers depend on the machine; compare runs on the same machine only.
 */
import Aerospike from "aerospike";
import { startEmbeddedServer } from "../src/embedded/index.js";

const OPS = Number(process.env.BENCH_OPS ?? 20000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE ?? 100);
const SET = "bench";

/** Runs `total` calls of `fn` with at most `concurrency` in flight; returns calls per second. */
async function throughput(total: number, concurrency: number, fn: (i: number) => Promise<unknown>) {
  let next = 0;
  const start = process.hrtime.bigint();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      await fn(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return total / seconds;
}

async function main(): Promise<void> {
  const server = await startEmbeddedServer({ port: 0 });
  const client = await Aerospike.connect({
    hosts: [{ addr: "127.0.0.1", port: server.port }],
    log: { level: -1 },
    maxConnsPerNode: 256,
    policies: {
      read: { totalTimeout: 10000 },
      write: { totalTimeout: 10000 },
      batch: { totalTimeout: 30000 },
    },
  } as Aerospike.ConfigOptions);
  try {
    const newKey = (i: number) => new Aerospike.Key("test", SET, i % OPS);
    // The client's Key class does not satisfy its own KeyOptions under exactOptionalPropertyTypes.
    const key = (i: number) => newKey(i) as unknown as Aerospike.KeyOptions;
    const bins = (i: number) => ({ i, s: `value-${i}`, l: [i, i + 1], m: { k: i } });
    await throughput(Math.min(2000, OPS), CONCURRENCY, (i) => client.put(key(i), bins(i)));

    const put = await throughput(OPS, CONCURRENCY, (i) => client.put(key(i), bins(i)));
    const get = await throughput(OPS, CONCURRENCY, (i) => client.get(key(i)));
    const batches = Math.max(1, Math.floor(OPS / BATCH_SIZE));
    const batchPerSec = await throughput(batches, Math.max(1, CONCURRENCY / 8), (b) =>
      client.batchRead(
        Array.from({ length: BATCH_SIZE }, (_, j) => ({
          key: newKey(b * BATCH_SIZE + j),
          readAllBins: true,
        })),
      ),
    );
    const rows = batchPerSec * BATCH_SIZE;
    const fmt = (n: number) => n.toFixed(0).padStart(10);
    process.stdout.write(
      `embedded server throughput (${OPS} ops, concurrency ${CONCURRENCY}, batch size ${BATCH_SIZE})\n` +
        `  put          ${fmt(put)} ops/s\n` +
        `  get          ${fmt(get)} ops/s\n` +
        `  batch-read   ${fmt(batchPerSec)} batches/s = ${fmt(rows).trim()} records/s\n` +
        `  ratios       get/put ${(get / put).toFixed(2)}, batch records/get ${(rows / get).toFixed(2)}\n`,
    );
  } finally {
    await client.close();
    await server.close();
  }
}

await main();

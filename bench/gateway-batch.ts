/**
 * Gateway batch benchmark: the gateway versus the direct `aerospike` client against the same
 * embedded server, in one run.
 *
 * Run it from the repository root:
 *
 *   npx vite-node bench/gateway-batch.ts
 *
 * The gateway runs in a child process (bench/gateway-child.mjs), as it would in production; the
 * embedded server runs in a worker thread of the benchmark process, and both clients (the gRPC
 * client of the gateway and the direct `aerospike` client) run in the benchmark process.
 *
 * Environment knobs (defaults in brackets): BENCH_RECORDS [10000] records written first,
 * BENCH_BATCH [200] keys per batch, BENCH_ROUNDS [40] batches per measurement, BENCH_CONCURRENCY [4]
 * batches in flight, BENCH_STREAM [100000] entries of the slow-reader StreamBatch (0 skips it),
 * BENCH_SATURATE [16] batches in flight and BENCH_SATURATE_SECONDS [3] per side for the
 * saturated-throughput figures.
 * Point AEROSPIKE_HOSTS=host:3000 at a real cluster to measure against it instead;
 * BENCH_PROFILE=<dir> writes a CPU profile of the gateway process there; BENCH_GC_LOG=1 makes the
 * gateway report its live heap after a forced GC every 5 s; BENCH_ONLY_STREAM=1 runs only the
 * slow-reader StreamBatch.
 *
 * It prints, per scenario, batches/s, records/s, p50/p99 latency and the gateway/direct ratio;
 * StreamBatch time-to-first-result versus ExecuteBatch total time for 10k entries; the cost of
 * each client-gap workaround (typed all-bins reads, per-entry generation writes); and the peak
 * RSS while a 100k-entry StreamBatch is read slowly.
 */

import { readdirSync, readFileSync } from "node:fs";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import Aerospike from "aerospike";
import {
  BatchService,
  ExecuteBatchResponseSchema,
  StreamBatchRequestSchema,
} from "../gen/ts/aerogate/v1/batch_pb.js";
import { type Key, KeySchema, ValueSchema, Verb } from "../gen/ts/aerogate/v1/types_pb.js";
import { startEmbeddedServer } from "../src/embedded/index.js";
import { GrpcTestClient } from "../test/helpers/grpc-client.js";
import { spawnBenchGateway } from "./spawn-gateway.js";

const env = (name: string, dflt: number) => Number(process.env[name] ?? dflt);
const RECORDS = env("BENCH_RECORDS", 10_000);
const BATCH = env("BENCH_BATCH", 200);
const ROUNDS = env("BENCH_ROUNDS", 40);
const CONCURRENCY = env("BENCH_CONCURRENCY", 4);
const STREAM = env("BENCH_STREAM", 100_000);
const SATURATE = env("BENCH_SATURATE", 16);
const SATURATE_SECONDS = env("BENCH_SATURATE_SECONDS", 3);
const SET = "bench";

/** Batches per second with SATURATE calls in flight for SATURATE_SECONDS. */
async function flatOut(fn: (round: number) => Promise<unknown>): Promise<number> {
  let done = 0;
  let round = 0;
  const start = performance.now();
  const end = start + SATURATE_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: SATURATE }, async () => {
      while (performance.now() < end) {
        await fn(round++);
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - start) / 1000);
}

interface Stats {
  readonly name: string;
  readonly seconds: number;
  readonly latencies: number[];
  readonly records: number;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

function show(s: Stats): string {
  const l = [...s.latencies].sort((a, b) => a - b);
  return `${s.name.padEnd(44)} ${(s.latencies.length / s.seconds).toFixed(1).padStart(8)} batch/s ${(s.records / s.seconds).toFixed(0).padStart(8)} rec/s  p50 ${pct(l, 50).toFixed(2)} ms  p99 ${pct(l, 99).toFixed(2)} ms`;
}

/** Runs `rounds` calls of `fn` with `concurrency` in flight and measures each. */
async function measure(
  name: string,
  rounds: number,
  perRound: number,
  fn: (round: number) => Promise<unknown>,
): Promise<Stats> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < rounds) {
        const r = next++;
        const t0 = performance.now();
        await fn(r);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return {
    name,
    seconds: (performance.now() - start) / 1000,
    latencies,
    records: rounds * perRound,
  };
}

/** Resident set size of the gateway: the largest RSS among the child process tree (vite-node runs node). */
function gatewayRss(pid: number | undefined): number {
  if (pid === undefined) return 0;
  let max = 0;
  const visit = (p: string) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      const m = /VmRSS:\s+(\d+) kB/.exec(status);
      if (m) max = Math.max(max, Number(m[1]) * 1024);
      for (const t of readdirSync(`/proc/${p}/task`)) {
        const kids = readFileSync(`/proc/${p}/task/${t}/children`, "utf8").trim();
        for (const k of kids.split(/\s+/).filter(Boolean)) visit(k);
      }
    } catch {
      // The process ended.
    }
  };
  visit(String(pid));
  return max;
}

/** CPU time (user + system) of a process, or of one of its threads, in ms, from /proc (Linux). */
function processCpuMs(pid: number | undefined, tid?: number): number {
  if (pid === undefined) return 0;
  try {
    const file = tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`;
    const fields = readFileSync(file, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU cost per batch, measured sequentially: this process's CPU per direct call (client and the
 * embedded server's worker thread), and per ExecuteBatch both this process's CPU (gRPC client and
 * embedded server) and the gateway process's. When the machine's cores are the limit, the
 * gateway/direct throughput ratio cannot exceed direct / (this process + gateway); and since the
 * gateway makes the same client calls as the direct path (the main thread's share of it), not even
 * a gateway costing nothing else could exceed direct / (this process + client).
 */
async function cpuPerBatch(
  name: string,
  pid: number | undefined,
  directFn: (round: number) => Promise<unknown>,
  gatewayFn: (round: number) => Promise<unknown>,
): Promise<void> {
  const n = 40;
  const ms = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000 / n;
  for (let r = 0; r < 5; r++) await Promise.all([directFn(r), gatewayFn(r)]);
  const u0 = process.cpuUsage();
  const m0 = processCpuMs(process.pid, process.pid);
  for (let r = 0; r < n; r++) await directFn(r);
  const direct = ms(process.cpuUsage(u0));
  // The client runs on the main thread, the embedded server on a worker thread.
  const client = (processCpuMs(process.pid, process.pid) - m0) / n;
  const g0 = processCpuMs(pid);
  const b0 = process.cpuUsage();
  for (let r = 0; r < n; r++) await gatewayFn(r);
  const bench = ms(process.cpuUsage(b0));
  const gateway = (processCpuMs(pid) - g0) / n;
  console.log(
    `${`  CPU per batch, ${name}`.padEnd(44)} direct path ${direct.toFixed(1)} ms (client ${client.toFixed(1)} + embedded server); gateway path ${(bench + gateway).toFixed(1)} ms = this process ${bench.toFixed(1)} ms (gRPC client + embedded server) + gateway ${gateway.toFixed(1)} ms; CPU-bound ceiling of the ratio ${(direct / (bench + gateway)).toFixed(2)}, ${(direct / (bench + client)).toFixed(2)} for a gateway costing only its client calls`,
  );
}

/**
 * Measures the direct client and the gateway on the same rounds, alternating batch by batch, so
 * both see the same machine load (the ratio is what matters; absolute figures vary with load).
 */
async function measurePair(
  name: string,
  directFn: (round: number) => Promise<unknown>,
  gatewayFn: (round: number) => Promise<unknown>,
): Promise<[Stats, Stats]> {
  const d: number[] = [];
  const g: number[] = [];
  let dt = 0;
  let gt = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < ROUNDS) {
        const r = next++;
        let t0 = performance.now();
        await directFn(r);
        const a = performance.now() - t0;
        t0 = performance.now();
        await gatewayFn(r);
        const b = performance.now() - t0;
        d.push(a);
        g.push(b);
        dt += a;
        gt += b;
      }
    }),
  );
  // Busy time per side, divided by the concurrency: the wall time each would take alone.
  return [
    {
      name: `direct ${name}`,
      seconds: dt / 1000 / CONCURRENCY,
      latencies: d,
      records: ROUNDS * BATCH,
    },
    {
      name: `gateway ${name}`,
      seconds: gt / 1000 / CONCURRENCY,
      latencies: g,
      records: ROUNDS * BATCH,
    },
  ];
}

function pbKey(i: number): Key {
  return create(KeySchema, {
    namespace: "test",
    set: SET,
    userKey: { case: "stringValue", value: `r${i}` },
  });
}

function clientKey(i: number) {
  return new Aerospike.Key("test", SET, `r${i}`);
}

const batchKeys = (round: number) =>
  Array.from({ length: BATCH }, (_, k) => (round * BATCH + k * 7919) % RECORDS);

async function slowStream(grpc: GrpcTestClient, pid: number | undefined): Promise<void> {
  if (STREAM > 0) {
    const entries = Array.from({ length: STREAM }, (_, k) => ({
      key: pbKey(k % RECORDS),
      verb: Verb.READ,
    }));
    const rss = () => gatewayRss(pid);
    const before = rss();
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rss());
    }, 20);
    let n = 0;
    const checkpoints: string[] = [];
    const s0 = performance.now();
    for await (const _ of grpc.serverStream(BatchService.method.streamBatch, {
      entries,
    } as never)) {
      n += 1;
      if (n % Math.floor(STREAM / 5) === 0) {
        checkpoints.push(`${Math.round((n / STREAM) * 100)}%: ${(rss() / 2 ** 20).toFixed(0)} MiB`);
      }
      // A slow reader: a pause every 500 results.
      if (n % 500 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    clearInterval(sampler);
    console.log(
      `100k StreamBatch, slow reader (gateway process RSS): ${n} results in ${((performance.now() - s0) / 1000).toFixed(1)} s; RSS before ${(before / 2 ** 20).toFixed(0)} MiB, peak ${(peak / 2 ** 20).toFixed(0)} MiB (+${((peak - before) / 2 ** 20).toFixed(0)} MiB; the request itself is ~${((entries.length * 40) / 2 ** 20).toFixed(0)} MiB on the wire)`,
    );
    console.log(`  gateway RSS while reading: ${checkpoints.join(", ")}`);
  }
}

async function main(): Promise<void> {
  const hostsEnv = process.env.AEROSPIKE_HOSTS;
  const embedded = hostsEnv ? undefined : await startEmbeddedServer({ port: 0 });
  const hosts = hostsEnv ?? `127.0.0.1:${embedded?.port}`;
  const gatewayArgs = [
    "--listen",
    "127.0.0.1:0",
    "--aerospike-hosts",
    hosts,
    "--max-batch-entries",
    String(Math.max(STREAM, 10_000)),
    "--default-timeout-ms",
    "60000",
    "--max-receive-message-bytes",
    String(64 * 1024 * 1024),
    "--log-level",
    "error",
  ];
  const { address, child } = await spawnBenchGateway(gatewayArgs, {
    nodeFlags: [
      ...(process.env.BENCH_GC_LOG ? ["--expose-gc"] : []),
      ...(process.env.BENCH_PROFILE
        ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
        : []),
    ],
  });
  // Never leave the gateway running, whatever happens to the benchmark.
  process.on("exit", () => child.kill("SIGKILL"));
  const grpc = new GrpcTestClient(address);
  const [host, port] = hosts.split(",")[0]?.split(":") ?? [];
  const direct = await Aerospike.connect({
    hosts: [{ addr: host ?? "127.0.0.1", port: Number(port) }],
    log: { level: Aerospike.log.OFF },
    maxErrorRate: 10_000,
    errorRateWindow: 100,
  } as never);

  const exec = (entries: unknown[]) =>
    grpc.unary(BatchService.method.executeBatch, { entries } as never).then((r) => r.response);

  console.log(`records ${RECORDS}, batch ${BATCH}, rounds ${ROUNDS}, concurrency ${CONCURRENCY}`);
  for (let start = 0; start < RECORDS; start += 1000) {
    const n = Math.min(1000, RECORDS - start);
    await direct.batchWrite(
      Array.from({ length: n }, (_, k) => ({
        type: Aerospike.batchType.BATCH_WRITE,
        key: clientKey(start + k),
        ops: [
          Aerospike.operations.write("i", start + k),
          Aerospike.operations.write("f", new Aerospike.Double(1.5)),
          Aerospike.operations.write("s", `v${start + k}`),
        ],
      })) as never,
    );
  }

  if (process.env.BENCH_ONLY_STREAM) {
    await slowStream(grpc, child.pid);
    grpc.close();
    direct.close(false);
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    await embedded?.close();
    return;
  }
  const directAll = (r: number) =>
    direct.batchRead(batchKeys(r).map((i) => ({ key: clientKey(i), readAllBins: true })) as never);
  const directHeaders = (r: number) =>
    direct.batchRead(batchKeys(r).map((i) => ({ key: clientKey(i), readAllBins: false })) as never);
  const directWrite = (r: number) =>
    direct.batchWrite(
      batchKeys(r).map((i) => ({
        type: Aerospike.batchType.BATCH_WRITE,
        key: clientKey(i),
        ops: [Aerospike.operations.write("w", r)],
      })) as never,
    );
  const gatewayAll = (r: number) =>
    exec(batchKeys(r).map((i) => ({ key: pbKey(i), verb: Verb.READ })));
  const gatewayHeaders = (r: number) =>
    exec(batchKeys(r).map((i) => ({ key: pbKey(i), verb: Verb.READ, headersOnly: true })));
  const results: [Stats, Stats][] = [];
  results.push(await measurePair("READ all bins (gateway: typed)", directAll, gatewayAll));
  results.push(
    await measurePair(
      "READ bins i,f,s (gateway: typed)",
      (r) =>
        direct.batchRead(
          batchKeys(r).map((i) => ({ key: clientKey(i), bins: ["i", "f", "s"] })) as never,
        ),
      (r) =>
        exec(batchKeys(r).map((i) => ({ key: pbKey(i), verb: Verb.READ, bins: ["i", "f", "s"] }))),
    ),
  );
  results.push(await measurePair("READ headers only", directHeaders, gatewayHeaders));
  const intValue = (n: number) =>
    create(ValueSchema, { kind: { case: "intValue", value: BigInt(n) } });
  const gwWriteFn = (r: number) =>
    exec(
      batchKeys(r).map((i) => ({
        key: pbKey(i),
        verb: Verb.UPSERT,
        operations: [{ bin: "w", op: { case: "setTo", value: intValue(r) } }],
      })),
    );
  const writes = await measurePair("UPSERT 1 write op", directWrite, gwWriteFn);
  results.push(writes);
  const gwWrite = writes[1];
  const gwGenWrite = await measure(
    "gateway UPSERT with expected_generation",
    Math.max(4, ROUNDS / 4),
    BATCH,
    (r) =>
      exec(
        batchKeys(r).map((i) => ({
          key: pbKey(i),
          verb: Verb.UPSERT,
          policy: { expectedGeneration: 0xffff },
          operations: [{ bin: "w", op: { case: "setTo", value: intValue(r) } }],
        })),
      ),
  );
  await cpuPerBatch("READ headers only", child.pid, directHeaders, gatewayHeaders);
  await cpuPerBatch("READ all bins", child.pid, directAll, gatewayAll);
  await cpuPerBatch("UPSERT 1 write op", child.pid, directWrite, gwWriteFn);
  for (const [d, g] of results) {
    console.log(show(d));
    console.log(show(g));
    console.log(
      `${"  ratio gateway/direct (records/s)".padEnd(44)} ${(g.records / g.seconds / (d.records / d.seconds)).toFixed(2)}`,
    );
  }
  console.log(show(gwGenWrite));
  console.log(
    `${"  cost of per-entry generation (vs batch row)".padEnd(44)} ${(gwWrite.records / gwWrite.seconds / (gwGenWrite.records / gwGenWrite.seconds)).toFixed(2)}x slower`,
  );

  // Saturated throughput: each side alone with many batches in flight, one after the other. The
  // paired figures above compare latency under the same load; these show what each path delivers
  // flat out on this machine (the direct path can use both cores; the gateway adds a process).
  const saturated: [string, (r: number) => Promise<unknown>, (r: number) => Promise<unknown>][] = [
    ["READ headers only", directHeaders, gatewayHeaders],
    ["READ all bins (gateway: typed)", directAll, gatewayAll],
  ];
  for (const [name, d, g] of saturated) {
    const ds = await flatOut(d);
    const gs = await flatOut(g);
    console.log(
      `${`saturated ${name}`.padEnd(44)} direct ${ds.toFixed(0)} batch/s, gateway ${gs.toFixed(0)} batch/s, ratio ${(gs / ds).toFixed(2)} (${SATURATE} in flight, ${SATURATE_SECONDS} s each)`,
    );
  }

  // StreamBatch time-to-first-result versus ExecuteBatch total for 10k entries. Both send the
  // same request bytes, encoded once beforehand: encoding is the caller's cost, not the gateway's.
  const tenK = toBinary(
    StreamBatchRequestSchema,
    create(StreamBatchRequestSchema, {
      entries: Array.from({ length: 10_000 }, (_, k) => ({
        key: pbKey(k % RECORDS),
        verb: Verb.READ,
      })),
    }),
  );
  const path = (m: { parent: { typeName: string }; name: string }) =>
    `/${m.parent.typeName}/${m.name}`;
  const firsts: number[] = [];
  const totals: number[] = [];
  // Round 0 warms both paths up (JIT, connections) and is not counted.
  for (let round = 0; round <= 7; round++) {
    const t0 = performance.now();
    const { response } = await grpc.unaryRaw(path(BatchService.method.executeBatch), tenK);
    const results = fromBinary(ExecuteBatchResponseSchema, response).results.length;
    const execTotal = performance.now() - t0;
    let first = 0;
    let count = 0;
    const t1 = performance.now();
    await grpc.serverStreamRaw(path(BatchService.method.streamBatch), tenK, {
      onMessage: () => {
        if (count++ === 0) first = performance.now() - t1;
      },
    });
    const streamTotal = performance.now() - t1;
    if (round === 0) continue;
    firsts.push(first);
    totals.push(execTotal);
    console.log(
      `10k READ round ${round}: ExecuteBatch total ${execTotal.toFixed(1)} ms (${results} results); StreamBatch first result ${first.toFixed(1)} ms (${((first / execTotal) * 100).toFixed(1)}%), stream total ${streamTotal.toFixed(1)} ms, ${count} results`,
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  console.log(
    `10k READ median: first result ${median(firsts).toFixed(1)} ms = ${((median(firsts) / median(totals)) * 100).toFixed(1)}% of ExecuteBatch's ${median(totals).toFixed(1)} ms`,
  );

  await slowStream(grpc, child.pid);

  grpc.close();
  direct.close(false);
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  await embedded?.close();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

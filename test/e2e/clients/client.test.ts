import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, errorInfo, serverStream, unary } from "../../../clients/ts/examples/grpc-js.js";
import { main as quickstart } from "../../../clients/ts/examples/quickstart.js";
import { type BatchResult, BatchService } from "../../../gen/ts/aerogate/v1/batch_pb.js";
import type { Operation } from "../../../gen/ts/aerogate/v1/operation_pb.js";
import { RecordService } from "../../../gen/ts/aerogate/v1/record_pb.js";
import {
  TaskEventType,
  TaskKind,
  TaskService,
  TaskState,
} from "../../../gen/ts/aerogate/v1/task_pb.js";
import { type Key, type Value, Verb } from "../../../gen/ts/aerogate/v1/types_pb.js";
import { canonicalBins, diffBins } from "../../clients/ts/canon.js";
import { REPO_ROOT, type SpawnedGateway, spawnGateway } from "../../helpers/gateway.js";

// The TypeScript client suite: the generated protobuf-es code of gen/ts over @grpc/grpc-js (through the
// example's bridge, as an application would use it) against a gateway with the embedded server.

const SET = "clients_ts";
let seq = 0;
let gateway: SpawnedGateway;
let client: grpc.Client;

function freshKey(set = SET): Key {
  seq += 1;
  const id = `ts-${process.pid}-${Date.now()}-${seq}`;
  return { namespace: "test", set, userKey: { case: "stringValue", value: id } } as Key;
}

const iv = (n: bigint | number) => ({ kind: { case: "intValue" as const, value: BigInt(n) } });
const sv = (s: string) => ({ kind: { case: "stringValue" as const, value: s } });
const ael = (text: string, ...placeholders: ReturnType<typeof iv | typeof sv>[]) => ({
  source: { case: "ael" as const, value: text },
  placeholders,
});
const T = { timeoutMs: 30_000 };
const hllCount = { bin: "h", op: { case: "hllGetCount" as const, value: {} } };
const hllAdd = (indexBitCount: number, ...values: ReturnType<typeof iv | typeof sv>[]) => ({
  bin: "h",
  op: { case: "hllAdd" as const, value: { values, indexBitCount } },
});
const intOf = (v: Value | undefined) => (v?.kind.case === "intValue" ? v.kind.value : undefined);
const read = (key: Key) => ({ key, verb: Verb.READ });

/** Writes n records with bins n = i and age = 10 * i. */
async function seed(n: number, set = SET): Promise<Key[]> {
  const keys = Array.from({ length: n }, () => freshKey(set));
  for (const [i, key] of keys.entries()) {
    await unary(
      client,
      RecordService.method.put,
      { key, verb: Verb.UPSERT, bins: { n: iv(i), age: iv(10 * i) } },
      T,
    );
  }
  return keys;
}

async function failure(p: Promise<unknown>): Promise<grpc.ServiceError> {
  return p.then(
    () => {
      throw new Error("the call succeeded but was expected to fail");
    },
    (err: grpc.ServiceError) => err,
  );
}

beforeAll(async () => {
  gateway = await spawnGateway(["serve", "--listen", "127.0.0.1:0"]);
  client = connect(gateway.address);
});

afterAll(async () => {
  client?.close();
  if (gateway && gateway.child.exitCode === null) {
    gateway.child.kill("SIGTERM");
    const timer = setTimeout(() => gateway.kill(), 20_000);
    await gateway.exited;
    clearTimeout(timer);
  }
});

describe("TypeScript client end to end", () => {
  it("puts and gets every Value type unchanged", async () => {
    const want = canonicalBins();
    const key = freshKey();
    await unary(client, RecordService.method.put, { key, bins: want, verb: Verb.UPSERT }, T);
    const got = (await unary(client, RecordService.method.get, { key }, T)).record?.bins ?? {};
    expect(diffBins(want, got)).toEqual([]);
    expect(got.int_big?.kind).toEqual({ case: "intValue", value: 2n ** 53n + 1n });
    expect(got.int_min?.kind).toEqual({ case: "intValue", value: -(2n ** 63n) });
    expect(got.dbl_whole?.kind).toEqual({ case: "doubleValue", value: 3 });
    const bytes = got.bytes?.kind.case === "bytesValue" ? got.bytes.kind.value : undefined;
    expect(bytes && Array.from(bytes)).toEqual([0, 0xff, 0x10, 0x80, 0x7f]);
    const map = got.map?.kind.case === "mapValue" ? got.map.kind.value : undefined;
    const inner = map?.entries[1];
    expect(intOf(inner?.key)).toBe(2n);
    const innerMap = inner?.value?.kind.case === "mapValue" ? inner.value.kind.value : undefined;
    expect(intOf(innerMap?.entries[0]?.key)).toBe(-7n);
    expect(intOf(innerMap?.entries[0]?.value)).toBe(2n ** 63n - 1n);
    expect(got.geo?.kind.case).toBe("geojsonValue");
    expect(got.hll?.kind.case).toBe("hllValue");
  });

  it("round-trips HLL bytes", async () => {
    const key = freshKey();
    await unary(
      client,
      RecordService.method.operate,
      { key, verb: Verb.UPSERT, operations: [hllAdd(8, sv("a"), sv("b"), iv(3))] },
      T,
    );
    const h = (await unary(client, RecordService.method.get, { key }, T)).record?.bins.h?.kind;
    if (h?.case !== "hllValue") throw new Error(`bin h is ${h?.case}, want hllValue`);
    const copy = freshKey();
    await unary(
      client,
      RecordService.method.put,
      { key: copy, verb: Verb.UPSERT, bins: { h: { kind: h } } },
      T,
    );
    const back = (await unary(client, RecordService.method.get, { key: copy }, T)).record?.bins.h;
    expect(back?.kind).toEqual(h);
    const res = await unary(
      client,
      RecordService.method.operate,
      { key: copy, verb: Verb.READ, operations: [hllCount] },
      T,
    );
    expect(intOf(res.operationResults[0])).toBe(3n);
  });

  it("adds to HLL bins, counts them and unions them", async () => {
    const [a, b] = [freshKey(), freshKey()];
    const resA = await unary(
      client,
      RecordService.method.operate,
      { key: a, verb: Verb.UPSERT, operations: [hllAdd(10, sv("x"), sv("y"), sv("z")), hllCount] },
      T,
    );
    expect(resA.operationResults.map(intOf)).toEqual([3n, 3n]);
    await unary(
      client,
      RecordService.method.operate,
      { key: b, verb: Verb.UPSERT, operations: [hllAdd(10, sv("z"), sv("w"))] },
      T,
    );
    const hb = (await unary(client, RecordService.method.get, { key: b }, T)).record?.bins.h?.kind;
    if (hb?.case !== "hllValue") throw new Error("no sketch in b");
    const operations: Operation[] = [
      { bin: "h", op: { case: "hllGetUnionCount", value: { sketches: [hb.value] } } },
      { bin: "h", op: { case: "hllSetUnion", value: { sketches: [hb.value] } } },
      hllCount,
    ] as Operation[];
    const res = await unary(
      client,
      RecordService.method.operate,
      { key: a, verb: Verb.UPDATE, operations },
      T,
    );
    expect(intOf(res.operationResults[0])).toBe(4n);
    expect(intOf(res.operationResults[2])).toBe(4n);
  });

  it("executes a batch with results in input order", async () => {
    const keys = await seed(3);
    const { results: r } = await unary(
      client,
      BatchService.method.executeBatch,
      {
        entries: [
          read(keys[0]!),
          read(freshKey()),
          {
            key: keys[1]!,
            verb: Verb.UPDATE,
            operations: [
              { bin: "n", op: { case: "add", value: iv(100) } },
              { bin: "n", op: { case: "get", value: {} } },
            ],
          },
          { ...read(keys[2]!), bins: ["age"] },
        ],
      },
      T,
    );
    expect(r.map((x) => x.index)).toEqual([0, 1, 2, 3]);
    expect([r[0]?.resultCode, intOf(r[0]?.record?.bins.n)]).toEqual([0, 0n]);
    expect([r[1]?.resultCode, r[1]?.resultName]).toEqual([2, "KEY_NOT_FOUND_ERROR"]);
    expect(intOf(r[2]?.operationResults[1])).toBe(101n);
    expect(Object.keys(r[3]?.record?.bins ?? {})).toEqual(["age"]);
    expect(intOf(r[3]?.record?.bins.age)).toBe(20n);
  });

  it("streams a batch whose results reorder by index", async () => {
    const keys = await seed(25);
    const results: BatchResult[] = [];
    for await (const m of serverStream(
      client,
      BatchService.method.streamBatch,
      { entries: keys.map(read) },
      T,
    )) {
      if (m.result) results.push(m.result);
    }
    results.sort((x, y) => x.index - y.index);
    expect(results.map((x) => x.index)).toEqual(keys.map((_, i) => i));
    for (const [i, res] of results.entries()) {
      expect(res.resultCode).toBe(0);
      expect(res.key?.userKey.value).toBe(keys[i]?.userKey.value);
      expect(intOf(res.record?.bins.n)).toBe(BigInt(i));
    }
  });

  it("filters with an AEL expression bound to placeholders", async () => {
    const keys = await seed(4); // ages 0, 10, 20, 30
    const { results } = await unary(
      client,
      BatchService.method.executeBatch,
      { entries: keys.map(read), filter: ael("$.age >= ?0 and $.age < ?1", iv(10), iv(30)) },
      T,
    );
    expect(results.map((x) => x.resultCode)).toEqual([27, 0, 0, 27]); // 27 = FILTERED_OUT
    // A string placeholder stays data: quotes in it do not change the expression.
    const err = await failure(
      unary(
        client,
        RecordService.method.get,
        { key: keys[1]!, filter: ael("$.age == ?0", sv("10' or true")) },
        T,
      ),
    );
    expect(err.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(errorInfo(err)?.reason).toBe("AEROSPIKE_FILTERED_OUT");
  });

  it("runs a task and watches it to completion", async () => {
    const set = `clients_ts_task_${process.pid}_${++seq}`;
    const keys = await seed(20, set);
    const events = [];
    for await (const m of serverStream(
      client,
      TaskService.method.runTask,
      {
        start: {
          namespace: "test",
          set,
          filter: ael("$.n >= ?0", iv(5)),
          action: {
            case: "update",
            value: { operations: [{ bin: "bg", op: { case: "setTo", value: sv("done") } }] },
          },
          // Throttled so that the job is usually still running when the watch begins.
          recordsPerSecond: 40,
        },
      },
      { timeoutMs: 60_000 },
    )) {
      if (m.event) events.push(m.event);
    }
    expect(events.length).toBeGreaterThan(0);
    // A job that finished before the watch began is reported by its terminal event alone.
    if (events.length > 1) {
      expect(events[0]?.type).toBe(TaskEventType.STARTED);
      expect(events.slice(1, -1).every((e) => e.type === TaskEventType.PROGRESS)).toBe(true);
    }
    const last = events.at(-1);
    expect(last?.type).toBe(TaskEventType.COMPLETED);
    expect(last?.task?.state).toBe(TaskState.COMPLETED);
    expect(last?.task?.kind).toBe(TaskKind.UPDATE);
    expect(last?.task?.recordsSucceeded).toBe(15n);
    const { results } = await unary(
      client,
      BatchService.method.executeBatch,
      { entries: keys.map(read) },
      T,
    );
    expect(results.map((x) => "bg" in (x.record?.bins ?? {}))).toEqual(keys.map((_, i) => i >= 5));
  });

  it("reads ErrorInfo reason and result_code from a failed call", async () => {
    const missing = await failure(unary(client, RecordService.method.get, { key: freshKey() }, T));
    expect(missing.code).toBe(grpc.status.NOT_FOUND);
    const info = errorInfo(missing);
    expect([info?.domain, info?.reason, info?.metadata.result_code]).toEqual([
      "aerogate",
      "AEROSPIKE_KEY_NOT_FOUND_ERROR",
      "2",
    ]);
    expect(info?.metadata).toHaveProperty("in_doubt");

    const put = { key: freshKey(), verb: Verb.INSERT, bins: { a: iv(1) } };
    await unary(client, RecordService.method.put, put, T);
    const exists = await failure(unary(client, RecordService.method.put, put, T));
    expect(exists.code).toBe(grpc.status.ALREADY_EXISTS);
    expect([errorInfo(exists)?.reason, errorInfo(exists)?.metadata.result_code]).toEqual([
      "AEROSPIKE_KEY_EXISTS_ERROR",
      "5",
    ]);
  });

  it("ends a call whose deadline expires with DEADLINE_EXCEEDED", async () => {
    const entries = Array.from({ length: 300 }, () => read(freshKey()));
    const err = await failure(
      unary(client, BatchService.method.executeBatch, { entries }, { timeoutMs: 1 }),
    );
    expect(err.code).toBe(grpc.status.DEADLINE_EXCEEDED);
  });

  it("runs the example program", async () => {
    const lines: string[] = [];
    await quickstart(gateway.address, (line) => lines.push(line));
    expect(lines).toContain("name=Ada visits=9007199254740993 score=3 (doubleValue)");
    expect(lines.join("\n")).toContain("reason=AEROSPIKE_KEY_NOT_FOUND_ERROR result_code=2");
  });
});

describe("the npm package in gen/ts", () => {
  it("compiles to JavaScript with declarations and a package.json that names its peer", () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "gen/ts/package.json"), "utf8"));
    expect(pkg.peerDependencies?.["@bufbuild/protobuf"]).toBeDefined();
    expect(existsSync(join(REPO_ROOT, "gen/ts/README.md"))).toBe(true);
    // Build a copy so that nothing is written into gen/ts.
    const dir = mkdtempSync(join(tmpdir(), "aerogate-ts-pkg-"));
    try {
      cpSync(join(REPO_ROOT, "gen/ts"), dir, { recursive: true });
      symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"), "dir");
      execFileSync(
        process.execPath,
        [join(REPO_ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"],
        { cwd: dir, stdio: "pipe" },
      );
      const out = join(dir, "dist/aerogate/v1");
      expect(readdirSync(out)).toEqual(expect.arrayContaining(["types_pb.js", "types_pb.d.ts"]));
      const probe = [
        'import { create, toBinary, fromBinary } from "@bufbuild/protobuf";',
        'import { ValueSchema } from "./dist/aerogate/v1/types_pb.js";',
        'const v = create(ValueSchema, { kind: { case: "intValue", value: 2n ** 63n - 1n } });',
        "console.log(String(fromBinary(ValueSchema, toBinary(ValueSchema, v)).kind.value));",
      ].join("\n");
      writeFileSync(join(dir, "probe.mjs"), probe);
      const printed = execFileSync(process.execPath, ["probe.mjs"], { cwd: dir, encoding: "utf8" });
      expect(printed.trim()).toBe(String(2n ** 63n - 1n));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

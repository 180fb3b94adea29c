import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Aerospike from "aerospike";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, stopHarness } from "./client-harness.js";

const NS = "test";
const N = 60;
const op = Aerospike.operations;

let h: Harness;

const MODULE = `
function bump(rec, name, delta)
  rec[name] = (rec[name] or 0) + delta
  aerospike:update(rec)
end
`;

async function fill(set: string, n = N): Promise<void> {
  for (let i = 0; i < n; i++) await h.client.put({ ns: NS, set, key: i }, { n: i });
}

async function records(set: string): Promise<Aerospike.AerospikeRecord[]> {
  return h.client.scan(NS, set).results();
}

/** Polls job.info() until completed; returns the statuses seen. */
async function watch(job: Aerospike.Job): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < 600; i++) {
    const info = await job.info();
    seen.push(info.status);
    if (info.status === Aerospike.jobStatus.COMPLETED) return seen;
    await new Promise((r) => setTimeout(r, 50));
  }
  return seen;
}

beforeAll(async () => {
  h = await startHarness();
  const dir = mkdtempSync(join(tmpdir(), "udf-"));
  const file = join(dir, "bg_udf.lua");
  writeFileSync(file, MODULE);
  await (await h.client.udfRegister(file)).wait(10);
});

afterAll(async () => {
  await stopHarness(h);
});

describe("background jobs through the official client", () => {
  it("updates every record of the set with write ops", async () => {
    await fill("bg_update");
    const job = await h.client
      .scan(NS, "bg_update")
      .operate([op.write("bg", 1), op.add("n", 1000)]);
    await job.waitUntilDone(50);
    const rs = await records("bg_update");
    expect(rs.length).toBe(N);
    expect(rs.every((r) => r.bins.bg === 1 && (r.bins.n as number) >= 1000)).toBe(true);
  });

  it("applies a filter expression to the job", async () => {
    await fill("bg_filter");
    const exp = Aerospike.exp;
    const q = h.client.query(NS, "bg_filter");
    const job = await q.operate([op.write("low", true)], {
      filterExpression: exp.lt(exp.binInt("n"), exp.int(10)),
    } as Aerospike.QueryPolicy);
    await job.waitUntilDone(50);
    const rs = await records("bg_filter");
    expect(rs.filter((r) => r.bins.low === true).length).toBe(10);
    const show = (await h.client.infoAny(`query-show:id=${job.jobID}`)) as string;
    expect(show).toContain("recs-succeeded=10");
    expect(show).toContain("recs-filtered-bins=50");
  });

  it("touches records with the job's TTL", async () => {
    await fill("bg_touch", 10);
    const q = h.client.query(NS, "bg_touch");
    q.ttl = 888;
    const job = await q.operate([op.touch(888)]);
    await job.waitUntilDone(50);
    const rs = await records("bg_touch");
    expect(rs.every((r) => r.ttl > 800 && r.ttl <= 888)).toBe(true);
  });

  it("deletes records", async () => {
    await fill("bg_delete", 20);
    const job = await h.client.scan(NS, "bg_delete").operate([op.delete()]);
    await job.waitUntilDone(50);
    expect((await records("bg_delete")).length).toBe(0);
  });

  it("runs a record UDF on every record", async () => {
    await fill("bg_udf", 30);
    const job = await h.client.query(NS, "bg_udf").background("bg_udf", "bump", ["n", 5]);
    await job.waitUntilDone(50);
    const rs = await records("bg_udf");
    expect(rs.map((r) => r.bins.n as number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 5),
    );
  });

  it("reports a throttled job in progress, then done", async () => {
    await fill("bg_slow", 40);
    const scan = h.client.scan(NS, "bg_slow");
    const job = await scan.operate([op.write("slow", 1)], {
      recordsPerSecond: 20,
    } as Aerospike.ScanPolicy);
    const seen = await watch(job);
    expect(seen[0]).toBe(Aerospike.jobStatus.INPROGRESS);
    expect(seen[seen.length - 1]).toBe(Aerospike.jobStatus.COMPLETED);
    const info = await job.info();
    expect(info.progressPct).toBe(100);
    expect(info.recordsRead).toBe(40);
  });

  it("aborts a running job with query-abort", async () => {
    await fill("bg_abort", 40);
    const scan = h.client.scan(NS, "bg_abort");
    const job = await scan.operate([op.write("hit", 1)], {
      recordsPerSecond: 10,
    } as Aerospike.ScanPolicy);
    expect(await h.client.infoAny(`query-abort:id=${job.jobID}`)).toContain("ok");
    await job.waitUntilDone(50);
    const show = (await h.client.infoAny(`query-show:id=${job.jobID}`)) as string;
    expect(show).toContain("status=done(user-aborted)");
    const hit = (await records("bg_abort")).filter((r) => r.bins.hit === 1).length;
    expect(hit).toBeLessThan(40);
    await expect(h.client.infoAny("query-abort:id=12345")).rejects.toMatchObject({ code: 2 });
  });

  it("runs a job on the records a secondary index selects", async () => {
    await fill("bg_index", 30);
    await (
      await h.client.createIntegerIndex({ ns: NS, set: "bg_index", bin: "n", index: "bg_idx" })
    ).wait(10);
    const q = h.client.query(NS, "bg_index");
    q.where(Aerospike.filter.range("n", 10, 19));
    const job = await q.operate([op.write("picked", 1)]);
    await job.waitUntilDone(50);
    const picked = (await records("bg_index")).filter((r) => r.bins.picked === 1);
    expect(picked.map((r) => r.bins.n as number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 10 }, (_, i) => i + 10),
    );
  });

  it("treats an unknown job id as completed", async () => {
    const job = new Aerospike.Job(h.client, 1234567890123, "query");
    const info = await job.info();
    expect(info.status).toBe(Aerospike.jobStatus.COMPLETED);
  });
});

import Aerospike from "aerospike";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, stopHarness } from "./client-harness.js";

const NS = "test";
const SET = "sq";
const N = 300;

let h: Harness;

function key(i: number): Aerospike.KeyOptions {
  return { ns: NS, set: SET, key: `k${i}` };
}

async function scanAll(
  scan: Aerospike.Scan,
  policy?: Aerospike.ScanPolicy,
): Promise<Aerospike.AerospikeRecord[]> {
  return scan.results(policy);
}

beforeAll(async () => {
  h = await startHarness();
  const policy = { key: Aerospike.policy.key.SEND };
  for (let i = 0; i < N; i++) {
    await h.client.put(key(i), { n: i, s: `s${i}`, g: i % 10 }, { ttl: -1 }, policy);
  }
  await h.client.put({ ns: NS, set: "other", key: "x" }, { n: 1 });
});

afterAll(async () => {
  await stopHarness(h);
});

describe("secondary-index queries", () => {
  it("creates indexes and answers range and equality queries like the filtered scan", async () => {
    const job = await h.client.createIntegerIndex({ ns: NS, set: SET, bin: "n", index: "idx_n" });
    await job.wait(10);
    await (await h.client.createStringIndex({ ns: NS, set: SET, bin: "s", index: "idx_s" })).wait(
      10,
    );
    const q = h.client.query(NS, SET);
    q.where(Aerospike.filter.range("n", 100, 149));
    const viaIndex = await q.results();
    const exp = Aerospike.exp;
    const viaScan = await scanAll(h.client.scan(NS, SET), {
      filterExpression: exp.and(
        exp.ge(exp.binInt("n"), exp.int(100)),
        exp.le(exp.binInt("n"), exp.int(149)),
      ),
    } as Aerospike.ScanPolicy);
    const sorted = (rs: Aerospike.AerospikeRecord[]) =>
      rs.map((r) => r.bins.n as number).sort((a, b) => a - b);
    expect(sorted(viaIndex)).toEqual(sorted(viaScan));
    expect(viaIndex.length).toBe(50);
    const eq = h.client.query(NS, SET);
    eq.where(Aerospike.filter.equal("s", "s42"));
    const one = await eq.results();
    expect(one.map((r) => r.bins.n)).toEqual([42]);
  });

  it("fails with INDEX_NOT_FOUND on a bin without index, and after the index is removed", async () => {
    const q = h.client.query(NS, SET);
    q.where(Aerospike.filter.equal("g", 1));
    await expect(q.results()).rejects.toMatchObject({ code: 201 });
    await h.client.indexRemove(NS, "idx_n");
    const q2 = h.client.query(NS, SET);
    q2.where(Aerospike.filter.range("n", 0, 10));
    await expect(q2.results()).rejects.toMatchObject({ code: 201 });
  });
});

describe("scans through the official client", () => {
  it("counts a full scan of the set", async () => {
    const records = await scanAll(h.client.scan(NS, SET));
    expect(records.length).toBe(N);
    expect(new Set(records.map((r) => r.bins.n)).size).toBe(N);
    expect(records.every((r) => r.key.key !== undefined)).toBe(true);
  });

  it("projects bins and returns no bins", async () => {
    const scan = h.client.scan(NS, SET, { select: ["s"] });
    const records = await scanAll(scan);
    expect(records.length).toBe(N);
    expect(Object.keys(records[0]?.bins ?? {})).toEqual(["s"]);
    const nobins = await scanAll(h.client.scan(NS, SET, { nobins: true }));
    expect(nobins.length).toBe(N);
    expect(nobins[0]?.bins).toEqual({});
  });

  it("filters with an expression", async () => {
    const exp = Aerospike.exp;
    const records = await scanAll(h.client.scan(NS, SET), {
      filterExpression: exp.lt(exp.binInt("n"), exp.int(50)),
    } as Aerospike.ScanPolicy);
    expect(records.map((r) => r.bins.n as number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i),
    );
  });

  it("returns every record of a scan throttled by records per second", async () => {
    const records = await scanAll(h.client.scan(NS, SET), {
      recordsPerSecond: 1000,
    } as Aerospike.ScanPolicy);
    expect(records.length).toBe(N);
  });

  it("honours maxRecords", async () => {
    const records = await scanAll(h.client.scan(NS, SET), {
      maxRecords: 40,
    } as Aerospike.ScanPolicy);
    expect(records.length).toBe(40);
  });

  it("splits by partition ranges without overlap", async () => {
    const a = h.client.scan(NS, SET);
    a.partitions(0, 2048);
    const b = h.client.scan(NS, SET);
    b.partitions(2048, 2048);
    const ra = await scanAll(a);
    const rb = await scanAll(b);
    expect(ra.length + rb.length).toBe(N);
    const keys = new Set([...ra, ...rb].map((r) => r.key.key));
    expect(keys.size).toBe(N);
  });

  it("paginates with no duplicate and no gap", async () => {
    const scan = h.client.scan(NS, SET, { paginate: true });
    const seen = new Set<unknown>();
    let pages = 0;
    while (true) {
      const page = await scan.results({ maxRecords: 70 } as Aerospike.ScanPolicy);
      pages++;
      for (const r of page) {
        expect(seen.has(r.key.key)).toBe(false);
        seen.add(r.key.key);
      }
      if (!scan.hasNextPage()) break;
      expect(pages).toBeLessThan(20);
    }
    expect(seen.size).toBe(N);
  });
});

describe("pagination over 10k records", () => {
  const BIG = 10000;

  beforeAll(async () => {
    for (let start = 0; start < BIG; start += 500) {
      const rows = Array.from({ length: 500 }, (_, j) => ({
        type: Aerospike.batchType.BATCH_WRITE,
        key: new Aerospike.Key(NS, "big", start + j),
        ops: [Aerospike.operations.write("i", start + j)],
      }));
      await h.client.batchWrite(rows as unknown as Aerospike.BatchWriteRecord[]);
    }
  });

  it("pages through every record exactly once", async () => {
    const scan = h.client.scan(NS, "big", { paginate: true });
    const seen = new Set<number>();
    let duplicates = 0;
    let pages = 0;
    do {
      const page = await scan.results({ maxRecords: 997 } as Aerospike.ScanPolicy);
      pages++;
      for (const r of page) {
        const i = r.bins.i as number;
        if (seen.has(i)) duplicates++;
        seen.add(i);
      }
    } while (scan.hasNextPage() && pages < 100);
    expect(duplicates).toBe(0);
    expect(seen.size).toBe(BIG);
    expect(pages).toBeGreaterThanOrEqual(11);
  });

  it("pages a secondary-index query the same way", async () => {
    await (
      await h.client.createIntegerIndex({ ns: NS, set: "big", bin: "i", index: "idx_big" })
    ).wait(10);
    const q = h.client.query(NS, "big", { paginate: true, maxRecords: 1500 });
    q.where(Aerospike.filter.range("i", 2000, 7999));
    const seen = new Set<number>();
    let pages = 0;
    do {
      const page = await q.results();
      pages++;
      for (const r of page) seen.add(r.bins.i as number);
    } while (q.hasNextPage() && pages < 100);
    expect(seen.size).toBe(6000);
    expect(Math.min(...seen)).toBe(2000);
    expect(Math.max(...seen)).toBe(7999);
  });
});

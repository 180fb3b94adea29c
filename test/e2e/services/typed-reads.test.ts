import Aerospike from "aerospike";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareBatch, runBatch } from "../../../src/aerospike/batch-ops.js";
import { readRecord } from "../../../src/aerospike/record-ops.js";
import { probeHints } from "../../../src/aerospike/type-probe.js";
import { clientDouble } from "../../../src/aerospike/values.js";
import type { BatchItem } from "../../../src/mapping/batch-entry.js";
import type { AsValue, RecordKey } from "../../../src/mapping/model.js";
import { type Harness, startHarness, stopHarness } from "../embedded/client-harness.js";

/**
 * All-bins reads through the official client keep every particle type, and cost one command once
 * the set's ambiguous bins are known (the type probe rides along with the read).
 */

const t = { totalMs: 5000, deadlineBound: false };
let h: Harness;
let setNo = 0;
/** A set no other test used, so the process-wide probe hints start empty for it. */
const freshSet = () => `typed${process.pid}x${setNo++}`;

/** The client, counting the commands the gateway code sends through it. */
function counting(client: Aerospike.Client) {
  const calls: string[] = [];
  let before: ((method: string) => Promise<void>) | undefined;
  const proxy = new Proxy(client, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== "function" || typeof prop !== "string") return v;
      return async (...args: unknown[]) => {
        calls.push(prop);
        await before?.(prop);
        return (v as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    },
  });
  return {
    client: proxy,
    calls,
    /** Runs `fn` before each command from the next call on. */
    beforeEach(fn: (method: string) => Promise<void>) {
      before = fn;
    },
  };
}

/** A client key (typed loosely: the package's Key typings clash with exactOptionalPropertyTypes). */
const ck = (set: string, k: string) => new Aerospike.Key("test", set, k) as never;
const key = (set: string, k: string): RecordKey => ({ namespace: "test", set, userKey: k });
const readAll = (index: number, k: RecordKey): BatchItem => ({
  index,
  key: k,
  action: { kind: "read", ops: [], allBins: true, headersOnly: false },
  filter: undefined,
  settings: { durableDelete: false, sendKey: false },
});

// Values whose particle type the client hides, with the exact value the gateway must report.
const AMBIGUOUS: [string, unknown, AsValue][] = [
  ["int", 3, { type: "int", value: 3n }],
  ["float", clientDouble(3), { type: "double", value: 3 }],
  [
    "geo",
    new Aerospike.GeoJSON({ type: "Point", coordinates: [1, 2] }),
    { type: "geojson", value: '{"type":"Point","coordinates":[1,2]}' },
  ],
  ["jsonish", '{"a":1}', { type: "string", value: '{"a":1}' }],
  [
    "list",
    [1, clientDouble(2)],
    {
      type: "list",
      value: [
        { type: "int", value: 1n },
        { type: "double", value: 2 },
      ],
    },
  ],
  ["listlike", Buffer.from([0x91, 0x01]), { type: "bytes", value: new Uint8Array([0x91, 0x01]) }],
];
// Values the client's answer alone decodes exactly.
const PLAIN: [string, unknown, AsValue][] = [
  ["half", clientDouble(1.5), { type: "double", value: 1.5 }],
  ["str", "v1", { type: "string", value: "v1" }],
  ["blob", Buffer.from([0x01, 0x91]), { type: "bytes", value: new Uint8Array([0x01, 0x91]) }],
];

/** The bins to write (typed loosely: the package's bin typings omit wrapped values). */
function binsOf(...groups: [string, unknown, AsValue][][]): never {
  return Object.fromEntries(groups.flat().map(([b, js]) => [b, js])) as never;
}

function expected(values: [string, unknown, AsValue][]): Map<string, AsValue> {
  return new Map(values.map(([b, , v]) => [b, v]));
}

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await stopHarness(h);
});

describe("typed all-bins reads", () => {
  it("batch: learns a set's ambiguous bins, then reads and probes them in one command", async () => {
    const set = freshSet();
    const keys = [key(set, "a"), key(set, "b")];
    for (const k of keys) {
      await h.client.put(ck(set, k.userKey as string), binsOf(AMBIGUOUS, PLAIN));
    }
    const want = expected([...AMBIGUOUS, ...PLAIN]);
    const c = counting(h.client);
    const items = prepareBatch(keys.map((k, i) => readAll(i, k)));

    const first = await runBatch(c.client, items, t);
    expect(c.calls).toEqual(["batchRead", "batchRead"]);
    expect(first.map((o) => o.record?.bins)).toEqual([want, want]);
    expect([...probeHints.binsOf("test", set)].sort()).toEqual(AMBIGUOUS.map(([b]) => b).sort());

    c.calls.length = 0;
    const second = await runBatch(c.client, items, t);
    expect(c.calls).toEqual(["batchRead"]);
    expect(second.map((o) => o.record?.bins)).toEqual([want, want]);
    expect(second.map((o) => o.record?.generation)).toEqual([1, 1]);
  });

  it("batch: needs no probe when every value decodes exactly on its own", async () => {
    const set = freshSet();
    const k = key(set, "p");
    await h.client.put(ck(set, "p"), binsOf(PLAIN));
    const c = counting(h.client);
    const [o] = await runBatch(c.client, prepareBatch([readAll(0, k)]), t);
    expect(c.calls).toEqual(["batchRead"]);
    expect(o?.record?.bins).toEqual(expected(PLAIN));
    expect(probeHints.binsOf("test", set)).toEqual([]);
  });

  it("batch: probes a bin outside the hint in a second command and learns it", async () => {
    const set = freshSet();
    await h.client.put(ck(set, "x"), { i: 1 });
    const c = counting(h.client);
    await runBatch(c.client, prepareBatch([readAll(0, key(set, "x"))]), t);
    await h.client.put(ck(set, "x"), { f: clientDouble(7) });
    c.calls.length = 0;
    const [o] = await runBatch(c.client, prepareBatch([readAll(0, key(set, "x"))]), t);
    expect(c.calls).toEqual(["batchRead", "batchRead"]);
    expect(o?.record?.bins.get("f")).toEqual({ type: "double", value: 7 });
    expect(o?.record?.bins.get("i")).toEqual({ type: "int", value: 1n });
    expect(probeHints.binsOf("test", set)).toEqual(["i", "f"]);
  });

  it("batch: reads a record again alone when it changed between read and probe", async () => {
    const set = freshSet();
    const rk = ck(set, "r");
    await h.client.put(rk, { n: 5 });
    const c = counting(h.client);
    let round = 0;
    c.beforeEach(async (method) => {
      // Between the read and the type probe, another writer makes n a FLOAT.
      if (method === "batchRead" && round++ === 1)
        await h.client.put(rk, { n: clientDouble(5) } as never);
    });
    const [o] = await runBatch(c.client, prepareBatch([readAll(0, key(set, "r"))]), t);
    expect(o?.record?.bins.get("n")).toEqual({ type: "double", value: 5 });
    expect(o?.record?.generation).toBe(2);
  });

  it("get: reads and probes in one command once the set's bins are known", async () => {
    const set = freshSet();
    const k = key(set, "g");
    await h.client.put(ck(set, "g"), binsOf(AMBIGUOUS, PLAIN));
    const want = expected([...AMBIGUOUS, ...PLAIN]);
    const c = counting(h.client);
    expect((await readRecord(c.client, k, t, {})).bins).toEqual(want);
    expect(c.calls).toEqual(["get", "operate"]);
    c.calls.length = 0;
    expect((await readRecord(c.client, k, t, {})).bins).toEqual(want);
    expect(c.calls).toEqual(["operate"]);
  });

  it("keeps at most HINT_BINS bins per set, the newest", () => {
    const set = freshSet();
    const many = Array.from({ length: 45 }, (_, i) => `b${i}`);
    probeHints.learn("test", set, many);
    const kept = probeHints.binsOf("test", set);
    expect(kept.length).toBe(30);
    expect(kept[0]).toBe("b15");
    expect(kept.at(-1)).toBe("b44");
  });
});

import Aerospike from "aerospike";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedServer } from "../../../src/embedded/index.js";
import { runEmbedded } from "../../../src/embedded/main.js";
import { clientConfig, type Harness, startHarness, stopHarness } from "./client-harness.js";

// The client's Key class does not satisfy its own KeyOptions under exactOptionalPropertyTypes.
function key(ns: string, set: string, k: string | number): Aerospike.KeyOptions {
  return new Aerospike.Key(ns, set, k) as unknown as Aerospike.KeyOptions;
}

describe("a client tending the embedded server", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(["test", "other"]);
  });
  afterAll(async () => {
    await stopHarness(h);
  });

  it("sees one node named like the server and stays connected while tending", async () => {
    const nodes = h.client.getNodes();
    expect(nodes).toHaveLength(1);
    expect(nodes[0]?.name).toBe(h.server.nodeName);
    await new Promise((r) => setTimeout(r, 1500));
    expect(h.client.isConnected()).toBe(true);
    expect(await h.client.infoAny("node")).toBe(`node\t${h.server.nodeName}\n`);
  });

  it("serves every configured namespace", async () => {
    expect(await h.client.infoAny("namespaces")).toBe("namespaces\ttest;other\n");
    const k = key("other", "s", 1);
    await h.client.put(k, { a: 1 });
    expect((await h.client.get(k)).bins).toEqual({ a: 1 });
    const same = key("test", "s", 1);
    await expect(h.client.get(same)).rejects.toMatchObject({ code: 2 });
  });

  it("answers many concurrent commands over pooled connections", async () => {
    const keys = Array.from({ length: 300 }, (_, i) => key("test", "conc", i));
    // The client allows 100 async connections per node; keep 50 commands in flight.
    const records: Aerospike.AerospikeRecord<Aerospike.AerospikeBins>[] = [];
    for (let at = 0; at < keys.length; at += 50) {
      const chunk = keys.slice(at, at + 50);
      await Promise.all(chunk.map((k, j) => h.client.put(k, { i: at + j, s: `v${at + j}` })));
      records.push(...(await Promise.all(chunk.map((k) => h.client.get(k)))));
    }
    expect(records.map((r) => r.bins.i)).toEqual(keys.map((_, i) => i));
    const batch = await h.client.batchRead(
      keys.map((k) => ({ key: k as unknown as Aerospike.Key, readAllBins: true })),
    );
    expect(batch.every((r) => r.status === 0)).toBe(true);
  });

  it("expires a ttl=1 record and truncates a set", async () => {
    const short = key("test", "exp", "short");
    await h.client.put(short, { a: 1 }, { ttl: 1 });
    expect((await h.client.get(short)).ttl).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 2200));
    await expect(h.client.get(short)).rejects.toMatchObject({ code: 2 });
    const kept = key("test", "trunc", 1);
    await h.client.put(kept, { a: 1 });
    await h.client.truncate("test", "trunc", 0);
    await expect(h.client.get(kept)).rejects.toMatchObject({ code: 2 });
  });
});

describe("starting and stopping", () => {
  it("reports a port in use and can be restarted on a freed port", async () => {
    const a = await startEmbeddedServer({ port: 0 });
    await expect(startEmbeddedServer({ port: a.port })).rejects.toThrow();
    const port = a.port;
    await a.close();
    const b = await startEmbeddedServer({ port });
    const client = await Aerospike.connect(clientConfig(b.port));
    expect(client.isConnected()).toBe(true);
    await client.close();
    await b.close();
  });

  it("runs inline when asked (no official client on this thread)", async () => {
    const s = await startEmbeddedServer({ port: 0, inline: true, namespaces: ["x"] });
    expect(s.port).toBeGreaterThan(0);
    await s.close();
  });

  it("runEmbedded prints help and rejects bad arguments", async () => {
    expect(await runEmbedded(["--help"])).toBe(0);
    expect(await runEmbedded(["--bogus"])).toBe(2);
  });
});

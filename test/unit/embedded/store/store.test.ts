import { describe, expect, it } from "vitest";
import { BinList } from "../../../../src/embedded/store/bins.js";
import { CITRUSLEAF_EPOCH_SECONDS, resolveVoidTime } from "../../../../src/embedded/store/clock.js";
import { nextGeneration } from "../../../../src/embedded/store/record.js";
import { Store } from "../../../../src/embedded/store/store.js";
import { intParticle } from "../../../../src/embedded/wire/particle.js";

const NOW_MS = (CITRUSLEAF_EPOCH_SECONDS + 1000) * 1000 + 500;

describe("TTL → void time", () => {
  it.each([
    ["never (-1)", 0xffffffff, undefined, 0, 0],
    ["keep (-2) on update", 0xfffffffe, 1234, 0, 1234],
    ["keep (-2) on create → default", 0xfffffffe, undefined, 50, 1050],
    ["0 → default never", 0, 1234, 0, 0],
    ["0 → default 50", 0, undefined, 50, 1050],
    ["100 s", 100, undefined, 0, 1100],
    ["10 years", 315360000, undefined, 0, 1000 + 315360000],
  ])("%s", (_n, ttl, current, def, want) => {
    expect(resolveVoidTime(ttl, current, def, NOW_MS)).toBe(want);
  });

  it("rejects more than 10 years", () => {
    expect(resolveVoidTime(315360001, undefined, 0, NOW_MS)).toBeUndefined();
  });
});

describe("records", () => {
  it("wraps generations to 1", () => {
    expect([nextGeneration(1), nextGeneration(65534), nextGeneration(65535)]).toEqual([
      2, 65535, 1,
    ]);
  });

  it("keeps bin order like the server: append, and fill a removed slot with the last bin", () => {
    const bins = new BinList();
    for (const n of ["i", "f", "s", "n", "cnt", "newstr"]) bins.set(n, intParticle(1n));
    bins.remove("n");
    expect(bins.entries().map((b) => b.name)).toEqual(["i", "f", "s", "newstr", "cnt"]);
    bins.remove("cnt");
    expect(bins.entries().map((b) => b.name)).toEqual(["i", "f", "s", "newstr"]);
  });

  it("truncates by set and cut-off, and sweeps expired records", () => {
    let now = NOW_MS;
    const store = new Store([{ name: "test", defaultTtl: 0 }], () => now);
    const ns = store.namespace("test");
    if (ns === undefined) throw new Error("ns");
    const put = (d: number, set: string, lut: number, voidTime = 0) =>
      ns.put({
        digest: Buffer.alloc(20, d),
        setName: set,
        key: undefined,
        bins: new BinList(),
        generation: 1,
        voidTime,
        lastUpdateMs: lut,
      });
    put(1, "a", 10);
    put(2, "a", 30);
    put(3, "b", 10);
    put(4, "b", 10, 1001);
    expect(ns.truncate("a", 20)).toBe(1);
    expect(ns.size).toBe(3);
    now += 2000;
    expect(ns.lookup(Buffer.alloc(20, 4), now).expired).toBeDefined();
    expect(store.sweep()).toBe(1);
    expect(ns.truncate(undefined, 100)).toBe(2);
    expect(ns.size).toBe(0);
  });
});

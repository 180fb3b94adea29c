import { describe, expect, it } from "vitest";
import { InfoRegistry } from "../../../../src/embedded/info/registry.js";
import { registerSindexCommands } from "../../../../src/embedded/query/sindex-info.js";
import { SindexRegistry } from "../../../../src/embedded/query/sindex-registry.js";
import { BinList } from "../../../../src/embedded/store/bins.js";
import { Store } from "../../../../src/embedded/store/store.js";
import { intParticle } from "../../../../src/embedded/wire/particle.js";

function setup() {
  const store = new Store([{ name: "test", defaultTtl: 0 }]);
  const ns = store.namespace("test");
  for (let i = 0; i < 3; i++) {
    const bins = new BinList();
    bins.set("n", intParticle(BigInt(i)));
    ns?.put({
      digest: Buffer.alloc(20, i),
      setName: "s",
      key: undefined,
      bins,
      generation: 1,
      voidTime: 0,
      lastUpdateMs: 0,
    });
  }
  const sindexes = new SindexRegistry();
  const info = new InfoRegistry();
  registerSindexCommands(info, store, sindexes);
  return { info, sindexes };
}

describe("secondary-index info commands", () => {
  it("creates, reports, lists and deletes indexes like the reference server", () => {
    const { info, sindexes } = setup();
    const create = "sindex-create:namespace=test;set=s;indexname=idx;bin=n;type=NUMERIC";
    expect(info.answer(create)).toBe("ok");
    expect(info.answer(create)).toBe("ok");
    expect(info.answer("sindex/test/idx")).toMatch(/^entries=3;.*load_pct=100;/);
    expect(info.answer("sindex-exists:ns=test;indexname=idx")).toBe("true");
    expect(info.answer("sindex-list:ns=test")).toContain("indexname=idx:set=s:bin=n:type=numeric");
    expect(
      sindexes.find({
        namespace: "test",
        setName: "s",
        indexName: undefined,
        bin: "n",
        keyType: "NUMERIC",
        collection: 0,
      })?.name,
    ).toBe("idx");
    expect(info.answer("sindex-delete:namespace=test;indexname=idx")).toBe("ok");
    expect(info.answer("sindex-delete:namespace=test;indexname=idx")).toBe("ok");
    expect(info.answer("sindex-exists:ns=test;indexname=idx")).toBe("false");
    expect(info.answer("sindex/test/idx")).toMatch(/^ERROR:201/);
  });

  it("rejects bad definitions", () => {
    const { info } = setup();
    expect(info.answer("sindex-create:namespace=test;indexname=x;bin=n;type=FOO")).toMatch(
      /^ERROR:4/,
    );
    expect(info.answer("sindex-create:namespace=nope;indexname=x;bin=n;type=NUMERIC")).toMatch(
      /^ERROR:20/,
    );
    expect(info.answer("sindex-create:namespace=test;bin=n;type=NUMERIC")).toMatch(/^ERROR:4/);
  });

  it("finds a namespace-wide index for a query on any set, but not a string index for numbers", () => {
    const { info, sindexes } = setup();
    info.answer("sindex-create:namespace=test;indexname=all;bin=n;type=NUMERIC");
    const q = { namespace: "test", indexName: undefined, bin: "n", collection: 0 } as const;
    expect(sindexes.find({ ...q, setName: "x", keyType: "NUMERIC" })?.name).toBe("all");
    expect(sindexes.find({ ...q, setName: "x", keyType: "STRING" })).toBeUndefined();
  });
});

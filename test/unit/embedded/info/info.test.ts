import { describe, expect, it } from "vitest";
import { registerCoreCommands } from "../../../../src/embedded/info/core-commands.js";
import { InfoRegistry, parseInfoCommand } from "../../../../src/embedded/info/registry.js";
import { ALL_PARTITIONS_BITMAP, partitionId } from "../../../../src/embedded/info/replicas.js";
import { newIdentity } from "../../../../src/embedded/info/server-identity.js";
import { newStats } from "../../../../src/embedded/info/stats.js";
import { BinList } from "../../../../src/embedded/store/bins.js";
import { Store } from "../../../../src/embedded/store/store.js";
import { intParticle } from "../../../../src/embedded/wire/particle.js";

function registry(namespaces = ["test"]) {
  const store = new Store(namespaces.map((name) => ({ name, defaultTtl: 0 })));
  const identity = newIdentity("127.0.0.1", 3000, "local");
  const info = new InfoRegistry();
  registerCoreCommands(info, { store, identity, stats: newStats() });
  return { info, store, identity };
}

describe("info commands", () => {
  it("parses names, path arguments and parameters", () => {
    const c = parseInfoCommand("truncate:namespace=test;set=s;");
    expect([c.name, c.params.get("namespace"), c.params.get("set")]).toEqual([
      "truncate",
      "test",
      "s",
    ]);
    expect(parseInfoCommand("namespace/test").args).toEqual(["test"]);
  });

  it("answers the seed request with node, generation 0 and build 8.1.2.0", () => {
    const { info, identity } = registry();
    expect(info.respond("node\npartition-generation\nbuild\n")).toBe(
      `node\t${identity.nodeName}\npartition-generation\t0\nbuild\t8.1.2.0\n`,
    );
  });

  it.each([
    ["peers-clear-std\n", "peers-clear-std\t0,3000,[]\n"],
    [
      "user-agent-set:value=MSxub2RlanMtNi43LjEsbm90LXNldA==\n",
      "user-agent-set:value=MSxub2RlanMtNi43LjEsbm90LXNldA==\tok\n",
    ],
    ["edition\n", "edition\tAerospike Community Edition\n"],
    ["version\n", "version\tAerospike Community Edition build 8.1.2.0\n"],
    ["partitions\n", "partitions\t4096\n"],
    ["no-such-command\n", "no-such-command\tERROR:4:unrecognized command\n"],
    ["build\nedition\n", "build\t8.1.2.0\nedition\tAerospike Community Edition\n"],
  ])("%j", (req, want) => {
    expect(registry().info.respond(req)).toBe(want);
  });

  it("reports a 684-character all-ones bitmap per namespace in replicas", () => {
    expect(ALL_PARTITIONS_BITMAP).toHaveLength(684);
    expect(ALL_PARTITIONS_BITMAP.endsWith("//8=")).toBe(true);
    const value = registry(["test", "bar"]).info.answer("replicas");
    expect(value).toBe(`test:0,1,${ALL_PARTITIONS_BITMAP};bar:0,1,${ALL_PARTITIONS_BITMAP}`);
    expect(registry(["test", "bar"]).info.answer("namespaces")).toBe("test;bar");
  });

  it("computes partition ids like the client", () => {
    expect(partitionId(Buffer.from("a443f05d05d962202b59abb402afae1737dbf66a", "hex"))).toBe(932);
    expect(partitionId(Buffer.from("ec91192d4b7f8ce35d5d78d34bca65cbaaaac960", "hex"))).toBe(492);
  });

  it("answers the empty request with the summary, and namespace stats with object counts", () => {
    const { info, store } = registry();
    expect(info.respond("")).toMatch(
      /^features\t.*\nnode\t.*\nedition\tAerospike Community Edition\n/s,
    );
    store.namespace("test")?.put({
      digest: Buffer.alloc(20, 1),
      setName: "s1",
      key: undefined,
      bins: new BinList([{ name: "a", particle: intParticle(1n) }]),
      generation: 1,
      voidTime: 0,
      lastUpdateMs: 1,
    });
    expect(info.answer("namespace/test")).toMatch(/(^|;)objects=1;/);
    expect(info.answer("namespace/nope")).toMatch(/^ERROR:/);
    expect(info.answer("sets/test")).toMatch(/^ns=test:set=s1:objects=1:/);
    expect(info.answer("truncate:namespace=test;set=s1")).toBe("ok");
    expect(info.answer("sets/test")).toMatch(/^ns=test:set=s1:objects=0:/);
    expect(info.answer("truncate:namespace=nope;set=s1")).toMatch(/^ERROR:/);
  });
});

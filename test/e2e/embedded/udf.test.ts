import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Aerospike from "aerospike";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTranscript } from "../../unit/embedded/fixtures.js";
import { clientConfig, type Harness, startHarness, stopHarness } from "./client-harness.js";

const NS = "test";
const SET = "udf";

const RUNAWAY = `
function spin(rec)
  while true do end
end

function spin_pcall(rec)
  while true do pcall(function() while true do end end) end
end

function hog(rec)
  local t = {}
  for i = 1, 1e9 do t[i] = string.rep("x", 1000) .. i end
end

function ok(rec) return "still here" end

function with_ttl(rec, ttl)
  rec["t"] = 1
  record.set_ttl(rec, ttl)
  aerospike:update(rec)
end

function bytes_and_key(rec)
  local b = bytes(2)
  b[1] = 7
  bytes.set_byte(b, 2, 9)
  local l = list()
  list.append(l, bytes.size(b))
  list.append(l, record.key(rec))
  list.append(l, bytes.size(record.digest(rec)))
  list.append(l, list.size(list{1, 2, 3}))
  info("log line %d", 1)
  return l
end
`;

let h: Harness;
let dir: string;
const key = (k: string): Aerospike.KeyOptions => ({ ns: NS, set: SET, key: k });

function fixtureModule(): string {
  const note = readTranscript("background").find((l) => l.kind === "note") as {
    data: { source: string };
  };
  return note.data.source;
}

async function register(name: string, source: string): Promise<void> {
  const file = join(dir, name);
  writeFileSync(file, source);
  await (await h.client.udfRegister(file)).wait(10);
}

beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), "udf-"));
  await register("fixture_udf.lua", fixtureModule());
  await register("runaway.lua", RUNAWAY);
  await h.client.put(
    key("apply"),
    { a: 1, s: "str" },
    { ttl: -1 },
    { key: Aerospike.policy.key.SEND },
  );
});

afterAll(async () => {
  await stopHarness(h);
});

describe("UDF modules", () => {
  it("lists, gets and removes modules", async () => {
    const list = (await h.client.infoAny("udf-list")) as string;
    expect(list).toContain(
      "filename=fixture_udf.lua,hash=8ede0506b61151ad6fa49acf905bea021a3e7cd7",
    );
    const got = (await h.client.infoAny("udf-get:filename=fixture_udf.lua")) as string;
    const content = /content=([^;]*);/.exec(got)?.[1] ?? "";
    expect(Buffer.from(content, "base64").toString()).toBe(fixtureModule());
    await register("tmp.lua", "function f(rec) return 1 end");
    await (await h.client.udfRemove("tmp.lua")).wait(10);
    expect((await h.client.infoAny("udf-list")) as string).not.toContain("tmp.lua");
    await expect(h.client.udfRemove("never_there.lua")).resolves.toBeDefined();
  });

  it("rejects a module that does not compile", async () => {
    const file = join(dir, "bad.lua");
    writeFileSync(file, "function broken(rec)\n  return (\nend\n");
    await expect(h.client.udfRegister(file)).rejects.toMatchObject({ code: 100 });
    expect(readFileSync(file, "utf8")).toContain("broken");
  });
});

describe("record UDFs through the official client", () => {
  const apply = (fn: string, args: unknown[] = [], k = "apply") =>
    h.client.apply(key(k), {
      module: "fixture_udf",
      funcname: fn,
      args: args as Aerospike.AerospikeBinValue[],
    });

  it.each([
    ["int", 42],
    ["negint", -7],
    ["float", 2.5],
    ["str", "hello"],
    ["utf8", "h\u00e9llo"],
    ["bytes", Buffer.from([1, 2, 255])],
    ["list", [1, "two", 3.5, [4]]],
    ["map", { 7: [1, 2], a: 1, b: "x" }],
    ["true", true],
    ["false", false],
    ["nil", null],
    ["table", null],
  ])("returns %s values", async (what, expected) => {
    expect(await apply("typed", [what])).toEqual(expected);
  });

  it("echoes arguments, reads and writes bins", async () => {
    expect(await apply("echo", [[1, "a", 2.5, Buffer.from([9]), { k: "v" }]])).toEqual([
      1,
      "a",
      2.5,
      Buffer.from([9]),
      { k: "v" },
    ]);
    expect(await apply("read_bin", ["s"])).toBe("str");
    expect(await apply("set_bin", ["written", 123])).toBe(123);
    const rec = await h.client.get(key("apply"));
    expect(rec.bins).toEqual({ a: 1, s: "str", written: 123 });
    expect(rec.gen).toBe(2);
    expect(await apply("meta")).toEqual({ gen: 2, numbins: 3, setname: SET, ttl: 0 });
  });

  it("creates, checks and removes records", async () => {
    expect(await apply("rec_exists", [], "missing")).toBe(false);
    expect(await apply("set_bin", ["x", 1], "created")).toBe(1);
    expect((await h.client.get(key("created"))).bins).toEqual({ x: 1 });
    expect(await apply("remove_rec", [], "created")).toBe("removed");
    await expect(h.client.get(key("created"))).rejects.toMatchObject({ code: 2 });
  });

  it("reports Lua errors, unknown functions and modules with code 100", async () => {
    await expect(apply("fail", ["custom failure"])).rejects.toMatchObject({
      code: 100,
      message: expect.stringContaining("custom failure"),
    });
    await expect(apply("no_such_function")).rejects.toMatchObject({
      code: 100,
      message: expect.stringContaining("function not found"),
    });
    await expect(
      h.client.apply(key("apply"), { module: "nope", funcname: "f", args: [] }),
    ).rejects.toMatchObject({ code: 100 });
  });

  it("supports bytes, list, record.key/digest and logging", async () => {
    const r = await h.client.apply(key("apply"), {
      module: "runaway",
      funcname: "bytes_and_key",
      args: [],
    });
    expect(r).toEqual([2, "apply", 20, 3]);
  });

  it("applies record.set_ttl", async () => {
    await h.client.apply(key("ttl"), { module: "runaway", funcname: "with_ttl", args: [500] });
    const rec = await h.client.get(key("ttl"));
    expect(rec.ttl).toBeGreaterThan(400);
    expect(rec.ttl).toBeLessThanOrEqual(500);
  });

  it("runs UDF rows of a batch", async () => {
    const keys = [key("apply"), key("b1"), key("b2")];
    const results = await h.client.batchApply(keys, {
      module: "fixture_udf",
      funcname: "set_bin",
      args: ["batch", 7],
    });
    expect(results.map((r) => r.status)).toEqual([0, 0, 0]);
    expect((await h.client.get(key("b2"))).bins).toEqual({ batch: 7 });
  });
});

describe("runaway UDFs", () => {
  it("stops an infinite loop and keeps serving other clients", async () => {
    const other = await Aerospike.connect(clientConfig(h.server.port));
    try {
      const looping = h.client.apply(
        key("apply"),
        { module: "runaway", funcname: "spin", args: [] },
        { totalTimeout: 20000 },
      );
      let settled = false;
      looping.then(
        () => {
          settled = true;
        },
        () => {
          settled = true;
        },
      );
      // The other client is answered while the script is still running (checked after the first
      // answer: the script's 1 s budget may run out during the later ones on a loaded machine).
      expect((await other.get(key("apply"))).bins.a).toBe(1);
      expect(settled).toBe(false);
      for (let i = 0; i < 4; i++) expect((await other.get(key("apply"))).bins.a).toBe(1);
      await expect(looping).rejects.toMatchObject({
        code: 100,
        message: expect.stringContaining("Timeout"),
      });
      await expect(
        h.client.apply(
          key("apply"),
          { module: "runaway", funcname: "spin_pcall", args: [] },
          { totalTimeout: 20000 },
        ),
      ).rejects.toMatchObject({ code: 100 });
      expect(
        await h.client.apply(key("apply"), { module: "runaway", funcname: "ok", args: [] }),
      ).toBe("still here");
    } finally {
      await other.close();
    }
  });

  it("stops a script that allocates without bound", async () => {
    await expect(
      h.client.apply(
        key("apply"),
        { module: "runaway", funcname: "hog", args: [] },
        { totalTimeout: 20000 },
      ),
    ).rejects.toMatchObject({ code: 100 });
    expect(
      await h.client.apply(key("apply"), { module: "runaway", funcname: "ok", args: [] }),
    ).toBe("still here");
  });
});

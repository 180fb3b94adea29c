import { describe, expect, it } from "vitest";
import type { WorkingRecord } from "../../../../src/embedded/commands/working-record.js";
import { BinList } from "../../../../src/embedded/store/bins.js";
import { LuaRuntime, TIMEOUT_MESSAGE } from "../../../../src/embedded/udf/lua-engine.js";
import { moduleHash, packageName } from "../../../../src/embedded/udf/module-registry.js";
import { callBudget, createUdfExecutor } from "../../../../src/embedded/udf/udf-executor.js";
import { compileErrorValue } from "../../../../src/embedded/udf/udf-info.js";
import { emptyReply } from "../../../../src/embedded/wire/as-msg.js";
import { FieldType } from "../../../../src/embedded/wire/as-msg-constants.js";
import { decodeMsgpack } from "../../../../src/embedded/wire/msgpack-decode.js";
import { mpInt, mpList, mpStr } from "../../../../src/embedded/wire/msgpack-value.js";
import { intParticle, stringParticle } from "../../../../src/embedded/wire/particle.js";

// Runaway scripts run into the short budget; calls that must succeed get a roomy one, so that a
// pause of a loaded machine never turns them into timeouts.
const BUDGET = { timeMs: 200, memoryBytes: 8 * 1024 * 1024 };
const ROOMY = { timeMs: 30_000, memoryBytes: 8 * 1024 * 1024 };

const SOURCE = `
function typed(rec, what)
  if what == 'list' then return list{1, 'two', 3.5, list{4}} end
  if what == 'float1' then return 1.0 end
  if what == 'big' then return 9007199254740993 end
  return nil
end
function echo(rec, v) return v end
function write(rec) rec['x'] = 5; rec['n'] = nil; aerospike:update(rec); rec['late'] = 1; return record.gen(rec) end
function api(rec)
  local l = list{3, 1}
  list.append(l, 5); list.prepend(l, 0); list.insert(l, 2, 9); list.remove(l, 1)
  local m = map{a = 1}
  m['b'] = 2; m['a'] = nil; map.remove(m, 'zz')
  local keys = list(); for k in map.keys(m) do list.append(keys, k) end
  local b = bytes(0); bytes.append_string(b, "hi"); bytes.set_byte(b, 1, 72)
  return list{l, list.size(l), list.take(l, 2), list.drop(l, 3), map.size(m), keys,
    bytes.get_string(b, 1, 2), #b, tostring(l), record.numbins(rec), aerospike:exists(rec),
    record.setname(rec), math.type(record.gen(rec)), type(aerospike:get_current_time())}
end
function ordered(rec)
  local m = map()
  m['b'] = 1; m[2.5] = 2; m[7] = 3; m['a'] = 4; m[true] = 5; m[-1] = 6
  return m
end
function spin(rec) while true do end end
function ttl(rec, t) rec['x'] = 1; record.set_ttl(rec, t); aerospike:update(rec) end
function grow(rec) local t = {} for i = 1, 1e9 do t[i] = {i} end end
`;

function work(existed = true): WorkingRecord {
  const bins = new BinList();
  bins.set("n", intParticle(1n));
  bins.set("s", stringParticle("a"));
  return {
    namespace: "test",
    digest: Buffer.alloc(20, 1),
    setName: "s",
    key: undefined,
    existed,
    generation: 3,
    voidTime: 0,
    lastUpdateMs: 0,
    bins,
    nowMs: Date.now(),
  };
}

function call(fn: string, args = "90") {
  return emptyReply(0, {
    fields: [
      { type: FieldType.UDF_PACKAGE_NAME, data: Buffer.from("m") },
      { type: FieldType.UDF_FUNCTION, data: Buffer.from(fn) },
      { type: FieldType.UDF_ARGLIST, data: Buffer.from(args, "hex") },
    ],
  });
}

const runtime = new LuaRuntime();
runtime.call("__udf_register", ["m", SOURCE], ROOMY);
const exec = createUdfExecutor(runtime, ROOMY);
const execShort = createUdfExecutor(runtime, BUDGET);

describe("record UDF executor", () => {
  it.each([
    ["list", "91a5036c697374", 20, "9401a40374776fcb400c0000000000009104"],
    ["float 1.0 stays a float", "91a703666c6f617431", 2, "3ff0000000000000"],
    ["integers beyond 2^53 stay exact", "91a403626967", 1, "0020000000000001"],
    ["nil", "91a3036e6f", 0, ""],
  ])("returns %s with the reference encoding", (_name, args, type, hex) => {
    const out = exec(call("typed", args), work());
    expect(out.code).toBe(0);
    expect(out.ops[0]?.name.toString()).toBe("SUCCESS");
    expect(out.ops[0]?.particleType).toBe(type);
    expect(out.ops[0]?.value.toString("hex")).toBe(hex);
  });

  it("echoes arguments of every type, keeping map flags", () => {
    const arg = "9195" + "01a20361cb4004000000000000a2040982c70001c0a2036ba20376";
    const out = exec(call("echo", arg), work());
    expect(out.ops[0]?.value.toString("hex")).toBe(arg.slice(2));
  });

  it("applies bin changes staged before aerospike:update only", () => {
    const rec = work();
    const out = exec(call("write"), rec);
    expect(out).toMatchObject({ code: 0, wrote: true, deleted: false });
    expect(
      rec.bins
        .entries()
        .map((b) => b.name)
        .sort(),
    ).toEqual(["s", "x"]);
    expect(out.ops[0]?.value.toString("hex")).toBe("0000000000000003");
  });

  it("offers the list, map, bytes, record and aerospike APIs", () => {
    const out = exec(call("api"), work());
    expect(out.code).toBe(0);
    const value = decodeMsgpack(out.ops[0]?.value ?? Buffer.alloc(0));
    expect(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? Number(v) : v))).toBe(
      JSON.stringify(
        mpList([
          mpList([mpInt(9), mpInt(3), mpInt(1), mpInt(5)]),
          mpInt(4),
          mpList([mpInt(9), mpInt(3)]),
          mpList([mpInt(5)]),
          mpInt(1),
          mpList([mpStr("b")]),
          mpStr("Hi"),
          mpInt(2),
          mpStr("List(9, 3, 1, 5)"),
          mpInt(2),
          { kind: "bool", value: true },
          mpStr("s"),
          mpStr("integer"),
          mpStr("number"),
        ]),
        (_k, v) => (typeof v === "bigint" ? Number(v) : v),
      ),
    );
  });

  it("keeps map keys in the server's order", () => {
    const out = exec(call("ordered"), work());
    expect(out.ops[0]?.value.toString("hex")).toBe(
      "86c305ff060703a2036104a2036201cb400400000000000002",
    );
  });

  it("hands record.set_ttl to the caller as a request TTL", () => {
    expect(exec(call("ttl", "9118"), work()).ttl).toBe(24);
    expect(exec(call("ttl", "91ff"), work()).ttl).toBe(0xffffffff);
    expect(exec(call("write"), work()).ttl).toBeUndefined();
  });

  it("reports unknown functions and modules with code 100", () => {
    expect(exec(call("nope"), work()).ops[0]?.value.toString()).toBe("function not found");
    const other = emptyReply(0, {
      fields: [
        { type: FieldType.UDF_PACKAGE_NAME, data: Buffer.from("zz") },
        { type: FieldType.UDF_FUNCTION, data: Buffer.from("f") },
      ],
    });
    expect(exec(other, work())).toMatchObject({ code: 100 });
  });

  it("stops a runaway loop after its time budget and stays usable", () => {
    const out = execShort(call("spin"), work());
    expect(out.code).toBe(100);
    expect(out.ops[0]?.value.toString()).toBe(TIMEOUT_MESSAGE);
    expect(exec(call("typed", "91a3036e6f"), work()).code).toBe(0);
  });

  it("runs an asynchronous call in slices, with the event loop free in between", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const out = await runtime.callAsync(
      "__udf_apply",
      ["m", "spin", Buffer.from([0x90]), Buffer.from("98c380010000c0c40100c000", "hex")],
      BUDGET,
    );
    clearInterval(timer);
    expect(out).toMatchObject({ ok: false, message: TIMEOUT_MESSAGE, timedOut: true });
    expect(ticks).toBeGreaterThan(0);
    expect(exec(call("typed", "91a3036e6f"), work()).code).toBe(0);
  });

  it("stops a script that exceeds its memory budget", () => {
    const out = exec(call("grow"), work());
    expect(out.code).toBe(100);
    expect(exec(call("typed", "91a3036e6f"), work()).code).toBe(0);
  });

  it("shortens the budget to the request's server timeout", () => {
    expect(callBudget(emptyReply(0, { transactionTtl: 100 }), BUDGET).timeMs).toBe(80);
    expect(callBudget(emptyReply(0), BUDGET).timeMs).toBe(200);
  });
});

describe("UDF module helpers", () => {
  it("reproduces the reference server's compile error reply", () => {
    const compiled = runtime.call(
      "__udf_compile",
      ["fixture_bad.lua", "function broken(rec)\n  return (\nend\n"],
      ROOMY,
    );
    const text = compiled.ok ? compiled.value.toString() : "";
    expect(text).toBe("fixture_bad.lua:3: unexpected symbol near 'end'");
    expect(compileErrorValue("fixture_bad.lua", text)).toBe(
      "error=compile_error;file=fixture_bad.lua;line=3;message=dW5leHBlY3RlZCBzeW1ib2wgbmVhciAnZW5kJw==",
    );
  });

  it("hashes modules like the reference server and strips .lua for the package name", () => {
    expect(moduleHash("a.lua", "")).toMatch(/^[0-9a-f]{40}$/);
    expect(packageName("fixture_udf.lua")).toBe("fixture_udf");
  });
});

import Aerospike from "aerospike";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, stopHarness } from "./client-harness.js";

// biome-ignore lint/suspicious/noExplicitAny: the expression builders are loosely typed
const exp: any = Aerospike.exp;
const { lists, maps, operations: ops } = Aerospike;
const LRT = lists.returnType;
const MRT = maps.returnType;
const W = exp.expWriteFlags;
const SET = "exp_client";

let h: Harness;
const k = (key: string): Aerospike.KeyOptions => ({ ns: "test", set: SET, key });

// When the record with ttl 1000 was written: its ttl is read later, on a machine of any speed.
let writtenAtMs = 0;

beforeAll(async () => {
  h = await startHarness();
  writtenAtMs = Date.now();
  await h.client.put(
    k("r"),
    {
      i: 42,
      f: 2.5,
      s: "apple",
      b: true,
      bl: Buffer.from([1, 2, 3]),
      l: [5, 3, 9, 1, 7],
      m: { a: 3, b: 1, c: 2 },
      nest: { k: [10, 20, 30] },
      g: new Aerospike.GeoJSON({ type: "Point", coordinates: [1, 1] }),
    } as Aerospike.AerospikeBins,
    { ttl: 1000 },
    { key: Aerospike.policy.key.SEND } as Aerospike.WritePolicy,
  );
});

afterAll(async () => {
  await stopHarness(h);
});

/** The value of an expression read of record `r`, or the error code. */
async function ev(e: unknown, flags = 0): Promise<unknown> {
  try {
    const r = await h.client.operate(k("r"), [exp.operations.read("v", e, flags)]);
    return r.bins.v;
  } catch (err) {
    return { error: (err as { code: number }).code };
  }
}

async function code(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 0;
  } catch (err) {
    return (err as { code: number }).code;
  }
}

const i = exp.binInt("i");

describe("operator families through the client", () => {
  it.each([
    [
      "comparison",
      exp.and(
        exp.eq(i, exp.int(42)),
        exp.ne(i, exp.int(1)),
        exp.gt(i, exp.int(41)),
        exp.ge(i, exp.int(42)),
        exp.lt(i, exp.int(43)),
        exp.le(i, exp.int(42)),
      ),
      true,
    ],
    ["float comparison", exp.gt(exp.binFloat("f"), exp.float(2.4)), true],
    ["string comparison", exp.lt(exp.binStr("s"), exp.str("banana")), true],
    ["bool comparison", exp.eq(exp.binBool("b"), exp.bool(true)), true],
    ["blob comparison", exp.eq(exp.binBlob("bl"), exp.bytes(Buffer.from([1, 2, 3]), 3)), true],
    ["list comparison", exp.eq(exp.binList("l"), exp.list([5, 3, 9, 1, 7])), true],
    ["regex extended", exp.cmpRegex(Aerospike.regex.EXTENDED, "ap+le", exp.binStr("s")), true],
    ["regex basic", exp.cmpRegex(0, "ap+le", exp.binStr("s")), false],
    [
      "geo",
      exp.cmpGeo(
        exp.binGeo("g"),
        exp.geo(
          new Aerospike.GeoJSON({
            type: "Polygon",
            coordinates: [
              [
                [0, 0],
                [0, 2],
                [2, 2],
                [2, 0],
                [0, 0],
              ],
            ],
          }),
        ),
      ),
      true,
    ],
    [
      "or / not / exclusive",
      exp.and(
        exp.or(exp.bool(false), exp.bool(true)),
        exp.not(exp.bool(false)),
        exp.exclusive(exp.bool(true), exp.bool(false)),
      ),
      true,
    ],
    [
      "add/sub/mul/div",
      exp.div(exp.mul(exp.sub(exp.add(i, exp.int(8)), exp.int(10)), exp.int(2)), exp.int(8)),
      10,
    ],
    ["min/max", exp.max(exp.min(i, exp.int(7)), exp.int(3)), 7],
    ["int bit ops", exp.intXor(exp.intOr(exp.intAnd(i, exp.int(15)), exp.int(1)), exp.int(2)), 9],
    ["toFloat (client nests; flattened)", exp.toFloat(i).flat(Number.POSITIVE_INFINITY), 42],
    ["cond", exp.cond(exp.lt(i, exp.int(10)), exp.str("small"), exp.str("large")), "large"],
    [
      "let/def/var",
      exp.let(exp.def("x", exp.add(i, exp.int(1))), exp.mul(exp.var("x"), exp.var("x"))),
      1849,
    ],
    ["binExists", exp.binExists("s"), true],
    ["binType", exp.binType("m"), 19],
    ["inList", exp.inList(exp.int(9), exp.binList("l")), true],
    ["binInt", exp.binInt("i"), 42],
    ["binFloat", exp.binFloat("f"), 2.5],
    ["binStr", exp.binStr("s"), "apple"],
    ["binBool", exp.binBool("b"), true],
    ["binBlob", exp.binBlob("bl"), Buffer.from([1, 2, 3])],
    ["binList", exp.binList("l"), [5, 3, 9, 1, 7]],
    ["binMap", exp.binMap("m"), { a: 3, b: 1, c: 2 }],
    ["mapKeys", exp.mapKeys(exp.binMap("m")), ["a", "b", "c"]],
  ])("%s", async (_n, e, want) => {
    expect(await ev(e)).toEqual(want);
  });

  it("GeoJSON and HLL bins read back with their types", async () => {
    const g = await ev(exp.binGeo("g"));
    expect(typeof g).toBe("string");
    expect(JSON.parse(g as string)).toEqual({ type: "Point", coordinates: [1, 1] });
    await h.client.operate(k("r"), [Aerospike.hll.add("h", ["x", "y"], 8)], { ttl: -2 });
    const sketch = await ev(exp.binHll("h"));
    expect(Buffer.isBuffer(sketch)).toBe(true);
    expect(await ev(exp.hll.getCount(exp.binHll("h")))).toBe(2);
  });

  it("type errors are PARAMETER (4), evaluation failures OP_NOT_APPLICABLE (26)", async () => {
    expect(await ev(exp.add(i, exp.binFloat("f")))).toEqual({ error: 4 });
    expect(await ev(exp.eq(i, exp.str("42")))).toEqual({ error: 4 });
    expect(await ev(exp.div(i, exp.int(0)))).toEqual({ error: 26 });
    expect(await ev(exp.binInt("s"))).toEqual({ error: 26 });
    expect(await ev(exp.binInt("s"), exp.expReadFlags.EVAL_NO_FAIL)).toBeNull();
    expect(await ev(exp.unknown())).toEqual({ error: 26 });
  });
});

describe("record metadata through the client", () => {
  it("every metadata function", async () => {
    const ttl = (await ev(exp.ttl())) as number;
    // Whole seconds passed since the write, plus one for rounding.
    const elapsed = Math.ceil((Date.now() - writtenAtMs) / 1000) + 1;
    expect(ttl).toBeGreaterThanOrEqual(1000 - elapsed);
    expect(ttl).toBeLessThanOrEqual(1000);
    const now = BigInt(Date.now()) * 1_000_000n;
    const voidTime = BigInt((await ev(exp.voidTime())) as number);
    expect(voidTime > now).toBe(true);
    const lut = BigInt((await ev(exp.lastUpdate())) as number);
    expect(lut <= now && lut > now - 60_000_000_000n).toBe(true);
    expect(await ev(exp.sinceUpdate())).toBeLessThan(60_000);
    expect(await ev(exp.setName())).toBe(SET);
    expect(await ev(exp.keyExist())).toBe(true);
    expect(await ev(exp.keyStr())).toBe("r");
    expect(await ev(exp.keyInt())).toEqual({ error: 26 });
    expect(await ev([{ op: 72, count: 1 }])).toBe(false);
    const mod = (await ev([{ op: 64, count: 2 }, ...exp.int(7)])) as number;
    expect(mod).toBeGreaterThanOrEqual(0);
    expect(mod).toBeLessThan(7);
    const size = (await ev(exp.recordSize())) as number;
    expect(size % 16).toBe(0);
    expect(await ev(exp.memorySize())).toBe(size);
    expect(await ev(exp.deviceSize())).toBe(0);
  });
});

describe("list and map selectors through the client", () => {
  const L = exp.binList("l");
  const M = exp.binMap("m");
  it.each([
    ["lists.size", exp.lists.size(L), 5],
    ["lists.getByIndex", exp.lists.getByIndex(L, exp.int(-1), exp.type.INT, LRT.VALUE), 7],
    [
      "lists.getByIndexRange INDEX",
      exp.lists.getByIndexRange(L, exp.int(1), exp.int(2), LRT.INDEX),
      [1, 2],
    ],
    [
      "lists.getByIndexRangeToEnd REVERSE_INDEX",
      exp.lists.getByIndexRangeToEnd(L, exp.int(3), LRT.REVERSE_INDEX),
      [1, 0],
    ],
    ["lists.getByRank", exp.lists.getByRank(L, exp.int(0), exp.type.INT, LRT.INDEX), 3],
    [
      "lists.getByRankRange VALUE",
      exp.lists.getByRankRange(L, exp.int(1), exp.int(3), LRT.VALUE),
      [7, 5, 3],
    ],
    [
      "lists.getByRankRangeToEnd RANK",
      exp.lists.getByRankRangeToEnd(L, exp.int(3), LRT.RANK),
      [3, 4],
    ],
    ["lists.getByValue COUNT", exp.lists.getByValue(L, exp.int(9), LRT.COUNT), 1],
    ["lists.getByValue EXISTS", exp.lists.getByValue(L, exp.int(4), LRT.EXISTS), false],
    [
      "lists.getByValueRange REVERSE_RANK",
      exp.lists.getByValueRange(L, exp.int(3), exp.int(7), LRT.REVERSE_RANK),
      [3, 2],
    ],
    [
      "lists.getByValueList inverted",
      exp.lists.getByValueList(L, exp.list([9, 1]), LRT.VALUE | LRT.INVERTED),
      [5, 3, 7],
    ],
    [
      "lists.getByRelRankRange",
      exp.lists.getByRelRankRange(L, exp.int(5), exp.int(0), exp.int(2), LRT.VALUE),
      [5, 7],
    ],
    [
      "lists nested context",
      exp.lists.getByIndex(
        exp.binMap("nest"),
        exp.int(1),
        exp.type.INT,
        LRT.VALUE,
        new Aerospike.cdt.Context().addMapKey("k"),
      ),
      20,
    ],
    ["maps.size", exp.maps.size(M), 3],
    ["maps.getByKey VALUE", exp.maps.getByKey(M, exp.str("a"), exp.type.INT, MRT.VALUE), 3],
    ["maps.getByKey RANK", exp.maps.getByKey(M, exp.str("a"), exp.type.INT, MRT.RANK), 2],
    [
      "maps.getByKeyRange KEY",
      exp.maps.getByKeyRange(M, exp.str("c"), exp.str("a"), MRT.KEY),
      ["a", "b"],
    ],
    ["maps.getByKeyList COUNT", exp.maps.getByKeyList(M, exp.list(["a", "z"]), MRT.COUNT), 1],
    [
      "maps.getByKeyRelIndexRange",
      exp.maps.getByKeyRelIndexRange(M, exp.int(2), exp.int(0), exp.str("b"), MRT.KEY),
      ["b", "c"],
    ],
    ["maps.getByIndex KEY", exp.maps.getByIndex(M, exp.int(0), exp.type.STR, MRT.KEY), "a"],
    [
      "maps.getByIndexRange KEY_VALUE",
      exp.maps.getByIndexRange(M, exp.int(1), exp.int(1), MRT.KEY_VALUE),
      ["b", 1],
    ],
    ["maps.getByRank KEY", exp.maps.getByRank(M, exp.int(0), exp.type.STR, MRT.KEY), "b"],
    [
      "maps.getByRankRange VALUE",
      exp.maps.getByRankRange(M, exp.int(2), exp.int(0), MRT.VALUE),
      [1, 2],
    ],
    ["maps.getByValue KEY", exp.maps.getByValue(M, exp.int(2), MRT.KEY), ["c"]],
    [
      "maps.getByValueRange INDEX",
      exp.maps.getByValueRange(M, exp.int(4), exp.int(2), MRT.INDEX),
      [0, 2],
    ],
    [
      "maps.getByValueList inverted KEY",
      exp.maps.getByValueList(M, exp.list([1]), MRT.KEY | MRT.INVERTED),
      ["a", "c"],
    ],
    [
      "maps.getByValueRelRankRange",
      exp.maps.getByValueRelRankRange(M, exp.int(2), exp.int(0), exp.int(2), MRT.VALUE),
      [2, 3],
    ],
    [
      "maps.getByKey ORDERED_MAP",
      exp.maps.getByKey(M, exp.str("b"), exp.type.MAP, MRT.ORDERED_MAP),
      { b: 1 },
    ],
  ])("%s", async (_n, e, want) => {
    expect(await ev(e)).toEqual(want);
  });
});

describe("bit reads inside expressions through the client", () => {
  const BL = exp.binBlob("bl");
  it.each([
    ["count", exp.bit.count(BL, exp.int(24), exp.int(0)), 4],
    ["get", exp.bit.get(BL, exp.int(8), exp.int(8)), Buffer.from([2])],
    ["lScan", exp.bit.lScan(BL, exp.bool(true), exp.int(24), exp.int(0)), 7],
    ["rScan", exp.bit.rScan(BL, exp.bool(true), exp.int(24), exp.int(0)), 23],
    ["getInt", exp.bit.getInt(BL, false, exp.int(16), exp.int(0)), 258],
    ["getInt signed", exp.bit.getInt(BL, true, exp.int(4), exp.int(4)), 1],
  ])("%s", async (_n, e, want) => {
    expect(await ev(e)).toEqual(want);
  });
});

describe("expression write flags through the client", () => {
  const write = (bin: string, e: unknown, flags: number) =>
    h.client.operate(k("w"), [exp.operations.write(bin, e, flags), ops.read(bin)]);
  it("each flag", async () => {
    await h.client.put(k("w"), { a: 1 });
    expect((await write("x", exp.add(exp.binInt("a"), exp.int(1)), W.DEFAULT)).bins.x).toBe(2);
    expect(await code(write("x", exp.int(5), W.CREATE_ONLY))).toBe(6);
    expect((await write("x", exp.int(5), W.CREATE_ONLY | W.POLICY_NO_FAIL)).bins.x).toBe(2);
    expect(await code(write("u", exp.int(5), W.UPDATE_ONLY))).toBe(17);
    expect((await write("u", exp.int(5), W.UPDATE_ONLY | W.POLICY_NO_FAIL)).bins.u).toBeNull();
    expect((await write("x", exp.int(3), W.UPDATE_ONLY)).bins.x).toBe(3);
    expect(await code(write("x", exp.nil(), W.DEFAULT))).toBe(26);
    expect((await write("x", exp.nil(), W.ALLOW_DELETE)).bins.x).toBeNull();
    expect(await code(write("y", exp.binInt("zz"), W.DEFAULT))).toBe(26);
    expect(await code(write("y", exp.binInt("zz"), W.POLICY_NO_FAIL))).toBe(26);
    expect((await write("y", exp.binInt("zz"), W.EVAL_NO_FAIL)).bins.y).toBeNull();
    const r = await h.client.get(k("w"));
    expect(r.bins).toEqual({ a: 1 });
  });
});

describe("filter expressions on every command", () => {
  const yes = { filterExpression: exp.eq(exp.binInt("a"), exp.int(1)) };
  const no = { filterExpression: exp.eq(exp.binInt("a"), exp.int(2)) };
  const unknown = { filterExpression: exp.eq(exp.binInt("zz"), exp.int(2)) };
  const bad = { filterExpression: exp.int(1) };
  const key = k("f");

  beforeAll(async () => {
    await h.client.put(key, { a: 1 });
  });

  it("get / select / exists", async () => {
    expect((await h.client.get(key, yes as Aerospike.ReadPolicy)).bins.a).toBe(1);
    expect(await code(h.client.get(key, no as Aerospike.ReadPolicy))).toBe(27);
    expect(await code(h.client.get(key, unknown as Aerospike.ReadPolicy))).toBe(27);
    expect(await code(h.client.get(key, bad as Aerospike.ReadPolicy))).toBe(4);
    expect(await code(h.client.select(key, ["a"], no as Aerospike.ReadPolicy))).toBe(27);
    expect(await code(h.client.exists(key, no as Aerospike.ReadPolicy))).toBe(27);
    expect(await code(h.client.get(k("missing"), no as Aerospike.ReadPolicy))).toBe(2);
  });

  it("put / operate / touch / remove", async () => {
    expect(await code(h.client.put(key, { p: 1 }, undefined, no as Aerospike.WritePolicy))).toBe(
      27,
    );
    expect(await code(h.client.put(key, { p: 1 }, undefined, yes as Aerospike.WritePolicy))).toBe(
      0,
    );
    expect(
      await code(
        h.client.operate(key, [ops.incr("a", 0)], undefined, no as Aerospike.OperatePolicy),
      ),
    ).toBe(27);
    expect(
      await code(h.client.operate(key, [ops.touch(100)], undefined, no as Aerospike.OperatePolicy)),
    ).toBe(27);
    expect(
      await code(
        h.client.operate(key, [ops.touch(100)], undefined, yes as Aerospike.OperatePolicy),
      ),
    ).toBe(0);
    expect(await code(h.client.remove(key, no as Aerospike.RemovePolicy))).toBe(27);
    expect(
      await code(h.client.put(k("new"), { a: 5 }, undefined, no as Aerospike.WritePolicy)),
    ).toBe(0);
    expect(await code(h.client.remove(k("new"), yes as Aerospike.RemovePolicy))).toBe(27);
    expect(await code(h.client.remove(key, yes as Aerospike.RemovePolicy))).toBe(0);
    await h.client.put(key, { a: 1 });
  });

  it("batch rows and the batch parent filter", async () => {
    const rows = [
      {
        type: Aerospike.batchType.BATCH_READ,
        key: new Aerospike.Key("test", SET, "f"),
        readAllBins: true,
        policy: no,
      },
      {
        type: Aerospike.batchType.BATCH_READ,
        key: new Aerospike.Key("test", SET, "f"),
        readAllBins: true,
      },
    ];
    const res = await h.client.batchRead(rows as never);
    expect(res.map((r) => r.status)).toEqual([27, 0]);
    const parent = await h.client.batchRead(rows.slice(1) as never, no as Aerospike.BatchPolicy);
    expect(parent.map((r) => r.status)).toEqual([27]);
    const writes = await h.client.batchWrite([
      {
        type: Aerospike.batchType.BATCH_WRITE,
        key: new Aerospike.Key("test", SET, "f"),
        ops: [ops.write("z", 1)],
        policy: no,
      },
    ] as never);
    expect(writes.map((r) => r.status)).toEqual([27]);
  });
});

describe("filter expressions on scans and queries", () => {
  const SCAN_SET = "exp_scan";
  beforeAll(async () => {
    for (let n = 0; n < 10; n++) {
      await h.client.put({ ns: "test", set: SCAN_SET, key: `s${n}` }, { n, odd: n % 2 === 1 });
    }
  });

  it("a filtered scan and query return only matching records", async () => {
    const policy = { filterExpression: exp.ge(exp.binInt("n"), exp.int(5)) };
    const scanned = await h.client.scan("test", SCAN_SET).results(policy as never);
    expect(scanned.map((r) => r.bins.n).sort()).toEqual([5, 6, 7, 8, 9]);
    const odd = { filterExpression: exp.binBool("odd") };
    const queried = await h.client.query("test", SCAN_SET).results(odd as never);
    expect(queried.map((r) => r.bins.n).sort()).toEqual([1, 3, 5, 7, 9]);
  });
});

describe("list and map modify inside expressions (local copy) through the client", () => {
  const L = exp.binList("l");
  const M = exp.binMap("m");
  it.each([
    ["lists.append", exp.lists.append(L, exp.int(0)), [5, 3, 9, 1, 7, 0]],
    ["lists.appendItems", exp.lists.appendItems(L, exp.list([8, 8])), [5, 3, 9, 1, 7, 8, 8]],
    ["lists.insert", exp.lists.insert(L, exp.int(4), exp.int(1)), [5, 4, 3, 9, 1, 7]],
    ["lists.set", exp.lists.set(L, exp.int(0), exp.int(0)), [0, 3, 9, 1, 7]],
    ["lists.increment", exp.lists.increment(L, exp.int(10), exp.int(0)), [15, 3, 9, 1, 7]],
    ["lists.clear", exp.lists.clear(L), []],
    ["lists.sort", exp.lists.sort(L, 0), [1, 3, 5, 7, 9]],
    ["lists.removeByIndex", exp.lists.removeByIndex(L, exp.int(0)), [3, 9, 1, 7]],
    ["lists.removeByValue", exp.lists.removeByValue(L, exp.int(9)), [5, 3, 1, 7]],
    ["lists.removeByRankRange", exp.lists.removeByRankRange(L, exp.int(2), exp.int(0)), [5, 9, 7]],
    ["maps.put", exp.maps.put(M, exp.int(4), exp.str("d")), { a: 3, b: 1, c: 2, d: 4 }],
    ["maps.putItems", exp.maps.putItems(M, exp.map({ a: 0, z: 1 })), { a: 0, b: 1, c: 2, z: 1 }],
    ["maps.increment", exp.maps.increment(M, exp.int(5), exp.str("a")), { a: 8, b: 1, c: 2 }],
    ["maps.clear", exp.maps.clear(M), {}],
    ["maps.removeByKey", exp.maps.removeByKey(M, exp.str("a")), { b: 1, c: 2 }],
    ["maps.removeByValueRange", exp.maps.removeByValueRange(M, exp.int(3), exp.int(1)), { a: 3 }],
  ])("%s", async (_n, e, want) => {
    expect(await ev(e)).toEqual(want);
  });

  it("the stored bin is untouched by a read, replaced by a write", async () => {
    expect(await ev(exp.lists.size(exp.lists.append(L, exp.int(0))))).toBe(6);
    expect((await h.client.get(k("r"))).bins.l).toEqual([5, 3, 9, 1, 7]);
    await h.client.put(k("mod"), { l: [1] });
    await h.client.operate(k("mod"), [
      exp.operations.write("l", exp.lists.append(exp.binList("l"), exp.int(2)), 0),
    ]);
    expect((await h.client.get(k("mod"))).bins.l).toEqual([1, 2]);
  });
});

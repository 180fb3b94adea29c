import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  applyHllOpPayload,
  type HllBinValue,
  HllOpCode,
  type HllOpKind,
  type HllOpOutcome,
} from "../../../../src/embedded/hll/index.js";
import { hex, pack, type TestValue, unhex } from "./msgpack-helper.js";

interface Config {
  indexBits: number;
  minhashBits: number;
  valueSet?: string;
}
interface Sketch {
  config: Config;
  valueSet: string;
  add: number;
  getCount: number;
  describe: [number, number];
  bytes: string;
  bytesLength: number;
}
interface UnionResult {
  describe: [number, number];
  bytes: string;
  getCount: number;
}
interface Pair {
  a: Config;
  b: Config;
  getUnionCount: number;
  getIntersectCount: number;
  getSimilarity: number;
  getUnion: UnionResult;
}
interface Multi extends Omit<Pair, "b"> {
  others: Config[];
}
interface Fold {
  source: Config;
  foldTo: number;
  result:
    | { getCount: number; describe: [number, number]; bytes: string }
    | { error: { code: number } };
}
interface EdgeCase {
  name: string;
  setup: unknown[][];
  ops: unknown[][];
  result: { ok: Record<string, unknown> } | { error: { code: number } };
}
interface Vectors {
  valueSetsWire: Record<string, { op: number; particleType: number; hex: string }>;
  sketches: Sketch[];
  pairs: Pair[];
  multi: Multi[];
  folds: Fold[];
  edgeCases: EdgeCase[];
}

const vectors = JSON.parse(
  readFileSync(
    new URL("../../../../../shared/fixtures/aerospike-8.1.2/vectors/hll.json", import.meta.url),
    "utf8",
  ),
) as Vectors;

function run(kind: HllOpKind, op: TestValue, bin: Uint8Array | undefined): HllOpOutcome {
  const value: HllBinValue | undefined = bin && { particleType: 18, bytes: bin };
  return applyHllOpPayload(kind, pack(op), value);
}

function modify(op: TestValue, bin: Uint8Array | undefined): Uint8Array {
  const out = run("modify", op, bin);
  expect(out.resultCode).toBe(0);
  return out.newBin ?? bin!;
}

function read(op: TestValue, bin: Uint8Array): HllOpOutcome["result"] {
  const out = run("read", op, bin);
  expect(out.resultCode).toBe(0);
  return out.result;
}

const cache = new Map<string, { bytes: Uint8Array; add: bigint }>();

/** init(p, q) then one add of the value set, using the add payload exactly as the client sent it. */
function build(c: Config, valueSet: string): { bytes: Uint8Array; add: bigint } {
  const key = `${c.indexBits}/${c.minhashBits}/${valueSet}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const empty = modify([HllOpCode.INIT, c.indexBits, c.minhashBits, 0], undefined);
  const wire = vectors.valueSetsWire[valueSet]!;
  expect(wire.op).toBe(16);
  const out = applyHllOpPayload("modify", unhex(wire.hex), { particleType: 18, bytes: empty });
  expect(out.resultCode).toBe(0);
  const built = { bytes: out.newBin!, add: out.result as bigint };
  cache.set(key, built);
  return built;
}

describe("HLL vectors (real Aerospike 8.1.2)", () => {
  it("has recorded vectors of every kind", () => {
    for (const list of [
      vectors.sketches,
      vectors.pairs,
      vectors.multi,
      vectors.folds,
      vectors.edgeCases,
    ]) {
      expect(list.length).toBeGreaterThan(0);
    }
  });

  it.each(
    vectors.sketches.map(
      (s) => [`${s.config.indexBits}/${s.config.minhashBits} ${s.valueSet}`, s] as const,
    ),
  )("sketch %s", (_name, s) => {
    const { bytes, add } = build(s.config, s.valueSet);
    expect(add).toBe(BigInt(s.add));
    expect(bytes.length).toBe(s.bytesLength);
    expect(hex(bytes)).toBe(s.bytes);
    expect(read([HllOpCode.GET_COUNT], bytes)).toBe(BigInt(s.getCount));
    expect(read([HllOpCode.DESCRIBE], bytes)).toEqual(s.describe.map(BigInt));
  });

  const multiOps = (a: Uint8Array, others: Uint8Array[], v: Omit<Pair, "a" | "b">) => {
    const list = others.map((hll) => ({ hll }));
    expect(read([HllOpCode.GET_UNION_COUNT, list], a)).toBe(BigInt(v.getUnionCount));
    expect(read([HllOpCode.GET_INTERSECT_COUNT, list], a)).toBe(BigInt(v.getIntersectCount));
    expect(read([HllOpCode.GET_SIMILARITY, list], a)).toBe(v.getSimilarity);
    const union = read([HllOpCode.GET_UNION, list], a) as Uint8Array;
    expect(hex(union)).toBe(v.getUnion.bytes);
    expect(read([HllOpCode.GET_COUNT], union)).toBe(BigInt(v.getUnion.getCount));
    expect(read([HllOpCode.DESCRIBE], union)).toEqual(v.getUnion.describe.map(BigInt));
  };

  it.each(
    vectors.pairs.map(
      (p) =>
        [
          `${p.a.indexBits}/${p.a.minhashBits} ${p.a.valueSet} × ${p.b.indexBits}/${p.b.minhashBits} ${p.b.valueSet}`,
          p,
        ] as const,
    ),
  )("pair %s", (_name, p) => {
    const a = build(p.a, p.a.valueSet!).bytes;
    const b = build(p.b, p.b.valueSet!).bytes;
    multiOps(a, [b], p);
  });

  it.each(vectors.multi.map((m, i) => [i, m] as const))("multi #%i", (_i, m) => {
    const a = build(m.a, m.a.valueSet!).bytes;
    multiOps(
      a,
      m.others.map((o) => build(o, o.valueSet!).bytes),
      m,
    );
  });

  it.each(
    vectors.folds.map(
      (f) => [`${f.source.indexBits}/${f.source.minhashBits} → ${f.foldTo}`, f] as const,
    ),
  )("fold %s", (_name, f) => {
    const src = build(f.source, f.source.valueSet!).bytes;
    const out = run("modify", [HllOpCode.FOLD, f.foldTo], src);
    if ("error" in f.result) {
      expect(out.resultCode).toBe(f.result.error.code);
      return;
    }
    expect(out.resultCode).toBe(0);
    expect(out.result).toBeUndefined();
    expect(hex(out.newBin!)).toBe(f.result.bytes);
    expect(read([HllOpCode.GET_COUNT], out.newBin!)).toBe(BigInt(f.result.getCount));
    expect(read([HllOpCode.DESCRIBE], out.newBin!)).toEqual(f.result.describe.map(BigInt));
  });

  /** Node client encodings of the calls used by edgeCases (see spec 12.5). */
  const encodeCall = (call: unknown[]): TestValue => {
    const [name, , ...args] = call as [string, string, ...unknown[]];
    const list = (v: unknown) =>
      ((v as { $list: unknown[] }).$list as TestValue[]).map(decodeValue);
    switch (name) {
      case "hll.init":
        return [HllOpCode.INIT, args[0] as number, (args[1] as number | undefined) ?? -1, 0];
      case "hll.add":
        return [HllOpCode.ADD, list(args[0]), (args[1] as number | undefined) ?? -1, -1, 0];
      case "hll.fold":
        return [HllOpCode.FOLD, args[0] as number];
      default:
        throw new Error(`unexpected call ${name}`);
    }
  };
  const decodeValue = (v: unknown): TestValue =>
    v !== null && typeof v === "object" && "$list" in v
      ? ((v as { $list: unknown[] }).$list.map(decodeValue) as TestValue)
      : (v as TestValue);

  it.each(vectors.edgeCases.map((e) => [e.name, e] as const))("edge case %s", (_name, e) => {
    let bin: Uint8Array | undefined;
    for (const call of e.setup) bin = modify(encodeCall(call), bin);
    let last: HllOpOutcome | undefined;
    for (const call of e.ops) {
      last = run("modify", encodeCall(call), bin);
      if (last.resultCode !== 0) break;
      bin = last.newBin ?? bin;
    }
    if ("error" in e.result) {
      expect(last!.resultCode).toBe(e.result.error.code);
    } else {
      expect(last!.resultCode).toBe(0);
      expect(last!.result).toBe(BigInt(Object.values(e.result.ok)[0] as number));
    }
  });
});

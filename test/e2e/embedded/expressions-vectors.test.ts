import Aerospike from "aerospike";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadVectors, type VectorCase } from "../../unit/embedded/expressions/vector-record.js";
import { type Harness, startHarness, stopHarness } from "./client-harness.js";
import { decodeArg, encodeResult } from "./fixture-steps.js";

type Json = Parameters<typeof decodeArg>[0];

const file = loadVectors();
const rec = file.record;
// biome-ignore lint/suspicious/noExplicitAny: patching client helpers the way the recorder did
const exp: any = Aerospike.exp;

// The recorder's work-arounds for client 6.7.1 bugs (see the fixture README): isTombstone and
// digestModulo get their correct encodings, nested arrays of some math helpers are flattened.
exp.isTombstone = () => [{ op: 72, count: 1 }];
exp.digestModulo = (n: number) => [{ op: 64, count: 2 }, ...exp.int(n)];

/** Gives `{"$const": path}` tags without a recorded value the value of that client constant. */
function resolveConsts(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(resolveConsts);
  if (v === null || typeof v !== "object") return v;
  const o = v as Record<string, unknown>;
  if (typeof o.$const === "string" && !("value" in o)) {
    // biome-ignore lint/suspicious/noExplicitAny: walking the client module by path
    let cur: any = Aerospike;
    for (const part of o.$const.split(".")) cur = cur?.[part];
    return { $const: o.$const, value: cur };
  }
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, resolveConsts(x)]));
}

/** Builds the client expression of a case from its call form. */
function buildExp(form: unknown): unknown[] {
  const built = decodeArg({ $build: resolveConsts(form) } as Json) as unknown[];
  return built.flat(Number.POSITIVE_INFINITY);
}

let h: Harness | undefined;
const key: Aerospike.KeyOptions = { ns: rec.ns, set: rec.set, key: rec.key };

beforeAll(async () => {
  h = await startHarness();
  const bins = decodeArg(rec.bins as Json) as Aerospike.AerospikeBins;
  await h.client.put(key, bins, { ttl: -1 }, { key: Aerospike.policy.key.SEND });
  const extra = (file.record as unknown as { extraOps: unknown[] }).extraOps.map((op) =>
    decodeArg({ $build: op } as Json),
  );
  await h.client.operate(key, extra as Aerospike.operations.Operation[], { ttl: -2 });
});

afterAll(async () => {
  await stopHarness(h);
});

async function runCase(c: VectorCase): Promise<{ ok?: unknown; error?: number }> {
  const op = Aerospike.exp.operations.read("v", buildExp(c.exp) as never, c.flags);
  try {
    const r = await (h as Harness).client.operate(key, [op]);
    return { ok: JSON.parse(JSON.stringify(encodeResult(r.bins.v))) };
  } catch (e) {
    return { error: (e as { code: number }).code };
  }
}

describe("expressions.json vectors through the official client", () => {
  it("the stored record reads back as recorded", async () => {
    const r = await (h as Harness).client.get(key);
    expect(r.gen).toBe(rec.generation);
    expect(Object.keys(r.bins).sort()).toEqual(Object.keys(rec.stored).sort());
  });

  it.each(file.cases.map((c) => [c.name, c] as const))("%s", async (_n, c) => {
    const got = await runCase(c);
    if ("error" in c.result) {
      expect(got).toEqual({ error: c.result.error.code });
      return;
    }
    expect(got.error).toBeUndefined();
    if (!c.volatile) expect(got.ok).toEqual(c.result.ok.client);
    else expect(typeof got.ok).toBe(typeof c.result.ok.client);
  });
});

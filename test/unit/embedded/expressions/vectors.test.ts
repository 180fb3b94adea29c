import { describe, expect, it } from "vitest";
import { expReadHandler } from "../../../../src/embedded/expressions/index.js";
import type { AsMsg, MsgOp } from "../../../../src/embedded/wire/as-msg.js";
import { encodeMsgpack, MsgpackWriter } from "../../../../src/embedded/wire/msgpack-encode.js";
import { loadVectors, PARTICLE_NAMES, type VectorCase, vectorRecord } from "./vector-record.js";

const file = loadVectors();

/** The EXP_READ op the client sends for a case: `[expression, flags]`. */
function expReadOp(c: VectorCase): MsgOp {
  const w = new MsgpackWriter();
  w.arrayHeader(2);
  w.raw(Buffer.from(c.wire, "hex"));
  w.int(c.flags);
  return {
    opType: 7,
    particleType: 4,
    flags: 0,
    name: Buffer.from("v"),
    value: Buffer.from(w.finish()),
  };
}

/** Runs one case in-process and reports what the server would answer. */
function run(c: VectorCase): { code: number; type?: string; raw?: string } {
  const out = expReadHandler(expReadOp(c), {
    msg: {} as AsMsg,
    binName: "v",
    record: vectorRecord(file),
  });
  if (out.code !== 0 || out.result === undefined) return { code: out.code };
  return {
    code: 0,
    type: PARTICLE_NAMES[out.result.type] ?? String(out.result.type),
    raw: out.result.data.toString("hex"),
  };
}

describe("expressions.json vectors (in-process, recorded wire bytes)", () => {
  it("has recorded cases", () => {
    expect(file.cases.length).toBeGreaterThan(0);
  });

  it.each(file.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const got = run(c);
    if ("error" in c.result) {
      expect(got.code).toBe(c.result.error.code);
      return;
    }
    expect(got.code).toBe(0);
    expect(got.type).toBe(c.result.ok.type);
    if (!c.volatile) expect(got.raw).toBe(c.result.ok.raw);
  });

  it("has the recorded number of cases", () => {
    expect(file.cases.length).toBeGreaterThanOrEqual(160);
    expect(encodeMsgpack({ kind: "nil" }).length).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { expModifyHandler, expReadHandler } from "../../../../src/embedded/expressions/index.js";
import type { AsMsg } from "../../../../src/embedded/wire/as-msg.js";
import { particleToValue } from "../../../../src/embedded/wire/particle.js";
import { bin, expOp, modify, mp, O, pack, read, record, T } from "./exp-helper.js";

const F = { CREATE_ONLY: 1, UPDATE_ONLY: 2, ALLOW_DELETE: 4, POLICY_NO_FAIL: 8, EVAL_NO_FAIL: 16 };
const fresh = () => record({ i: mp.int(5), s: mp.str("x") });
const value = (r: ReturnType<typeof fresh>, name: string) => {
  const p = r.bins.get(name);
  return p === undefined ? undefined : particleToValue(p);
};

describe("EXP_MODIFY flags", () => {
  it("DEFAULT creates and overwrites", () => {
    const r = fresh();
    expect(modify(r, "w", [O.add, bin(T.int, "i"), 1])).toBe(0);
    expect(value(r, "w")).toEqual(mp.int(6));
    expect(modify(r, "w", "str")).toBe(0);
    expect(value(r, "w")).toEqual(mp.str("str"));
  });

  it("CREATE_ONLY fails with 6 on an existing bin, silently with POLICY_NO_FAIL", () => {
    const r = fresh();
    expect(modify(r, "i", 1, F.CREATE_ONLY)).toBe(6);
    expect(modify(r, "i", 1, F.CREATE_ONLY | F.POLICY_NO_FAIL)).toBe(0);
    expect(value(r, "i")).toEqual(mp.int(5));
    expect(modify(r, "new", 1, F.CREATE_ONLY)).toBe(0);
    expect(value(r, "new")).toEqual(mp.int(1));
  });

  it("UPDATE_ONLY fails with 17 on a missing bin, silently with POLICY_NO_FAIL", () => {
    const r = fresh();
    expect(modify(r, "u", 1, F.UPDATE_ONLY)).toBe(17);
    expect(modify(r, "u", 1, F.UPDATE_ONLY | F.POLICY_NO_FAIL)).toBe(0);
    expect(r.bins.has("u")).toBe(false);
    expect(modify(r, "i", 9, F.UPDATE_ONLY)).toBe(0);
    expect(value(r, "i")).toEqual(mp.int(9));
  });

  it("nil deletes only with ALLOW_DELETE; without it any flag makes the refusal silent", () => {
    const r = fresh();
    expect(modify(r, "i", null)).toBe(26);
    expect(modify(r, "i", null, F.EVAL_NO_FAIL)).toBe(0);
    expect(value(r, "i")).toEqual(mp.int(5));
    expect(modify(r, "i", null, F.ALLOW_DELETE)).toBe(0);
    expect(r.bins.has("i")).toBe(false);
    expect(modify(r, "never", null)).toBe(0);
    expect(r.bins.has("never")).toBe(false);
  });

  it("evaluation failure is 26, a no-op with EVAL_NO_FAIL, still 26 with POLICY_NO_FAIL", () => {
    const r = fresh();
    expect(modify(r, "x", bin(T.int, "s"))).toBe(26);
    expect(modify(r, "x", bin(T.int, "s"), F.EVAL_NO_FAIL)).toBe(0);
    expect(r.bins.has("x")).toBe(false);
    expect(modify(r, "x", bin(T.int, "s"), F.POLICY_NO_FAIL)).toBe(26);
  });

  it("writes every value type with its particle type", () => {
    const r = fresh();
    const cases: [unknown, number][] = [
      [1, 1],
      [{ f: 1.5 }, 2],
      ["s", 3],
      [Buffer.from([1]), 4],
      [true, 17],
      [[O.quote, [1, 2]], 20],
      [{ mp: mp.map([[mp.str("a"), mp.int(1)]], 1) }, 19],
      [{ geo: '{"type":"Point","coordinates":[1,2]}' }, 23],
    ];
    for (const [e, type] of cases) {
      expect(modify(r, "v", e as never)).toBe(0);
      expect(r.bins.get("v")?.type).toBe(type);
    }
  });

  it("rejects unknown flags and malformed op values with 4", () => {
    const r = fresh();
    expect(modify(r, "v", 1, 32)).toBe(4);
    const ctx = { msg: {} as AsMsg, binName: "v", record: r };
    const bad = (value: Buffer) => ({
      opType: 8,
      particleType: 4,
      flags: 0,
      name: Buffer.from("v"),
      value,
    });
    expect(expModifyHandler(bad(Buffer.from([0x90])), ctx).code).toBe(4);
    expect(expModifyHandler(bad(Buffer.from([0x93, 1, 0, 0])), ctx).code).toBe(4);
    expect(expModifyHandler(bad(Buffer.from([0x01])), ctx).code).toBe(4);
    expect(expModifyHandler(bad(Buffer.alloc(0)), ctx).code).toBe(4);
  });
});

describe("EXP_READ", () => {
  it("returns the value without writing it", () => {
    const r = fresh();
    expect(read(r, [O.add, bin(T.int, "i"), 1])).toEqual({ code: 0, value: mp.int(6) });
    expect(value(r, "r")).toBeUndefined();
  });

  it("accepts only EVAL_NO_FAIL", () => {
    const r = fresh();
    expect(read(r, 1, F.CREATE_ONLY).code).toBe(4);
    expect(read(r, 1, F.ALLOW_DELETE).code).toBe(4);
    expect(read(r, bin(T.int, "zz"), F.EVAL_NO_FAIL)).toEqual({ code: 0, value: mp.nil });
    expect(read(r, bin(T.int, "zz")).code).toBe(26);
  });

  it("flags default to 0 when absent", () => {
    const r = fresh();
    const out = expReadHandler(expOp(7, "r", pack(7)), {
      msg: {} as AsMsg,
      binName: "r",
      record: r,
    });
    expect(out.code).toBe(0);
  });
});

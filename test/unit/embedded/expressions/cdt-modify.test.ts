import { describe, expect, it } from "vitest";
import { cdtModify } from "../../../../src/embedded/cdt/index.js";
import type { MpValue } from "../../../../src/embedded/wire/msgpack-value.js";
import { mp } from "./exp-helper.js";

const n = mp.int;
const s = mp.str;
const list = mp.list(n(1), n(2));
const map = mp.map(
  [
    [s("a"), n(1)],
    [s("b"), n(2)],
  ],
  1,
);

function ok(op: number, args: MpValue[], v: MpValue, ctx?: MpValue): MpValue {
  const out = cdtModify(op, args, ctx, v);
  if (!out.ok) throw new Error(`failed with ${out.code}`);
  return out.value;
}
const fail = (op: number, args: MpValue[], v: MpValue) => {
  const out = cdtModify(op, args, undefined, v);
  return out.ok ? 0 : out.code;
};

describe("CDT modify ops on a copy", () => {
  it("list append with ADD_UNIQUE and NO_FAIL", () => {
    expect(ok(1, [n(3)], list)).toEqual(mp.list(n(1), n(2), n(3)));
    expect(fail(1, [n(2), n(0), n(1)], list)).toBe(24);
    expect(ok(1, [n(2), n(0), n(5)], list)).toEqual(list);
  });

  it("list insert pads with nil, or fails when bounded", () => {
    expect(ok(3, [n(4), n(9)], list)).toEqual(mp.list(n(1), n(2), mp.nil, mp.nil, n(9)));
    expect(ok(3, [n(-1), n(9)], list)).toEqual(mp.list(n(1), n(9), n(2)));
    expect(fail(3, [n(4), n(9), n(2)], list)).toBe(26);
  });

  it("list increment type checks", () => {
    expect(ok(12, [n(1), n(5)], list)).toEqual(mp.list(n(1), n(7)));
    expect(fail(12, [n(1), mp.float(1)], list)).toBe(12);
    expect(fail(12, [n(7)], list)).toBe(26);
  });

  it("list sort with DROP_DUPLICATES", () => {
    expect(ok(13, [n(2)], mp.list(n(3), n(1), n(3)))).toEqual(mp.list(n(1), n(3)));
  });

  it("map put honours CREATE_ONLY, UPDATE_ONLY and NO_FAIL and keeps key order", () => {
    expect(ok(67, [s("0"), n(0)], map)).toEqual(
      mp.map(
        [
          [s("0"), n(0)],
          [s("a"), n(1)],
          [s("b"), n(2)],
        ],
        1,
      ),
    );
    expect(fail(67, [s("a"), n(0), n(1), n(1)], map)).toBe(24);
    expect(fail(67, [s("z"), n(0), n(1), n(2)], map)).toBe(23);
    expect(ok(67, [s("z"), n(0), n(1), n(6)], map)).toEqual(map);
    expect(ok(74, [s("b"), n(2)], map)).toEqual(
      mp.map(
        [
          [s("a"), n(1)],
          [s("b"), n(0)],
        ],
        1,
      ),
    );
  });

  it("remove-by ops, inverted", () => {
    expect(ok(35, [n(0), n(2)], list)).toEqual(mp.list(n(1)));
    expect(ok(35, [n(0x10000), n(2)], list)).toEqual(mp.list(n(2)));
    expect(ok(76, [n(0), s("a")], map)).toEqual(mp.map([[s("b"), n(2)]], 1));
  });

  it("applies at a context and returns the whole new root", () => {
    const root = mp.map([[s("k"), list]]);
    const ctx = mp.list(n(0x22), s("k"));
    expect(ok(1, [n(3)], root, ctx)).toEqual(mp.map([[s("k"), mp.list(n(1), n(2), n(3))]]));
    expect(cdtModify(1, [n(3)], mp.list(n(0x22), s("zz")), root).ok).toBe(false);
  });
});

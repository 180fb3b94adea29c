import { describe, expect, it } from "vitest";
import {
  applyHllOp,
  applyHllOpPayload,
  canonicalElement,
  decodeHllOpPayload,
  encodeHllResult,
  type HllBinValue,
  HllOpCode,
  type HllOpKind,
  type HllOpOutcome,
  hllParticleSize,
  isValidHllParticle,
} from "../../../../src/embedded/hll/index.js";
import { hex, pack, type TestValue, unhex } from "./msgpack-helper.js";

/**
 * Op/flag/error cases beyond the recorded transcript, following the order of checks of the server's
 * HLL op handling (aerospike-server as/src/base/particle_hll.c, 8.1.2).
 */

const { INIT, ADD, SET_UNION, REFRESH_COUNT, FOLD, GET_COUNT, GET_UNION_COUNT } = HllOpCode;
const { GET_INTERSECT_COUNT, GET_SIMILARITY, DESCRIBE, MAY_CONTAIN } = HllOpCode;

const hllBin = (bytes: Uint8Array): HllBinValue => ({ particleType: 18, bytes });

function run(kind: HllOpKind, op: TestValue, bin?: Uint8Array | HllBinValue): HllOpOutcome {
  const value = bin instanceof Uint8Array ? hllBin(bin) : bin;
  return applyHllOpPayload(kind, pack(op), value);
}

function make(p: number, q: number, values: TestValue[] = []): Uint8Array {
  let bytes = run("modify", [INIT, p, q, 0]).newBin!;
  if (values.length > 0) bytes = run("modify", [ADD, values, -1, -1, 0], bytes).newBin!;
  return bytes;
}

const strings = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("payload and bin checks", () => {
  it.each<[string, HllOpKind, TestValue | Uint8Array, HllBinValue | undefined, number]>([
    ["empty payload array", "modify", [], undefined, 4],
    ["payload not an array", "modify", 5, undefined, 4],
    ["read op code on modify op", "modify", [GET_COUNT], undefined, 4],
    ["modify op code on read op", "read", [INIT, 8], hllBin(make(8, 0)), 4],
    ["negative op code", "modify", [-1], undefined, 4],
    [
      "modify on a string bin",
      "modify",
      [INIT, 8, 0, 0],
      { particleType: 3, bytes: unhex("61") },
      12,
    ],
    [
      "bad args on a string bin (type checked first)",
      "modify",
      [INIT, 99],
      { particleType: 3, bytes: unhex("61") },
      12,
    ],
    [
      "read on an integer bin",
      "read",
      [GET_COUNT],
      { particleType: 1, bytes: new Uint8Array(8) },
      12,
    ],
    ["corrupt stored HLL", "read", [GET_COUNT], hllBin(make(8, 0).subarray(1)), 1],
    ["too many args for init", "modify", [INIT, 8, 0, 0, 0], undefined, 4],
    ["args for refresh_count", "modify", [REFRESH_COUNT, 1], hllBin(make(8, 0)), 4],
    ["no args for fold", "modify", [FOLD], hllBin(make(8, 0)), 4],
    ["args for get_count", "read", [GET_COUNT, 1], hllBin(make(8, 0)), 4],
    ["index bits not an int", "modify", [INIT, "8"], undefined, 4],
  ])("%s → %i", (_name, kind, op, bin, code) => {
    const payload = op instanceof Uint8Array ? op : pack(op);
    expect(applyHllOpPayload(kind, payload, bin).resultCode).toBe(code);
  });

  it("answers a read on a missing bin with null without parsing the op", () => {
    expect(applyHllOpPayload("read", unhex("c1"), undefined)).toEqual({ resultCode: 0 });
    expect(run("read", [GET_UNION_COUNT, []])).toEqual({ resultCode: 0 });
  });

  it("decodes a payload into op code and raw argument bytes", () => {
    const op = decodeHllOpPayload("modify", unhex("950191a20361ffff00"))!;
    expect(op.code).toBe(ADD);
    expect(op.args.map(hex)).toEqual(["91a20361", "ff", "ff", "00"]);
    expect(applyHllOp(op, undefined).resultCode).toBe(26);
  });
});

describe("write flags", () => {
  const existing = () => hllBin(make(8, 0, ["x"]));
  it.each<[string, TestValue, boolean, number, boolean]>([
    ["init CREATE_ONLY|UPDATE_ONLY", [INIT, 8, 0, 3], false, 4, false],
    ["init ALLOW_FOLD not allowed", [INIT, 8, 0, 8], false, 4, false],
    ["init unknown flag bit", [INIT, 8, 0, 16], false, 4, false],
    ["init flags -1", [INIT, 8, 0, -1], false, 4, false],
    ["add UPDATE_ONLY not allowed", [ADD, ["a"], 8, -1, 2], true, 4, false],
    ["add ALLOW_FOLD not allowed", [ADD, ["a"], 8, -1, 8], true, 4, false],
    ["add CREATE_ONLY on missing bin", [ADD, ["a"], 8, -1, 1], false, 0, true],
    ["add CREATE_ONLY on existing bin", [ADD, ["a"], -1, -1, 1], true, 6, false],
    ["add CREATE_ONLY|NO_FAIL on existing bin", [ADD, ["a"], -1, -1, 5], true, 0, false],
    [
      "set_union UPDATE_ONLY on missing bin",
      [SET_UNION, [{ hll: make(8, 0) }], 2],
      false,
      17,
      false,
    ],
    [
      "set_union UPDATE_ONLY|NO_FAIL on missing bin",
      [SET_UNION, [{ hll: make(8, 0) }], 6],
      false,
      0,
      false,
    ],
    [
      "set_union CREATE_ONLY|NO_FAIL on existing bin",
      [SET_UNION, [{ hll: make(8, 0) }], 5],
      true,
      0,
      false,
    ],
    ["init UPDATE_ONLY|NO_FAIL on missing bin", [INIT, 8, 0, 6], false, 0, false],
    ["invalid args still fail with NO_FAIL", [INIT, 3, 0, 4], true, 4, false],
  ])("%s", (_name, op, onExisting, code, writes) => {
    const out = run("modify", op, onExisting ? existing() : undefined);
    expect(out.resultCode).toBe(code);
    expect(out.newBin !== undefined).toBe(writes);
  });
});

describe("modify semantics", () => {
  it("init on an existing bin takes unset bits from it and clears it", () => {
    const out = run("modify", [INIT, -1, -1, 0], make(10, 20, ["a", "b"]));
    expect(hex(out.newBin!)).toBe(hex(make(10, 20)));
    expect(run("modify", [INIT, 12], make(10, 20)).newBin!.subarray(1, 3)).toEqual(unhex("0c14"));
  });

  it("init on an existing bin with an invalid resulting combination → 26", () => {
    expect(run("modify", [INIT, -1, 49, 0], make(16, 0)).resultCode).toBe(26);
    expect(run("modify", [INIT, 16, 49, 0]).resultCode).toBe(4);
  });

  it("init with minhash bits but no index bits on a missing bin → 26", () => {
    expect(run("modify", [INIT, -1, 8, 0]).resultCode).toBe(26);
  });

  it("add keeps the cached count when no register changes and drops it otherwise", () => {
    const sketch = make(8, 0, strings("k", 50));
    const estimate = run("read", [GET_COUNT], sketch).result as bigint;
    const refreshed = run("modify", [REFRESH_COUNT], sketch);
    expect(refreshed.result).toBe(estimate);
    const cached = refreshed.newBin!;
    expect(new DataView(cached.buffer, cached.byteOffset).getBigUint64(3, true)).toBe(estimate);
    const again = run("modify", [ADD, ["k1"], -1, -1, 0], cached);
    expect(again.result).toBe(0n);
    expect(hex(again.newBin!)).toBe(hex(cached));
    const grown = run("modify", [ADD, strings("z", 20), -1, -1, 0], cached);
    expect(grown.newBin!.subarray(3, 11)).toEqual(new Uint8Array(8));
  });

  it("get_count returns the cache when set", () => {
    const bytes = make(8, 0, ["a"]);
    new DataView(bytes.buffer, bytes.byteOffset).setBigUint64(3, 12345n, true);
    expect(run("read", [GET_COUNT], bytes).result).toBe(12345n);
  });

  it("refresh_count on a missing bin → 17", () => {
    expect(run("modify", [REFRESH_COUNT]).resultCode).toBe(17);
  });

  it("set_union without ALLOW_FOLD rejects a minhash mismatch, with ALLOW_FOLD drops minhash", () => {
    const bin = make(8, 8, ["a"]);
    const other = { hll: make(8, 4, ["b"]) };
    expect(run("modify", [SET_UNION, [other], 0], bin).resultCode).toBe(26);
    const folded = run("modify", [SET_UNION, [other], 8], bin);
    expect(folded.newBin!.subarray(1, 3)).toEqual(unhex("0800"));
    expect(run("read", [GET_COUNT], folded.newBin!).result).toBe(2n);
  });

  it("set_union into a q=0 bin from minhash sketches keeps q=0", () => {
    const out = run("modify", [SET_UNION, [{ hll: make(8, 8, ["a"]) }], 0], make(8, 0, ["b"]));
    expect(out.newBin!.subarray(1, 3)).toEqual(unhex("0800"));
  });

  it("set_union accepts one HLL not wrapped in a list", () => {
    const out = run("modify", [SET_UNION, { hll: make(6, 0, ["a"]) }]);
    expect(out.resultCode).toBe(0);
    expect(out.newBin!.subarray(1, 3)).toEqual(unhex("0600"));
  });

  it("fold with index -1 → 26", () => {
    expect(run("modify", [FOLD, -1], make(8, 0)).resultCode).toBe(26);
  });
});

describe("read semantics", () => {
  it("may_contain is 1 for added elements and 0 once one is absent", () => {
    const bytes = make(12, 0, strings("m", 30));
    expect(run("read", [MAY_CONTAIN, ["m1", "m29"]], bytes).result).toBe(1n);
    expect(run("read", [MAY_CONTAIN, ["m1", "absent-value"]], bytes).result).toBe(0n);
    expect(run("read", [MAY_CONTAIN, []], bytes).resultCode).toBe(4);
    expect(run("read", [MAY_CONTAIN, [[1]]], bytes).resultCode).toBe(4);
    expect(run("read", [MAY_CONTAIN, [null, true, 1.5]], bytes).resultCode).toBe(0);
  });

  it("intersect/similarity with more than 2 argument HLLs need one shared non-zero q", () => {
    const plain = { hll: make(8, 0, ["a"]) };
    const mh = { hll: make(8, 8, ["a"]) };
    expect(run("read", [GET_INTERSECT_COUNT, [plain, plain, plain]], make(8, 0)).resultCode).toBe(
      4,
    );
    expect(
      run("read", [GET_SIMILARITY, [mh, mh, { hll: make(8, 4) }]], make(8, 8)).resultCode,
    ).toBe(4);
    expect(run("read", [GET_SIMILARITY, [mh, mh, mh]], make(8, 0)).resultCode).toBe(26);
    expect(run("read", [GET_SIMILARITY, [mh, mh, mh]], make(8, 8, ["a"])).result).toBe(1);
  });

  it("similarity of empty minhash sketches is NaN, of one empty sketch 0", () => {
    expect(run("read", [GET_SIMILARITY, [{ hll: make(8, 8) }]], make(8, 8)).result).toBeNaN();
    expect(run("read", [GET_SIMILARITY, [{ hll: make(8, 8) }]], make(8, 8, ["a"])).result).toBe(0);
    expect(run("read", [GET_INTERSECT_COUNT, [{ hll: make(8, 8) }]], make(8, 8)).result).toBe(0n);
  });

  it("similarity of empty plain sketches is NaN (0 / 0)", () => {
    expect(run("read", [GET_SIMILARITY, [{ hll: make(8, 0) }]], make(8, 0)).result).toBeNaN();
  });

  it.each<[string, TestValue]>([
    ["HLL too short", [GET_UNION_COUNT, [unhex("00")]]],
    [
      "HLL with flags",
      [GET_UNION_COUNT, [{ hll: Uint8Array.from([1, ...make(4, 0).subarray(1)]) }]],
    ],
    ["HLL with a bad size", [GET_UNION_COUNT, [{ hll: make(4, 0).subarray(0, 20) }]]],
    [
      "HLL with bad index bits",
      [GET_UNION_COUNT, [{ hll: Uint8Array.from([0, 3, ...make(4, 0).subarray(2)]) }]],
    ],
    ["an integer instead of an HLL", [GET_UNION_COUNT, [5]]],
  ])("rejects %s with 4", (_name, op) => {
    expect(run("read", op, make(8, 0)).resultCode).toBe(4);
  });

  it("describe returns [index_bits, minhash_bits]", () => {
    expect(run("read", [DESCRIBE], make(12, 12)).result).toEqual([12n, 12n]);
  });
});

describe("element canonicalisation (msgpack_compactify)", () => {
  it.each([
    ["cc05", "05"],
    ["cd00ff", "ccff"],
    ["ce00000100", "cd0100"],
    ["cf00000000ffffffff", "ceffffffff"],
    ["d0ff", "ff"],
    ["d1ff80", "d080"],
    ["d3000000000000002a", "2a"],
    ["d2ffff8000", "d18000"],
    ["d2ffff0000", "d2ffff0000"],
    ["d903036162", "a3036162"],
    ["c403036162", "a3036162"],
    ["da0003036162", "a3036162"],
    ["c600000003036162", "a3036162"],
    ["c7010561", "d40561"],
    ["cb3ff8000000000000", "cb3ff8000000000000"],
    ["a3036162", "a3036162"],
  ])("%s → %s", (input, output) => {
    expect(hex(canonicalElement(unhex(input))!)).toBe(output);
  });

  it("keeps a bin8 header longer than 31 bytes (server quirk)", () => {
    const long = `c428${"04".repeat(40)}`;
    expect(hex(canonicalElement(unhex(long))!)).toBe(long);
    const str = `d928${"04".repeat(40)}`;
    expect(hex(canonicalElement(unhex(str))!)).toBe(str);
  });

  it("rejects malformed elements", () => {
    expect(canonicalElement(unhex("c1"))).toBeUndefined();
    expect(canonicalElement(unhex("cd00"))).toBeUndefined();
  });

  it("adds non-minimal encodings as the same element", () => {
    const viaMinimal = run("modify", [ADD, [1, "ab"], 8, -1, 0]).newBin!;
    const payload = unhex("950192cd0001d903036162080000");
    const viaWide = applyHllOpPayload("modify", payload, undefined).newBin!;
    expect(hex(viaWide)).toBe(hex(viaMinimal));
  });
});

describe("particles and results", () => {
  it("validates particle layout", () => {
    expect(hllParticleSize(4, 0)).toBe(23);
    expect(hllParticleSize(14, 0)).toBe(12299);
    expect(isValidHllParticle(make(4, 51))).toBe(true);
    expect(isValidHllParticle(Uint8Array.from([0, 16, 49, ...new Uint8Array(8)]))).toBe(false);
    expect(isValidHllParticle(make(4, 0).subarray(0, 22))).toBe(false);
  });

  it('matches the spec example: p=4 after adding "a"', () => {
    const bytes = run("modify", [ADD, ["a"], 4, 0, 0]).newBin!;
    expect(hex(bytes)).toBe(`000400${"00".repeat(8)}000000004000000000000000`);
    expect(run("read", [GET_COUNT], bytes).result).toBe(1n);
  });

  it.each<[string, Parameters<typeof encodeHllResult>[0], number, string]>([
    ["int", 164n, 1, "00000000000000a4"],
    ["float", 0.3048780487804878, 2, "3fd3831f3831f383"],
    ["list", [12n, 0n], 20, "920c00"],
    ["hll", unhex("0004"), 18, "0004"],
  ])("encodes a %s result", (_name, value, type, bytes) => {
    const p = encodeHllResult(value);
    expect(p.particleType).toBe(type);
    expect(hex(p.bytes)).toBe(bytes);
  });
});

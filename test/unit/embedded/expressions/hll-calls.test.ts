import { describe, expect, it } from "vitest";
import { bin, type E, mp, O, read, T } from "./exp-helper.js";
import { loadVectors, vectorRecord } from "./vector-record.js";

const file = loadVectors();
const rec = vectorRecord(file);
const stored = file.record.stored.h as { value: { $hll: string } };
const h = Buffer.from(stored.value.$hll, "hex");
const H = bin(T.hll, "h");
const hllCall = (type: number, op: E[], b: E = H): E => [O.call, type, 2, op, b];
const others: E = [O.quote, [{ hll: h }]];

describe("HLL reads inside expressions (shared HLL core)", () => {
  it("count, describe, may contain", () => {
    expect(read(rec, hllCall(T.int, [50])).value).toEqual(mp.int(26));
    expect(read(rec, hllCall(T.list, [55])).value).toEqual(mp.list(mp.int(10), mp.int(0)));
    expect(read(rec, hllCall(T.int, [56, [O.quote, ["z"]]])).value).toEqual(mp.int(1));
  });

  it("union, union count, intersect count, similarity with the sketch itself", () => {
    const union = read(rec, hllCall(T.hll, [51, others]));
    expect(union.code).toBe(0);
    expect((union.value as { value: Buffer }).value.equals(h)).toBe(true);
    expect(read(rec, hllCall(T.int, [52, others])).value).toEqual(mp.int(26));
    expect(read(rec, hllCall(T.int, [53, others])).value).toEqual(mp.int(26));
    expect(read(rec, hllCall(T.float, [54, others])).value).toEqual(mp.float(1));
  });

  it("works on an HLL literal and on the result of another HLL call", () => {
    expect(read(rec, hllCall(T.int, [50], { hll: h })).value).toEqual(mp.int(26));
    expect(read(rec, hllCall(T.int, [50], hllCall(T.hll, [51, others]))).value).toEqual(mp.int(26));
  });

  it("modify-local (add) returns the new sketch without touching the bin", () => {
    const added = hllCall(T.hll, [1, [O.quote, ["new-1", "new-2"]], -1, -1, 0]);
    const sys = [
      O.call,
      T.int,
      2,
      [50],
      [O.call, T.hll, 0x42, [1, [O.quote, ["new-1", "new-2"]], -1, -1, 0], H],
    ];
    expect(read(rec, sys as E).value).toEqual(mp.int(28));
    expect(read(rec, hllCall(T.int, [50])).value).toEqual(mp.int(26));
    expect(read(rec, added).code).toBe(26);
  });

  it("failures are unknown: wrong result type, bad args, missing bin", () => {
    expect(read(rec, hllCall(T.str, [50])).code).toBe(26);
    expect(read(rec, hllCall(T.int, [52, [O.quote, []]])).code).toBe(26);
    expect(read(rec, hllCall(T.int, [50], bin(T.hll, "nosuch"))).code).toBe(26);
  });
});

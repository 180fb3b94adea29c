import { describe, expect, it } from "vitest";
import {
  ProbeHints,
  probeName,
  splitProbed,
  unpackTypes,
} from "../../../src/aerospike/type-probe.js";

describe("type probe results", () => {
  it("unpacks ten 5-bit particle types per probe, missing bins as 0", () => {
    // INTEGER 1, FLOAT 2, missing 0, GEOJSON 23.
    expect(unpackTypes(1 + 2 * 32 + 0 * 32 ** 2 + 23 * 32 ** 3, 4)).toEqual([1, 2, 0, 23]);
    expect(unpackTypes(BigInt(20 * 32 ** 9), 10)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 20]);
  });

  it("splits a read-all-with-probe answer into bins and types, keeping other U+0002 bins", () => {
    const hinted = Array.from({ length: 12 }, (_, i) => `b${i}`);
    const result = {
      b0: 3,
      b11: 4,
      "\u0002x": "a bin of another client",
      [probeName(0)]: 2, // b0 is a FLOAT, b1..b9 missing
      [probeName(1)]: 32 * 1, // b10 missing, b11 INTEGER
    };
    const { bins, particles } = splitProbed(hinted, result);
    expect(bins).toEqual({ b0: 3, b11: 4, "\u0002x": "a bin of another client" });
    expect(particles.b0).toBe(2);
    expect(particles.b11).toBe(1);
    expect(particles.b5).toBe(0);
  });

  it("hints: learns new bins once, keeps the newest per set, bounds the sets", () => {
    const hints = new ProbeHints(2, 3);
    hints.learn("ns", "a", ["x", "y"]);
    const before = hints.binsOf("ns", "a");
    hints.learn("ns", "a", ["y", "z", "w"]);
    expect(hints.binsOf("ns", "a")).toEqual(["y", "z", "w"]);
    // A command built from the earlier hint keeps its own list.
    expect(before).toEqual(["x", "y"]);
    hints.learn("ns", "b", ["q"]);
    hints.learn("ns", "c", ["r"]);
    expect(hints.binsOf("ns", "a")).toEqual([]);
    expect(hints.binsOf("ns", "c")).toEqual(["r"]);
  });
});

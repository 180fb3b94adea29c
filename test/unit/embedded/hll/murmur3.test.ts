import { describe, expect, it } from "vitest";
import { hashElement, murmur3x64128 } from "../../../../src/embedded/hll/index.js";
import { unhex } from "./msgpack-helper.js";
import { murmur3x64128 as murmur3Reference } from "./murmur3-reference.js";

const text = (s: string) => new TextEncoder().encode(s);

describe("murmur3x64128", () => {
  it.each([
    ["", "0000000000000000", "0000000000000000"],
    ["hello", "cbd8a7b341bd9b02", "5b1e906a48ae1d19"],
    ["The quick brown fox jumps over the lazy dog", "e34bbc7bbc071b6c", "7a433ca9c49a9347"],
  ])("hashes %j", (input, h1, h2) => {
    const h = murmur3x64128(text(input));
    expect(h.h1.toString(16).padStart(16, "0")).toBe(h1);
    expect(h.h2.toString(16).padStart(16, "0")).toBe(h2);
  });

  it('hashes the Aerospike string "a" (a2 03 61)', () => {
    const h = murmur3x64128(unhex("a20361"));
    expect(h.h1.toString(16)).toBe("8d15ae180c40a275");
    expect(h.h2.toString(16).padStart(16, "0")).toBe("0e22c7dd0fe0da88");
    expect(hashElement(unhex("a20361"), 4, 0)).toEqual({ index: 5, rank: 4, minhash: 0 });
    expect(hashElement(unhex("a20361"), 14, 0).index).toBe(8821);
    expect(hashElement(unhex("a20361"), 8, 4)).toMatchObject({ index: 117, minhash: 2 });
  });
});

describe("hashElement against a BigInt reference", () => {
  const configs: [number, number][] = [
    [4, 0],
    [4, 51],
    [8, 16],
    [10, 20],
    [12, 40],
    [14, 50],
    [16, 0],
    [16, 48],
    [13, 4],
  ];
  // Deterministic pseudo-random inputs of every tail length, including multi-block ones.
  let seed = 12345;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed >>> 24;
  };
  const inputs = Array.from({ length: 400 }, (_, i) =>
    Uint8Array.from({ length: i % 67 }, () => next()),
  );

  it("matches the reference digest for every input length", () => {
    for (const input of inputs) {
      const fast = murmur3x64128(input);
      const ref = murmur3Reference(input);
      expect([fast.h1, fast.h2]).toEqual([ref.h1, ref.h2]);
    }
  });

  it.each(configs)("matches register/rank/minhash for p=%i q=%i", (p, q) => {
    for (const input of inputs) {
      const { h1, h2 } = murmur3Reference(input);
      let rank = 1;
      for (let v = h2; rank <= 64 && (v & 1n) === 0n; v >>= 1n) rank++;
      expect(hashElement(input, p, q)).toEqual({
        index: Number(h1 & ((1n << BigInt(p)) - 1n)),
        rank,
        minhash: Number((h1 >> BigInt(p)) & ((1n << BigInt(q)) - 1n)),
      });
    }
  });
});

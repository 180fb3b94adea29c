import { describe, expect, it } from "vitest";
import { hashElement, murmur3x64128 } from "../../../../src/embedded/hll/index.js";
import { unhex } from "./msgpack-helper.js";

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

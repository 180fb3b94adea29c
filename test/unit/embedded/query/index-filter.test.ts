import { describe, expect, it } from "vitest";
import {
  encodeBval,
  IndexCollection,
  matchIndexFilter,
  parseIndexRange,
} from "../../../../src/embedded/query/index-filter.js";
import { encodeMsgpack } from "../../../../src/embedded/wire/msgpack-encode.js";
import { mpInt, mpList, mpMap, mpStr } from "../../../../src/embedded/wire/msgpack-value.js";
import {
  intParticle,
  ParticleType,
  stringParticle,
} from "../../../../src/embedded/wire/particle.js";

// INDEX_RANGE of `filter.range("n", 10, 19)` and `filter.equal("s", "r7")` as the client sent them.
const RANGE = "01016e0100000008000000000000000a000000080000000000000013";
const EQUAL = "01017303000000027237000000027237";

describe("parseIndexRange", () => {
  it("reads an integer range", () => {
    const f = parseIndexRange(Buffer.from(RANGE, "hex"));
    expect(f).toMatchObject({ binName: "n", keyType: "NUMERIC", begin: 10n, end: 19n });
  });

  it("reads a string equality", () => {
    const f = parseIndexRange(Buffer.from(EQUAL, "hex"));
    expect(f.keyType).toBe("STRING");
    expect(f.value.toString()).toBe("r7");
  });

  it("rejects truncated ranges", () => {
    expect(() => parseIndexRange(Buffer.from(RANGE.slice(0, 30), "hex"))).toThrow();
  });
});

describe("matchIndexFilter", () => {
  const range = parseIndexRange(Buffer.from(RANGE, "hex"));
  const equal = parseIndexRange(Buffer.from(EQUAL, "hex"));

  it("matches bin values inside the range and returns the value as bval", () => {
    expect(matchIndexFilter(intParticle(15n), range, IndexCollection.DEFAULT)).toBe(15n);
    expect(matchIndexFilter(intParticle(20n), range, IndexCollection.DEFAULT)).toBeUndefined();
    expect(matchIndexFilter(stringParticle("15"), range, IndexCollection.DEFAULT)).toBeUndefined();
    expect(matchIndexFilter(stringParticle("r7"), equal, IndexCollection.DEFAULT)).toBeDefined();
  });

  it("looks into lists and map keys/values for collection indexes", () => {
    const list = { type: ParticleType.LIST, data: encodeMsgpack(mpList([mpInt(1), mpInt(12)])) };
    expect(matchIndexFilter(list, range, IndexCollection.LIST)).toBe(12n);
    expect(matchIndexFilter(list, range, IndexCollection.DEFAULT)).toBeUndefined();
    const map = {
      type: ParticleType.MAP,
      data: encodeMsgpack(mpMap([[mpStr("r7"), mpInt(11)]])),
    };
    expect(matchIndexFilter(map, equal, IndexCollection.MAPKEYS)).toBeDefined();
    expect(matchIndexFilter(map, range, IndexCollection.MAPVALUES)).toBe(11n);
    expect(matchIndexFilter(map, range, IndexCollection.MAPKEYS)).toBeUndefined();
  });

  it("encodes a bval as little-endian u64 like the reference server", () => {
    expect(encodeBval(15n).toString("hex")).toBe("0f00000000000000");
    expect(encodeBval(-1n).toString("hex")).toBe("ffffffffffffffff");
  });
});

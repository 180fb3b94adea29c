import { describe, expect, it } from "vitest";
import {
  compareMsgpack,
  decodeAsMsg,
  decodeMsgpack,
  encodeMsgpack,
  INF,
  type MpValue,
  mpBool,
  mpFloat,
  mpInt,
  mpList,
  mpMap,
  mpStr,
  NIL,
  particleToValue,
  valueToParticle,
  WILDCARD,
  WireError,
} from "../../../../src/embedded/wire/index.js";
import { readFrames, SCENARIOS } from "../fixtures.js";

const hex = (v: MpValue) => encodeMsgpack(v).toString("hex");

describe("msgpack encoder", () => {
  it.each<[string, MpValue, string]>([
    ["fixint 0", mpInt(0), "00"],
    ["fixint 127", mpInt(127), "7f"],
    ["uint8 128", mpInt(128), "cc80"],
    ["uint16", mpInt(256), "cd0100"],
    ["uint32", mpInt(65536), "ce00010000"],
    ["uint64 2^53+1", mpInt(9007199254740993n), "cf0020000000000001"],
    ["int64 max", mpInt(9223372036854775807n), "cf7fffffffffffffff"],
    ["negative fixint -1", mpInt(-1), "ff"],
    ["negative fixint -32", mpInt(-32), "e0"],
    ["int8 -33", mpInt(-33), "d0df"],
    ["int16 -129", mpInt(-129), "d1ff7f"],
    ["int32 -32769", mpInt(-32769), "d2ffff7fff"],
    ["int64 min", mpInt(-9223372036854775808n), "d38000000000000000"],
    ["double", mpFloat(1.5), "cb3ff8000000000000"],
    ["string a", mpStr("a"), "a20361"],
    ["empty string", mpStr(""), "a103"],
    ["nil", NIL, "c0"],
    ["true", mpBool(true), "c3"],
    ["list", mpList([mpInt(1), mpStr("a"), mpList([mpInt(2)])]), "9301a203619102"],
    ["ordered map", mpMap([[mpStr("k"), mpStr("v")]], 1), "82c70001c0a2036ba20376"],
    ["ordered list", mpList([mpInt(1)], 1), "92c7000101"],
    ["wildcard", WILDCARD, "d4ff00"],
    ["inf", INF, "d4ff01"],
  ])("%s", (_name, value, expected) => {
    expect(hex(value)).toBe(expected);
    expect(decodeMsgpack(Buffer.from(expected, "hex"))).toEqual(value);
  });

  it("uses str16/str32 and array16 headers for long values", () => {
    const s = "x".repeat(300);
    expect(hex(mpStr(s)).slice(0, 8)).toBe("da012d03");
    const l = mpList(Array.from({ length: 20 }, (_, i) => mpInt(i)));
    expect(hex(l).slice(0, 6)).toBe("dc0014");
  });
});

describe("msgpack decoder", () => {
  it("accepts the bin family, float32 and prefixed blobs", () => {
    expect(decodeMsgpack(Buffer.from("c403040102", "hex"))).toEqual({
      kind: "bytes",
      particle: 4,
      value: Buffer.from("0102", "hex"),
    });
    expect(decodeMsgpack(Buffer.from("ca3fc00000", "hex"))).toEqual(mpFloat(1.5));
    expect(decodeMsgpack(Buffer.from("a0", "hex"))).toMatchObject({ kind: "bytes", particle: 4 });
    expect(decodeMsgpack(Buffer.from("a3177b7d", "hex"))).toEqual({ kind: "geojson", value: "{}" });
  });

  it.each([
    ["truncated", "cd01"],
    ["count larger than payload", "dd7fffffff"],
    ["trailing bytes", "0101"],
    ["reserved byte", "c1"],
    ["deep nesting", "91".repeat(1000)],
  ])("rejects %s", (_n, h) => {
    expect(() => decodeMsgpack(Buffer.from(h, "hex"))).toThrow(WireError);
  });

  it.each(SCENARIOS)("round-trips every LIST/MAP particle recorded in %s", (scenario) => {
    for (const f of readFrames(scenario)) {
      const h = f.inner ? f.inner.hex : f.hex;
      if ((f.inner ? f.inner.type : f.type) !== 3) continue;
      const body = Buffer.from(h, "hex");
      let off = 0;
      while (off < body.length) {
        const { msg, end } = decodeAsMsg(body, off);
        off = end;
        for (const op of msg.ops) {
          if (op.particleType !== 19 && op.particleType !== 20) continue;
          const v = particleToValue({ type: op.particleType, data: op.value });
          expect(valueToParticle(v).data.toString("hex")).toBe(op.value.toString("hex"));
        }
      }
    }
  });
});

describe("compareMsgpack", () => {
  it("orders types like the server", () => {
    const ordered: MpValue[] = [
      NIL,
      mpBool(false),
      mpBool(true),
      mpInt(-5),
      mpInt(3),
      mpStr("a"),
      mpStr("ab"),
      mpList([mpInt(1)]),
      mpMap([]),
      { kind: "bytes", particle: 4, value: Buffer.from([0]) },
      mpFloat(-1),
      { kind: "geojson", value: "{}" },
      WILDCARD,
      INF,
    ];
    for (let i = 0; i + 1 < ordered.length; i++) {
      expect(compareMsgpack(ordered[i] as MpValue, ordered[i + 1] as MpValue)).toBe(-1);
    }
  });
});

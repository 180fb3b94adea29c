import { describe, expect, it } from "vitest";
import {
  decodeAsMsg,
  encodeAsMsg,
  encodeFrame,
  FrameSplitter,
  inflateCompressedBody,
  PROTO_SIZE_MAX,
  WireError,
} from "../../../../src/embedded/wire/index.js";
import { readFrames, SCENARIOS } from "../fixtures.js";

describe("as_msg codec", () => {
  it.each(SCENARIOS.filter((s) => s !== "tend" && s !== "info"))(
    "round-trips every recorded as_msg of %s byte-exactly",
    (scenario) => {
      let count = 0;
      for (const f of readFrames(scenario)) {
        const hex = f.inner ? f.inner.hex : f.hex;
        const type = f.inner ? f.inner.type : f.type;
        if (type !== 3) continue;
        const body = Buffer.from(hex, "hex");
        const parts: Buffer[] = [];
        let off = 0;
        while (off < body.length) {
          const { msg, end } = decodeAsMsg(body, off);
          parts.push(encodeAsMsg(msg));
          off = end;
          count++;
        }
        expect(Buffer.concat(parts).toString("hex")).toBe(hex);
      }
      expect(count).toBeGreaterThan(0);
    },
  );

  it("decodes the worked PUT example of the spec", () => {
    const hex =
      "1600010000000000000000000000000003e800030001" +
      "000000050074657374000000050164656d6f0000001504ec91192d4b7f8ce35d5d78d34bca65cbaaaac960" +
      "0000000d0201000161" +
      "0000000000000001";
    const { msg, end } = decodeAsMsg(Buffer.from(hex, "hex"));
    expect(end).toBe(hex.length / 2);
    expect(msg.info2).toBe(1);
    expect(msg.transactionTtl).toBe(1000);
    expect(msg.fields.map((f) => f.type)).toEqual([0, 1, 4]);
    expect(msg.ops[0]?.name.toString()).toBe("a");
    expect(msg.ops[0]?.value.readBigInt64BE(0)).toBe(1n);
  });

  it.each([
    ["short header", "1600"],
    ["field past end", "160000000000000000000000000000000000000100000000ff00"],
    ["op past end", "16000000000000000000000000000000000000000001000000ff02010003"],
    ["zero-size field", "16000000000000000000000000000000000000010000000000"],
    ["header size < 22", "0500000000000000000000000000000000000000000000"],
  ])("rejects %s with PARAMETER", (_name, hex) => {
    expect(() => decodeAsMsg(Buffer.from(hex, "hex"))).toThrow(WireError);
  });
});

describe("FrameSplitter", () => {
  it("reassembles frames split at every byte boundary", () => {
    const a = encodeFrame(1, Buffer.from("node\n"));
    const b = encodeFrame(3, Buffer.alloc(22));
    const all = Buffer.concat([a, b]);
    for (let cut = 0; cut <= all.length; cut++) {
      const s = new FrameSplitter();
      const frames = [...s.push(all.subarray(0, cut)), ...s.push(all.subarray(cut))];
      expect(frames.map((f) => f.type)).toEqual([1, 3]);
      expect(frames[0]?.body.toString()).toBe("node\n");
      expect(s.pending).toBe(0);
    }
  });

  it("rejects a bad version and an absurd size", () => {
    expect(() => new FrameSplitter().push(Buffer.from("0301000000000005", "hex"))).toThrow(
      WireError,
    );
    const big = Buffer.from("0203000000000000", "hex");
    big.writeUIntBE(PROTO_SIZE_MAX + 1, 2, 6);
    expect(() => new FrameSplitter().push(big)).toThrow(WireError);
  });
});

describe("compressed frames", () => {
  it("inflates the recorded compressed request", () => {
    const f = readFrames("kv-types").find((x) => x.type === 4);
    expect(f).toBeDefined();
    const inner = inflateCompressedBody(Buffer.from(f?.hex ?? "", "hex"), PROTO_SIZE_MAX);
    expect(inner.type).toBe(3);
    expect(inner.body.toString("hex")).toBe(f?.inner?.hex);
  });

  it("rejects garbage", () => {
    expect(() => inflateCompressedBody(Buffer.from("00000000000000ff0102", "hex"), 1000)).toThrow(
      WireError,
    );
    expect(() => inflateCompressedBody(Buffer.alloc(3), 1000)).toThrow(WireError);
  });
});

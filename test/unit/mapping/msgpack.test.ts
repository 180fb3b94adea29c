import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AsValue } from "../../../src/mapping/model.js";
import { decodeAerospikeMsgpack, MsgpackError } from "../../../src/mapping/msgpack.js";

const FIXTURES = new URL(
  "../../../../shared/fixtures/aerospike-8.1.2/vectors/expressions.json",
  import.meta.url,
);

const hex = (h: string) => new Uint8Array(Buffer.from(h.replace(/\s+/g, ""), "hex"));
const int = (n: bigint | number): AsValue => ({ type: "int", value: BigInt(n) });
const dbl = (n: number): AsValue => ({ type: "double", value: n });
const str = (s: string): AsValue => ({ type: "string", value: s });

/** Converts the fixtures' JSON value encoding to the domain model. */
function fromFixture(j: unknown): AsValue {
  if (j === null) return { type: "nil" };
  if (typeof j === "boolean") return { type: "bool", value: j };
  if (typeof j === "number") return Number.isInteger(j) ? int(j) : dbl(j);
  if (typeof j === "string") return str(j);
  if (Array.isArray(j)) return { type: "list", value: j.map(fromFixture) };
  const o = j as Record<string, unknown>;
  if ("$bigint" in o) return int(BigInt(o.$bigint as string));
  if ("$float" in o) return dbl(Number(o.$float));
  if ("$bytes" in o) return { type: "bytes", value: hex(o.$bytes as string) };
  if ("$map" in o) {
    return {
      type: "map",
      value: (o.$map as [unknown, unknown][]).map(([k, v]) => ({
        key: fromFixture(k),
        value: fromFixture(v),
      })),
    };
  }
  throw new Error(`unhandled fixture value ${JSON.stringify(j)}`);
}

describe("decodeAerospikeMsgpack", () => {
  const table: [string, string, AsValue][] = [
    [
      "list of float and int",
      "92 cb 3ff0000000000000 01",
      { type: "list", value: [dbl(1), int(1)] },
    ],
    [
      "key-ordered map with int keys",
      "83 c70001 c0 01 a20361 02 a20362",
      {
        type: "map",
        value: [
          { key: int(1), value: str("a") },
          { key: int(2), value: str("b") },
        ],
      },
    ],
    ["negative fixint", "91 ff", { type: "list", value: [int(-1)] }],
    ["int64 min", "91 d3 8000000000000000", { type: "list", value: [int(-(2n ** 63n))] }],
    [
      "uint64 max wraps to int64",
      "91 cf 7fffffffffffffff",
      { type: "list", value: [int(2n ** 63n - 1n)] },
    ],
    ["uint16/32", "92 cd 0100 ce 00010000", { type: "list", value: [int(256), int(65536)] }],
    [
      "int8/16/32",
      "93 d0 80 d1 8000 d2 80000000",
      { type: "list", value: [int(-128), int(-32768), int(-(2 ** 31))] },
    ],
    ["float32", "91 ca 3fc00000", { type: "list", value: [dbl(1.5)] }],
    ["negative zero", "91 cb 8000000000000000", { type: "list", value: [dbl(-0)] }],
    ["blob", "91 c4 03 04 0102", { type: "list", value: [{ type: "bytes", value: hex("0102") }] }],
    ["geojson", "91 a3 17 7b 7d", { type: "list", value: [{ type: "geojson", value: "{}" }] }],
    [
      "bool and nil",
      "93 c3 c2 c0",
      {
        type: "list",
        value: [{ type: "bool", value: true }, { type: "bool", value: false }, { type: "nil" }],
      },
    ],
    ["str8", "91 d9 03 03 6162", { type: "list", value: [str("ab")] }],
    ["list with order flags", "93 c70001 01 02", { type: "list", value: [int(1), int(2)] }],
  ];
  for (const [name, bytes, want] of table) {
    it(name, () => {
      const got = decodeAerospikeMsgpack(hex(bytes));
      expect(got).toEqual(want);
      if (want.type === "list" && want.value[0]?.type === "double") {
        expect(
          Object.is(
            (got as unknown as { value: { value: number }[] }).value[0]?.value,
            (want.value[0] as { value: number }).value,
          ),
        ).toBe(true);
      }
    });
  }

  it("rejects truncated and trailing input", () => {
    expect(() => decodeAerospikeMsgpack(hex("92 01"))).toThrow(MsgpackError);
    expect(() => decodeAerospikeMsgpack(hex("91 01 01"))).toThrow(MsgpackError);
    expect(() => decodeAerospikeMsgpack(hex("c1"))).toThrow(MsgpackError);
  });

  it("matches every LIST/MAP result of the 8.1.2 expression vectors", () => {
    const doc = JSON.parse(readFileSync(FIXTURES, "utf8")) as {
      cases: { name: string; result: { ok?: { type: string; value: unknown; raw: string } } }[];
    };
    const cases = doc.cases.filter(
      (c) => c.result.ok?.type === "LIST" || c.result.ok?.type === "MAP",
    );
    expect(cases.length).toBeGreaterThan(10);
    for (const c of cases) {
      const ok = c.result.ok as { value: unknown; raw: string };
      expect(decodeAerospikeMsgpack(hex(ok.raw)), c.name).toEqual(fromFixture(ok.value));
    }
  });
});

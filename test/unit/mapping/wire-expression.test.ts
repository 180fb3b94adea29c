import Aerospike from "aerospike";
import { describe, expect, it } from "vitest";
import { clientDouble } from "../../../src/aerospike/values.js";
import {
  expressionKey,
  namedWireExpression,
  WIRE_CACHE_ENTRIES,
  wireCacheSize,
  wireExpression,
} from "../../../src/aerospike/wire-expression.js";

const { exp } = Aerospike;
const compiler = new Aerospike.Client({
  hosts: "127.0.0.1:3000",
  log: { level: Aerospike.log.OFF },
} as never) as unknown as { expressionToBase64(e: unknown): string };

describe("expression wire cache", () => {
  const cases: [string, () => unknown[]][] = [
    ["bin type", () => exp.binType("a")],
    ["int compare", () => exp.eq(exp.binInt("a"), exp.int(5))],
    ["float compare", () => exp.eq(exp.binFloat("a"), exp.float(5))],
    ["string compare", () => exp.eq(exp.binStr("a"), exp.str("5"))],
    ["list literal", () => exp.eq(exp.binList("l"), exp.list([1, "x", Buffer.from([1])]))],
    ["map literal", () => exp.eq(exp.binMap("m"), exp.map(new Map([[1, "a"]]) as never))],
  ];

  it.each(cases)("sends the same wire form the binding compiles (%s)", (_name, build) => {
    const e = build();
    expect(wireExpression(e)).toBe(compiler.expressionToBase64(e));
    // The same expression built again hits the cache and yields the same wire form.
    expect(wireExpression(build())).toBe(compiler.expressionToBase64(e));
  });

  it("never confuses values the client sends as different particles", () => {
    const distinct = [
      3,
      clientDouble(3),
      -0,
      0,
      "3",
      3n,
      Buffer.from("3"),
      new Uint8Array([0x33]),
      [3],
      new Map([[3, 3]]),
      { 3: 3 },
      true,
      null,
    ];
    const keys = distinct.map(expressionKey);
    expect(new Set(keys).size).toBe(distinct.length);
    // Strings cannot forge another value's key.
    expect(expressionKey(['n3",x'])).not.toBe(expressionKey(["n3", "x"]));
  });

  it("literal doubles keep their type on the wire", () => {
    const asInt = [{ op: 128, value: 3 }];
    const asDouble = [{ op: 128, value: clientDouble(3) }];
    expect(wireExpression(asInt)).not.toBe(wireExpression(asDouble));
    expect(wireExpression(asDouble)).toBe(compiler.expressionToBase64(asDouble));
  });

  it("keeps at most WIRE_CACHE_ENTRIES compiled expressions", () => {
    for (let i = 0; i < WIRE_CACHE_ENTRIES + 50; i++) wireExpression(exp.int(i));
    expect(wireCacheSize()).toBe(WIRE_CACHE_ENTRIES);
  });

  it("builds a named expression once", () => {
    let built = 0;
    const build = () => {
      built += 1;
      return exp.binType("named");
    };
    const a = namedWireExpression("test:named", build);
    const b = namedWireExpression("test:named", build);
    expect(a).toBe(b);
    expect(built).toBe(1);
    expect(a).toBe(compiler.expressionToBase64(exp.binType("named")));
  });
});

import { describe, expect, it } from "vitest";
import { planOperations } from "../../../src/aerospike/operations.js";
import { FieldError } from "../../../src/mapping/field-error.js";
import type { Op } from "../../../src/mapping/model.js";

const flags = { createOnly: false, updateOnly: false, noFail: false, allowFold: false };
const names = (ops: readonly unknown[]) => ops.map((o) => (o as { bin: string }).bin);

describe("planOperations (positional results through the client's per-name bins)", () => {
  it("reads plain projections natively with one packed particle-type probe", () => {
    const plan = planOperations([{ op: "read", bin: "a" }], "operations", undefined);
    expect(names(plan.ops)).toEqual(["a", "\u00020"]);
    expect(plan.decoders[0]?.({ a: 3, "\u00020": 2 })).toEqual({ type: "double", value: 3 });
    expect(plan.decoders[0]?.({ a: 3, "\u00020": 1 })).toEqual({ type: "int", value: 3n });
    expect(plan.decoders[0]?.({ a: "{}", "\u00020": 23 })).toEqual({
      type: "geojson",
      value: "{}",
    });
    expect(plan.decoders[0]?.({ a: null, "\u00020": 0 })).toEqual({ type: "nil" });
    const two = planOperations(
      [
        { op: "read", bin: "x" },
        { op: "read", bin: "y" },
      ],
      "operations",
      undefined,
    );
    // x is FLOAT (2), y is GEOJSON (23): 2 + 23 * 32.
    const result = { x: 1, y: "{}", "\u00020": 2 + 23 * 32 };
    expect(two.decoders.map((d) => d?.(result))).toEqual([
      { type: "double", value: 1 },
      { type: "geojson", value: "{}" },
    ]);
  });

  it("moves an earlier read of a bin written later to typed expression reads", () => {
    const ops: Op[] = [
      { op: "read", bin: "a" },
      { op: "write", bin: "a", value: { type: "int", value: 1n } },
      { op: "read", bin: "a" },
    ];
    const plan = planOperations(ops, "operations", undefined);
    const n = names(plan.ops);
    expect(n.slice(-3)).toEqual(["a", "a", expect.stringContaining("\u0001")]);
    expect(n.filter((x) => x.startsWith("\u0001")).length).toBe(9 + 1);
    expect(plan.decoders[1]).toBeUndefined();
  });

  it("keeps a counted HLL add native and moves later reads of its bin to synthetic names", () => {
    const ops: Op[] = [
      { op: "hllAdd", bin: "h", values: [{ type: "int", value: 1n }], flags },
      { op: "hllGetCount", bin: "h" },
    ];
    const plan = planOperations(ops, "operations", undefined);
    expect(names(plan.ops)).toEqual(["h", expect.stringContaining("\u0001")]);
    expect(plan.decoders[0]?.({ h: 1, [names(plan.ops)[1] as string]: 5 })).toEqual({
      type: "int",
      value: 1n,
    });
  });

  it("rejects a counted HLL add followed by a write on its bin, naming the operation", () => {
    const ops: Op[] = [
      { op: "hllAdd", bin: "h", values: [{ type: "int", value: 1n }], flags },
      { op: "hllFold", bin: "h", indexBits: 4 },
    ];
    try {
      planOperations(ops, "entries[2].operations", undefined);
      throw new Error("expected a FieldError");
    } catch (e) {
      expect(e).toBeInstanceOf(FieldError);
      expect((e as FieldError).violations[0]?.field).toBe("entries[2].operations[0]");
    }
  });

  it("rejects an add beyond 2^53 and writes big ints through an expression", () => {
    expect(() =>
      planOperations(
        [{ op: "add", bin: "a", value: { type: "int", value: 2n ** 60n } }],
        "operations",
        undefined,
      ),
    ).toThrow(FieldError);
    const plan = planOperations(
      [{ op: "write", bin: "a", value: { type: "int", value: 2n ** 60n } }],
      "operations",
      undefined,
    );
    expect((plan.ops[0] as { exp?: unknown }).exp).toBeDefined();
  });
});

import { describe, expect, it } from "vitest";
import { executeSingle } from "../../../../src/embedded/commands/dispatch.js";
import { emptyExtensions } from "../../../../src/embedded/commands/extensions.js";
import { citrusleafSeconds } from "../../../../src/embedded/store/clock.js";
import {
  FieldType,
  Info1,
  Info2,
  Info3,
  OpType,
} from "../../../../src/embedded/wire/as-msg-constants.js";
import { ResultCode } from "../../../../src/embedded/wire/result-codes.js";
import { context, digest, intParticle, keyFields, msg, op, stringParticle } from "./msg-builder.js";

const D = digest(7);
const put = (
  ops = [op(OpType.WRITE, "a", intParticle(1n))],
  extra: Partial<Parameters<typeof msg>[0]> = {},
) => msg({ info2: Info2.WRITE, fields: keyFields(D), ops, ...extra });
const getAll = () => msg({ info1: Info1.READ | Info1.GET_ALL, fields: keyFields(D) });

describe("single-record commands", () => {
  it("wraps the 16-bit generation from 65535 to 1", () => {
    const ctx = context();
    executeSingle(put(), ctx);
    const rec = ctx.store.namespace("test")?.lookup(D, ctx.store.clock()).record;
    if (rec === undefined) throw new Error("missing");
    rec.generation = 65535;
    expect(executeSingle(put(), ctx).generation).toBe(1);
  });

  it.each([
    ["no ops", put([]), ResultCode.PARAMETER],
    [
      "bin name of 16 bytes",
      put([op(OpType.WRITE, "abcdefghijklmnop", intParticle(1n))]),
      ResultCode.BIN_NAME,
    ],
    ["TTL above 10 years", put(undefined, { recordTtl: 315360001 }), ResultCode.PARAMETER],
    ["unknown op type", put([op(6, "a", intParticle(1n))]), ResultCode.PARAMETER],
    [
      "EXP_MODIFY without the expression engine",
      put([op(OpType.EXP_MODIFY, "a")]),
      ResultCode.PARAMETER,
    ],
    ["HLL_MODIFY without the HLL engine", put([op(OpType.HLL_MODIFY, "a")]), ResultCode.PARAMETER],
    [
      "replace with incr",
      put([op(OpType.INCR, "a", intParticle(1n))], { info3: Info3.CREATE_OR_REPLACE }),
      ResultCode.PARAMETER,
    ],
    ["read op without info1 READ", put([op(OpType.READ, "a")]), ResultCode.PARAMETER],
    [
      "bad INTEGER size",
      put([{ ...op(OpType.WRITE, "a"), particleType: 1, value: Buffer.alloc(3) }]),
      ResultCode.PARAMETER,
    ],
    [
      "bad LIST msgpack",
      put([{ ...op(OpType.WRITE, "a"), particleType: 20, value: Buffer.from("c1", "hex") }]),
      ResultCode.PARAMETER,
    ],
    [
      "filter without the expression engine",
      put(undefined, {
        fields: keyFields(D, "s", [{ type: FieldType.FILTER, data: Buffer.from("c3", "hex") }]),
      }),
      ResultCode.OK,
    ],
  ])("%s → %i", (_name, request, code) => {
    expect(executeSingle(request, context()).resultCode).toBe(code);
  });

  it("rejects unknown namespaces and bad digests", () => {
    const ctx = context();
    const bad = keyFields(D).map((f) =>
      f.type === FieldType.NAMESPACE ? { ...f, data: Buffer.from("nope") } : f,
    );
    expect(executeSingle(msg({ info1: Info1.READ, fields: bad }), ctx).resultCode).toBe(
      ResultCode.NAMESPACE,
    );
    expect(
      executeSingle(msg({ info1: Info1.READ, fields: keyFields(Buffer.alloc(5)) }), ctx).resultCode,
    ).toBe(ResultCode.PARAMETER);
  });

  it("applies the filter only to existing records, through the installed evaluator", () => {
    const ext = emptyExtensions();
    ext.evaluateFilter = () => ResultCode.FILTERED_OUT;
    const ctx = context(ext);
    const filtered = (m: ReturnType<typeof put>) => ({
      ...m,
      fields: [...m.fields, { type: FieldType.FILTER, data: Buffer.from("c2", "hex") }],
    });
    expect(executeSingle(filtered(put()), ctx).resultCode).toBe(ResultCode.OK);
    const again = executeSingle(filtered(put()), ctx);
    expect([again.resultCode, again.generation]).toEqual([ResultCode.FILTERED_OUT, 1]);
    expect(executeSingle(filtered(getAll()), ctx).resultCode).toBe(ResultCode.FILTERED_OUT);
  });

  it("routes extension op types to their handler and returns their result", () => {
    const ext = emptyExtensions();
    ext.ops.set(OpType.HLL_READ, (_op, c) => ({
      code: 0,
      result: intParticle(BigInt(c.record.bins.size)),
    }));
    const ctx = context(ext);
    executeSingle(put(), ctx);
    const r = executeSingle(
      msg({ info1: Info1.READ, fields: keyFields(D), ops: [op(OpType.HLL_READ, "h")] }),
      ctx,
    );
    expect(r.resultCode).toBe(0);
    expect(r.ops[0]?.opType).toBe(OpType.HLL_READ);
    expect(r.ops[0]?.value.readBigInt64BE(0)).toBe(1n);
  });

  it("rejects a sent key that differs from the stored one (19)", () => {
    const ctx = context();
    const withKey = (k: string) =>
      keyFields(D, "s", [
        { type: FieldType.KEY, data: Buffer.concat([Buffer.from([3]), Buffer.from(k)]) },
      ]);
    expect(executeSingle(put(undefined, { fields: withKey("a") }), ctx).resultCode).toBe(0);
    expect(executeSingle(put(undefined, { fields: withKey("b") }), ctx).resultCode).toBe(
      ResultCode.KEY_MISMATCH,
    );
    expect(
      executeSingle(msg({ info1: Info1.READ | Info1.GET_ALL, fields: withKey("b") }), ctx)
        .resultCode,
    ).toBe(ResultCode.KEY_MISMATCH);
  });

  it("answers 4 to a write whose set differs from the stored record's", () => {
    const ctx = context();
    executeSingle(put(), ctx);
    expect(executeSingle(put(undefined, { fields: keyFields(D, "other") }), ctx).resultCode).toBe(
      ResultCode.PARAMETER,
    );
  });

  it("hides expired records, reporting their generation and void time until the sweep", () => {
    const ctx = context();
    const t0 = ctx.store.clock();
    const w = executeSingle(put(undefined, { recordTtl: 10 }), ctx);
    expect(w.recordTtl).toBe(citrusleafSeconds(t0) + 10);
    ctx.setNow(t0 + 11_000);
    const r = executeSingle(getAll(), ctx);
    expect([r.resultCode, r.generation, r.recordTtl]).toEqual([
      ResultCode.NOT_FOUND,
      1,
      w.recordTtl,
    ]);
    expect(ctx.store.sweep()).toBe(1);
    const after = executeSingle(getAll(), ctx);
    expect([after.resultCode, after.generation]).toEqual([ResultCode.NOT_FOUND, 0]);
    // A write to an expired record creates a new one.
    ctx.setNow(t0 + 11_000);
    expect(executeSingle(put(), ctx).generation).toBe(1);
  });

  it("uses the namespace default TTL for TTL 0 and keeps the void time for -2", () => {
    const ctx = context();
    const ns = ctx.store.namespace("test");
    if (ns === undefined) throw new Error("ns");
    Object.assign(ns, { config: { name: "test", defaultTtl: 100 } });
    const now = citrusleafSeconds(ctx.store.clock());
    expect(executeSingle(put(), ctx).recordTtl).toBe(now + 100);
    expect(executeSingle(put(undefined, { recordTtl: 50 }), ctx).recordTtl).toBe(now + 50);
    expect(executeSingle(put(undefined, { recordTtl: 0xfffffffe }), ctx).recordTtl).toBe(now + 50);
    expect(executeSingle(put(undefined, { recordTtl: 0xffffffff }), ctx).recordTtl).toBe(0);
  });

  it("returns every op result with RESPOND_ALL_OPS, nil for writes and missing bins", () => {
    const ctx = context();
    const r = executeSingle(
      msg({
        info1: Info1.READ,
        info2: Info2.WRITE | Info2.RESPOND_ALL_OPS,
        fields: keyFields(D),
        ops: [
          op(OpType.WRITE, "a", stringParticle("x")),
          op(OpType.READ, "missing"),
          op(OpType.READ, "a"),
        ],
      }),
      ctx,
    );
    expect(r.ops.map((o) => [o.opType, o.particleType, o.name.toString()])).toEqual([
      [OpType.WRITE, 0, "a"],
      [OpType.READ, 0, "missing"],
      [OpType.READ, 3, "a"],
    ]);
  });

  it("refuses records above 1 MiB with RECORD_TOO_BIG and leaves the stored record alone", () => {
    const ctx = context();
    executeSingle(put(), ctx);
    const big = put([op(OpType.WRITE, "s", stringParticle("x".repeat(1024 * 1024)))]);
    const r = executeSingle(big, ctx);
    expect([r.resultCode, r.generation]).toEqual([ResultCode.RECORD_TOO_BIG, 1]);
    expect(executeSingle(getAll(), ctx).ops.map((o) => o.name.toString())).toEqual(["a"]);
  });

  it("wraps integer increments around int64", () => {
    const ctx = context();
    executeSingle(put([op(OpType.WRITE, "i", intParticle(9223372036854775807n))]), ctx);
    const r = executeSingle(
      msg({
        info1: Info1.READ,
        info2: Info2.WRITE,
        fields: keyFields(D),
        ops: [op(OpType.INCR, "i", intParticle(1n)), op(OpType.READ, "i")],
      }),
      ctx,
    );
    expect(r.ops[0]?.value.readBigInt64BE(0)).toBe(-9223372036854775808n);
  });
});

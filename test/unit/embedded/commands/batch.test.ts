import { describe, expect, it } from "vitest";
import { BATCH_MAX_REQUESTS, executeBatch } from "../../../../src/embedded/commands/batch.js";
import { BatchRowFlag, parseBatchField } from "../../../../src/embedded/commands/batch-parse.js";
import { executeSingle } from "../../../../src/embedded/commands/dispatch.js";
import type { AsMsg, MsgField } from "../../../../src/embedded/wire/as-msg.js";
import {
  FieldType,
  Info1,
  Info2,
  Info3,
  OpType,
} from "../../../../src/embedded/wire/as-msg-constants.js";
import { ResultCode } from "../../../../src/embedded/wire/result-codes.js";
import { decodeAsMsgs } from "../fixtures.js";
import { context, digest, intParticle, keyFields, msg, op } from "./msg-builder.js";

function field(type: number, data: string): Buffer {
  const b = Buffer.from(data);
  const h = Buffer.alloc(5);
  h.writeUInt32BE(b.length + 1);
  h[4] = type;
  return Buffer.concat([h, b]);
}

/** A read-all row (flags HAS_INFO) for digest `d`, or a REPEAT row. */
function row(index: number, d: Buffer, repeat = false): Buffer {
  const head = Buffer.alloc(25);
  head.writeUInt32BE(index);
  d.copy(head, 4);
  head[24] = repeat ? BatchRowFlag.REPEAT : BatchRowFlag.HAS_INFO;
  if (repeat) return head;
  const attrs = Buffer.from([Info1.READ | Info1.GET_ALL, 0, 0, 0, 2, 0, 0]);
  return Buffer.concat([
    head,
    attrs,
    field(FieldType.NAMESPACE, "test"),
    field(FieldType.SET, "s"),
  ]);
}

function batchMsg(rows: Buffer[], declared = rows.length, parentFlags = 0x0c): AsMsg {
  const head = Buffer.alloc(5);
  head.writeUInt32BE(declared);
  head[4] = parentFlags;
  const fields: MsgField[] = [
    { type: FieldType.BATCH_INDEX, data: Buffer.concat([head, ...rows]) },
  ];
  return msg({ info1: Info1.BATCH, fields });
}

function replies(frames: Buffer[]): AsMsg[] {
  return frames.flatMap((f) => decodeAsMsgs(f.subarray(8)));
}

describe("batch-index requests", () => {
  it("answers every row with its index, repeat rows included, then a LAST trailer", () => {
    const ctx = context();
    const put = msg({
      info2: Info2.WRITE,
      fields: keyFields(digest(1)),
      ops: [op(OpType.WRITE, "a", intParticle(5n))],
    });
    expect(executeSingle(put, ctx).resultCode).toBe(0);
    const out = replies(
      executeBatch(
        batchMsg([row(7, digest(1)), row(3, digest(2), true), row(9, digest(1), true)]),
        ctx,
      ),
    );
    expect(out.map((m) => [m.transactionTtl, m.resultCode, m.ops.length, m.info3])).toEqual([
      [7, ResultCode.OK, 1, 0],
      [3, ResultCode.NOT_FOUND, 0, 0],
      [9, ResultCode.OK, 1, 0],
      [0, ResultCode.OK, 0, Info3.LAST],
    ]);
  });

  it("stops at a malformed row: earlier rows answer, the trailer carries PARAMETER", () => {
    const out = replies(
      executeBatch(batchMsg([row(0, digest(1)), Buffer.from("0000")], 2), context()),
    );
    expect(out.map((m) => [m.transactionTtl, m.resultCode, m.info3])).toEqual([
      [0, ResultCode.NOT_FOUND, 0],
      [0, ResultCode.PARAMETER, Info3.LAST],
    ]);
  });

  it.each([
    ["no batch field", msg({ info1: Info1.BATCH, fields: [] }), ResultCode.PARAMETER],
    ["zero rows", batchMsg([]), ResultCode.PARAMETER],
    ["too many rows", batchMsg([], BATCH_MAX_REQUESTS + 1), ResultCode.BATCH_MAX_REQUESTS],
    ["repeat as first row", batchMsg([row(0, digest(1), true)]), ResultCode.PARAMETER],
  ])("answers %s with a lone trailer", (_n, request, code) => {
    const out = replies(executeBatch(request, context()));
    expect(out.at(-1)?.resultCode).toBe(code);
    expect(out.at(-1)?.info3).toBe(Info3.LAST);
  });

  it("parses row attributes: info bytes, generation and TTL", () => {
    const head = Buffer.alloc(25);
    head[24] = BatchRowFlag.HAS_INFO | BatchRowFlag.HAS_GEN | BatchRowFlag.HAS_TTL;
    const attrs = Buffer.from([0, Info2.WRITE, Info3.UPDATE_ONLY, 0, 7, 0, 0, 0, 100, 0, 1, 0, 0]);
    const data = Buffer.concat([
      Buffer.from([0, 0, 0, 1, 4]),
      head,
      attrs,
      field(FieldType.NAMESPACE, "test"),
    ]);
    const req = parseBatchField(data);
    expect(req.error).toBeUndefined();
    expect(req.rows[0]).toMatchObject({
      info2: Info2.WRITE,
      info3: Info3.UPDATE_ONLY,
      generation: 7,
      recordTtl: 100,
    });
  });
});

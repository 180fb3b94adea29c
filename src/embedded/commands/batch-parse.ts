import type { AsMsg, MsgField, MsgOp } from "../wire/as-msg.js";
import { FieldType } from "../wire/as-msg-constants.js";
import { WireError } from "../wire/errors.js";
import { ResultCode } from "../wire/result-codes.js";

/** Row flags of a batch-index row. */
export const BatchRowFlag = {
  REPEAT: 0x01,
  HAS_INFO: 0x02,
  HAS_GEN: 0x04,
  HAS_TTL: 0x08,
  HAS_INFO4: 0x10,
} as const;

/** Parent flags of a batch-index field. */
export const BatchParentFlag = {
  INLINE: 0x01,
  INLINE_SSD: 0x02,
  REPORT_ALL_ERRORS: 0x04,
  REPORT_ERROR_REC: 0x08,
} as const;

/** One batch row, with REPEAT rows already resolved to their predecessor's definition. */
export interface BatchRow {
  readonly index: number;
  readonly digest: Buffer;
  readonly info1: number;
  readonly info2: number;
  readonly info3: number;
  readonly info4: number;
  readonly generation: number;
  readonly recordTtl: number;
  /** Row fields (namespace, set, key, filter, UDF fields); the digest is kept apart. */
  readonly fields: readonly MsgField[];
  readonly ops: readonly MsgOp[];
}

/** A parsed batch-index field: parent flags, rows, and the row count announced. */
export interface BatchRequest {
  readonly parentFlags: number;
  readonly declaredRows: number;
  readonly rows: BatchRow[];
  /** Set when parsing stopped early (malformed row): the rows before it are still valid. */
  readonly error: number | undefined;
}

function bad(what: string): never {
  throw new WireError(ResultCode.PARAMETER, `batch: ${what}`);
}

class Cursor {
  constructor(
    readonly buf: Buffer,
    public pos: number,
  ) {}
  need(n: number): void {
    if (this.pos + n > this.buf.length) bad("truncated row");
  }
  u8(): number {
    this.need(1);
    return this.buf[this.pos++] as number;
  }
  u16(): number {
    this.need(2);
    const v = this.buf.readUInt16BE(this.pos);
    this.pos += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  bytes(n: number): Buffer {
    this.need(n);
    const v = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }
  fields(n: number): MsgField[] {
    const out: MsgField[] = [];
    for (let i = 0; i < n; i++) {
      const size = this.u32();
      if (size < 1) bad("empty field");
      const type = this.u8();
      out.push({ type, data: this.bytes(size - 1) });
    }
    return out;
  }
  ops(n: number): MsgOp[] {
    const out: MsgOp[] = [];
    for (let i = 0; i < n; i++) {
      const size = this.u32();
      if (size < 4) bad("short op");
      const opType = this.u8();
      const particleType = this.u8();
      const flags = this.u8();
      const nameLen = this.u8();
      if (size < 4 + nameLen) bad("op name too long");
      const name = this.bytes(nameLen);
      out.push({ opType, particleType, flags, name, value: this.bytes(size - 4 - nameLen) });
    }
    return out;
  }
}

/**
 * Parses the BATCH_INDEX field (41) of a batch request.
 *
 * A malformed row stops parsing: the rows before it are returned with `error` = PARAMETER, as the
 * server answers the rows it already dispatched and fails the rest through the trailer.
 */
export function parseBatchField(data: Buffer): BatchRequest {
  if (data.length < 5) bad("field too short");
  const declaredRows = data.readUInt32BE(0);
  const parentFlags = data[4] as number;
  const c = new Cursor(data, 5);
  const rows: BatchRow[] = [];
  let prev: BatchRow | undefined;
  try {
    for (let i = 0; i < declaredRows; i++) {
      const index = c.u32();
      const digest = c.bytes(20);
      const flags = c.u8();
      if ((flags & BatchRowFlag.REPEAT) !== 0) {
        if (prev === undefined) bad("repeat without a previous row");
        prev = { ...prev, index, digest };
        rows.push(prev);
        continue;
      }
      const info1 = c.u8();
      let info2 = 0;
      let info3 = 0;
      let info4 = 0;
      let generation = 0;
      let recordTtl = 0;
      if ((flags & BatchRowFlag.HAS_INFO) !== 0) {
        info2 = c.u8();
        info3 = c.u8();
      }
      if ((flags & BatchRowFlag.HAS_INFO4) !== 0) info4 = c.u8();
      if ((flags & BatchRowFlag.HAS_GEN) !== 0) generation = c.u16();
      if ((flags & BatchRowFlag.HAS_TTL) !== 0) recordTtl = c.u32();
      const nFields = c.u16();
      const nOps = c.u16();
      const fields = c.fields(nFields);
      if (fields[0]?.type !== FieldType.NAMESPACE) bad("namespace must come first");
      const ops = c.ops(nOps);
      prev = { index, digest, info1, info2, info3, info4, generation, recordTtl, fields, ops };
      rows.push(prev);
    }
  } catch (e) {
    if (!(e instanceof WireError)) throw e;
    return { parentFlags, declaredRows, rows, error: e.resultCode };
  }
  return { parentFlags, declaredRows, rows, error: undefined };
}

/** The single-record as_msg equivalent to a row (parent filter applied when the row has none). */
export function rowToMsg(row: BatchRow, parent: AsMsg, parentFilter: MsgField | undefined): AsMsg {
  const fields: MsgField[] = [...row.fields, { type: FieldType.DIGEST, data: row.digest }];
  if (parentFilter !== undefined && !row.fields.some((f) => f.type === FieldType.FILTER)) {
    fields.push(parentFilter);
  }
  return {
    info1: row.info1,
    info2: row.info2,
    info3: row.info3,
    info4: row.info4,
    resultCode: 0,
    generation: row.generation,
    recordTtl: row.recordTtl,
    transactionTtl: parent.transactionTtl,
    fields,
    ops: row.ops,
  };
}

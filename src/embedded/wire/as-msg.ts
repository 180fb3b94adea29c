import { AS_MSG_HEADER_SIZE } from "./as-msg-constants.js";
import { WireError } from "./errors.js";
import { ResultCode } from "./result-codes.js";

/** One as_msg field: type byte and payload. */
export interface MsgField {
  readonly type: number;
  readonly data: Buffer;
}

/** One as_msg op (request or response entry). */
export interface MsgOp {
  readonly opType: number;
  readonly particleType: number;
  /** Op flags byte (bit 0 = has LUT, XDR only); 0 from clients. */
  readonly flags: number;
  /** Bin name as raw bytes (at most 255). */
  readonly name: Buffer;
  readonly value: Buffer;
}

/** The 22-byte as_msg header plus its fields and ops. */
export interface AsMsg {
  readonly info1: number;
  readonly info2: number;
  readonly info3: number;
  readonly info4: number;
  readonly resultCode: number;
  readonly generation: number;
  readonly recordTtl: number;
  readonly transactionTtl: number;
  readonly fields: readonly MsgField[];
  readonly ops: readonly MsgOp[];
}

/** Result of {@link decodeAsMsg}: the message and the offset just past it. */
export interface DecodedAsMsg {
  readonly msg: AsMsg;
  readonly end: number;
}

function truncated(what: string): never {
  throw new WireError(ResultCode.PARAMETER, `truncated as_msg: ${what}`);
}

/**
 * Decodes one as_msg starting at `offset`.
 *
 * Throws {@link WireError} (PARAMETER) when a size runs past the end of `buf` or is inconsistent.
 */
export function decodeAsMsg(buf: Buffer, offset = 0): DecodedAsMsg {
  if (buf.length - offset < AS_MSG_HEADER_SIZE) truncated("header");
  const headerSize = buf[offset] as number;
  if (headerSize < AS_MSG_HEADER_SIZE) {
    throw new WireError(ResultCode.PARAMETER, `bad as_msg header size ${headerSize}`);
  }
  const nFields = buf.readUInt16BE(offset + 18);
  const nOps = buf.readUInt16BE(offset + 20);
  let pos = offset + headerSize;
  if (pos > buf.length) truncated("header");
  const fields: MsgField[] = [];
  for (let i = 0; i < nFields; i++) {
    if (pos + 5 > buf.length) truncated("field header");
    const size = buf.readUInt32BE(pos);
    if (size < 1 || pos + 4 + size > buf.length) truncated("field");
    fields.push({ type: buf[pos + 4] as number, data: buf.subarray(pos + 5, pos + 4 + size) });
    pos += 4 + size;
  }
  const ops: MsgOp[] = [];
  for (let i = 0; i < nOps; i++) {
    if (pos + 8 > buf.length) truncated("op header");
    const size = buf.readUInt32BE(pos);
    const nameLen = buf[pos + 7] as number;
    if (size < 4 + nameLen || pos + 4 + size > buf.length) truncated("op");
    ops.push({
      opType: buf[pos + 4] as number,
      particleType: buf[pos + 5] as number,
      flags: buf[pos + 6] as number,
      name: buf.subarray(pos + 8, pos + 8 + nameLen),
      value: buf.subarray(pos + 8 + nameLen, pos + 4 + size),
    });
    pos += 4 + size;
  }
  const msg: AsMsg = {
    info1: buf[offset + 1] as number,
    info2: buf[offset + 2] as number,
    info3: buf[offset + 3] as number,
    info4: buf[offset + 4] as number,
    resultCode: buf[offset + 5] as number,
    generation: buf.readUInt32BE(offset + 6),
    recordTtl: buf.readUInt32BE(offset + 10),
    transactionTtl: buf.readUInt32BE(offset + 14),
    fields,
    ops,
  };
  return { msg, end: pos };
}

/** Number of bytes {@link encodeAsMsg} produces for `msg`. */
export function asMsgSize(msg: AsMsg): number {
  let size = AS_MSG_HEADER_SIZE;
  for (const f of msg.fields) size += 5 + f.data.length;
  for (const op of msg.ops) size += 8 + op.name.length + op.value.length;
  return size;
}

/** Encodes an as_msg (header, fields, ops) into `out` at `offset`; returns the end offset. */
export function writeAsMsg(msg: AsMsg, out: Buffer, offset: number): number {
  out[offset] = AS_MSG_HEADER_SIZE;
  out[offset + 1] = msg.info1;
  out[offset + 2] = msg.info2;
  out[offset + 3] = msg.info3;
  out[offset + 4] = msg.info4;
  out[offset + 5] = msg.resultCode;
  out.writeUInt32BE(msg.generation >>> 0, offset + 6);
  out.writeUInt32BE(msg.recordTtl >>> 0, offset + 10);
  out.writeUInt32BE(msg.transactionTtl >>> 0, offset + 14);
  out.writeUInt16BE(msg.fields.length, offset + 18);
  out.writeUInt16BE(msg.ops.length, offset + 20);
  let pos = offset + AS_MSG_HEADER_SIZE;
  for (const f of msg.fields) {
    out.writeUInt32BE(f.data.length + 1, pos);
    out[pos + 4] = f.type;
    f.data.copy(out, pos + 5);
    pos += 5 + f.data.length;
  }
  for (const op of msg.ops) {
    out.writeUInt32BE(4 + op.name.length + op.value.length, pos);
    out[pos + 4] = op.opType;
    out[pos + 5] = op.particleType;
    out[pos + 6] = op.flags;
    out[pos + 7] = op.name.length;
    op.name.copy(out, pos + 8);
    op.value.copy(out, pos + 8 + op.name.length);
    pos += 8 + op.name.length + op.value.length;
  }
  return pos;
}

/** Encodes an as_msg into a new buffer (no proto header). */
export function encodeAsMsg(msg: AsMsg): Buffer {
  const out = Buffer.allocUnsafe(asMsgSize(msg));
  writeAsMsg(msg, out, 0);
  return out;
}

/** Finds the first field of `type`, if any. */
export function findField(msg: AsMsg, type: number): MsgField | undefined {
  return msg.fields.find((f) => f.type === type);
}

/** An all-zero response header with the given result code and no fields or ops. */
export function emptyReply(resultCode: number, overrides: Partial<AsMsg> = {}): AsMsg {
  return {
    info1: 0,
    info2: 0,
    info3: 0,
    info4: 0,
    resultCode,
    generation: 0,
    recordTtl: 0,
    transactionTtl: 0,
    fields: [],
    ops: [],
    ...overrides,
  };
}

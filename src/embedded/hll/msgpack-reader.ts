/**
 * The few msgpack reads an HLL op payload needs (element boundaries, integers, list headers and
 * str/bin payloads), answered the way the server does: `undefined` where the server rejects the
 * bytes. Decoding itself is the wire codec's {@link MsgpackReader}; this adapts it to raw
 * `Uint8Array` elements.
 */

import { MsgpackReader } from "../wire/msgpack-decode.js";

/** Coarse msgpack type of an element, as the server's `msgpack_peek_type` classifies it. */
export type MsgpackKind =
  | "nil"
  | "bool"
  | "int"
  | "double"
  | "bytes"
  | "list"
  | "map"
  | "ext"
  | "invalid";

/** Classifies the element whose first byte is `b`. */
export function msgpackKind(b: number | undefined): MsgpackKind {
  if (b === undefined) {
    return "invalid";
  }
  if (b < 0x80 || b >= 0xe0 || (b >= 0xcc && b <= 0xcf) || (b >= 0xd0 && b <= 0xd3)) {
    return "int";
  }
  if ((b & 0xe0) === 0xa0 || (b >= 0xc4 && b <= 0xc6) || (b >= 0xd9 && b <= 0xdb)) {
    return "bytes";
  }
  if ((b & 0xf0) === 0x90 || b === 0xdc || b === 0xdd) {
    return "list";
  }
  if ((b & 0xf0) === 0x80 || b === 0xde || b === 0xdf) {
    return "map";
  }
  if (b === 0xc0) {
    return "nil";
  }
  if (b === 0xc2 || b === 0xc3) {
    return "bool";
  }
  if (b === 0xca || b === 0xcb) {
    return "double";
  }
  if ((b >= 0xc7 && b <= 0xc9) || (b >= 0xd4 && b <= 0xd8)) {
    return "ext";
  }
  return "invalid";
}

function readerAt(buf: Uint8Array, offset: number): MsgpackReader {
  return new MsgpackReader(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), offset);
}

/** Offset just past the (possibly nested) element at `offset`, or undefined if it is malformed. */
export function skipElement(buf: Uint8Array, offset: number): number | undefined {
  try {
    const r = readerAt(buf, offset);
    r.skipValue();
    return r.offset;
  } catch {
    return undefined;
  }
}

/**
 * Item count and header size of the msgpack array at the start of `buf`, or undefined if none. The
 * count is not checked against the bytes that follow (splitting the items does that).
 */
export function listHeader(buf: Uint8Array): { count: number; size: number } | undefined {
  const b = buf[0];
  if (b === undefined || msgpackKind(b) !== "list") {
    return undefined;
  }
  if (b < 0xdc) {
    return { count: b & 0x0f, size: 1 };
  }
  const lenSize = b === 0xdc ? 2 : 4;
  if (buf.length < 1 + lenSize) {
    return undefined;
  }
  let count = 0;
  for (let i = 1; i <= lenSize; i++) {
    count = count * 256 + buf[i]!;
  }
  return { count, size: 1 + lenSize };
}

/**
 * Splits a msgpack array into the raw bytes of its items. Returns undefined when `buf` does not start
 * with a well-formed array (trailing bytes after the array are ignored, as the server does).
 */
export function readListItems(buf: Uint8Array): Uint8Array[] | undefined {
  const h = listHeader(buf);
  if (h === undefined) {
    return undefined;
  }
  const items: Uint8Array[] = [];
  let pos = h.size;
  for (let i = 0; i < h.count; i++) {
    const end = skipElement(buf, pos);
    if (end === undefined) {
      return undefined;
    }
    items.push(buf.subarray(pos, end));
    pos = end;
  }
  return items;
}

/**
 * Reads an integer element as a signed 64-bit value (unsigned encodings above 2^63 wrap, exactly like
 * the server's `msgpack_get_int64`). Undefined when the element is not an integer.
 */
export function readInt64(buf: Uint8Array): bigint | undefined {
  try {
    return readerAt(buf, 0).readInt();
  } catch {
    return undefined;
  }
}

/** Reads an integer element as an unsigned 64-bit value (negative values wrap). */
export function readUint64(buf: Uint8Array): bigint | undefined {
  const v = readInt64(buf);
  return v === undefined ? undefined : BigInt.asUintN(64, v);
}

/** Payload of a str or bin element (str/bin family headers), or undefined for any other element. */
export function readBytesPayload(buf: Uint8Array): Uint8Array | undefined {
  try {
    return readerAt(buf, 0).readRawBytes();
  } catch {
    return undefined;
  }
}

/**
 * A minimal reader for the Aerospike flavour of MessagePack, just enough to take an HLL op payload
 * apart the way the server does: element boundaries, integers, list headers and str/bin payloads.
 * Kept local so the HLL module depends on nothing outside `src/embedded/hll/`.
 */

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

function readUint(buf: Uint8Array, offset: number, size: number): number {
  let v = 0;
  for (let i = 0; i < size; i++) {
    v = v * 256 + buf[offset + i]!;
  }
  return v;
}

/** Header byte → payload size of fixed-size elements (numbers and fixext). */
const FIXED_PAYLOAD: Readonly<Record<number, number>> = {
  202: 4,
  203: 8,
  204: 1,
  205: 2,
  206: 4,
  207: 8,
  208: 1,
  209: 2,
  210: 4,
  211: 8,
  212: 2,
  213: 3,
  214: 5,
  215: 9,
  216: 17,
};

/** Header byte → [length field size, extra payload bytes (ext type), kind] of sized elements. */
const SIZED: Readonly<Record<number, readonly [number, number, "bytes" | "ext" | "list" | "map"]>> =
  {
    196: [1, 0, "bytes"],
    197: [2, 0, "bytes"],
    198: [4, 0, "bytes"],
    217: [1, 0, "bytes"],
    218: [2, 0, "bytes"],
    219: [4, 0, "bytes"],
    199: [1, 1, "ext"],
    200: [2, 1, "ext"],
    201: [4, 1, "ext"],
    220: [2, 0, "list"],
    221: [4, 0, "list"],
    222: [2, 0, "map"],
    223: [4, 0, "map"],
  };

/**
 * Header of the element at `offset`: how many header bytes, how many payload bytes follow and how many
 * child elements (list items, or 2 × map entries). Undefined when the byte is not valid msgpack or the
 * header runs past the end.
 */
function header(
  buf: Uint8Array,
  offset: number,
): { head: number; payload: number; children: number } | undefined {
  const b = buf[offset];
  if (b === undefined) {
    return undefined;
  }
  const lenAt = (size: number): number | undefined =>
    offset + 1 + size <= buf.length ? readUint(buf, offset + 1, size) : undefined;
  if (b < 0x80 || b >= 0xe0 || b === 0xc0 || b === 0xc2 || b === 0xc3) {
    return { head: 1, payload: 0, children: 0 };
  }
  if ((b & 0xe0) === 0xa0) {
    return { head: 1, payload: b & 0x1f, children: 0 };
  }
  if ((b & 0xf0) === 0x90) {
    return { head: 1, payload: 0, children: b & 0x0f };
  }
  if ((b & 0xf0) === 0x80) {
    return { head: 1, payload: 0, children: 2 * (b & 0x0f) };
  }

  const fixedSize = FIXED_PAYLOAD[b];
  if (fixedSize !== undefined) {
    return { head: 1, payload: fixedSize, children: 0 };
  }

  const entry = SIZED[b];
  if (entry === undefined) {
    return undefined;
  }
  const [lenSize, extra, kind] = entry;
  const n = lenAt(lenSize);
  if (n === undefined) {
    return undefined;
  }
  if (kind === "list") {
    return { head: 1 + lenSize, payload: 0, children: n };
  }
  if (kind === "map") {
    return { head: 1 + lenSize, payload: 0, children: 2 * n };
  }
  return { head: 1 + lenSize, payload: n + extra, children: 0 };
}

/** Offset just past the (possibly nested) element at `offset`, or undefined if it is malformed. */
export function skipElement(buf: Uint8Array, offset: number): number | undefined {
  let pending = 1;
  let pos = offset;
  while (pending > 0) {
    const h = header(buf, pos);
    if (h === undefined) {
      return undefined;
    }
    pos += h.head + h.payload;
    if (pos > buf.length) {
      return undefined;
    }
    pending += h.children - 1;
  }
  return pos;
}

/** Item count and header size of the msgpack array at the start of `buf`, or undefined if none. */
export function listHeader(buf: Uint8Array): { count: number; size: number } | undefined {
  if (msgpackKind(buf[0]) !== "list") {
    return undefined;
  }
  const h = header(buf, 0);
  return h === undefined ? undefined : { count: h.children, size: h.head };
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
  const b = buf[0];
  if (b === undefined || msgpackKind(b) !== "int") {
    return undefined;
  }
  if (b < 0x80) {
    return BigInt(b);
  }
  if (b >= 0xe0) {
    return BigInt(b - 0x100);
  }
  const size = b >= 0xd0 ? 1 << (b - 0xd0) : 1 << (b - 0xcc);
  if (buf.length < 1 + size) {
    return undefined;
  }
  let v = 0n;
  for (let i = 0; i < size; i++) {
    v = (v << 8n) | BigInt(buf[1 + i]!);
  }
  return b >= 0xd0 ? BigInt.asIntN(size * 8, v) : BigInt.asIntN(64, v);
}

/** Reads an integer element as an unsigned 64-bit value (negative values wrap). */
export function readUint64(buf: Uint8Array): bigint | undefined {
  const v = readInt64(buf);
  return v === undefined ? undefined : BigInt.asUintN(64, v);
}

/** Payload of a str or bin element (str/bin family headers), or undefined for any other element. */
export function readBytesPayload(buf: Uint8Array): Uint8Array | undefined {
  if (msgpackKind(buf[0]) !== "bytes") {
    return undefined;
  }
  const h = header(buf, 0);
  if (h === undefined || h.head + h.payload > buf.length) {
    return undefined;
  }
  return buf.subarray(h.head, h.head + h.payload);
}

import type { MsgpackReader } from "../wire/msgpack-decode.js";

/**
 * Reads one msgpack str or bin value as raw bytes, without interpreting a particle-type prefix
 * (bin names, variable names and regex patterns are sent this way). Returns undefined, leaving
 * the reader where it was, when the next value is not a str/bin or is truncated.
 */
export function readRawStr(r: MsgpackReader): Buffer | undefined {
  if (r.done) return undefined;
  const buf = r.buf;
  const at = r.offset;
  const t = buf[at] as number;
  let len: number;
  let head: number;
  if ((t & 0xe0) === 0xa0) {
    len = t & 0x1f;
    head = 1;
  } else if (t === 0xd9 || t === 0xc4) {
    if (at + 2 > buf.length) return undefined;
    len = buf[at + 1] as number;
    head = 2;
  } else if (t === 0xda || t === 0xc5) {
    if (at + 3 > buf.length) return undefined;
    len = buf.readUInt16BE(at + 1);
    head = 3;
  } else if (t === 0xdb || t === 0xc6) {
    if (at + 5 > buf.length) return undefined;
    len = buf.readUInt32BE(at + 1);
    head = 5;
  } else {
    return undefined;
  }
  const end = at + head + len;
  if (end > buf.length) return undefined;
  r.offset = end;
  return buf.subarray(at + head, end);
}

import type { AsMapEntry, AsValue } from "./model.js";

/** Particle-type bytes Aerospike puts in front of string and blob payloads inside msgpack. */
const PREFIX_STRING = 3;
const PREFIX_GEOJSON = 23;
const PREFIX_HLL = 18;

/** Deepest nesting accepted, so hostile data cannot exhaust the stack. */
const MAX_DEPTH = 256;

/** Raised when raw CDT bytes from the server are not well-formed Aerospike msgpack. */
export class MsgpackError extends Error {
  override readonly name = "MsgpackError";
}

/**
 * Decodes one Aerospike-flavoured msgpack value (a list or map particle read raw) into the domain
 * model, keeping float vs int, map key types and map order exactly as stored.
 */
export function decodeAerospikeMsgpack(bytes: Uint8Array): AsValue {
  const r = new Reader(bytes);
  const v = r.value(0);
  if (r.pos !== bytes.length) throw new MsgpackError("trailing bytes after msgpack value");
  return v;
}

class Reader {
  pos = 0;
  private readonly view: DataView;

  constructor(private readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  private need(n: number): number {
    const at = this.pos;
    if (at + n > this.buf.length) throw new MsgpackError("truncated msgpack value");
    this.pos += n;
    return at;
  }

  private u8(): number {
    return this.view.getUint8(this.need(1));
  }

  private u16(): number {
    return this.view.getUint16(this.need(2));
  }

  private u32(): number {
    return this.view.getUint32(this.need(4));
  }

  value(depth: number): AsValue {
    if (depth > MAX_DEPTH) throw new MsgpackError("msgpack nesting too deep");
    const t = this.u8();
    if (t <= 0x7f) return { type: "int", value: BigInt(t) };
    if (t >= 0xe0) return { type: "int", value: BigInt(t - 0x100) };
    if ((t & 0xf0) === 0x80) return this.map(t & 0x0f, depth);
    if ((t & 0xf0) === 0x90) return this.list(t & 0x0f, depth);
    if ((t & 0xe0) === 0xa0) return this.blob(t & 0x1f);
    switch (t) {
      case 0xc0:
        return { type: "nil" };
      case 0xc2:
        return { type: "bool", value: false };
      case 0xc3:
        return { type: "bool", value: true };
      case 0xc4:
      case 0xd9:
        return this.blob(this.u8());
      case 0xc5:
      case 0xda:
        return this.blob(this.u16());
      case 0xc6:
      case 0xdb:
        return this.blob(this.u32());
      case 0xca:
        return { type: "double", value: this.view.getFloat32(this.need(4)) };
      case 0xcb:
        return { type: "double", value: this.view.getFloat64(this.need(8)) };
      case 0xcc:
        return { type: "int", value: BigInt(this.u8()) };
      case 0xcd:
        return { type: "int", value: BigInt(this.u16()) };
      case 0xce:
        return { type: "int", value: BigInt(this.u32()) };
      case 0xcf:
        return { type: "int", value: BigInt.asIntN(64, this.view.getBigUint64(this.need(8))) };
      case 0xd0:
        return { type: "int", value: BigInt(this.view.getInt8(this.need(1))) };
      case 0xd1:
        return { type: "int", value: BigInt(this.view.getInt16(this.need(2))) };
      case 0xd2:
        return { type: "int", value: BigInt(this.view.getInt32(this.need(4))) };
      case 0xd3:
        return { type: "int", value: this.view.getBigInt64(this.need(8)) };
      case 0xdc:
        return this.list(this.u16(), depth);
      case 0xdd:
        return this.list(this.u32(), depth);
      case 0xde:
        return this.map(this.u16(), depth);
      case 0xdf:
        return this.map(this.u32(), depth);
      default:
        throw new MsgpackError(`unexpected msgpack type byte 0x${t.toString(16)}`);
    }
  }

  private blob(n: number): AsValue {
    const at = this.need(n);
    if (n === 0) return { type: "bytes", value: new Uint8Array(0) };
    const prefix = this.buf[at] as number;
    const body = this.buf.slice(at + 1, at + n);
    if (prefix === PREFIX_STRING) return { type: "string", value: utf8.decode(body) };
    if (prefix === PREFIX_GEOJSON) return { type: "geojson", value: utf8.decode(body) };
    if (prefix === PREFIX_HLL) return { type: "hll", value: body };
    return { type: "bytes", value: body };
  }

  // A leading zero-length ext element carries the list's or map's order flags, not data.
  private isFlagsHeader(): boolean {
    const t = this.buf[this.pos];
    return t === 0xc7 && this.buf[this.pos + 1] === 0;
  }

  private skipFlagsHeader(): void {
    this.need(3);
  }

  private list(n: number, depth: number): AsValue {
    const items: AsValue[] = [];
    for (let i = 0; i < n; i++) {
      if (i === 0 && this.isFlagsHeader()) {
        this.skipFlagsHeader();
        continue;
      }
      items.push(this.value(depth + 1));
    }
    return { type: "list", value: items };
  }

  private map(n: number, depth: number): AsValue {
    const entries: AsMapEntry[] = [];
    for (let i = 0; i < n; i++) {
      if (i === 0 && this.isFlagsHeader()) {
        this.skipFlagsHeader();
        this.value(depth + 1);
        continue;
      }
      const key = this.value(depth + 1);
      entries.push({ key, value: this.value(depth + 1) });
    }
    return { type: "map", value: entries };
  }
}

const utf8 = new TextDecoder("utf-8");

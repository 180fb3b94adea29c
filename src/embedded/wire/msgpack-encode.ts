import { MpPrefix, type MpValue } from "./msgpack-value.js";

/**
 * A growable byte buffer with the msgpack primitives used by Aerospike.
 *
 * Use {@link encodeMsgpack} for a whole value; the header writers serve code that builds
 * payloads piece by piece (e.g. a list result whose items are already-encoded bytes).
 */
export class MsgpackWriter {
  private buf: Buffer;
  private pos = 0;

  constructor(initialSize = 64) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** The bytes written so far (a copy-free view). */
  finish(): Buffer {
    return this.buf.subarray(0, this.pos);
  }

  /** Appends raw, already-encoded bytes. */
  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  private byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  /** Writes nil. */
  nil(): void {
    this.byte(0xc0);
  }

  /** Writes a bool. */
  bool(v: boolean): void {
    this.byte(v ? 0xc3 : 0xc2);
  }

  /** Writes an integer in its smallest form (unsigned forms for non-negative values). */
  int(v: bigint | number): void {
    const n = typeof v === "bigint" ? v : BigInt(v);
    this.ensure(9);
    if (n >= 0n) {
      if (n < 128n) this.buf[this.pos++] = Number(n);
      else if (n < 0x100n) {
        this.buf[this.pos++] = 0xcc;
        this.buf[this.pos++] = Number(n);
      } else if (n < 0x10000n) {
        this.buf[this.pos++] = 0xcd;
        this.buf.writeUInt16BE(Number(n), this.pos);
        this.pos += 2;
      } else if (n < 0x100000000n) {
        this.buf[this.pos++] = 0xce;
        this.buf.writeUInt32BE(Number(n), this.pos);
        this.pos += 4;
      } else {
        this.buf[this.pos++] = 0xcf;
        this.buf.writeBigUInt64BE(BigInt.asUintN(64, n), this.pos);
        this.pos += 8;
      }
    } else if (n >= -32n) {
      this.buf[this.pos++] = Number(n) & 0xff;
    } else if (n >= -128n) {
      this.buf[this.pos++] = 0xd0;
      this.buf.writeInt8(Number(n), this.pos);
      this.pos += 1;
    } else if (n >= -32768n) {
      this.buf[this.pos++] = 0xd1;
      this.buf.writeInt16BE(Number(n), this.pos);
      this.pos += 2;
    } else if (n >= -2147483648n) {
      this.buf[this.pos++] = 0xd2;
      this.buf.writeInt32BE(Number(n), this.pos);
      this.pos += 4;
    } else {
      this.buf[this.pos++] = 0xd3;
      this.buf.writeBigInt64BE(BigInt.asIntN(64, n), this.pos);
      this.pos += 8;
    }
  }

  /** Writes a double (always `cb` + 8 bytes). */
  float(v: number): void {
    this.ensure(9);
    this.buf[this.pos++] = 0xcb;
    this.buf.writeDoubleBE(v, this.pos);
    this.pos += 8;
  }

  /** Writes a str header for `n` payload bytes (the particle prefix byte included in `n`). */
  strHeader(n: number): void {
    this.ensure(5);
    if (n < 32) this.buf[this.pos++] = 0xa0 | n;
    else if (n < 0x100) {
      this.buf[this.pos++] = 0xd9;
      this.buf[this.pos++] = n;
    } else if (n < 0x10000) {
      this.buf[this.pos++] = 0xda;
      this.buf.writeUInt16BE(n, this.pos);
      this.pos += 2;
    } else {
      this.buf[this.pos++] = 0xdb;
      this.buf.writeUInt32BE(n, this.pos);
      this.pos += 4;
    }
  }

  /** Writes bytes as a msgpack str prefixed with an Aerospike particle type byte. */
  typedBytes(prefix: number, payload: Uint8Array): void {
    this.strHeader(payload.length + 1);
    this.byte(prefix);
    this.raw(payload);
  }

  /** Writes a string (`03` prefix). */
  str(v: string): void {
    this.typedBytes(MpPrefix.STRING, Buffer.from(v, "utf8"));
  }

  /** Writes a raw msgpack str without a particle prefix (bin and variable names in expressions). */
  rawStr(v: string | Uint8Array): void {
    const b = typeof v === "string" ? Buffer.from(v, "utf8") : v;
    this.strHeader(b.length);
    this.raw(b);
  }

  /** Writes an array header. */
  arrayHeader(n: number): void {
    this.ensure(5);
    if (n < 16) this.buf[this.pos++] = 0x90 | n;
    else if (n < 0x10000) {
      this.buf[this.pos++] = 0xdc;
      this.buf.writeUInt16BE(n, this.pos);
      this.pos += 2;
    } else {
      this.buf[this.pos++] = 0xdd;
      this.buf.writeUInt32BE(n, this.pos);
      this.pos += 4;
    }
  }

  /** Writes a map header. */
  mapHeader(n: number): void {
    this.ensure(5);
    if (n < 16) this.buf[this.pos++] = 0x80 | n;
    else if (n < 0x10000) {
      this.buf[this.pos++] = 0xde;
      this.buf.writeUInt16BE(n, this.pos);
      this.pos += 2;
    } else {
      this.buf[this.pos++] = 0xdf;
      this.buf.writeUInt32BE(n, this.pos);
      this.pos += 4;
    }
  }

  /** Writes an ext value; a 0-length ext is written as `c7 00 <type>` like the server does. */
  ext(type: number, data: Uint8Array): void {
    this.ensure(6);
    const n = data.length;
    const fixed =
      n === 1 ? 0xd4 : n === 2 ? 0xd5 : n === 4 ? 0xd6 : n === 8 ? 0xd7 : n === 16 ? 0xd8 : 0;
    if (fixed !== 0) this.buf[this.pos++] = fixed;
    else if (n < 0x100) {
      this.buf[this.pos++] = 0xc7;
      this.buf[this.pos++] = n;
    } else if (n < 0x10000) {
      this.buf[this.pos++] = 0xc8;
      this.buf.writeUInt16BE(n, this.pos);
      this.pos += 2;
    } else {
      this.buf[this.pos++] = 0xc9;
      this.buf.writeUInt32BE(n, this.pos);
      this.pos += 4;
    }
    this.byte(type);
    this.raw(data);
  }

  /** Writes any {@link MpValue}. */
  value(v: MpValue): void {
    switch (v.kind) {
      case "nil":
        this.nil();
        return;
      case "bool":
        this.bool(v.value);
        return;
      case "int":
        this.int(v.value);
        return;
      case "float":
        this.float(v.value);
        return;
      case "str":
        this.str(v.value);
        return;
      case "bytes":
        this.typedBytes(v.particle, v.value);
        return;
      case "geojson":
        this.typedBytes(MpPrefix.GEOJSON, Buffer.from(v.value, "utf8"));
        return;
      case "ext":
        this.ext(v.type, v.data);
        return;
      case "list":
        this.arrayHeader(v.items.length + (v.flags === undefined ? 0 : 1));
        if (v.flags !== undefined) this.ext(v.flags, EMPTY);
        for (const item of v.items) this.value(item);
        return;
      case "map":
        this.mapHeader(v.entries.length + (v.flags === undefined ? 0 : 1));
        if (v.flags !== undefined) {
          this.ext(v.flags, EMPTY);
          this.nil();
        }
        for (const [k, val] of v.entries) {
          this.value(k);
          this.value(val);
        }
        return;
    }
  }
}

const EMPTY = Buffer.alloc(0);

/** Encodes one value into a new buffer. */
export function encodeMsgpack(v: MpValue): Buffer {
  const w = new MsgpackWriter();
  w.value(v);
  return Buffer.from(w.finish());
}

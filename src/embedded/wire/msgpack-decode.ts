import { WireError } from "./errors.js";
import { MpPrefix, type MpValue, NIL } from "./msgpack-value.js";
import { ResultCode } from "./result-codes.js";

/** Deepest nesting accepted; deeper input is rejected instead of exhausting the stack. */
export const MSGPACK_MAX_DEPTH = 256;

function fail(message: string): never {
  throw new WireError(ResultCode.PARAMETER, `msgpack: ${message}`);
}

/**
 * A cursor over Aerospike-flavoured msgpack bytes.
 *
 * `readValue` decodes one value into the {@link MpValue} model; `skipValue` steps over one;
 * header readers give low-level access for payloads that are read piece by piece (CDT and
 * expression op arrays). Every method throws {@link WireError} (PARAMETER) on malformed input.
 */
export class MsgpackReader {
  readonly buf: Buffer;
  offset: number;

  constructor(buf: Buffer, offset = 0) {
    this.buf = buf;
    this.offset = offset;
  }

  /** Whether every byte has been consumed. */
  get done(): boolean {
    return this.offset >= this.buf.length;
  }

  /** Bytes left to read. */
  get remaining(): number {
    return this.buf.length - this.offset;
  }

  /** The type byte of the next value without consuming it. */
  peekByte(): number {
    if (this.offset >= this.buf.length) fail("truncated");
    return this.buf[this.offset] as number;
  }

  private take(n: number): Buffer {
    if (n > this.buf.length - this.offset) fail("truncated");
    const s = this.buf.subarray(this.offset, this.offset + n);
    this.offset += n;
    return s;
  }

  private u8(): number {
    if (this.offset >= this.buf.length) fail("truncated");
    return this.buf[this.offset++] as number;
  }

  private uint(n: 1 | 2 | 4): number {
    const b = this.take(n);
    return n === 1 ? (b[0] as number) : n === 2 ? b.readUInt16BE(0) : b.readUInt32BE(0);
  }

  /** Reads an array header and returns its element count, or undefined if the next value is not an array. */
  readArrayHeader(): number | undefined {
    const t = this.peekByte();
    if ((t & 0xf0) === 0x90) {
      this.offset++;
      return t & 0x0f;
    }
    if (t === 0xdc || t === 0xdd) {
      this.offset++;
      return this.count(this.uint(t === 0xdc ? 2 : 4));
    }
    return undefined;
  }

  /** Reads a map header and returns its entry count, or undefined if the next value is not a map. */
  readMapHeader(): number | undefined {
    const t = this.peekByte();
    if ((t & 0xf0) === 0x80) {
      this.offset++;
      return t & 0x0f;
    }
    if (t === 0xde || t === 0xdf) {
      this.offset++;
      return this.count(this.uint(t === 0xde ? 2 : 4), 2);
    }
    return undefined;
  }

  // Every element needs at least one byte, so a count larger than what is left is malformed.
  private count(n: number, perItem = 1): number {
    if (n * perItem > this.remaining) fail("element count exceeds payload");
    return n;
  }

  /** Reads an integer (any msgpack int form) as a 64-bit signed bigint, or undefined if not an int. */
  readInt(): bigint | undefined {
    const t = this.peekByte();
    if (t <= 0x7f) {
      this.offset++;
      return BigInt(t);
    }
    if (t >= 0xe0) {
      this.offset++;
      return BigInt(t - 0x100);
    }
    switch (t) {
      case 0xcc:
      case 0xcd:
      case 0xce:
      case 0xd0:
      case 0xd1:
      case 0xd2:
      case 0xcf:
      case 0xd3: {
        const v = this.readValue(0);
        return v.kind === "int" ? v.value : undefined;
      }
      default:
        return undefined;
    }
  }

  /**
   * Reads a str or bin value and returns its payload as is (particle-type prefix included), or
   * undefined if the next value is not a str or bin.
   */
  readRawBytes(): Buffer | undefined {
    const t = this.peekByte();
    let n: number;
    if ((t & 0xe0) === 0xa0) {
      this.offset++;
      n = t & 0x1f;
    } else if (t === 0xc4 || t === 0xd9) {
      this.offset++;
      n = this.uint(1);
    } else if (t === 0xc5 || t === 0xda) {
      this.offset++;
      n = this.uint(2);
    } else if (t === 0xc6 || t === 0xdb) {
      this.offset++;
      n = this.uint(4);
    } else {
      return undefined;
    }
    return this.take(n);
  }

  /** Reads one value of any type. */
  readValue(depth = 0): MpValue {
    if (depth > MSGPACK_MAX_DEPTH) fail("nesting too deep");
    const t = this.u8();
    if (t <= 0x7f) return { kind: "int", value: BigInt(t) };
    if (t >= 0xe0) return { kind: "int", value: BigInt(t - 0x100) };
    if ((t & 0xf0) === 0x80) return this.readMapBody(this.count(t & 0x0f, 2), depth);
    if ((t & 0xf0) === 0x90) return this.readListBody(this.count(t & 0x0f), depth);
    if ((t & 0xe0) === 0xa0) return typedBytes(this.take(t & 0x1f));
    switch (t) {
      case 0xc0:
        return NIL;
      case 0xc2:
        return { kind: "bool", value: false };
      case 0xc3:
        return { kind: "bool", value: true };
      case 0xc4:
      case 0xd9:
        return typedBytes(this.take(this.uint(1)));
      case 0xc5:
      case 0xda:
        return typedBytes(this.take(this.uint(2)));
      case 0xc6:
      case 0xdb:
        return typedBytes(this.take(this.uint(4)));
      case 0xc7:
        return this.readExt(this.uint(1));
      case 0xc8:
        return this.readExt(this.uint(2));
      case 0xc9:
        return this.readExt(this.uint(4));
      case 0xca:
        return { kind: "float", value: this.take(4).readFloatBE(0) };
      case 0xcb:
        return { kind: "float", value: this.take(8).readDoubleBE(0) };
      case 0xcc:
        return { kind: "int", value: BigInt(this.uint(1)) };
      case 0xcd:
        return { kind: "int", value: BigInt(this.uint(2)) };
      case 0xce:
        return { kind: "int", value: BigInt(this.uint(4)) };
      case 0xcf:
        return { kind: "int", value: BigInt.asIntN(64, this.take(8).readBigUInt64BE(0)) };
      case 0xd0:
        return { kind: "int", value: BigInt(this.take(1).readInt8(0)) };
      case 0xd1:
        return { kind: "int", value: BigInt(this.take(2).readInt16BE(0)) };
      case 0xd2:
        return { kind: "int", value: BigInt(this.take(4).readInt32BE(0)) };
      case 0xd3:
        return { kind: "int", value: this.take(8).readBigInt64BE(0) };
      case 0xd4:
        return this.readExt(1);
      case 0xd5:
        return this.readExt(2);
      case 0xd6:
        return this.readExt(4);
      case 0xd7:
        return this.readExt(8);
      case 0xd8:
        return this.readExt(16);
      case 0xdc:
        return this.readListBody(this.count(this.uint(2)), depth);
      case 0xdd:
        return this.readListBody(this.count(this.uint(4)), depth);
      case 0xde:
        return this.readMapBody(this.count(this.uint(2), 2), depth);
      case 0xdf:
        return this.readMapBody(this.count(this.uint(4), 2), depth);
      default:
        return fail(`unsupported type byte 0x${t.toString(16)}`);
    }
  }

  /** Steps over one value without building it. */
  skipValue(): void {
    this.readValue(0);
  }

  private readExt(n: number): MpValue {
    const type = this.u8();
    return { kind: "ext", type, data: this.take(n) };
  }

  private readListBody(n: number, depth: number): MpValue {
    const items: MpValue[] = [];
    let flags: number | undefined;
    for (let i = 0; i < n; i++) {
      const v = this.readValue(depth + 1);
      if (i === 0 && v.kind === "ext" && v.data.length === 0) {
        flags = v.type;
        continue;
      }
      items.push(v);
    }
    return flags === undefined ? { kind: "list", items } : { kind: "list", items, flags };
  }

  private readMapBody(n: number, depth: number): MpValue {
    const entries: [MpValue, MpValue][] = [];
    let flags: number | undefined;
    for (let i = 0; i < n; i++) {
      const k = this.readValue(depth + 1);
      const v = this.readValue(depth + 1);
      if (i === 0 && k.kind === "ext" && k.data.length === 0 && v.kind === "nil") {
        flags = k.type;
        continue;
      }
      entries.push([k, v]);
    }
    return flags === undefined ? { kind: "map", entries } : { kind: "map", entries, flags };
  }
}

function typedBytes(s: Buffer): MpValue {
  if (s.length === 0) return { kind: "bytes", particle: MpPrefix.BLOB, value: s };
  const prefix = s[0] as number;
  const rest = s.subarray(1);
  if (prefix === MpPrefix.STRING) return { kind: "str", value: rest.toString("utf8") };
  if (prefix === MpPrefix.GEOJSON) return { kind: "geojson", value: rest.toString("utf8") };
  return { kind: "bytes", particle: prefix, value: rest };
}

/** Decodes a buffer holding exactly one msgpack value; trailing bytes are an error. */
export function decodeMsgpack(buf: Buffer): MpValue {
  const r = new MsgpackReader(buf);
  const v = r.readValue();
  if (!r.done) fail("trailing bytes");
  return v;
}

/** Whether `buf` holds exactly one well-formed msgpack value. */
export function isValidMsgpack(buf: Buffer): boolean {
  try {
    decodeMsgpack(buf);
    return true;
  } catch {
    return false;
  }
}

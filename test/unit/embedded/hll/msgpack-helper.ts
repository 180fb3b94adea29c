/** Test helper: a tiny Aerospike-flavour msgpack encoder for building HLL op payloads. */

/** A value the helper can encode; `{ hll }` is an HLL particle passed as an op argument. */
export type TestValue =
  | number
  | bigint
  | string
  | Uint8Array
  | { readonly hll: Uint8Array }
  | { readonly double: number }
  | null
  | boolean
  | readonly TestValue[];

function be(v: bigint, size: number): number[] {
  const out: number[] = [];
  for (let i = size - 1; i >= 0; i--) out.push(Number((v >> BigInt(8 * i)) & 0xffn));
  return out;
}

function encodeInt(v: bigint): number[] {
  if (v >= 0n) {
    if (v < 0x80n) return [Number(v)];
    if (v < 0x100n) return [0xcc, Number(v)];
    if (v < 0x10000n) return [0xcd, ...be(v, 2)];
    if (v < 0x100000000n) return [0xce, ...be(v, 4)];
    return [0xcf, ...be(v, 8)];
  }
  if (v >= -32n) return [Number(v) & 0xff];
  if (v >= -128n) return [0xd0, Number(v) & 0xff];
  if (v >= -32768n) return [0xd1, ...be(BigInt.asUintN(16, v), 2)];
  if (v >= -2147483648n) return [0xd2, ...be(BigInt.asUintN(32, v), 4)];
  return [0xd3, ...be(BigInt.asUintN(64, v), 8)];
}

function encodeStr(type: number, body: Uint8Array, out: number[]): void {
  const n = body.length + 1;
  const head =
    n < 32
      ? [0xa0 | n]
      : n < 256
        ? [0xd9, n]
        : n < 65536
          ? [0xda, ...be(BigInt(n), 2)]
          : [0xdb, ...be(BigInt(n), 4)];
  out.push(...head, type);
  for (const b of body) out.push(b);
}

function encodeInto(v: TestValue, out: number[]): void {
  if (v === null) out.push(0xc0);
  else if (typeof v === "boolean") out.push(v ? 0xc3 : 0xc2);
  else if (typeof v === "bigint") out.push(...encodeInt(v));
  else if (typeof v === "number") {
    if (Number.isInteger(v)) out.push(...encodeInt(BigInt(v)));
    else encodeInto({ double: v }, out);
  } else if (typeof v === "string") encodeStr(3, new TextEncoder().encode(v), out);
  else if (v instanceof Uint8Array) encodeStr(4, v, out);
  else if (Array.isArray(v)) {
    const n = v.length;
    out.push(
      ...(n < 16
        ? [0x90 | n]
        : n < 65536
          ? [0xdc, ...be(BigInt(n), 2)]
          : [0xdd, ...be(BigInt(n), 4)]),
    );
    for (const item of v as readonly TestValue[]) encodeInto(item, out);
  } else if ("hll" in v) encodeStr(18, v.hll, out);
  else if ("double" in v) {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v.double);
    out.push(0xcb, ...b);
  }
}

/** Encodes a value as Aerospike msgpack. */
export function pack(v: TestValue): Uint8Array {
  const out: number[] = [];
  encodeInto(v, out);
  return Uint8Array.from(out);
}

/** Hex of bytes. */
export function hex(b: Uint8Array): string {
  return Buffer.from(b).toString("hex");
}

/** Bytes of hex. */
export function unhex(h: string): Uint8Array {
  return new Uint8Array(Buffer.from(h, "hex"));
}

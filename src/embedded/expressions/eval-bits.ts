import type { MpValue } from "../wire/msgpack-value.js";
import { type EvalResult, UNKNOWN } from "./types.js";

/** Bit read op codes usable inside expressions (CALL system 1). */
export const BitOp = { GET: 50, COUNT: 51, LSCAN: 52, RSCAN: 53, GET_INT: 54 } as const;

function intArg(v: MpValue | undefined): number | undefined {
  return v?.kind === "int" ? Number(v.value) : undefined;
}

// Resolves (offset, size) against a blob of `bits` bits; negative offsets count from the end.
function bitRange(args: readonly MpValue[], bits: number): [number, number] | undefined {
  let off = intArg(args[0]);
  const size = intArg(args[1]);
  if (off === undefined || size === undefined || size <= 0) return undefined;
  if (off < 0) off += bits;
  if (off < 0 || off + size > bits) return undefined;
  return [off, size];
}

function bitAt(buf: Buffer, i: number): number {
  return ((buf[i >> 3] as number) >> (7 - (i & 7))) & 1;
}

/** Reads `size` bits starting at bit `off` into a left-aligned blob. */
function getBits(buf: Buffer, off: number, size: number): Buffer {
  const out = Buffer.alloc(Math.ceil(size / 8));
  for (let i = 0; i < size; i++) {
    if (bitAt(buf, off + i)) out[i >> 3] = (out[i >> 3] as number) | (0x80 >> (i & 7));
  }
  return out;
}

/** Evaluates a bit read op (GET, COUNT, LSCAN, RSCAN, GET_INT) on a blob value. */
export function evalBitsRead(op: number, args: readonly MpValue[], bin: MpValue): EvalResult {
  if (bin.kind !== "bytes") return UNKNOWN;
  const buf = bin.value;
  const r = bitRange(args, buf.length * 8);
  if (r === undefined) return UNKNOWN;
  const [off, size] = r;
  switch (op) {
    case BitOp.GET:
      return { kind: "bytes", particle: 4, value: getBits(buf, off, size) };
    case BitOp.COUNT: {
      let n = 0;
      for (let i = 0; i < size; i++) n += bitAt(buf, off + i);
      return { kind: "int", value: BigInt(n) };
    }
    case BitOp.LSCAN:
    case BitOp.RSCAN: {
      const want = args[2]?.kind === "bool" && args[2].value ? 1 : 0;
      for (let k = 0; k < size; k++) {
        const i = op === BitOp.LSCAN ? k : size - 1 - k;
        if (bitAt(buf, off + i) === want) return { kind: "int", value: BigInt(i) };
      }
      return { kind: "int", value: -1n };
    }
    case BitOp.GET_INT: {
      if (size > 64) return UNKNOWN;
      let v = 0n;
      for (let i = 0; i < size; i++) v = (v << 1n) | BigInt(bitAt(buf, off + i));
      const signed = intArg(args[2]) === 1;
      return { kind: "int", value: signed ? BigInt.asIntN(size, v) : BigInt.asIntN(64, v) };
    }
    default:
      return UNKNOWN;
  }
}

import type { MpValue } from "../wire/msgpack-value.js";
import { ExpOp } from "./op-codes.js";
import { type EvalResult, UNKNOWN } from "./types.js";

/**
 * Arithmetic and bitwise operators with the server's C semantics: 64-bit integers wrap, integer
 * division truncates and division or modulo by zero is unknown, IEEE doubles otherwise, float to
 * int conversion saturates to INT64_MIN like x86 does for out-of-range values.
 */

const INT64_MIN = -(2n ** 63n);
const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);
const intV = (value: bigint): MpValue => ({ kind: "int", value: wrap(value) });
// x86 produces this "default NaN" (sign bit set) for invalid operations; the server returns it.
const X86_DEFAULT_NAN = (() => {
  const f = new Float64Array(1);
  new DataView(f.buffer).setBigUint64(0, 0xfff8000000000000n, true);
  return f[0] as number;
})();
const floatV = (value: number): MpValue => ({
  kind: "float",
  value: Number.isNaN(value) ? X86_DEFAULT_NAN : value,
});

// C's `if (a > b) a = b` (not Math.min/max, which treat NaN differently).
function keepIf<T>(cond: boolean, yes: T, no: T): T {
  if (cond) return yes;
  return no;
}

function num(v: MpValue): bigint | number {
  if (v.kind === "int" || v.kind === "float") return v.value;
  throw new TypeError(`expected a number, got ${v.kind}`);
}

function big(v: MpValue): bigint {
  if (v.kind === "int") return v.value;
  throw new TypeError(`expected an integer, got ${v.kind}`);
}

/** Folds a variadic numeric op (ADD, SUB, MUL, DIV, MIN, MAX, INT_AND/OR/XOR) over its values. */
export function evalNary(code: number, values: readonly MpValue[]): EvalResult {
  const first = values[0] as MpValue;
  const rest = values.slice(1);
  if (first.kind === "float")
    return floatNary(
      code,
      first.value,
      rest.map((v) => num(v) as number),
    );
  return intNary(code, big(first), rest.map(big));
}

function intNary(code: number, a: bigint, rest: readonly bigint[]): EvalResult {
  switch (code) {
    case ExpOp.ADD:
      return intV(rest.reduce((x, y) => wrap(x + y), a));
    case ExpOp.SUB:
      return intV(rest.length === 0 ? -a : rest.reduce((x, y) => wrap(x - y), a));
    case ExpOp.MUL:
      return intV(rest.reduce((x, y) => wrap(x * y), a));
    case ExpOp.DIV: {
      const divisor = rest.length === 0 ? a : rest.reduce((x, y) => wrap(x * y), 1n);
      const dividend = rest.length === 0 ? 1n : a;
      if (divisor === 0n) return UNKNOWN;
      return intV(dividend / divisor);
    }
    case ExpOp.MIN:
      return intV(rest.reduce((x, y) => keepIf(y < x, y, x), a));
    case ExpOp.MAX:
      return intV(rest.reduce((x, y) => keepIf(y > x, y, x), a));
    case ExpOp.INT_AND:
      return intV(rest.reduce((x, y) => x & y, a));
    case ExpOp.INT_OR:
      return intV(rest.reduce((x, y) => x | y, a));
    case ExpOp.INT_XOR:
      return intV(rest.reduce((x, y) => x ^ y, a));
    default:
      return UNKNOWN;
  }
}

function floatNary(code: number, a: number, rest: readonly number[]): EvalResult {
  switch (code) {
    case ExpOp.ADD:
      return floatV(rest.reduce((x, y) => x + y, a));
    case ExpOp.SUB:
      return floatV(rest.length === 0 ? 0.0 - a : rest.reduce((x, y) => x - y, a));
    case ExpOp.MUL:
      return floatV(rest.reduce((x, y) => x * y, a));
    case ExpOp.DIV: {
      if (rest.length === 0) return floatV(1.0 / a);
      return floatV(a / rest.reduce((x, y) => x * y, 1.0));
    }
    case ExpOp.MIN:
      return floatV(rest.reduce((x, y) => keepIf(x > y, y, x), a));
    case ExpOp.MAX:
      return floatV(rest.reduce((x, y) => keepIf(x < y, y, x), a));
    default:
      return UNKNOWN;
  }
}

/** C's `(int64_t)double` on x86: truncation, INT64_MIN for NaN and out-of-range values. */
export function doubleToInt64(x: number): bigint {
  if (Number.isNaN(x) || x >= 2 ** 63 || x < -(2 ** 63)) return INT64_MIN;
  return BigInt(Math.trunc(x));
}

function popcount(v: bigint): number {
  let u = BigInt.asUintN(64, v);
  let n = 0;
  while (u !== 0n) {
    n += Number(u & 1n);
    u >>= 1n;
  }
  return n;
}

/** One-argument numeric ops: ABS, FLOOR, CEIL, TO_INT, TO_FLOAT, INT_NOT, INT_COUNT. */
export function evalUnaryMath(code: number, v: MpValue): EvalResult {
  switch (code) {
    case ExpOp.ABS:
      if (v.kind === "float") return floatV(Math.abs(v.value));
      return intV(big(v) < 0n ? -big(v) : big(v));
    case ExpOp.FLOOR:
      return floatV(Math.floor(num(v) as number));
    case ExpOp.CEIL:
      return floatV(Math.ceil(num(v) as number));
    case ExpOp.TO_INT:
      return intV(doubleToInt64(num(v) as number));
    case ExpOp.TO_FLOAT:
      return floatV(Number(big(v)));
    case ExpOp.INT_NOT:
      return intV(~big(v));
    case ExpOp.INT_COUNT:
      return intV(BigInt(popcount(big(v))));
    default:
      return UNKNOWN;
  }
}

/** C `pow` where it differs from `Math.pow`: 1^y = 1 and (-1)^±inf = 1. */
function cPow(x: number, y: number): number {
  if (x === 1) return 1;
  if (x === -1 && (y === Number.POSITIVE_INFINITY || y === Number.NEGATIVE_INFINITY)) return 1;
  return x ** y;
}

// The index (0 = most significant bit) of the highest set bit, or 64 when none is set.
function msb(u: bigint): number {
  if (u === 0n) return 64;
  return 64 - u.toString(2).length;
}

// The index (0 = least significant bit) of the lowest set bit, or 64 when none is set.
function lsb(u: bigint): number {
  if (u === 0n) return 64;
  let n = 0;
  while ((u & 1n) === 0n) {
    u >>= 1n;
    n++;
  }
  return n;
}

/** Two-argument numeric ops: POW, LOG, MOD, the shifts and INT_LSCAN/INT_RSCAN. */
export function evalBinaryMath(code: number, a: MpValue, b: MpValue): EvalResult {
  switch (code) {
    case ExpOp.POW:
      return floatV(cPow(num(a) as number, num(b) as number));
    case ExpOp.LOG:
      return floatV(Math.log(num(a) as number) / Math.log(num(b) as number));
    case ExpOp.MOD: {
      const d = big(b);
      if (d === 0n) return UNKNOWN;
      return intV(big(a) % d);
    }
    case ExpOp.INT_LSHIFT:
      return intV(big(a) << (big(b) & 63n));
    case ExpOp.INT_RSHIFT:
      return intV(BigInt.asUintN(64, big(a)) >> (big(b) & 63n));
    case ExpOp.INT_ARSHIFT:
      return intV(big(a) >> (big(b) & 63n));
    case ExpOp.INT_LSCAN:
    case ExpOp.INT_RSCAN: {
      const search = b.kind === "bool" && b.value;
      const u = BigInt.asUintN(64, search ? big(a) : ~big(a));
      if (code === ExpOp.INT_LSCAN) {
        const m = msb(u);
        return intV(BigInt(m === 64 ? -1 : m));
      }
      return intV(BigInt(63 - lsb(u)));
    }
    default:
      return UNKNOWN;
  }
}

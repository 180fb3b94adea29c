import type { AelValue } from "./ael-value.js";
import { Op } from "./exp-codes.js";

/**
 * A float that the client must send as a msgpack double even when it is integral (3.0, -0.0).
 * The client's binding recognises a float wrapper by its constructor name `Double` and reads
 * the number from the `Double` field; plain JS numbers inside lists and maps would be sent as
 * integers when integral.
 */
export class Double {
  constructor(readonly Double: number) {}
}

/** A GeoJSON string; the client's binding recognises it by its constructor name and `str`. */
export class GeoJSON {
  constructor(readonly str: string) {}
}

/** A HyperLogLog blob; the client's binding recognises it by its constructor name and `buffer`. */
export class HyperLogLog {
  constructor(readonly buffer: Buffer) {}
}

/** A CDT context in the shape the client's binding reads: `[type, value]` pairs. */
export interface CdtContext {
  readonly items: readonly (readonly [number, ClientValue])[];
}

/** A value as the client's binding converts it into an `as_val`. */
export type ClientValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Buffer
  | Double
  | GeoJSON
  | HyperLogLog
  | readonly ClientValue[]
  | ReadonlyMap<ClientValue, ClientValue>;

/** One entry of the `aerospike` client's expression array (what its `exp.*` helpers return). */
export type ExpEntry =
  | { readonly op: number; readonly count?: number }
  | { readonly op: number; readonly intVal: number }
  | { readonly op: number; readonly floatVal: number }
  | { readonly op: number; readonly boolVal: boolean }
  | { readonly op: number; readonly strVal: string }
  | { readonly op: number; readonly bytesVal: Buffer }
  | { readonly op: number; readonly value: ClientValue }
  | { readonly op: number; readonly count: number; readonly ctx: CdtContext | null };

/** A compiled expression: the array the client accepts as `filterExpression` or in exp ops. */
export type AerospikeExpArray = readonly ExpEntry[];

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * An int64 literal entry. The binding reads `intVal` as a JS number, so values beyond ±2^53
 * travel as an `as_val` built from a BigInt instead, which the client packs as the same
 * msgpack integer, exactly.
 */
export function intEntry(value: bigint): ExpEntry[] {
  if (value >= -MAX_SAFE && value <= MAX_SAFE) return [{ op: Op.VAL_INT, intVal: Number(value) }];
  return [{ op: Op.AS_VAL, value }];
}

/** An int entry from a small JS number (codes, counts, flags). */
export function smallInt(value: number): ExpEntry[] {
  return [{ op: Op.VAL_INT, intVal: value }];
}

/** A float literal entry. */
export function floatEntry(value: number): ExpEntry[] {
  return [{ op: Op.VAL_FLOAT, floatVal: value }];
}

/** A boolean literal entry. */
export function boolEntry(value: boolean): ExpEntry[] {
  return [{ op: Op.VAL_BOOL, boolVal: value }];
}

/** A string literal entry. */
export function stringEntry(value: string): ExpEntry[] {
  return [{ op: Op.VAL_STR, strVal: value }];
}

/** A blob literal entry. */
export function bytesEntry(value: Uint8Array): ExpEntry[] {
  return [{ op: Op.VAL_BYTES, bytesVal: Buffer.from(value) }];
}

/** A nil literal entry. */
export function nilEntry(): ExpEntry[] {
  return [{ op: Op.AS_VAL, value: null }];
}

/** A literal list or map (or any other `as_val`) entry; the client quotes lists itself. */
export function valueEntry(value: ClientValue): ExpEntry[] {
  return [{ op: Op.AS_VAL, value }];
}

/** A GeoJSON literal entry. */
export function geoEntry(json: string): ExpEntry[] {
  return [{ op: Op.VAL_GEO, value: new GeoJSON(json) }];
}

/** A raw string entry (bin and variable names). */
export function rawString(value: string): ExpEntry[] {
  return [{ op: Op.VAL_RAWSTR, strVal: value }];
}

/** Converts a placeholder value into the value the client's binding turns into an `as_val`. */
export function toClientValue(value: AelValue): ClientValue {
  switch (value.type) {
    case "nil":
      return null;
    case "bool":
      return value.value;
    case "int":
      return value.value >= -MAX_SAFE && value.value <= MAX_SAFE
        ? Number(value.value)
        : value.value;
    case "float":
      return new Double(value.value);
    case "string":
      return value.value;
    case "bytes":
      return Buffer.from(value.value);
    case "list":
      return value.value.map(toClientValue);
    case "map":
      return new Map(value.value.map(([k, v]) => [toClientValue(k), toClientValue(v)]));
    case "geojson":
      return new GeoJSON(value.value);
    case "hll":
      return new HyperLogLog(Buffer.from(value.value));
  }
}

/** The entries of a placeholder value used as an expression operand. */
export function valueEntries(value: AelValue): ExpEntry[] {
  switch (value.type) {
    case "nil":
      return nilEntry();
    case "bool":
      return boolEntry(value.value);
    case "int":
      return intEntry(value.value);
    case "float":
      return floatEntry(value.value);
    case "string":
      return stringEntry(value.value);
    case "bytes":
      return bytesEntry(value.value);
    case "geojson":
      return geoEntry(value.value);
    case "list":
    case "map":
    case "hll":
      return valueEntry(toClientValue(value));
  }
}

/** A fixed-arity operator: `[{op, count: n + 1}, ...args]`. */
export function fixed(op: number, ...args: ExpEntry[][]): ExpEntry[] {
  return [{ op, count: args.length + 1 }, ...args.flat()];
}

/** A variadic operator closed by END_OF_VA_ARGS (and, or, add, min, cond, let, …). */
export function variadic(op: number, ...args: ExpEntry[][]): ExpEntry[] {
  return [{ op }, ...args.flat(), { op: Op.END_OF_VA_ARGS }];
}

/** A typed bin read. */
export function binEntry(type: number, name: string): ExpEntry[] {
  return [{ op: Op.BIN, count: 3 }, ...smallInt(type), ...rawString(name)];
}

/** `binType(name) != 0`: whether the bin exists. */
export function binExistsEntry(name: string): ExpEntry[] {
  return fixed(Op.CMP_NE, [{ op: Op.BIN_TYPE, count: 2 }, ...rawString(name)], smallInt(0));
}

/**
 * A CALL into a CDT or HLL read: `[CALL, rtype, system, [opcode, ...params], subject]`,
 * where a non-null `ctx` makes the client wrap the operation in a context evaluation (CDT
 * reads pass `null` for none, as the client's list and map helpers do; HLL reads omit it).
 */
export function callEntry(
  returnType: number,
  system: number,
  opcode: number,
  params: ExpEntry[][],
  subject: ExpEntry[],
  ctx?: CdtContext | null,
): ExpEntry[] {
  const start = params.length + 1;
  return [
    { op: Op.CALL, count: 5 },
    { op: Op.VAL_RTYPE, intVal: returnType },
    ...smallInt(system),
    ctx === undefined
      ? { op: Op.CALL_VOP_START, count: start }
      : { op: Op.CALL_VOP_START, count: start, ctx },
    ...smallInt(opcode),
    ...params.flat(),
    ...subject,
  ];
}

// The client copies strings with strdup/strlen, so it would silently cut them at a NUL.
const NUL_PROBLEM = "strings containing NUL characters cannot be sent by the Aerospike client";

/** Why the client cannot send `value` unchanged, if it cannot. */
export function unsendable(value: AelValue): string | undefined {
  switch (value.type) {
    case "string":
    case "geojson":
      return value.value.includes("\u0000") ? NUL_PROBLEM : undefined;
    case "list":
      for (const item of value.value) {
        const problem = unsendable(item);
        if (problem !== undefined) return problem;
      }
      return undefined;
    case "map":
      for (const [k, v] of value.value) {
        const problem = unsendable(k) ?? unsendable(v);
        if (problem !== undefined) return problem;
      }
      return undefined;
    default:
      return undefined;
  }
}

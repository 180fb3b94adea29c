import type { MpValue } from "../wire/msgpack-value.js";
import { ResultCode } from "../wire/result-codes.js";

/**
 * Static result types of expression nodes, as the wire's `type` arguments number them
 * (`AS_EXP_TYPE_*`). `AUTO` marks a node whose type is not one of them (a raw msgpack literal
 * such as WILDCARD); it is only legal where any value is accepted.
 */
export const ExpType = {
  NIL: 0,
  BOOL: 1,
  INT: 2,
  STR: 3,
  LIST: 4,
  MAP: 5,
  BLOB: 6,
  FLOAT: 7,
  GEOJSON: 8,
  HLL: 9,
  AUTO: 10,
} as const;

/** One of the {@link ExpType} values. */
export type ExpTypeValue = (typeof ExpType)[keyof typeof ExpType];

/** The third truth value: the result of an expression that could not be evaluated. */
export const UNKNOWN: unique symbol = Symbol("unknown");

/** What evaluating an expression node yields: a value, or {@link UNKNOWN}. */
export type EvalResult = MpValue | typeof UNKNOWN;

/**
 * Thrown while building (compiling) an expression that the server would reject; the command gets
 * `code` (PARAMETER unless stated).
 */
export class ExpBuildError extends Error {
  readonly code: number;

  constructor(message: string, code: number = ResultCode.PARAMETER) {
    super(message);
    this.name = "ExpBuildError";
    this.code = code;
  }
}

/** Throws an {@link ExpBuildError} with `message`. */
export function buildFail(message: string): never {
  throw new ExpBuildError(message);
}

/** Whether an evaluation result is a value of the given static type. */
export function valueHasType(v: MpValue, type: number): boolean {
  switch (type) {
    case ExpType.NIL:
      return v.kind === "nil";
    case ExpType.BOOL:
      return v.kind === "bool";
    case ExpType.INT:
      return v.kind === "int";
    case ExpType.STR:
      return v.kind === "str";
    case ExpType.LIST:
      return v.kind === "list";
    case ExpType.MAP:
      return v.kind === "map";
    case ExpType.BLOB:
      return v.kind === "bytes" && v.particle === 4;
    case ExpType.FLOAT:
      return v.kind === "float";
    case ExpType.GEOJSON:
      return v.kind === "geojson";
    case ExpType.HLL:
      return v.kind === "bytes" && v.particle === 18;
    default:
      return false;
  }
}

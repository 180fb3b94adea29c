import type { MpValue } from "../wire/msgpack-value.js";
import type { GeoShape } from "./geo.js";

/**
 * The compiled form of an expression: a tree of nodes, each with its static result type
 * (`ExpType`). Built from wire bytes by `buildExpression`, run by `evaluate`.
 */
export type ExpNode =
  | LiteralNode
  | UnknownNode
  | CompareNode
  | RegexNode
  | GeoCompareNode
  | InListNode
  | LogicNode
  | NaryNode
  | UnaryNode
  | BinaryNode
  | MetaNode
  | KeyNode
  | BinNode
  | BinTypeNode
  | CondNode
  | VarNode
  | LetNode
  | MapKvNode
  | CallNode;

interface Typed {
  /** Static result type (ExpType). */
  readonly type: number;
}

/** A constant (nil, bool, int, float, string, blob, HLL, GeoJSON, list or map). */
export interface LiteralNode extends Typed {
  readonly k: "lit";
  readonly value: MpValue;
  /** The parsed shape of a GeoJSON literal. */
  readonly geo?: GeoShape;
}

/** `[0]`: the unknown value. */
export interface UnknownNode extends Typed {
  readonly k: "unknown";
}

/** EQ..LE (op codes 1..6). */
export interface CompareNode extends Typed {
  readonly k: "cmp";
  readonly code: number;
  readonly a: ExpNode;
  readonly b: ExpNode;
}

/** CMP_REGEX: a compiled pattern applied to a string. */
export interface RegexNode extends Typed {
  readonly k: "regex";
  readonly re: RegExp;
  readonly s: ExpNode;
}

/** CMP_GEO. */
export interface GeoCompareNode extends Typed {
  readonly k: "geo";
  readonly a: ExpNode;
  readonly b: ExpNode;
}

/** IN_LIST. */
export interface InListNode extends Typed {
  readonly k: "inList";
  readonly v: ExpNode;
  readonly list: ExpNode;
}

/** AND, OR, EXCLUSIVE. */
export interface LogicNode extends Typed {
  readonly k: "logic";
  readonly code: number;
  readonly args: readonly ExpNode[];
}

/** Variadic arithmetic and bitwise ops (ADD..DIV, INT_AND..INT_XOR, MIN, MAX). */
export interface NaryNode extends Typed {
  readonly k: "nary";
  readonly code: number;
  readonly args: readonly ExpNode[];
}

/** One-argument ops: NOT, ABS, FLOOR, CEIL, TO_INT, TO_FLOAT, INT_NOT, INT_COUNT. */
export interface UnaryNode extends Typed {
  readonly k: "unary";
  readonly code: number;
  readonly a: ExpNode;
}

/** Two-argument ops: POW, LOG, MOD, shifts, INT_LSCAN, INT_RSCAN. */
export interface BinaryNode extends Typed {
  readonly k: "binary";
  readonly code: number;
  readonly a: ExpNode;
  readonly b: ExpNode;
}

/** Record metadata (op codes 64..74); `mod` for DIGEST_MODULO. */
export interface MetaNode extends Typed {
  readonly k: "meta";
  readonly code: number;
  readonly mod: bigint;
}

/** KEY: the stored user key of the given type. */
export interface KeyNode extends Typed {
  readonly k: "key";
}

/** BIN: a bin's value of the given type. */
export interface BinNode extends Typed {
  readonly k: "bin";
  readonly name: string;
}

/** BIN_TYPE. */
export interface BinTypeNode extends Typed {
  readonly k: "binType";
  readonly name: string;
}

/** COND: condition/value pairs and a default. */
export interface CondNode extends Typed {
  readonly k: "cond";
  readonly cases: readonly (readonly [ExpNode, ExpNode])[];
  readonly otherwise: ExpNode;
}

/** VAR: a variable slot. */
export interface VarNode extends Typed {
  readonly k: "var";
  readonly slot: number;
}

/** LET: variable definitions (slot, value) evaluated in order, then the scope. */
export interface LetNode extends Typed {
  readonly k: "let";
  readonly defs: readonly (readonly [number, ExpNode])[];
  readonly scope: ExpNode;
}

/** MAP_KEYS / MAP_VALUES. */
export interface MapKvNode extends Typed {
  readonly k: "mapKv";
  readonly values: boolean;
  readonly map: ExpNode;
}

/** One argument of a CALL's op array: a constant passed through or a sub-expression. */
export type CallArg = { readonly lit: MpValue } | { readonly exp: ExpNode };

/** CALL: a CDT/bit/HLL function applied to the value of `bin`. */
export interface CallNode extends Typed {
  readonly k: "call";
  /** 0 CDT, 1 BITS, 2 HLL. */
  readonly system: number;
  readonly modify: boolean;
  /** The CDT context (`[0xff, ctx, …]` form), if any. */
  readonly ctx: MpValue | undefined;
  readonly opCode: number;
  readonly args: readonly CallArg[];
  readonly bin: ExpNode;
}

import { AelError } from "./ael-error.js";
import type { AelValue } from "./ael-value.js";
import type { Node } from "./ast.js";
import { hllCall, hllResultType, isHllFunction } from "./compile-hll.js";
import { type AelType, Op } from "./exp-codes.js";
import { type ExpEntry, fixed, geoEntry, variadic } from "./exp-entries.js";

type CallNode = Extract<Node, { kind: "call" }>;

/** What function compilation needs from the expression compiler. */
export interface FunctionCompiler {
  typeOf(node: Node): AelType | undefined;
  emit(node: Node, want: AelType | undefined): ExpEntry[];
  integer(node: Node): ExpEntry[];
  boolean(node: Node): ExpEntry[];
  numericType(node: Node, want: AelType | undefined, fallback?: AelType): AelType;
  numeric(node: Node, type: AelType): ExpEntry[];
  arithmeticType(operands: readonly Node[]): AelType | undefined;
  placeholder(node: Extract<Node, { kind: "placeholder" }>): AelValue;
}

interface Signature {
  readonly min: number;
  readonly max: number;
  readonly result: (call: CallNode, compiler: FunctionCompiler) => AelType | undefined;
}

const numericResult = (call: CallNode, compiler: FunctionCompiler) =>
  compiler.arithmeticType(call.args);

const SIGNATURES: Record<string, Signature> = {
  abs: { min: 1, max: 1, result: numericResult },
  ceil: { min: 1, max: 1, result: () => "FLOAT" },
  floor: { min: 1, max: 1, result: () => "FLOAT" },
  log: { min: 2, max: 2, result: () => "FLOAT" },
  pow: { min: 2, max: 2, result: () => "FLOAT" },
  min: { min: 2, max: Number.POSITIVE_INFINITY, result: numericResult },
  max: { min: 2, max: Number.POSITIVE_INFINITY, result: numericResult },
  countOneBits: { min: 1, max: 1, result: () => "INT" },
  findBitLeft: { min: 2, max: 2, result: () => "INT" },
  findBitRight: { min: 2, max: 2, result: () => "INT" },
  geoJson: { min: 1, max: 1, result: () => "GEO" },
  geoCompare: { min: 2, max: 2, result: () => "BOOL" },
};

function checkArity(call: CallNode): void {
  const hll = isHllFunction(call.name);
  const signature = SIGNATURES[call.name];
  if (!hll && signature === undefined)
    throw new AelError(`Unknown function '${call.name}'`, call.pos);
  const [min, max] = hll ? [1, 2] : [signature?.min ?? 0, signature?.max ?? 0];
  const count = call.args.length;
  if (count < min || count > max) {
    const expected =
      min === max
        ? `${min} argument(s)`
        : max === Number.POSITIVE_INFINITY
          ? `at least ${min} arguments`
          : `${min} to ${max} arguments`;
    throw new AelError(`Function '${call.name}' expects ${expected}, got ${count}`, call.pos);
  }
}

/** The type a function call produces, or undefined when only its context can tell. */
export function functionType(call: CallNode, compiler: FunctionCompiler): AelType | undefined {
  checkArity(call);
  if (isHllFunction(call.name)) return hllResultType(call.name);
  return SIGNATURES[call.name]?.result(call, compiler);
}

function arg(call: CallNode, index: number): Node {
  return call.args[index] as Node;
}

/** A GeoJSON operand: a string literal or string placeholder becomes a GeoJSON value. */
function geoOperand(node: Node, compiler: FunctionCompiler): ExpEntry[] {
  if (node.kind === "string") return geoEntry(node.value);
  if (node.kind === "placeholder") {
    const value = compiler.placeholder(node);
    if (value.type === "string" || value.type === "geojson") return geoEntry(value.value);
    throw new AelError(`Expected a GeoJSON value, got ${value.type}`, node.pos);
  }
  const type = compiler.typeOf(node);
  if (type !== undefined && type !== "GEO")
    throw new AelError(`Expected a GEO operand, got ${type}`, node.pos);
  return compiler.emit(node, "GEO");
}

/** Compiles a built-in function call such as `abs($.x)`, `min($.a, $.b)` or `hllCount($.h)`. */
export function compileFunction(
  call: CallNode,
  want: AelType | undefined,
  compiler: FunctionCompiler,
): ExpEntry[] {
  checkArity(call);
  const name = call.name;
  if (isHllFunction(name)) {
    const subject = arg(call, 0);
    const type = compiler.typeOf(subject);
    if (type !== undefined && type !== "HLL")
      throw new AelError(`${name}() needs an HLL, got ${type}`, subject.pos);
    return hllCall(name, compiler.emit(subject, "HLL"), call.args[1], compiler, call.pos);
  }
  switch (name) {
    case "abs": {
      const type = compiler.numericType(call, want);
      return fixed(Op.ABS, compiler.numeric(arg(call, 0), type));
    }
    case "ceil":
    case "floor":
      return fixed(name === "ceil" ? Op.CEIL : Op.FLOOR, compiler.numeric(arg(call, 0), "FLOAT"));
    case "log":
    case "pow":
      return fixed(
        name === "log" ? Op.LOG : Op.POW,
        compiler.numeric(arg(call, 0), "FLOAT"),
        compiler.numeric(arg(call, 1), "FLOAT"),
      );
    case "min":
    case "max": {
      const type = compiler.numericType(call, want);
      return variadic(
        name === "min" ? Op.MIN : Op.MAX,
        ...call.args.map((a) => compiler.numeric(a, type)),
      );
    }
    case "countOneBits":
      return fixed(Op.INT_COUNT, compiler.integer(arg(call, 0)));
    case "findBitLeft":
    case "findBitRight":
      return fixed(
        name === "findBitLeft" ? Op.INT_LSCAN : Op.INT_RSCAN,
        compiler.integer(arg(call, 0)),
        compiler.boolean(arg(call, 1)),
      );
    case "geoJson": {
      const value = arg(call, 0);
      if (value.kind === "string") return geoEntry(value.value);
      if (value.kind === "placeholder") return geoOperand(value, compiler);
      throw new AelError("geoJson() takes a string literal or a placeholder", value.pos);
    }
    case "geoCompare":
      return fixed(
        Op.CMP_GEO,
        geoOperand(arg(call, 0), compiler),
        geoOperand(arg(call, 1), compiler),
      );
  }
  throw new AelError(`Unknown function '${name}'`, call.pos);
}

import { AelError } from "./ael-error.js";
import { type AelValue, aelValueType } from "./ael-value.js";
import { childrenOf, type Node } from "./ast.js";
import { compileFunction, functionType } from "./compile-functions.js";
import { compileMetadata, metadataType } from "./compile-metadata.js";
import { compilePath, endsInValueSelector, pathType } from "./compile-path.js";
import { type AelType, CallSystem, ExpType, ListOp, Op, ReturnType } from "./exp-codes.js";
import {
  boolEntry,
  bytesEntry,
  type ClientValue,
  callEntry,
  Double,
  type ExpEntry,
  fixed,
  floatEntry,
  intEntry,
  rawString,
  smallInt,
  stringEntry,
  toClientValue,
  unsendable,
  valueEntries,
  valueEntry,
  variadic,
} from "./exp-entries.js";

const COMPARE_OPS = {
  "==": Op.CMP_EQ,
  "!=": Op.CMP_NE,
  ">": Op.CMP_GT,
  ">=": Op.CMP_GE,
  "<": Op.CMP_LT,
  "<=": Op.CMP_LE,
};
const ARITHMETIC_VARIADIC: Record<string, number> = {
  "+": Op.ADD,
  "-": Op.SUB,
  "*": Op.MUL,
  "/": Op.DIV,
};
const INTEGER_OPS: Record<string, { op: number; variadic: boolean }> = {
  "&": { op: Op.INT_AND, variadic: true },
  "|": { op: Op.INT_OR, variadic: true },
  "^": { op: Op.INT_XOR, variadic: true },
  "<<": { op: Op.INT_LSHIFT, variadic: false },
  ">>": { op: Op.INT_ARSHIFT, variadic: false },
  ">>>": { op: Op.INT_RSHIFT, variadic: false },
};
const NUMERIC = new Set<AelType>(["INT", "FLOAT"]);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

type Scope = ReadonlyMap<string, AelType>;

/**
 * Turns a parsed expression into the client's expression array. Types flow two ways: each
 * node reports the type it is known to produce (`typeOf`), and `emit` passes down the type
 * its context expects, which decides how untyped bins and CDT reads are read.
 */
export class Compiler {
  private scope: Scope = new Map();

  constructor(private readonly placeholders: readonly AelValue[]) {}

  placeholder(node: Extract<Node, { kind: "placeholder" }>): AelValue {
    const value = this.placeholders[node.index];
    if (value === undefined) {
      throw new AelError(
        `Placeholder ?${node.index} has no value (${this.placeholders.length} given)`,
        node.pos,
      );
    }
    const problem = unsendable(value);
    if (problem !== undefined)
      throw new AelError(`Placeholder ?${node.index}: ${problem}`, node.pos);
    return value;
  }

  /** The type `node` is known to produce, or undefined when only its context can tell. */
  typeOf(node: Node): AelType | undefined {
    switch (node.kind) {
      case "int":
        return "INT";
      case "float":
        return "FLOAT";
      case "string":
        return "STRING";
      case "bool":
        return "BOOL";
      case "list":
        return "LIST";
      case "map":
        return "MAP";
      case "placeholder":
        return aelValueType(this.placeholder(node));
      case "var":
        return this.scope.get(node.name);
      case "path":
        return pathType(node);
      case "meta":
        return metadataType(node);
      case "binary":
        if (node.op in INTEGER_OPS || node.op === "%") return "INT";
        return this.arithmeticType([node.left, node.right]);
      case "negate":
        return this.typeOf(node.operand);
      case "intNot":
        return "INT";
      case "compare":
      case "in":
      case "and":
      case "or":
      case "exclusive":
      case "not":
        return "BOOL";
      case "let":
        return this.withDefinitions(node, () => this.typeOf(node.body));
      case "when":
        return this.branchType(node);
      case "call":
        return functionType(node, this);
      case "cast":
        return node.to;
      case "unknown":
        // The server types `unknown` as a boolean; only when() branches may mix it with others.
        return "BOOL";
    }
  }

  /** Emits `node`, reading untyped bins and CDT values as `want` (INT when nothing tells). */
  emit(node: Node, want: AelType | undefined): ExpEntry[] {
    switch (node.kind) {
      case "int":
        return intEntry(node.value);
      case "float":
        return floatEntry(node.value);
      case "string":
        return want === "BLOB"
          ? bytesEntry(decodeBase64(node.value, node.pos))
          : stringEntry(node.value);
      case "bool":
        return boolEntry(node.value);
      case "list":
      case "map":
        return valueEntry(this.constant(node));
      case "placeholder":
        return valueEntries(this.placeholder(node));
      case "var":
        if (!this.scope.has(node.name))
          throw new AelError(`Unknown variable '${node.name}'`, node.pos);
        return fixed(Op.VAR, rawString(node.name));
      case "path":
        return compilePath(node, want, this);
      case "meta":
        return compileMetadata(node, want);
      case "binary":
        return this.binary(node, want);
      case "negate": {
        const type = this.numericType(node, want);
        return variadic(
          Op.SUB,
          type === "FLOAT" ? floatEntry(0) : smallInt(0),
          this.numeric(node.operand, type),
        );
      }
      case "intNot":
        return fixed(Op.INT_NOT, this.integer(node.operand));
      case "compare":
        return this.compare(node);
      case "in":
        return this.membership(node);
      case "and":
      case "or":
      case "exclusive": {
        const op = node.kind === "and" ? Op.AND : node.kind === "or" ? Op.OR : Op.EXCLUSIVE;
        return variadic(op, ...node.operands.map((o) => this.boolean(o)));
      }
      case "not":
        return fixed(Op.NOT, this.boolean(node.operand));
      case "let":
        return this.letExpression(node, want);
      case "when": {
        const type = this.branchType(node) ?? want;
        const branches = node.cases.flatMap((c) => [
          this.boolean(c.cond),
          this.operand(c.action, type),
        ]);
        return variadic(Op.COND, ...branches, this.operand(node.otherwise, type));
      }
      case "call":
        return compileFunction(node, want, this);
      case "cast":
        return fixed(
          node.to === "INT" ? Op.TO_INT : Op.TO_FLOAT,
          this.emit(node.operand, undefined),
        );
      case "unknown":
        return [{ op: Op.UNKNOWN, count: 1 }];
    }
  }

  /** Emits `node` as a boolean operand, rejecting operands of another known type. */
  boolean(node: Node): ExpEntry[] {
    const type = this.typeOf(node);
    if (type !== undefined && type !== "BOOL") {
      throw new AelError(`Expected a boolean expression, got ${type}`, node.pos);
    }
    return this.emit(node, "BOOL");
  }

  /** Emits `node` as an integer operand. */
  integer(node: Node): ExpEntry[] {
    const type = this.typeOf(node);
    if (type !== undefined && type !== "INT") {
      throw new AelError(`Expected an INT operand, got ${type}`, node.pos);
    }
    return this.emit(node, "INT");
  }

  /**
   * The type of arithmetic over `operands`: the server wants all of them INT or all FLOAT,
   * so a FLOAT anywhere makes it FLOAT (int constants are converted), else INT if any is INT.
   */
  arithmeticType(operands: readonly Node[]): AelType | undefined {
    // Int constants can become floats, so they only decide when nothing else does.
    const typed = operands.filter((o) => this.intConstant(o) === undefined);
    const types = typed.map((o) => this.typeOf(o));
    if (types.includes("FLOAT")) return "FLOAT";
    if (types.includes("INT")) return "INT";
    return typed.length === 0 ? "INT" : undefined;
  }

  /** The numeric type of an arithmetic node, checking what its context wants of it. */
  numericType(node: Node, want: AelType | undefined, fallback: AelType = "INT"): AelType {
    const wanted = want !== undefined && NUMERIC.has(want) ? want : undefined;
    const type = this.typeOf(node) ?? wanted ?? fallback;
    if (!NUMERIC.has(type)) {
      throw new AelError(`Arithmetic needs INT or FLOAT operands, got ${type}`, node.pos);
    }
    return type;
  }

  /** Emits an arithmetic operand of `type`, converting int constants to floats where needed. */
  numeric(node: Node, type: AelType): ExpEntry[] {
    const own = this.typeOf(node);
    if (own !== undefined && !NUMERIC.has(own)) {
      throw new AelError(`Cannot use ${own} in arithmetic`, node.pos);
    }
    if (own !== undefined && own !== type && this.intConstant(node) === undefined) {
      throw new AelError(
        `Cannot mix ${own} and ${type} in arithmetic; convert with asInt() or asFloat()`,
        node.pos,
      );
    }
    return this.operand(node, type);
  }

  /** The value of an int literal or int placeholder, which can stand in for a float. */
  intConstant(node: Node): bigint | undefined {
    if (node.kind === "int") return node.value;
    if (node.kind === "placeholder") {
      const value = this.placeholder(node);
      if (value.type === "int") return value.value;
    }
    return undefined;
  }

  /** Emits `node` where `want` is expected; an int constant becomes a float where one is wanted. */
  operand(node: Node, want: AelType | undefined): ExpEntry[] {
    const constant = want === "FLOAT" ? this.intConstant(node) : undefined;
    return constant === undefined ? this.emit(node, want) : floatEntry(Number(constant));
  }

  // The server wants every branch of a cond to have one type (unknown aside).
  private branchType(node: Extract<Node, { kind: "when" }>): AelType | undefined {
    const branches = [...node.cases.map((c) => c.action), node.otherwise];
    const typed = branches
      .filter((b) => b.kind !== "unknown")
      .map((b) => ({
        branch: b,
        type: this.typeOf(b),
        constant: this.intConstant(b) !== undefined,
      }));
    const type =
      typed.find((t) => t.type !== undefined && !t.constant)?.type ??
      typed.find((t) => t.type !== undefined)?.type;
    for (const { branch, type: own, constant } of typed) {
      if (own === undefined || own === type || (type === "FLOAT" && constant)) continue;
      throw new AelError(
        `when() branches must all have one type, got ${type} and ${own}`,
        branch.pos,
      );
    }
    return type;
  }

  private binary(node: Extract<Node, { kind: "binary" }>, want: AelType | undefined): ExpEntry[] {
    const integer = INTEGER_OPS[node.op];
    if (integer !== undefined) {
      const args = [this.integer(node.left), this.integer(node.right)];
      return integer.variadic ? variadic(integer.op, ...args) : fixed(integer.op, ...args);
    }
    for (const operand of [node.left, node.right]) {
      const own = this.typeOf(operand);
      if (own !== undefined && !NUMERIC.has(own)) {
        throw new AelError(`Cannot use ${own} in arithmetic`, operand.pos);
      }
    }
    if (node.op === "%") return fixed(Op.MOD, this.integer(node.left), this.integer(node.right));
    const type = this.numericType(node, want);
    if (node.op === "**") {
      // The server's pow takes floats only; an integer power is computed in floats.
      if (type === "FLOAT") {
        return fixed(Op.POW, this.numeric(node.left, type), this.numeric(node.right, type));
      }
      const asFloat = (operand: Node) => {
        const constant = this.intConstant(operand);
        if (constant !== undefined) return floatEntry(Number(constant));
        return fixed(Op.TO_FLOAT, this.numeric(operand, "INT"));
      };
      return fixed(Op.TO_INT, fixed(Op.POW, asFloat(node.left), asFloat(node.right)));
    }
    const op = ARITHMETIC_VARIADIC[node.op] as number;
    return variadic(op, this.numeric(node.left, type), this.numeric(node.right, type));
  }

  private compare(node: Extract<Node, { kind: "compare" }>): ExpEntry[] {
    const left = this.typeOf(node.left);
    const right = this.typeOf(node.right);
    for (const [side, type] of [
      [node.left, left],
      [node.right, right],
    ] as const) {
      if (type === "GEO")
        throw new AelError("GeoJSON values are compared with geoCompare()", side.pos);
      if (type === "HLL") throw new AelError("HLL values cannot be compared", side.pos);
      if (type === "NIL") {
        throw new AelError("Nothing compares equal to nil; test a bin with exists()", side.pos);
      }
    }
    this.checkComparable(node, left, right);
    const type = left ?? right ?? "INT";
    return fixed(
      COMPARE_OPS[node.op],
      this.operand(node.left, right ?? type),
      this.operand(node.right, left ?? type),
    );
  }

  // The server compares two values of one type only.
  private checkComparable(
    node: Extract<Node, { kind: "compare" }>,
    left: AelType | undefined,
    right: AelType | undefined,
  ): void {
    const fail = (l: string, r: string): never => {
      const hint =
        endsInValueSelector(node.left) || endsInValueSelector(node.right)
          ? " (a value selector yields a list of matches; use .exists() or .count())"
          : "";
      throw new AelError(`Cannot compare ${l} to ${r}${hint}`, node.pos);
    };
    if (left !== undefined && right !== undefined) {
      if (left === right) return;
      if (left === "FLOAT" && this.intConstant(node.right) !== undefined) return;
      if (right === "FLOAT" && this.intConstant(node.left) !== undefined) return;
      if (left === "BLOB" && node.right.kind === "string") return;
      if (right === "BLOB" && node.left.kind === "string") return;
      fail(left, right);
    }
    const leftDefault = left === undefined ? arithmeticDefault(node.left) : undefined;
    const rightDefault = right === undefined ? arithmeticDefault(node.right) : undefined;
    if (leftDefault !== undefined && right !== undefined && !NUMERIC.has(right))
      fail(leftDefault, right);
    if (rightDefault !== undefined && left !== undefined && !NUMERIC.has(left))
      fail(left, rightDefault);
  }

  private membership(node: Extract<Node, { kind: "in" }>): ExpEntry[] {
    const listType = this.typeOf(node.right);
    if (listType !== undefined && listType !== "LIST") {
      const variable = node.right.kind === "var" ? ` (variable '${node.right.name}')` : "";
      throw new AelError(
        `The right side of 'in' must be a LIST, got ${listType}${variable}`,
        node.right.pos,
      );
    }
    const listElement = this.elementType(node.right);
    const elementType = this.typeOf(node.left) ?? listElement;
    if (elementType === undefined) {
      throw new AelError(
        "Cannot infer the type of the left side of 'in'; state it with .get(type: …)",
        node.left.pos,
      );
    }
    const list = this.emit(node.right, "LIST");
    const value = this.emit(node.left, elementType);
    return callEntryExists(value, list);
  }

  // The element type of a literal or placeholder list, which must have a single type.
  private elementType(node: Node): AelType | undefined {
    let types: (AelType | undefined)[] = [];
    if (node.kind === "list") types = node.items.map((item) => this.typeOf(item));
    else if (node.kind === "placeholder") {
      const value = this.placeholder(node);
      if (value.type === "list") types = value.value.map(aelValueType);
    }
    const first = types[0];
    if (types.some((t) => t !== first)) {
      throw new AelError("The elements of an 'in' list must all have one type", node.pos);
    }
    return first;
  }

  private letExpression(
    node: Extract<Node, { kind: "let" }>,
    want: AelType | undefined,
  ): ExpEntry[] {
    const outer = this.scope;
    const scope = new Map(outer);
    const defs: ExpEntry[][] = [];
    try {
      node.defs.forEach((def, index) => {
        this.scope = scope;
        // The server refuses a name already bound in this let or an enclosing one.
        if (scope.has(def.name)) {
          throw new AelError(`Variable '${def.name}' is already defined`, def.pos);
        }
        const type = this.definitionType(node, index);
        defs.push([...rawString(def.name), ...this.emit(def.value, type)]);
        scope.set(def.name, type);
      });
      this.scope = scope;
      return variadic(Op.LET, ...defs, this.emit(node.body, want));
    } finally {
      this.scope = outer;
    }
  }

  /**
   * The type of the `index`th variable of a let: its value's own type, else the type of what
   * it is compared with or computed with in the rest of the let, else INT.
   */
  private definitionType(node: Extract<Node, { kind: "let" }>, index: number): AelType {
    const def = node.defs[index] as (typeof node.defs)[number];
    const own = this.typeOf(def.value);
    if (own !== undefined) return own;
    const later = [...node.defs.slice(index + 1).map((d) => d.value), node.body];
    for (const tree of later) {
      const hint = this.usageType(def.name, tree);
      if (hint !== undefined) return hint;
    }
    return "INT";
  }

  // Looks for `${name} <op> other` (or the mirror) where the other side has a known type.
  private usageType(name: string, node: Node): AelType | undefined {
    const isVar = (n: Node) => n.kind === "var" && n.name === name;
    if (node.kind === "compare" || (node.kind === "binary" && !(node.op in INTEGER_OPS))) {
      const other = isVar(node.left) ? node.right : isVar(node.right) ? node.left : undefined;
      const type = other === undefined || other.kind === "var" ? undefined : this.typeOf(other);
      if (
        type !== undefined &&
        !(node.kind === "binary" && this.intConstant(other as Node) !== undefined)
      ) {
        return type;
      }
    }
    for (const child of childrenOf(node)) {
      const type = this.usageType(name, child);
      if (type !== undefined) return type;
    }
    return undefined;
  }

  private withDefinitions<T>(node: Extract<Node, { kind: "let" }>, body: () => T): T {
    const outer = this.scope;
    const scope = new Map(outer);
    try {
      node.defs.forEach((def, index) => {
        this.scope = scope;
        scope.set(def.name, this.definitionType(node, index));
      });
      this.scope = scope;
      return body();
    } finally {
      this.scope = outer;
    }
  }

  private mapKey(node: Node): ClientValue {
    const type =
      node.kind === "placeholder" ? aelValueType(this.placeholder(node)) : this.typeOf(node);
    if (node.kind !== "placeholder" && node.kind !== "int" && node.kind !== "string") {
      throw new AelError("Map literal keys must be integers or strings", node.pos);
    }
    if (type !== "INT" && type !== "STRING" && type !== "BLOB") {
      throw new AelError(
        `Map literal keys must be integers, strings or blobs, got ${type}`,
        node.pos,
      );
    }
    return this.constant(node);
  }

  /** The client value of a list/map literal (or of a placeholder or literal inside one). */
  constant(node: Node): ClientValue {
    switch (node.kind) {
      case "int":
        return node.value >= -MAX_SAFE && node.value <= MAX_SAFE ? Number(node.value) : node.value;
      case "float":
        return new Double(node.value);
      case "string":
        return node.value;
      case "bool":
        return node.value;
      case "placeholder":
        return toClientValue(this.placeholder(node));
      case "list":
        return node.items.map((item) => this.constant(item));
      case "map":
        return new Map(node.entries.map(([k, v]) => [this.mapKey(k), this.constant(v)]));
      default:
        throw new AelError(
          "List and map literals can only hold constants and placeholders",
          node.pos,
        );
    }
  }
}

/** The numeric type an arithmetic node of unknown operand types will have by default. */
export function arithmeticDefault(node: Node): AelType | undefined {
  if (node.kind === "binary") return "INT";
  if (node.kind === "negate") return arithmeticDefault(node.operand) ?? "INT";
  if (node.kind === "call" && ["abs", "min", "max"].includes(node.name)) return "INT";
  return undefined;
}

function callEntryExists(value: ExpEntry[], list: ExpEntry[]): ExpEntry[] {
  const exists = smallInt(ReturnType.EXISTS);
  return callEntry(
    ExpType.BOOL,
    CallSystem.CDT,
    ListOp.GET_ALL_BY_VALUE,
    [exists, value],
    list,
    null,
  );
}

function decodeBase64(text: string, pos: number): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new AelError("A string compared with a BLOB must be base64", pos);
  }
  return Buffer.from(text, "base64");
}

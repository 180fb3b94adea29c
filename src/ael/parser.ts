import { AelError } from "./ael-error.js";
import type { BinaryOperator, ComparisonOperator, Node } from "./ast.js";
import { lexToken, needsNegation, skipBlanks, type Token } from "./lexer.js";
import { PathParser } from "./path-parser.js";

const COMPARISONS = new Set(["==", "!=", "<", "<=", ">", ">="]);
const BITWISE = new Set(["&", "|", "^"]);
const SHIFTS = new Set(["<<", ">>", ">>>"]);
const INT64_MAX = (1n << 63n) - 1n;
const KEYWORDS = new Set([
  "and",
  "or",
  "not",
  "exclusive",
  "let",
  "then",
  "when",
  "default",
  "true",
  "false",
]);

function describe(token: Token): string {
  return token.kind === "eof"
    ? "end of input"
    : `'${token.kind === "string" ? token.value : token.value.toString()}'`;
}

/** Parses AEL text into an expression tree; throws `AelError` at the first syntax error. */
export function parseAel(text: string): Node {
  const parser = new Parser(text);
  const node = parser.parseExpression();
  const rest = parser.peek();
  if (rest.kind !== "eof")
    throw new AelError(`Unexpected ${describe(rest)} after the end of the expression`, rest.pos);
  return node;
}

class Parser {
  private pos = 0;
  private lookahead: Token | undefined;

  constructor(private readonly text: string) {}

  peek(): Token {
    this.lookahead ??= lexToken(this.text, this.pos);
    return this.lookahead;
  }

  private next(): Token {
    const token = this.peek();
    this.pos = token.end;
    this.lookahead = undefined;
    return token;
  }

  private isPunct(value: string): boolean {
    const token = this.peek();
    return token.kind === "punct" && token.value === value;
  }

  private isWord(value: string): boolean {
    const token = this.peek();
    if (token.kind !== "ident") return false;
    // Only `in` is case-insensitive, as in the reference grammar.
    return value === "in" ? token.value.toLowerCase() === value : token.value === value;
  }

  private expectPunct(value: string): Token {
    const token = this.peek();
    if (token.kind !== "punct" || token.value !== value) {
      throw new AelError(`Expected '${value}', found ${describe(token)}`, token.pos);
    }
    return this.next();
  }

  private expectWord(value: string): void {
    if (!this.isWord(value)) {
      const token = this.peek();
      throw new AelError(`Expected '${value}', found ${describe(token)}`, token.pos);
    }
    this.next();
  }

  parseExpression(): Node {
    return this.parseOr();
  }

  private parseOr(): Node {
    const first = this.parseAnd();
    const operands = [first];
    while (this.isWord("or")) {
      this.next();
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? first : { kind: "or", operands, pos: first.pos };
  }

  private parseAnd(): Node {
    const first = this.parseComparison();
    const operands = [first];
    while (this.isWord("and")) {
      this.next();
      operands.push(this.parseComparison());
    }
    return operands.length === 1 ? first : { kind: "and", operands, pos: first.pos };
  }

  private parseComparison(): Node {
    const left = this.parseBitwise();
    const token = this.peek();
    if (token.kind === "punct" && COMPARISONS.has(token.value)) {
      this.next();
      const right = this.parseBitwise();
      return { kind: "compare", op: token.value as ComparisonOperator, left, right, pos: left.pos };
    }
    if (this.isWord("in")) {
      this.next();
      const right = this.parseBitwise();
      return { kind: "in", left, right, pos: left.pos };
    }
    return left;
  }

  private parseLeftAssociative(operators: Set<string>, operand: () => Node): Node {
    let left = operand();
    for (;;) {
      const token = this.peek();
      if (token.kind !== "punct" || !operators.has(token.value)) return left;
      this.next();
      const right = operand();
      left = { kind: "binary", op: token.value as BinaryOperator, left, right, pos: left.pos };
    }
  }

  private parseBitwise(): Node {
    return this.parseLeftAssociative(BITWISE, () => this.parseShift());
  }

  private parseShift(): Node {
    return this.parseLeftAssociative(SHIFTS, () => this.parseAdditive());
  }

  private parseAdditive(): Node {
    return this.parseLeftAssociative(new Set(["+", "-"]), () => this.parseMultiplicative());
  }

  private parseMultiplicative(): Node {
    return this.parseLeftAssociative(new Set(["*", "/", "%"]), () => this.parsePower());
  }

  private parsePower(): Node {
    const base = this.parseUnary();
    if (!this.isPunct("**")) return base;
    this.next();
    const exponent = this.parsePower();
    return { kind: "binary", op: "**", left: base, right: exponent, pos: base.pos };
  }

  parseUnary(): Node {
    const token = this.peek();
    if (
      token.kind === "punct" &&
      (token.value === "-" || token.value === "+" || token.value === "~")
    ) {
      this.next();
      if (token.value === "-") return this.negate(token.pos);
      const operand = this.parseUnary();
      if (token.value === "+") return operand;
      return { kind: "intNot", operand, pos: token.pos };
    }
    return this.parseOperand();
  }

  // A minus directly before a number literal folds into the literal, so that
  // -9223372036854775808 and -5.asFloat() mean what they say.
  private negate(pos: number): Node {
    const token = this.peek();
    const operand =
      token.kind === "int" || token.kind === "float" ? this.parseNumber(pos) : this.parseUnary();
    if (operand.kind === "int") {
      if (-operand.value > INT64_MAX) {
        throw new AelError("Integer literal out of range for a 64-bit integer", pos);
      }
      return { kind: "int", value: -operand.value, pos };
    }
    if (operand.kind === "float") return { kind: "float", value: -operand.value, pos };
    if (operand.kind === "cast" && operand.operand.kind === "int") {
      return { ...operand, operand: { kind: "int", value: -operand.operand.value, pos }, pos };
    }
    if (operand.kind === "cast" && operand.operand.kind === "float") {
      return { ...operand, operand: { kind: "float", value: -operand.operand.value, pos }, pos };
    }
    return { kind: "negate", operand, pos };
  }

  private parseOperand(): Node {
    const token = this.peek();
    switch (token.kind) {
      case "int":
      case "float":
        return this.parseNumber();
      case "string":
        this.next();
        return { kind: "string", value: token.value, pos: token.pos };
      case "placeholder":
        this.next();
        return { kind: "placeholder", index: token.value, pos: token.pos };
      case "var":
        this.next();
        return { kind: "var", name: token.value, pos: token.pos };
      case "ident":
        return this.parseWordOperand(token);
      case "punct":
        return this.parsePunctOperand(token);
      case "eof":
        throw new AelError("Unexpected end of input, expected an operand", token.pos);
    }
  }

  private parseNumber(negatedAt?: number): Node {
    const token = this.next();
    if (token.kind === "int" && needsNegation(token) && negatedAt === undefined) {
      throw new AelError("Integer literal out of range for a 64-bit integer", token.pos);
    }
    const literal: Node =
      token.kind === "int"
        ? { kind: "int", value: token.value as bigint, pos: token.pos }
        : { kind: "float", value: token.value as number, pos: token.pos };
    if (!this.isPunct(".")) return literal;
    const dot = this.next();
    const name = this.peek();
    if (name.kind === "ident" && (name.value === "asInt" || name.value === "asFloat")) {
      this.next();
      this.expectPunct("(");
      this.expectPunct(")");
      return {
        kind: "cast",
        to: name.value === "asInt" ? "INT" : "FLOAT",
        operand: literal,
        pos: token.pos,
      };
    }
    throw new AelError("Expected asInt() or asFloat() after '.'", dot.pos);
  }

  private parsePunctOperand(token: Token): Node {
    if (token.value === "(") {
      this.next();
      const inner = this.parseExpression();
      this.expectPunct(")");
      return inner;
    }
    if (token.value === "[") return this.parseListLiteral();
    if (token.value === "{") return this.parseMapLiteral();
    if (token.value === "$.") {
      this.next();
      const parser = new PathParser(this.text, this.pos, (pos) => this.parseSubExpression(pos));
      const { node, end } = parser.parse(token.pos);
      this.pos = end;
      this.lookahead = undefined;
      return node;
    }
    throw new AelError(`Unexpected ${describe(token)}, expected an operand`, token.pos);
  }

  private parseSubExpression(pos: number): { node: Node; end: number } {
    this.pos = pos;
    this.lookahead = undefined;
    const node = this.parseExpression();
    return { node, end: this.peek().pos };
  }

  private parseListLiteral(): Node {
    const open = this.next();
    const items: Node[] = [];
    if (!this.isPunct("]")) {
      for (;;) {
        items.push(this.parseUnary());
        if (!this.isPunct(",")) break;
        this.next();
      }
    }
    this.expectPunct("]");
    return { kind: "list", items, pos: open.pos };
  }

  private parseMapLiteral(): Node {
    const open = this.next();
    const entries: [Node, Node][] = [];
    if (!this.isPunct("}")) {
      for (;;) {
        const key = this.parseUnary();
        this.expectPunct(":");
        entries.push([key, this.parseUnary()]);
        if (!this.isPunct(",")) break;
        this.next();
      }
    }
    this.expectPunct("}");
    return { kind: "map", entries, pos: open.pos };
  }

  private parseWordOperand(token: Token): Node {
    const word = token.value as string;
    switch (word) {
      case "true":
      case "false":
        this.next();
        return { kind: "bool", value: word === "true", pos: token.pos };
      case "not": {
        this.next();
        this.expectPunct("(");
        const operand = this.parseExpression();
        this.expectPunct(")");
        return { kind: "not", operand, pos: token.pos };
      }
      case "exclusive":
        return this.parseExclusive(token.pos);
      case "let":
        return this.parseLet(token.pos);
      case "when":
        return this.parseWhen(token.pos);
      case "unknown":
      case "error":
        if (this.text[skipBlanks(this.text, token.end)] !== "(") {
          this.next();
          return { kind: "unknown", pos: token.pos };
        }
    }
    if (KEYWORDS.has(word) || word.toLowerCase() === "in") {
      throw new AelError(`Unexpected '${word}', expected an operand`, token.pos);
    }
    this.next();
    if (!this.isPunct("(")) {
      throw new AelError(
        `Unexpected identifier '${word}': bins are written $.${word} and strings are quoted`,
        token.pos,
      );
    }
    this.next();
    const args = [this.parseExpression()];
    while (this.isPunct(",")) {
      this.next();
      args.push(this.parseExpression());
    }
    this.expectPunct(")");
    return { kind: "call", name: word, args, pos: token.pos };
  }

  private parseExclusive(pos: number): Node {
    this.next();
    this.expectPunct("(");
    const operands = [this.parseExpression()];
    while (this.isPunct(",")) {
      this.next();
      operands.push(this.parseExpression());
    }
    const close = this.expectPunct(")");
    if (operands.length < 2)
      throw new AelError("exclusive() needs at least two operands", close.pos);
    return { kind: "exclusive", operands, pos };
  }

  private parseLet(pos: number): Node {
    this.next();
    this.expectPunct("(");
    const defs: { name: string; value: Node; pos: number }[] = [];
    for (;;) {
      const name = this.peek();
      if (name.kind !== "ident" || KEYWORDS.has(name.value)) {
        throw new AelError(`Expected a variable name, found ${describe(name)}`, name.pos);
      }
      this.next();
      this.expectPunct("=");
      defs.push({ name: name.value, value: this.parseExpression(), pos: name.pos });
      if (!this.isPunct(",")) break;
      this.next();
    }
    this.expectPunct(")");
    this.expectWord("then");
    this.expectPunct("(");
    const body = this.parseExpression();
    this.expectPunct(")");
    return { kind: "let", defs, body, pos };
  }

  private parseWhen(pos: number): Node {
    this.next();
    this.expectPunct("(");
    const cases: { cond: Node; action: Node }[] = [];
    for (;;) {
      if (this.isWord("default")) {
        this.next();
        this.expectPunct("=>");
        const otherwise = this.parseExpression();
        this.expectPunct(")");
        if (cases.length === 0)
          throw new AelError("when() needs at least one condition before default", pos);
        return { kind: "when", cases, otherwise, pos };
      }
      const cond = this.parseExpression();
      this.expectPunct("=>");
      cases.push({ cond, action: this.parseExpression() });
      const token = this.peek();
      if (!this.isPunct(",")) {
        throw new AelError(
          `Expected ',' and a default branch in when(), found ${describe(token)}`,
          token.pos,
        );
      }
      this.next();
    }
  }
}

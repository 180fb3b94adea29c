import { AelError } from "./ael-error.js";
import type { HllFunctionName, Node, PathFunction, PathPart, PathValue } from "./ast.js";
import type { AelReturnType, AelType } from "./exp-codes.js";
import { isDigit, skipBlanks } from "./lexer.js";
import { describe, INT32_MAX, INT64_MAX, INT64_MIN, isNameChar } from "./path-cursor.js";
import { SelectorParser } from "./path-selectors.js";

/** Parses an expression starting at a text offset; returns the node and the offset after it. */
export type SubExpressionParser = (pos: number) => { node: Node; end: number };

const METADATA_NO_ARGS = new Set([
  "deviceSize",
  "memorySize",
  "recordSize",
  "isTombstone",
  "keyExists",
  "lastUpdate",
  "sinceUpdate",
  "setName",
  "ttl",
  "voidTime",
]);

const HLL_FUNCTIONS = new Set<string>([
  "hllCount",
  "hllDescribe",
  "hllUnion",
  "hllUnionCount",
  "hllIntersectCount",
  "hllSimilarity",
  "hllMayContain",
]);
const HLL_WITH_ARGUMENT = new Set<string>([
  "hllUnion",
  "hllUnionCount",
  "hllIntersectCount",
  "hllSimilarity",
  "hllMayContain",
]);

const MODIFYING_FUNCTIONS = new Set([
  "remove",
  "insert",
  "set",
  "append",
  "increment",
  "clear",
  "sort",
]);

const TYPES = new Set<string>([
  "INT",
  "STRING",
  "HLL",
  "BLOB",
  "FLOAT",
  "BOOL",
  "LIST",
  "MAP",
  "GEO",
]);
const RETURN_TYPES = new Set<string>([
  "VALUE",
  "KEY_VALUE",
  "UNORDERED_MAP",
  "ORDERED_MAP",
  "KEY",
  "INDEX",
  "RANK",
  "COUNT",
  "NONE",
  "EXISTS",
  "REVERSE_INDEX",
  "REVERSE_RANK",
]);

const MAX_BIN_NAME_BYTES = 15;

const INT_KEY = /^[-+]?(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)$/;

// A bare key made of digits (decimal, hex or binary, optionally signed) is an integer key;
// quote it ('55') for a string key.
function mapKeyOf(word: string, pos: number): PathValue {
  if (!INT_KEY.test(word)) return word;
  const negative = word.startsWith("-");
  const digits = word.replace(/^[-+]/, "").toLowerCase();
  const value = negative ? -BigInt(digits) : BigInt(digits);
  if (value < INT64_MIN || value > INT64_MAX)
    throw new AelError(`Integer ${word} out of range`, pos);
  return value;
}

/**
 * Parses what follows `$.`: a record-metadata function or a bin path with its list/map
 * selectors and closing path function. Works on characters because path selectors have
 * their own little syntax (`[=a,b]`, `{!#-3:-1~b}`, `{a-c}`).
 */
/**
 * Parses what follows `$.`: a record-metadata function or a bin path with its list/map
 * selectors and closing path function. Works on characters because path selectors have
 * their own little syntax (`[=a,b]`, `{!#-3:-1~b}`, `{a-c}`).
 */
export class PathParser extends SelectorParser {
  constructor(
    text: string,
    start: number,
    private readonly parseSub: SubExpressionParser,
  ) {
    super(text, start);
  }

  parse(nodePos: number): { node: Node; end: number } {
    const namePos = this.pos;
    const bin = this.readBinName();
    if (this.text[this.pos] === "(") {
      return { node: this.parseMetadata(bin, namePos, nodePos), end: this.pos };
    }
    if (Buffer.byteLength(bin, "utf8") > MAX_BIN_NAME_BYTES) {
      throw new AelError(`Bin name '${bin}' is longer than ${MAX_BIN_NAME_BYTES} bytes`, namePos);
    }
    if (bin.length === 0) throw new AelError("Bin names cannot be empty", namePos);
    const parts: PathPart[] = [];
    let fn: PathFunction | undefined;
    while (this.text[this.pos] === ".") {
      const next = this.text[this.pos + 1];
      if (next === "[") {
        this.pos += 1;
        parts.push(this.parseListPart());
      } else if (next === "{") {
        this.pos += 1;
        parts.push(this.parseMapPart());
      } else if (next === "'" || next === '"') {
        this.pos += 1;
        const keyPos = this.pos;
        parts.push({ kind: "mapKey", key: this.readQuoted(), pos: keyPos });
      } else if (
        isNameChar(next) ||
        ((next === "-" || next === "+") && isDigit(this.text[this.pos + 2]))
      ) {
        this.pos += 1;
        const keyPos = this.pos;
        const word = this.readWord();
        const open = skipBlanks(this.text, this.pos);
        if (this.text[open] === "(") {
          this.pos = open;
          fn = this.parsePathFunction(word, keyPos);
          break;
        }
        parts.push({
          kind: "mapKey",
          key: mapKeyOf(word, keyPos),
          pos: keyPos,
        });
      } else {
        throw new AelError(
          `Expected a path element after '.', found ${describe(this.text, this.pos + 1)}`,
          this.pos + 1,
        );
      }
    }
    const node: Node =
      fn === undefined
        ? { kind: "path", bin, parts, pos: nodePos }
        : { kind: "path", bin, parts, fn, pos: nodePos };
    return { node, end: this.pos };
  }

  protected readBinName(): string {
    const ch = this.text[this.pos];
    if (ch === "'" || ch === '"') return this.readQuoted();
    const start = this.pos;
    while (isNameChar(this.text[this.pos])) this.pos++;
    if (this.pos === start) {
      throw new AelError(
        `Expected a bin name or metadata function after '$.', found ${describe(this.text, start)}`,
        start,
      );
    }
    return this.text.slice(start, this.pos);
  }

  protected parseMetadata(name: string, namePos: number, nodePos: number): Node {
    this.pos++;
    if (METADATA_NO_ARGS.has(name)) {
      this.expect(")");
      return { kind: "meta", name, pos: nodePos };
    }
    if (name === "digestModulo") {
      const argPos = skipBlanks(this.text, this.pos);
      const value = this.readSignedInt(false);
      if (value <= 0n || value > BigInt(INT32_MAX)) {
        throw new AelError("digestModulo needs a positive integer", argPos);
      }
      this.expect(")");
      return { kind: "meta", name, arg: value, pos: nodePos };
    }
    if (name === "key") {
      if (this.peek() === ")") {
        this.pos++;
        return { kind: "meta", name, pos: nodePos };
      }
      let word = this.readTypeWord();
      if (word === "type") {
        this.expect(":");
        word = this.readTypeWord();
      }
      if (word !== "INT" && word !== "STRING" && word !== "BLOB") {
        throw new AelError("key() takes INT, STRING or BLOB", this.pos - word.length);
      }
      this.expect(")");
      return { kind: "meta", name, keyType: word, pos: nodePos };
    }
    throw new AelError(`Unknown metadata function '${name}'`, namePos);
  }

  protected parsePathFunction(name: string, pos: number): PathFunction {
    this.pos++;
    if (name === "get") return this.parseGet(pos);
    if (name === "count" || name === "exists") {
      this.expect(")");
      return { kind: name, pos };
    }
    if (name === "asInt" || name === "asFloat") {
      this.expect(")");
      return { kind: "cast", to: name === "asInt" ? "INT" : "FLOAT", pos };
    }
    if (HLL_FUNCTIONS.has(name)) {
      const hllName = name as HllFunctionName;
      if (!HLL_WITH_ARGUMENT.has(name)) {
        this.expect(")");
        return { kind: "hll", name: hllName, pos };
      }
      const { node, end } = this.parseSub(this.pos);
      this.pos = end;
      this.expect(")");
      return { kind: "hll", name: hllName, arg: node, pos };
    }
    if (MODIFYING_FUNCTIONS.has(name)) {
      throw new AelError(
        `Path function '${name}()' modifies data and is not supported in an expression`,
        pos,
      );
    }
    throw new AelError(`Unknown path function '${name}'`, pos);
  }

  protected parseGet(pos: number): PathFunction {
    let type: AelType | undefined;
    let returnType: AelReturnType | undefined;
    if (this.peek() !== ")") {
      for (;;) {
        const paramPos = skipBlanks(this.text, this.pos);
        const param = this.readTypeWord();
        this.expect(":");
        const valuePos = skipBlanks(this.text, this.pos);
        const value = this.readTypeWord();
        if (param === "type" && TYPES.has(value)) type = value as AelType;
        else if (param === "return" && RETURN_TYPES.has(value)) returnType = value as AelReturnType;
        else if (param === "type" || param === "return") {
          throw new AelError(`Unknown ${param} '${value}' in get()`, valuePos);
        } else throw new AelError(`Unknown get() parameter '${param}'`, paramPos);
        if (this.peek() !== ",") break;
        this.pos++;
      }
    }
    this.expect(")");
    const fn: { kind: "get"; pos: number; type?: AelType; returnType?: AelReturnType } = {
      kind: "get",
      pos,
    };
    if (type !== undefined) fn.type = type;
    if (returnType !== undefined) fn.returnType = returnType;
    return fn;
  }
}

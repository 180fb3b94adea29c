import { AelError } from "./ael-error.js";
import type { HllFunctionName, Node, PathFunction, PathPart, PathValue } from "./ast.js";
import type { AelReturnType, AelType } from "./exp-codes.js";
import { isDigit, skipBlanks } from "./lexer.js";

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
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

function isNameChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_@]/.test(ch);
}

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

function describe(text: string, pos: number): string {
  return pos >= text.length ? "end of input" : `'${text[pos]}'`;
}

/**
 * Parses what follows `$.`: a record-metadata function or a bin path with its list/map
 * selectors and closing path function. Works on characters because path selectors have
 * their own little syntax (`[=a,b]`, `{!#-3:-1~b}`, `{a-c}`).
 */
export class PathParser {
  private pos: number;

  constructor(
    private readonly text: string,
    start: number,
    private readonly parseSub: SubExpressionParser,
  ) {
    this.pos = start;
  }

  /** Parses the path or metadata call; returns the node and the offset after it. */
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

  private readBinName(): string {
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

  private readWord(): string {
    const start = this.pos;
    if (this.text[this.pos] === "-" || this.text[this.pos] === "+") this.pos++;
    while (isNameChar(this.text[this.pos])) this.pos++;
    return this.text.slice(start, this.pos);
  }

  private readQuoted(): string {
    const quote = this.text[this.pos] as string;
    const close = this.text.indexOf(quote, this.pos + 1);
    if (close < 0) throw new AelError("Unterminated string literal", this.pos);
    const value = this.text.slice(this.pos + 1, close);
    const nul = value.indexOf("\u0000");
    if (nul >= 0) throw new AelError("Strings cannot contain NUL characters", this.pos + 1 + nul);
    this.pos = close + 1;
    return value;
  }

  private expect(ch: string): void {
    this.pos = skipBlanks(this.text, this.pos);
    if (this.text[this.pos] !== ch) {
      throw new AelError(`Expected '${ch}', found ${describe(this.text, this.pos)}`, this.pos);
    }
    this.pos++;
  }

  private peek(): string | undefined {
    this.pos = skipBlanks(this.text, this.pos);
    return this.text[this.pos];
  }

  private parseMetadata(name: string, namePos: number, nodePos: number): Node {
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

  private readTypeWord(): string {
    this.pos = skipBlanks(this.text, this.pos);
    const start = this.pos;
    while (/[A-Za-z_]/.test(this.text[this.pos] ?? "")) this.pos++;
    return this.text.slice(start, this.pos);
  }

  private parsePathFunction(name: string, pos: number): PathFunction {
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

  private parseGet(pos: number): PathFunction {
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

  private readSignedInt(int32: boolean): bigint {
    this.pos = skipBlanks(this.text, this.pos);
    const start = this.pos;
    if (this.text[this.pos] === "-") this.pos++;
    const digitsStart = this.pos;
    while (isDigit(this.text[this.pos])) this.pos++;
    if (this.pos === digitsStart) {
      throw new AelError(`Expected an integer, found ${describe(this.text, digitsStart)}`, start);
    }
    if (
      /[xXbB]/.test(this.text[this.pos] ?? "") &&
      this.text[digitsStart] === "0" &&
      this.pos === digitsStart + 1
    ) {
      throw new AelError("Only decimal integer literals are supported in this element", start);
    }
    const value = BigInt(this.text.slice(start, this.pos));
    const [min, max] = int32 ? [BigInt(INT32_MIN), BigInt(INT32_MAX)] : [INT64_MIN, INT64_MAX];
    if (value < min || value > max) throw new AelError(`Integer ${value} out of range`, start);
    return value;
  }

  private readIndex(): number {
    return Number(this.readSignedInt(true));
  }

  private readValue(): PathValue {
    const ch = this.peek();
    if (ch === "'" || ch === '"') return this.readQuoted();
    if (ch === "-" || isDigit(ch)) {
      const start = this.pos;
      const rest = this.text.slice(start);
      if (/^-?[0-9]+[A-Za-z_]/.test(rest) && !/^-?0[xXbB]/.test(rest)) {
        return this.readWord();
      }
      return this.readSignedInt(false);
    }
    if (isNameChar(ch)) return this.readWord();
    throw new AelError(`Expected a value, found ${describe(this.text, this.pos)}`, this.pos);
  }

  private readValueList(first: PathValue): PathValue[] {
    const values = [first];
    while (this.peek() === ",") {
      this.pos++;
      values.push(this.readValue());
    }
    return values;
  }

  private countFrom(start: number, endPos: number, end: number): number {
    const count = end - start;
    if (count < 0) throw new AelError("Range end is before its start", endPos);
    return count;
  }

  private parseListPart(): PathPart {
    const pos = this.pos;
    this.pos++;
    if (this.peek() === "]") {
      this.pos++;
      return { kind: "listDesignator", pos };
    }
    const inverted = this.peek() === "!";
    if (inverted) this.pos++;
    let part: PathPart;
    if (this.peek() === "=") {
      this.pos++;
      part = this.parseValueSelector("list", inverted, pos);
    } else if (this.peek() === "#") {
      this.pos++;
      part = this.parseRankSelector("list", inverted, pos);
    } else {
      const start = this.readIndex();
      if (this.peek() === ":") {
        this.pos++;
        if (this.peek() === "]") part = { kind: "listIndexRange", inverted, start, pos };
        else {
          const endPos = this.pos;
          part = {
            kind: "listIndexRange",
            inverted,
            start,
            count: this.countFrom(start, endPos, this.readIndex()),
            pos,
          };
        }
      } else {
        if (inverted)
          throw new AelError("Only ranges and value lists can be inverted with '!'", pos + 1);
        part = { kind: "listIndex", index: start, pos };
      }
    }
    this.expect("]");
    return part;
  }

  private parseMapPart(): PathPart {
    const pos = this.pos;
    this.pos++;
    if (this.peek() === "}") {
      this.pos++;
      return { kind: "mapDesignator", pos };
    }
    const inverted = this.peek() === "!";
    if (inverted) this.pos++;
    let part: PathPart;
    const ch = this.peek();
    if (ch === "=") {
      this.pos++;
      part = this.parseValueSelector("map", inverted, pos);
    } else if (ch === "#") {
      this.pos++;
      part = this.parseRankSelector("map", inverted, pos);
    } else if (ch === "-" || (isDigit(ch) && /^[0-9]+\s*[:}~]/.test(this.text.slice(this.pos)))) {
      part = this.parseMapIndexSelector(inverted, pos);
    } else {
      const first = this.readValue();
      if (this.peek() === "-") {
        this.pos++;
        if (this.peek() === "}") part = { kind: "mapKeyRange", inverted, begin: first, pos };
        else part = { kind: "mapKeyRange", inverted, begin: first, end: this.readValue(), pos };
      } else {
        part = { kind: "mapKeyList", inverted, keys: this.readValueList(first), pos };
      }
    }
    this.expect("}");
    return part;
  }

  private parseMapIndexSelector(inverted: boolean, pos: number): PathPart {
    const start = this.readIndex();
    if (this.peek() !== ":") {
      if (inverted)
        throw new AelError("Only ranges and value lists can be inverted with '!'", pos + 1);
      return { kind: "mapIndex", index: start, pos };
    }
    this.pos++;
    if (this.peek() === "}") return { kind: "mapIndexRange", inverted, start, pos };
    if (this.peek() === "~") {
      this.pos++;
      return { kind: "mapIndexRelative", inverted, index: start, key: this.readValue(), pos };
    }
    const endPos = this.pos;
    const count = this.countFrom(start, endPos, this.readIndex());
    if (this.peek() === "~") {
      this.pos++;
      return {
        kind: "mapIndexRelative",
        inverted,
        index: start,
        count,
        key: this.readValue(),
        pos,
      };
    }
    return { kind: "mapIndexRange", inverted, start, count, pos };
  }

  private parseValueSelector(container: "list" | "map", inverted: boolean, pos: number): PathPart {
    const first = this.readValue();
    if (this.peek() === ":") {
      this.pos++;
      const closer = container === "list" ? "]" : "}";
      const kind = container === "list" ? "listValueRange" : "mapValueRange";
      if (this.peek() === closer) return { kind, inverted, begin: first, pos };
      return { kind, inverted, begin: first, end: this.readValue(), pos };
    }
    const values = this.readValueList(first);
    if (values.length === 1 && !inverted) {
      return container === "list"
        ? { kind: "listValue", value: first, pos }
        : { kind: "mapValue", value: first, pos };
    }
    return { kind: container === "list" ? "listValueList" : "mapValueList", inverted, values, pos };
  }

  private parseRankSelector(container: "list" | "map", inverted: boolean, pos: number): PathPart {
    const start = this.readIndex();
    const closer = container === "list" ? "]" : "}";
    if (this.peek() !== ":") {
      if (inverted)
        throw new AelError("Only ranges and value lists can be inverted with '!'", pos + 1);
      return container === "list"
        ? { kind: "listRank", rank: start, pos }
        : { kind: "mapRank", rank: start, pos };
    }
    this.pos++;
    const rangeKind = container === "list" ? "listRankRange" : "mapRankRange";
    const relativeKind = container === "list" ? "listRankRelative" : "mapRankRelative";
    if (this.peek() === closer) return { kind: rangeKind, inverted, start, pos };
    if (this.peek() === "~") {
      this.pos++;
      return { kind: relativeKind, inverted, rank: start, value: this.readValue(), pos };
    }
    const endPos = this.pos;
    const count = this.countFrom(start, endPos, this.readIndex());
    if (this.peek() === "~") {
      this.pos++;
      return { kind: relativeKind, inverted, rank: start, count, value: this.readValue(), pos };
    }
    return { kind: rangeKind, inverted, start, count, pos };
  }
}

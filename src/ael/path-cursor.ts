import { AelError } from "./ael-error.js";
import type { PathValue } from "./ast.js";
import { isDigit, skipBlanks } from "./lexer.js";

const INT32_MIN = -(2 ** 31);
/** Largest int32. */
export const INT32_MAX = 2 ** 31 - 1;
/** Smallest int64. */
export const INT64_MIN = -(1n << 63n);
/** Largest int64. */
export const INT64_MAX = (1n << 63n) - 1n;

/** Whether `ch` can be part of a bare bin name, map key or path value. */
export function isNameChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_@]/.test(ch);
}

/** How an error message names the character at `pos`. */
export function describe(text: string, pos: number): string {
  return pos >= text.length ? "end of input" : `'${text[pos]}'`;
}

/** A character cursor with the small readers path syntax is made of. */
export class PathCursor {
  constructor(
    protected readonly text: string,
    protected pos: number,
  ) {}

  protected readWord(): string {
    const start = this.pos;
    if (this.text[this.pos] === "-" || this.text[this.pos] === "+") this.pos++;
    while (isNameChar(this.text[this.pos])) this.pos++;
    return this.text.slice(start, this.pos);
  }

  protected readQuoted(): string {
    const quote = this.text[this.pos] as string;
    const close = this.text.indexOf(quote, this.pos + 1);
    if (close < 0) throw new AelError("Unterminated string literal", this.pos);
    const value = this.text.slice(this.pos + 1, close);
    const nul = value.indexOf("\u0000");
    if (nul >= 0) throw new AelError("Strings cannot contain NUL characters", this.pos + 1 + nul);
    this.pos = close + 1;
    return value;
  }

  protected expect(ch: string): void {
    this.pos = skipBlanks(this.text, this.pos);
    if (this.text[this.pos] !== ch) {
      throw new AelError(`Expected '${ch}', found ${describe(this.text, this.pos)}`, this.pos);
    }
    this.pos++;
  }

  protected peek(): string | undefined {
    this.pos = skipBlanks(this.text, this.pos);
    return this.text[this.pos];
  }

  protected readTypeWord(): string {
    this.pos = skipBlanks(this.text, this.pos);
    const start = this.pos;
    while (/[A-Za-z_]/.test(this.text[this.pos] ?? "")) this.pos++;
    return this.text.slice(start, this.pos);
  }

  protected readSignedInt(int32: boolean): bigint {
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

  protected readIndex(): number {
    return Number(this.readSignedInt(true));
  }

  protected readValue(): PathValue {
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

  protected readValueList(first: PathValue): PathValue[] {
    const values = [first];
    while (this.peek() === ",") {
      this.pos++;
      values.push(this.readValue());
    }
    return values;
  }

  protected countFrom(start: number, endPos: number, end: number): number {
    const count = end - start;
    if (count < 0) throw new AelError("Range end is before its start", endPos);
    return count;
  }
}

import { AelError } from "./ael-error.js";

/** A token of AEL text outside of bin paths (paths are scanned character by character). */
export type Token =
  | {
      readonly kind: "int";
      readonly value: bigint;
      readonly decimal: boolean;
      readonly pos: number;
      readonly end: number;
    }
  | { readonly kind: "float"; readonly value: number; readonly pos: number; readonly end: number }
  | { readonly kind: "string"; readonly value: string; readonly pos: number; readonly end: number }
  | { readonly kind: "ident"; readonly value: string; readonly pos: number; readonly end: number }
  | { readonly kind: "var"; readonly value: string; readonly pos: number; readonly end: number }
  | {
      readonly kind: "placeholder";
      readonly value: number;
      readonly pos: number;
      readonly end: number;
    }
  | { readonly kind: "punct"; readonly value: string; readonly pos: number; readonly end: number }
  | { readonly kind: "eof"; readonly value: ""; readonly pos: number; readonly end: number };

// Longest first, so that "**" wins over "*" and ">>>" over ">>".
const PUNCTUATION = [
  ">>>",
  "$.",
  "==",
  "!=",
  "<=",
  ">=",
  "<<",
  ">>",
  "**",
  "=>",
  "+",
  "-",
  "*",
  "/",
  "%",
  "&",
  "|",
  "^",
  "~",
  "<",
  ">",
  "=",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  ":",
  ".",
];

const INT64_MAX_MAGNITUDE = 1n << 63n;

/** Whether `ch` can continue an identifier (bin names also allow `@`). */
export function isIdentChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_]/.test(ch);
}

/** Whether `ch` is a decimal digit. */
export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

/** Skips blanks from `pos` and returns the first non-blank offset. */
export function skipBlanks(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text[pos] as string)) pos++;
  return pos;
}

/** Reads the next token at or after `pos`. */
export function lexToken(text: string, pos: number): Token {
  pos = skipBlanks(text, pos);
  if (pos >= text.length) return { kind: "eof", value: "", pos, end: pos };
  const ch = text[pos] as string;
  if (isDigit(ch)) return lexNumber(text, pos);
  if (ch === "." && isDigit(text[pos + 1])) return lexLeadingDotFloat(text, pos);
  if (ch === "'" || ch === '"') return lexString(text, pos);
  if (ch === "?" && isDigit(text[pos + 1])) {
    let end = pos + 1;
    while (isDigit(text[end])) end++;
    const value = Number(text.slice(pos + 1, end));
    return { kind: "placeholder", value, pos, end };
  }
  if (ch === "$" && text[pos + 1] === "{") {
    const match = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(text.slice(pos));
    if (!match)
      throw new AelError(
        "Malformed variable reference: expected a name between braces after '$'",
        pos,
      );
    return { kind: "var", value: match[1] as string, pos, end: pos + match[0].length };
  }
  if (/[A-Za-z_]/.test(ch)) {
    let end = pos + 1;
    while (isIdentChar(text[end])) end++;
    return { kind: "ident", value: text.slice(pos, end), pos, end };
  }
  for (const p of PUNCTUATION) {
    if (text.startsWith(p, pos)) return { kind: "punct", value: p, pos, end: pos + p.length };
  }
  throw new AelError(`Unexpected character '${ch}'`, pos);
}

function lexNumber(text: string, pos: number): Token {
  let end = pos;
  let value: bigint;
  let decimal = true;
  const prefix = text.slice(pos, pos + 2).toLowerCase();
  if (prefix === "0x" || prefix === "0b") {
    decimal = false;
    const digits = prefix === "0x" ? /[0-9a-fA-F]/ : /[01]/;
    end = pos + 2;
    while (end < text.length && digits.test(text[end] as string)) end++;
    if (end === pos + 2 || isIdentChar(text[end])) {
      throw new AelError(`Invalid ${prefix === "0x" ? "hexadecimal" : "binary"} literal`, pos);
    }
    value = BigInt(text.slice(pos, end).toLowerCase());
  } else {
    while (isDigit(text[end])) end++;
    if (text[end] === "." && isDigit(text[end + 1])) {
      end++;
      while (isDigit(text[end])) end++;
      if (isIdentChar(text[end])) throw new AelError("Invalid float literal", pos);
      return { kind: "float", value: Number(text.slice(pos, end)), pos, end };
    }
    if (text[end] === "." && !/[A-Za-z]/.test(text[end + 1] ?? "")) {
      throw new AelError("Invalid number literal: a '.' must be followed by digits", pos);
    }
    if (isIdentChar(text[end])) throw new AelError("Invalid number literal", pos);
    value = BigInt(text.slice(pos, end));
  }
  // 2^63 is let through so that "-9223372036854775808" can be negated by the parser.
  if (value > INT64_MAX_MAGNITUDE) {
    throw new AelError("Integer literal out of range for a 64-bit integer", pos);
  }
  return { kind: "int", value, decimal, pos, end };
}

function lexLeadingDotFloat(text: string, pos: number): Token {
  if (text[pos + 1] === "0" && /[xXbB]/.test(text[pos + 2] ?? "")) {
    throw new AelError("Invalid float literal", pos);
  }
  let end = pos + 1;
  while (isDigit(text[end])) end++;
  if (isIdentChar(text[end])) throw new AelError("Invalid float literal", pos);
  return { kind: "float", value: Number(`0${text.slice(pos, end)}`), pos, end };
}

function lexString(text: string, pos: number): Token {
  const quote = text[pos] as string;
  const close = text.indexOf(quote, pos + 1);
  if (close < 0) throw new AelError("Unterminated string literal", pos);
  const value = text.slice(pos + 1, close);
  const nul = value.indexOf("\u0000");
  // The client copies strings with strlen, so it would silently cut them at a NUL.
  if (nul >= 0) throw new AelError("Strings cannot contain NUL characters", pos + 1 + nul);
  return { kind: "string", value, pos, end: close + 1 };
}

/** Whether the int token's magnitude exceeds int64 unless negated (only 2^63 does). */
export function needsNegation(token: { value: bigint }): boolean {
  return token.value === INT64_MAX_MAGNITUDE;
}

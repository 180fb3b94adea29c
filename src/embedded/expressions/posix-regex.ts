/**
 * Translation of POSIX regular expressions (`regcomp` basic or extended syntax, as CMP_REGEX uses
 * them) into JavaScript `RegExp`s with the same matching behaviour for `regexec` without offsets.
 */

/** `regcomp` flags carried by CMP_REGEX. */
export const RegexFlag = {
  EXTENDED: 1,
  ICASE: 2,
  NOSUB: 4,
  NEWLINE: 8,
} as const;

const CLASSES: Record<string, string> = {
  alpha: "a-zA-Z",
  digit: "0-9",
  alnum: "a-zA-Z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  print: " -~",
  graph: "!-~",
  cntrl: "\\x00-\\x1f\\x7f",
  xdigit: "0-9A-Fa-f",
};

function escapeChar(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/** Translates a bracket expression starting at `p[i] === "["`; returns [js, next index]. */
function bracket(p: string, i: number, newlineSensitive: boolean): [string, number] {
  let j = i + 1;
  let negate = false;
  if (p[j] === "^") {
    negate = true;
    j++;
  }
  let body = "";
  let first = true;
  while (j < p.length) {
    const c = p[j] as string;
    if (c === "]" && !first) {
      if (negate && newlineSensitive) body += "\\n";
      return [`[${negate ? "^" : ""}${body}]`, j + 1];
    }
    first = false;
    if (c === "[" && (p[j + 1] === ":" || p[j + 1] === "." || p[j + 1] === "=")) {
      const kind = p[j + 1] as string;
      const end = p.indexOf(`${kind}]`, j + 2);
      if (end < 0) throw new SyntaxError("unterminated class");
      const name = p.slice(j + 2, end);
      if (kind === ":") {
        const cls = CLASSES[name];
        if (cls === undefined) throw new SyntaxError(`unknown class ${name}`);
        body += cls;
      } else {
        body += name.split("").map(escapeChar).join("");
      }
      j = end + 2;
      continue;
    }
    if (c === "-" && body !== "" && p[j + 1] !== "]") {
      body += "-";
      j++;
      continue;
    }
    body += c === "\\" || c === "]" || c === "[" || c === "^" ? `\\${c}` : c;
    j++;
  }
  throw new SyntaxError("unterminated bracket expression");
}

/**
 * Translates a POSIX pattern to JavaScript regex source. Throws `SyntaxError` for patterns
 * `regcomp` would reject (unbalanced groups or brackets, bad intervals).
 */
export function posixToJsSource(p: string, extended: boolean, newlineSensitive = false): string {
  let out = "";
  let depth = 0;
  let atStart = true;
  for (let i = 0; i < p.length; ) {
    const c = p[i] as string;
    const wasStart: boolean = atStart;
    atStart = false;
    if (c === "[") {
      const [js, next] = bracket(p, i, newlineSensitive);
      out += js;
      i = next;
      continue;
    }
    if (c === "\\") {
      const n = p[i + 1];
      if (n === undefined) throw new SyntaxError("trailing backslash");
      i += 2;
      if (!extended && n === "(") {
        out += "(";
        depth++;
        atStart = true;
      } else if (!extended && n === ")") {
        if (depth-- === 0) throw new SyntaxError("unmatched )");
        out += ")";
      } else if (!extended && n === "{") {
        const end = p.indexOf("\\}", i);
        if (end < 0) throw new SyntaxError("unterminated interval");
        out += interval(p.slice(i, end));
        i = end + 2;
      } else if (!extended && (n === "+" || n === "?")) {
        out += n;
      } else if (!extended && n === "|") {
        out += "|";
        atStart = true;
      } else if (/[1-9]/.test(n)) {
        out += `\\${n}`;
      } else if (n === "w" || n === "W" || n === "s" || n === "S") {
        out += `\\${n}`;
      } else if (n === "<" || n === ">") {
        out += "\\b";
      } else {
        out += escapeChar(n);
      }
      continue;
    }
    i++;
    if (c === "^") {
      out += extended || wasStart ? "^" : "\\^";
      atStart = extended || wasStart;
    } else if (c === "$") {
      const atEnd = i === p.length || (!extended && p.startsWith("\\)", i));
      out += extended || atEnd ? "$" : "\\$";
    } else if (c === ".") {
      out += newlineSensitive ? "[^\\n]" : "[\\s\\S]";
    } else if (c === "*") {
      out += wasStart ? "\\*" : "*";
    } else if (extended && (c === "+" || c === "?")) {
      out += c;
    } else if (extended && c === "|") {
      out += "|";
      atStart = true;
    } else if (extended && c === "(") {
      out += "(";
      depth++;
      atStart = true;
    } else if (extended && c === ")") {
      if (depth-- === 0) throw new SyntaxError("unmatched )");
      out += ")";
    } else if (extended && c === "{") {
      const end = p.indexOf("}", i);
      if (end < 0) throw new SyntaxError("unterminated interval");
      out += interval(p.slice(i, end));
      i = end + 1;
    } else {
      out += escapeChar(c);
    }
  }
  if (depth !== 0) throw new SyntaxError("unmatched (");
  return out;
}

function interval(body: string): string {
  if (!/^\d+(,\d*)?$/.test(body)) throw new SyntaxError("bad interval");
  return `{${body}}`;
}

/** Compiles a POSIX pattern with `regcomp` flags; throws `SyntaxError` when it is invalid. */
export function compilePosixRegex(pattern: string, flags: number): RegExp {
  const extended = (flags & RegexFlag.EXTENDED) !== 0;
  const newline = (flags & RegexFlag.NEWLINE) !== 0;
  const src = posixToJsSource(pattern, extended, newline);
  return new RegExp(src, `${(flags & RegexFlag.ICASE) !== 0 ? "i" : ""}${newline ? "m" : ""}`);
}

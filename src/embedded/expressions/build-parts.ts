import type { MpValue } from "../wire/msgpack-value.js";
import { MpPrefix } from "../wire/msgpack-value.js";
import type { CallArg, ExpNode } from "./ast.js";
import type { Builder } from "./build.js";
import { parseGeoJson } from "./geo.js";
import { compilePosixRegex } from "./posix-regex.js";
import { buildFail, ExpType } from "./types.js";

/**
 * Builders of the expression nodes that carry more than sub-expressions: literals (typed strings,
 * GeoJSON, maps, raw msgpack), CMP_REGEX and CALL.
 */

const CDT_CONTEXT_EVAL = 0xff;
const CALL_MODIFY_LOCAL = 0x40;

/** A literal node. */
export function lit(type: number, value: MpValue): ExpNode {
  return { k: "lit", type, value };
}

/** Builds a literal (any non-array msgpack value). */
export function buildLiteral(b: Builder): ExpNode {
  const t = b.r.peekByte();
  const isStrFamily = (t & 0xe0) === 0xa0 || (t >= 0xc4 && t <= 0xc6) || (t >= 0xd9 && t <= 0xdb);
  if (isStrFamily) {
    const raw = b.raw("literal");
    if (raw.length === 0) buildFail("empty typed string");
    const prefix = raw[0] as number;
    const body = raw.subarray(1);
    switch (prefix) {
      case MpPrefix.STRING:
        return lit(ExpType.STR, { kind: "str", value: body.toString("utf8") });
      case MpPrefix.BLOB:
        return lit(ExpType.BLOB, { kind: "bytes", particle: MpPrefix.BLOB, value: body });
      case MpPrefix.HLL:
        return lit(ExpType.HLL, { kind: "bytes", particle: MpPrefix.HLL, value: body });
      case MpPrefix.GEOJSON: {
        const text = body.toString("utf8");
        const geo = parseGeoJson(text);
        if (geo === undefined) buildFail("invalid GeoJSON literal");
        return { k: "lit", type: ExpType.GEOJSON, value: { kind: "geojson", value: text }, geo };
      }
      default:
        return buildFail(`invalid literal type ${prefix}`);
    }
  }
  const v = b.r.readValue();
  switch (v.kind) {
    case "nil":
      return lit(ExpType.NIL, v);
    case "bool":
      return lit(ExpType.BOOL, v);
    case "int":
      return lit(ExpType.INT, v);
    case "float":
      return lit(ExpType.FLOAT, v);
    case "map":
      return lit(ExpType.MAP, v);
    case "ext":
      return lit(ExpType.AUTO, v);
    default:
      return buildFail(`unexpected literal ${v.kind}`);
  }
}

/** Builds CMP_REGEX: `[7, flags, pattern, string-expression]`. */
export function buildRegex(b: Builder, n: number): ExpNode {
  if (n !== 3) buildFail("cmp_regex: expected 3 args");
  const flags = Number(BigInt.asIntN(32, b.int("regex flags")));
  const raw = b.raw("regex");
  const s = b.next();
  if (s.type !== ExpType.STR) buildFail("cmp_regex: not a string");
  const end = raw.indexOf(0);
  const pattern = (end < 0 ? raw : raw.subarray(0, end)).toString("utf8");
  let re: RegExp;
  try {
    re = compilePosixRegex(pattern, flags);
  } catch {
    return buildFail("cmp_regex: invalid pattern");
  }
  return { k: "regex", type: ExpType.BOOL, re, s };
}

/** Builds CALL: `[127, type, system, op-array, bin-expression]`. */
export function buildCall(b: Builder): ExpNode {
  const rtype = b.int("call result type");
  const systemRaw = b.int("call system");
  if (rtype < 0n || rtype > BigInt(ExpType.HLL)) buildFail("call: invalid result type");
  const system = Number(systemRaw) & ~CALL_MODIFY_LOCAL;
  const modify = (Number(systemRaw) & CALL_MODIFY_LOCAL) !== 0;
  let count = b.r.readArrayHeader();
  if (count === undefined || count === 0) buildFail("call: op is not a list");
  let opCode = Number(b.int("call op"));
  let ctx: MpValue | undefined;
  if (opCode === CDT_CONTEXT_EVAL) {
    if (count !== 3) buildFail("call: malformed context");
    ctx = b.r.readValue();
    count = b.r.readArrayHeader();
    if (count === undefined || count === 0) buildFail("call: malformed context op");
    opCode = Number(b.int("call op"));
  }
  const args: CallArg[] = [];
  for (let i = 1; i < count; i++) {
    if (b.r.done) buildFail("call: truncated args");
    const start = b.r.offset;
    if (b.r.readArrayHeader() !== undefined) {
      b.r.offset = start;
      args.push({ exp: b.next() });
    } else {
      args.push({ lit: b.r.readValue() });
    }
  }
  const bin = b.next();
  if (bin.type !== ExpType.NIL) {
    const ok =
      system === 0
        ? bin.type === ExpType.LIST || bin.type === ExpType.MAP
        : system === 1
          ? bin.type === ExpType.BLOB
          : system === 2
            ? bin.type === ExpType.HLL
            : false;
    if (!ok) buildFail("call: bin expression of the wrong type");
  } else if (system > 2) {
    buildFail("call: invalid system");
  }
  return { k: "call", type: Number(rtype), system, modify, ctx, opCode, args, bin };
}

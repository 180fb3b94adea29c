import { MsgpackReader } from "../wire/msgpack-decode.js";
import type { ExpNode } from "./ast.js";
import { buildCall, buildLiteral, buildRegex, lit } from "./build-parts.js";
import { ExpOp } from "./op-codes.js";
import { readRawStr } from "./raw-str.js";
import { buildFail, ExpBuildError, ExpType } from "./types.js";

/** Largest expression the server accepts (bytes). */
export const EXP_MAX_SIZE = 1024 * 1024;

const MAX_BIN_NAME = 15;
// Bounds the recursion of building and evaluating; far beyond what any client builds.
const MAX_DEPTH = 1000;

interface Scope {
  readonly parent: Scope | undefined;
  readonly vars: Map<string, { slot: number; type: number | undefined }>;
}

/** The build state: reader over the wire bytes, variable scopes and the next free variable slot. */
export class Builder {
  readonly r: MsgpackReader;
  scope: Scope | undefined = undefined;
  nextSlot = 0;
  maxSlot = 0;
  depth = 0;

  constructor(buf: Buffer) {
    this.r = new MsgpackReader(buf);
  }

  int(what: string): bigint {
    if (this.r.done) buildFail(`${what}: missing`);
    const v = this.r.readInt();
    if (v === undefined) buildFail(`${what}: not an integer`);
    return v;
  }

  raw(what: string): Buffer {
    const b = readRawStr(this.r);
    if (b === undefined) buildFail(`${what}: not a string`);
    return b;
  }

  findVar(name: string): { slot: number; type: number | undefined } | undefined {
    for (let s = this.scope; s !== undefined; s = s.parent) {
      const v = s.vars.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** Builds the next expression (a literal or an op array). */
  next(): ExpNode {
    if (this.r.done) buildFail("truncated expression");
    const n = this.r.readArrayHeader();
    if (n === undefined) return buildLiteral(this);
    if (n === 0) buildFail("empty op array");
    if (++this.depth > MAX_DEPTH) buildFail("expression nested too deeply");
    const code = this.int("op code");
    const node = this.op(Number(code), n - 1);
    this.depth--;
    return node;
  }

  private args(count: number): ExpNode[] {
    const out: ExpNode[] = [];
    for (let i = 0; i < count; i++) out.push(this.next());
    return out;
  }

  private op(code: number, n: number): ExpNode {
    const arity = (want: number) => {
      if (n !== want) buildFail(`op ${code}: expected ${want} args, found ${n}`);
    };
    switch (code) {
      case ExpOp.UNKNOWN:
        arity(0);
        return { k: "unknown", type: ExpType.BOOL };
      case ExpOp.EQ:
      case ExpOp.NE:
      case ExpOp.GT:
      case ExpOp.GE:
      case ExpOp.LT:
      case ExpOp.LE: {
        arity(2);
        const [a, b] = this.args(2) as [ExpNode, ExpNode];
        if (a.type !== b.type) buildFail("compare: mismatched types");
        if (a.type === ExpType.GEOJSON || a.type === ExpType.HLL) buildFail("compare: bad type");
        return { k: "cmp", type: ExpType.BOOL, code, a, b };
      }
      case ExpOp.CMP_REGEX:
        return buildRegex(this, n);
      case ExpOp.CMP_GEO: {
        arity(2);
        const [a, b] = this.args(2) as [ExpNode, ExpNode];
        if (a.type !== ExpType.GEOJSON || b.type !== ExpType.GEOJSON) buildFail("cmp_geo: types");
        return { k: "geo", type: ExpType.BOOL, a, b };
      }
      case ExpOp.IN_LIST: {
        arity(2);
        const [v, list] = this.args(2) as [ExpNode, ExpNode];
        if (list.type !== ExpType.LIST) buildFail("in_list: not a list");
        return { k: "inList", type: ExpType.BOOL, v, list };
      }
      case ExpOp.AND:
      case ExpOp.OR:
      case ExpOp.EXCLUSIVE: {
        if (n < 2) buildFail("logical op: too few args");
        const args = this.args(n);
        if (args.some((a) => a.type !== ExpType.BOOL)) buildFail("logical op: non-boolean arg");
        return { k: "logic", type: ExpType.BOOL, code, args };
      }
      case ExpOp.NOT: {
        arity(1);
        const a = this.next();
        if (a.type !== ExpType.BOOL) buildFail("not: non-boolean arg");
        return { k: "unary", type: ExpType.BOOL, code, a };
      }
      case ExpOp.ADD:
      case ExpOp.SUB:
      case ExpOp.MUL:
      case ExpOp.DIV:
      case ExpOp.MIN:
      case ExpOp.MAX: {
        if (n < 1) buildFail("math op: too few args");
        const args = this.args(n);
        const t = args[0]?.type;
        if (t !== ExpType.INT && t !== ExpType.FLOAT) buildFail("math op: non-numeric arg");
        if (args.some((a) => a.type !== t)) buildFail("math op: mixed types");
        return { k: "nary", type: t, code, args };
      }
      case ExpOp.INT_AND:
      case ExpOp.INT_OR:
      case ExpOp.INT_XOR: {
        if (n < 1) buildFail("int op: too few args");
        const args = this.args(n);
        if (args.some((a) => a.type !== ExpType.INT)) buildFail("int op: non-integer arg");
        return { k: "nary", type: ExpType.INT, code, args };
      }
      case ExpOp.POW:
      case ExpOp.LOG:
        return this.binary(code, n, ExpType.FLOAT, ExpType.FLOAT, ExpType.FLOAT);
      case ExpOp.MOD:
      case ExpOp.INT_LSHIFT:
      case ExpOp.INT_RSHIFT:
      case ExpOp.INT_ARSHIFT:
        return this.binary(code, n, ExpType.INT, ExpType.INT, ExpType.INT);
      case ExpOp.INT_LSCAN:
      case ExpOp.INT_RSCAN:
        return this.binary(code, n, ExpType.INT, ExpType.BOOL, ExpType.INT);
      case ExpOp.ABS: {
        arity(1);
        const a = this.next();
        if (a.type !== ExpType.INT && a.type !== ExpType.FLOAT) buildFail("abs: non-numeric");
        return { k: "unary", type: a.type, code, a };
      }
      case ExpOp.FLOOR:
      case ExpOp.CEIL:
        return this.unary(code, n, ExpType.FLOAT, ExpType.FLOAT);
      case ExpOp.TO_INT:
        return this.unary(code, n, ExpType.FLOAT, ExpType.INT);
      case ExpOp.TO_FLOAT:
        return this.unary(code, n, ExpType.INT, ExpType.FLOAT);
      case ExpOp.INT_NOT:
      case ExpOp.INT_COUNT:
        return this.unary(code, n, ExpType.INT, ExpType.INT);
      case ExpOp.DIGEST_MODULO: {
        arity(1);
        const mod = BigInt.asIntN(32, this.int("digest_modulo"));
        if (mod === 0n) buildFail("digest_modulo: modulo by zero");
        return { k: "meta", type: ExpType.INT, code, mod };
      }
      case ExpOp.DEVICE_SIZE:
      case ExpOp.LAST_UPDATE:
      case ExpOp.SINCE_UPDATE:
      case ExpOp.VOID_TIME:
      case ExpOp.TTL:
      case ExpOp.MEMORY_SIZE:
      case ExpOp.RECORD_SIZE:
        arity(0);
        return { k: "meta", type: ExpType.INT, code, mod: 0n };
      case ExpOp.SET_NAME:
        arity(0);
        return { k: "meta", type: ExpType.STR, code, mod: 0n };
      case ExpOp.KEY_EXISTS:
      case ExpOp.IS_TOMBSTONE:
        arity(0);
        return { k: "meta", type: ExpType.BOOL, code, mod: 0n };
      case ExpOp.KEY: {
        arity(1);
        const t = Number(this.int("key type"));
        if (t !== ExpType.INT && t !== ExpType.STR && t !== ExpType.BLOB) buildFail("key: type");
        return { k: "key", type: t };
      }
      case ExpOp.BIN: {
        arity(2);
        const t = this.int("bin type");
        const name = this.binName();
        if (t < 0n || t > BigInt(ExpType.HLL)) buildFail("bin: invalid type");
        return { k: "bin", type: Number(t), name };
      }
      case ExpOp.BIN_TYPE:
        arity(1);
        return { k: "binType", type: ExpType.INT, name: this.binName() };
      case ExpOp.MAP_KEYS:
      case ExpOp.MAP_VALUES: {
        arity(1);
        const map = this.next();
        return { k: "mapKv", type: ExpType.LIST, values: code === ExpOp.MAP_VALUES, map };
      }
      case ExpOp.COND:
        return this.cond(n);
      case ExpOp.VAR:
        return this.variable(n);
      case ExpOp.LET:
        return this.let(n);
      case ExpOp.QUOTE: {
        arity(1);
        const start = this.r.offset;
        if (this.r.done || this.r.readArrayHeader() === undefined) buildFail("quote: not a list");
        this.r.offset = start;
        return lit(ExpType.LIST, this.r.readValue());
      }
      case ExpOp.CALL:
        arity(4);
        return buildCall(this);
      default:
        return buildFail(`invalid op code ${code}`);
    }
  }

  private binName(): string {
    const raw = this.raw("bin name");
    if (raw.length > MAX_BIN_NAME) buildFail("bin name too long");
    return raw.toString("utf8");
  }

  private unary(code: number, n: number, argType: number, type: number): ExpNode {
    if (n !== 1) buildFail(`op ${code}: expected 1 arg`);
    const a = this.next();
    if (a.type !== argType) buildFail(`op ${code}: invalid arg type`);
    return { k: "unary", type, code, a };
  }

  private binary(code: number, n: number, t0: number, t1: number, type: number): ExpNode {
    if (n !== 2) buildFail(`op ${code}: expected 2 args`);
    const a = this.next();
    const b = this.next();
    if (a.type !== t0 || b.type !== t1) buildFail(`op ${code}: invalid arg types`);
    return { k: "binary", type, code, a, b };
  }

  private cond(n: number): ExpNode {
    if (n < 3 || n % 2 === 0) buildFail("cond: invalid arg count");
    let type: number | undefined;
    const check = (v: ExpNode) => {
      if (v.k === "unknown") return;
      type ??= v.type;
      if (v.type !== type) buildFail("cond: mismatched value types");
    };
    const cases: [ExpNode, ExpNode][] = [];
    for (let i = 0; i < (n - 1) / 2; i++) {
      const c = this.next();
      if (c.type !== ExpType.BOOL) buildFail("cond: non-boolean condition");
      const v = this.next();
      check(v);
      cases.push([c, v]);
    }
    const otherwise = this.next();
    check(otherwise);
    return { k: "cond", type: type ?? otherwise.type, cases, otherwise };
  }

  private variable(n: number): ExpNode {
    if (n !== 1) buildFail("var: expected 1 arg");
    const name = this.raw("var name").toString("utf8");
    const v = this.findVar(name);
    if (v === undefined) buildFail(`var: undefined ${name}`);
    if (v.type === undefined || v.type === ExpType.AUTO)
      buildFail(`var: ${name} used while defined`);
    return { k: "var", type: v.type, slot: v.slot };
  }

  private let(n: number): ExpNode {
    if (n < 3 || n % 2 === 0) buildFail("let: invalid arg count");
    const scope: Scope = { parent: this.scope, vars: new Map() };
    this.scope = scope;
    const defs: [number, ExpNode][] = [];
    for (let i = 0; i < (n - 1) / 2; i++) {
      const raw = this.raw("let var name");
      if (raw.length === 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(raw.toString("latin1"))) {
        buildFail("let: illegal variable name");
      }
      const name = raw.toString("utf8");
      if (this.findVar(name) !== undefined) buildFail(`let: duplicate variable ${name}`);
      const entry: { slot: number; type: number | undefined } = {
        slot: this.nextSlot++,
        type: undefined,
      };
      scope.vars.set(name, entry);
      const value = this.next();
      entry.type = value.type;
      defs.push([entry.slot, value]);
    }
    const body = this.next();
    this.maxSlot = Math.max(this.maxSlot, this.nextSlot);
    this.scope = scope.parent;
    this.nextSlot -= scope.vars.size;
    return { k: "let", type: body.type, defs, scope: body };
  }
}

/** A compiled expression: its root node and the number of variable slots it needs. */
export interface CompiledExpression {
  readonly root: ExpNode;
  readonly slots: number;
}

/**
 * Compiles packed expression bytes (filter field 43 or the first element of an EXP op) the way
 * the server builds them: every op's arity and argument types are checked. Throws
 * `ExpBuildError` (PARAMETER) for anything the server would reject; the result type may be AUTO
 * or anything else, callers check what they need.
 */
export function buildExpression(buf: Buffer): CompiledExpression {
  if (buf.length === 0) buildFail("empty expression");
  if (buf.length >= EXP_MAX_SIZE) buildFail("expression too large");
  const b = new Builder(buf);
  let root: ExpNode;
  try {
    root = b.next();
  } catch (e) {
    if (e instanceof ExpBuildError) throw e;
    return buildFail(`malformed expression: ${(e as Error).message}`);
  }
  if (!b.r.done) buildFail("trailing bytes after expression");
  if (root.type === ExpType.AUTO) buildFail("expression has no result type");
  return { root, slots: Math.max(b.maxSlot, b.nextSlot) };
}

import { mapKeysOrValues } from "../cdt/index.js";
import type { WorkingRecord } from "../commands/working-record.js";
import { compareMsgpack } from "../wire/msgpack-compare.js";
import type { MpValue } from "../wire/msgpack-value.js";
import { type Particle, ParticleType, particleToValue } from "../wire/particle.js";
import type { ExpNode } from "./ast.js";
import { runCall } from "./eval-call.js";
import { evalBinaryMath, evalNary, evalUnaryMath } from "./eval-math.js";
import { evalKey, evalMeta } from "./eval-meta.js";
import { type GeoShape, geoMatches, parseGeoJson } from "./geo.js";
import { ExpOp } from "./op-codes.js";
import { type EvalResult, ExpType, UNKNOWN } from "./types.js";

/** What an evaluation runs against: the record and the variable slots of LET. */
export interface EvalEnv {
  readonly record: WorkingRecord;
  readonly vars: EvalResult[];
}

const BOOL_TRUE: MpValue = { kind: "bool", value: true };
const BOOL_FALSE: MpValue = { kind: "bool", value: false };
const bool = (b: boolean): MpValue => (b ? BOOL_TRUE : BOOL_FALSE);

const PARTICLE_OF_TYPE: Record<number, number> = {
  [ExpType.BOOL]: ParticleType.BOOL,
  [ExpType.INT]: ParticleType.INTEGER,
  [ExpType.STR]: ParticleType.STRING,
  [ExpType.LIST]: ParticleType.LIST,
  [ExpType.MAP]: ParticleType.MAP,
  [ExpType.BLOB]: ParticleType.BLOB,
  [ExpType.FLOAT]: ParticleType.FLOAT,
  [ExpType.GEOJSON]: ParticleType.GEOJSON,
  [ExpType.HLL]: ParticleType.HLL,
};

/** The bin's particle if it exists and has the particle type of expression type `type`. */
export function binOfType(rec: WorkingRecord, name: string, type: number): Particle | undefined {
  const p = rec.bins.get(name);
  if (p === undefined || PARTICLE_OF_TYPE[type] !== p.type) return undefined;
  return p;
}

function compare(code: number, a: MpValue, b: MpValue): boolean {
  let c: number;
  if (a.kind === "nil" || b.kind === "nil") c = 0;
  else if (a.kind === "float" && b.kind === "float") {
    const x = a.value;
    const y = b.value;
    switch (code) {
      case ExpOp.EQ:
        return x === y;
      case ExpOp.NE:
        return x !== y;
      case ExpOp.GT:
        return x > y;
      case ExpOp.GE:
        return x >= y;
      case ExpOp.LT:
        return x < y;
      default:
        return x <= y;
    }
  } else c = compareMsgpack(a, b);
  switch (code) {
    case ExpOp.EQ:
      return c === 0;
    case ExpOp.NE:
      return c !== 0;
    case ExpOp.GT:
      return c > 0;
    case ExpOp.GE:
      return c >= 0;
    case ExpOp.LT:
      return c < 0;
    default:
      return c <= 0;
  }
}

function geoShape(node: ExpNode, v: MpValue): GeoShape | undefined {
  if (node.k === "lit" && node.geo !== undefined) return node.geo;
  return v.kind === "geojson" ? parseGeoJson(v.value) : undefined;
}

function evalAll(nodes: readonly ExpNode[], env: EvalEnv): MpValue[] | undefined {
  const out: MpValue[] = [];
  for (const n of nodes) {
    const v = evaluate(n, env);
    if (v === UNKNOWN) return undefined;
    out.push(v);
  }
  return out;
}

function evalLogic(code: number, args: readonly ExpNode[], env: EvalEnv): EvalResult {
  if (code === ExpOp.EXCLUSIVE) {
    let seen = false;
    for (const a of args) {
      const v = evaluate(a, env);
      if (v === UNKNOWN) return UNKNOWN;
      if (v.kind === "bool" && v.value) {
        if (seen) return BOOL_FALSE;
        seen = true;
      }
    }
    return bool(seen);
  }
  const stopOn = code === ExpOp.OR;
  let unknown = false;
  for (const a of args) {
    const v = evaluate(a, env);
    if (v === UNKNOWN) {
      unknown = true;
      continue;
    }
    if (v.kind === "bool" && v.value === stopOn) return bool(stopOn);
  }
  return unknown ? UNKNOWN : bool(!stopOn);
}

/**
 * Evaluates a compiled expression node against a record with the server's three-valued
 * semantics: missing or mistyped bins, absent keys, failing calls and the like give UNKNOWN,
 * which propagates except through AND/OR short-circuits.
 */
export function evaluate(node: ExpNode, env: EvalEnv): EvalResult {
  switch (node.k) {
    case "lit":
      return node.value;
    case "unknown":
      return UNKNOWN;
    case "cmp": {
      const a = evaluate(node.a, env);
      if (a === UNKNOWN) return UNKNOWN;
      const b = evaluate(node.b, env);
      if (b === UNKNOWN) return UNKNOWN;
      return bool(compare(node.code, a, b));
    }
    case "regex": {
      const s = evaluate(node.s, env);
      if (s === UNKNOWN || s.kind !== "str") return UNKNOWN;
      node.re.lastIndex = 0;
      return bool(node.re.test(s.value));
    }
    case "geo": {
      const a = evaluate(node.a, env);
      if (a === UNKNOWN) return UNKNOWN;
      const b = evaluate(node.b, env);
      if (b === UNKNOWN) return UNKNOWN;
      const ga = geoShape(node.a, a);
      const gb = geoShape(node.b, b);
      if (ga === undefined || gb === undefined) return UNKNOWN;
      return bool(geoMatches(ga, gb));
    }
    case "inList": {
      const v = evaluate(node.v, env);
      if (v === UNKNOWN) return UNKNOWN;
      const list = evaluate(node.list, env);
      if (list === UNKNOWN || list.kind !== "list") return UNKNOWN;
      return bool(list.items.some((x) => compareMsgpack(x, v) === 0));
    }
    case "logic":
      return evalLogic(node.code, node.args, env);
    case "nary": {
      const vals = evalAll(node.args, env);
      return vals === undefined ? UNKNOWN : evalNary(node.code, vals);
    }
    case "unary": {
      const a = evaluate(node.a, env);
      if (a === UNKNOWN) return UNKNOWN;
      if (node.code === ExpOp.NOT) return bool(!(a.kind === "bool" && a.value));
      return evalUnaryMath(node.code, a);
    }
    case "binary": {
      const a = evaluate(node.a, env);
      if (a === UNKNOWN) return UNKNOWN;
      const b = evaluate(node.b, env);
      if (b === UNKNOWN) return UNKNOWN;
      return evalBinaryMath(node.code, a, b);
    }
    case "meta":
      return evalMeta(node.code, node.mod, env.record);
    case "key":
      return evalKey(node.type, env.record);
    case "bin": {
      const p = binOfType(env.record, node.name, node.type);
      return p === undefined ? UNKNOWN : particleToValue(p);
    }
    case "binType": {
      const p = env.record.bins.get(node.name);
      return { kind: "int", value: BigInt(p === undefined ? 0 : p.type) };
    }
    case "cond": {
      for (const [c, v] of node.cases) {
        const r = evaluate(c, env);
        if (r === UNKNOWN) return UNKNOWN;
        if (r.kind === "bool" && r.value) return evaluate(v, env);
      }
      return evaluate(node.otherwise, env);
    }
    case "var":
      return env.vars[node.slot] ?? UNKNOWN;
    case "let":
      for (const [slot, v] of node.defs) env.vars[slot] = evaluate(v, env);
      return evaluate(node.scope, env);
    case "mapKv": {
      const m = evaluate(node.map, env);
      if (m === UNKNOWN) return UNKNOWN;
      return mapKeysOrValues(m, node.values) ?? UNKNOWN;
    }
    case "call": {
      const args: MpValue[] = [];
      for (const a of node.args) {
        if ("lit" in a) {
          args.push(a.lit);
          continue;
        }
        const v = evaluate(a.exp, env);
        if (v === UNKNOWN) return UNKNOWN;
        args.push(v);
      }
      const bin = evaluate(node.bin, env);
      if (bin === UNKNOWN) return UNKNOWN;
      return runCall(node, args, bin);
    }
  }
}

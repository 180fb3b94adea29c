import type { WorkingRecord } from "../../../../src/embedded/commands/working-record.js";
import {
  evaluateFilter,
  expModifyHandler,
  expReadHandler,
} from "../../../../src/embedded/expressions/index.js";
import { BinList } from "../../../../src/embedded/store/bins.js";
import type { AsMsg, MsgOp } from "../../../../src/embedded/wire/as-msg.js";
import { MsgpackWriter } from "../../../../src/embedded/wire/msgpack-encode.js";
import type { MpValue } from "../../../../src/embedded/wire/msgpack-value.js";
import {
  type Particle,
  particleToValue,
  stringParticle,
  valueToParticle,
} from "../../../../src/embedded/wire/particle.js";

/** A node of a test expression: op arrays, ints, `{ f }` floats, strings, `{ raw }` names, … */
export type E =
  | number
  | bigint
  | boolean
  | null
  | string
  | Buffer
  | { f: number }
  | { raw: string }
  | { mp: MpValue }
  | { geo: string }
  | { hll: Buffer }
  | E[];

function write(w: MsgpackWriter, e: E): void {
  if (Array.isArray(e)) {
    w.arrayHeader(e.length);
    for (const x of e) write(w, x);
  } else if (e === null) w.nil();
  else if (typeof e === "boolean") w.bool(e);
  else if (typeof e === "number" || typeof e === "bigint") w.int(e);
  else if (typeof e === "string") w.str(e);
  else if (Buffer.isBuffer(e)) w.typedBytes(4, e);
  else if ("f" in e) w.float(e.f);
  else if ("raw" in e) w.rawStr(e.raw);
  else if ("geo" in e) w.typedBytes(23, Buffer.from(e.geo));
  else if ("hll" in e) w.typedBytes(18, e.hll);
  else w.value(e.mp);
}

/** Packs a test expression into wire bytes. */
export function pack(e: E): Buffer {
  const w = new MsgpackWriter();
  write(w, e);
  return Buffer.from(w.finish());
}

/** Op codes by name, for readable test expressions. */
export const O = {
  unknown: 0,
  eq: 1,
  ne: 2,
  gt: 3,
  ge: 4,
  lt: 5,
  le: 6,
  regex: 7,
  geo: 8,
  inList: 9,
  and: 16,
  or: 17,
  not: 18,
  xor: 19,
  add: 20,
  sub: 21,
  mul: 22,
  div: 23,
  pow: 24,
  log: 25,
  mod: 26,
  abs: 27,
  floor: 28,
  ceil: 29,
  toInt: 30,
  toFloat: 31,
  iand: 32,
  ior: 33,
  ixor: 34,
  inot: 35,
  lshift: 36,
  rshift: 37,
  arshift: 38,
  icount: 39,
  lscan: 40,
  rscan: 41,
  min: 50,
  max: 51,
  digestMod: 64,
  deviceSize: 65,
  lastUpdate: 66,
  sinceUpdate: 67,
  voidTime: 68,
  ttl: 69,
  setName: 70,
  keyExists: 71,
  isTombstone: 72,
  memorySize: 73,
  recordSize: 74,
  key: 80,
  bin: 81,
  binType: 82,
  mapKeys: 101,
  mapValues: 102,
  cond: 123,
  var: 124,
  let: 125,
  quote: 126,
  call: 127,
} as const;

/** Expression types. */
export const T = {
  nil: 0,
  bool: 1,
  int: 2,
  str: 3,
  list: 4,
  map: 5,
  blob: 6,
  float: 7,
  geo: 8,
  hll: 9,
} as const;

/** `[81, type, name]`. */
export const bin = (type: number, name: string): E => [O.bin, type, { raw: name }];

/** A fresh record with the given bins (values in the msgpack model or particles). */
export function record(
  bins: Record<string, MpValue | Particle>,
  extra: Partial<WorkingRecord> = {},
): WorkingRecord {
  const list = new BinList();
  for (const [k, v] of Object.entries(bins)) {
    list.set(k, "kind" in v ? valueToParticle(v) : v);
  }
  const now = 1_800_000_000_000;
  return {
    namespace: "test",
    digest: Buffer.alloc(20, 7),
    setName: "s",
    key: stringParticle("k"),
    existed: true,
    generation: 1,
    voidTime: 0,
    lastUpdateMs: now - 1000,
    bins: list,
    nowMs: now,
    ...extra,
  };
}

/** An EXP op carrying `[expression, flags?]`. */
export function expOp(opType: number, name: string, exp: Buffer, flags?: number): MsgOp {
  const w = new MsgpackWriter();
  w.arrayHeader(flags === undefined ? 1 : 2);
  w.raw(exp);
  if (flags !== undefined) w.int(flags);
  return {
    opType,
    particleType: 4,
    flags: 0,
    name: Buffer.from(name),
    value: Buffer.from(w.finish()),
  };
}

/** Outcome of an EXP_READ: `{ code }` or `{ code: 0, value }` (the result in the msgpack model). */
export function read(rec: WorkingRecord, e: E, flags = 0): { code: number; value?: MpValue } {
  const out = expReadHandler(expOp(7, "r", pack(e), flags), {
    msg: {} as AsMsg,
    binName: "r",
    record: rec,
  });
  if (out.code !== 0 || out.result === undefined) return { code: out.code };
  return { code: 0, value: particleToValue(out.result) };
}

/** Outcome code of an EXP_MODIFY of bin `name`. */
export function modify(rec: WorkingRecord, name: string, e: E, flags = 0): number {
  return expModifyHandler(expOp(8, name, pack(e), flags), {
    msg: {} as AsMsg,
    binName: name,
    record: rec,
  }).code;
}

/** Filter outcome (0, 27 or 4). */
export function filter(rec: WorkingRecord, e: E | Buffer): number {
  return evaluateFilter(Buffer.isBuffer(e) ? e : pack(e), rec);
}

/** Shorthands for msgpack model values. */
export const mp = {
  int: (v: number | bigint): MpValue => ({ kind: "int", value: BigInt(v) }),
  float: (v: number): MpValue => ({ kind: "float", value: v }),
  str: (v: string): MpValue => ({ kind: "str", value: v }),
  bool: (v: boolean): MpValue => ({ kind: "bool", value: v }),
  nil: { kind: "nil" } as MpValue,
  list: (...items: MpValue[]): MpValue => ({ kind: "list", items }),
  map: (entries: [MpValue, MpValue][], flags?: number): MpValue =>
    flags === undefined ? { kind: "map", entries } : { kind: "map", entries, flags },
  blob: (b: Buffer): MpValue => ({ kind: "bytes", particle: 4, value: b }),
};

import Aerospike, { type AerospikeExp } from "aerospike";
import { expect } from "vitest";
import type { AelProblem } from "../../../src/ael/ael-error.js";
import { type AelValue, compileAel } from "../../../src/ael/index.js";

/**
 * Expected expression arrays, built with the official client's own `exp` helpers wherever
 * those are correct, so the tests pin the compiler to the client's format. The helpers the
 * client gets wrong (docs/aerospike-client-gaps.md) are rebuilt here by hand.
 */
export const { exp, cdt, Double } = Aerospike;
/** The client's list expression helpers. */
export const lists = exp.lists;
/** The client's map expression helpers. */
export const maps = exp.maps;

/** The client's expression value types. */
export const T = exp.type;
/** List return types. */
export const LR = Aerospike.lists.returnType;
/** Map return types. */
export const MR = Aerospike.maps.returnType;

type Exp = AerospikeExp;

const params =
  (op: number) =>
  (...args: Exp[]): Exp => [{ op, count: args.length + 1 }, ...args.flat()];

/** Correct builders for the operators whose client helpers are broken. */
export const fixedExp = {
  pow: params(24),
  log: params(25),
  mod: params(26),
  abs: params(27),
  floor: params(28),
  ceil: params(29),
  toInt: params(30),
  toFloat: params(31),
  intNot: params(35),
  lshift: params(36),
  rshift: params(37),
  arshift: params(38),
  intCount: params(39),
  lscan: params(40),
  rscan: params(41),
  digestModulo: (n: number): Exp => [{ op: 64, count: 2 }, ...exp.int(n)],
  isTombstone: (): Exp => [{ op: 72, count: 1 }],
  recordSize: (): Exp => [{ op: 74, count: 1 }],
  key: (type: number): Exp => [{ op: 80, count: 2 }, ...exp.int(type)],
  geo: (json: string): Exp => [{ op: 129, value: new Aerospike.GeoJSON(json) }],
  bigInt: (value: bigint): Exp => [{ op: 128, value }],
  /** A map literal; the client's typings only admit string-keyed records for `exp.map`. */
  map: (value: Map<unknown, unknown>): Exp => [{ op: 128, value }],
  bytes: (bytes: number[]): Exp => [{ op: 136, bytesVal: Buffer.from(bytes) }],
  unknown: (): Exp => [{ op: 0, count: 1 }],
  var: (name: string): Exp => [
    { op: 124, count: 2 },
    { op: 137, strVal: name },
  ],
  def: (name: string, value: Exp): Exp => [{ op: 137, strVal: name }, ...value],
  /** A CDT read whose optional last parameter is left out (open value/key intervals). */
  cdtRead: (rtype: number, opcode: number, args: Exp[], bin: Exp, ctx: unknown = null): Exp => [
    { op: 127, count: 5 },
    { op: 138, intVal: rtype },
    ...exp.int(0),
    { op: 139, count: args.length + 1, ctx },
    ...exp.int(opcode),
    ...args.flat(),
    ...bin,
  ],
  hll: (rtype: number, opcode: number, args: Exp[], bin: Exp): Exp => [
    { op: 127, count: 5 },
    { op: 138, intVal: rtype },
    ...exp.int(2),
    { op: 139, count: args.length + 1, ctx: null },
    ...exp.int(opcode),
    ...args.flat(),
    ...bin,
  ],
};

/** A CDT context built with the client's own class. */
export function ctx(): InstanceType<typeof cdt.Context> {
  return new cdt.Context();
}

// Never connected: the client packs expressions (expressionToBase64) without a server.
const packer = Aerospike.client({ hosts: "127.0.0.1:1" });

/**
 * Compiles and fails the test with the problems when compilation fails. Every compiled
 * expression is also packed by the official client, which must accept it.
 */
export function compiled(text: string, placeholders: readonly AelValue[] = []): unknown {
  const result = compileAel(text, placeholders);
  if (!result.ok) throw new Error(`${text}: ${JSON.stringify(result.errors)}`);
  const packed = packer.expressionToBase64(result.expression as AerospikeExp);
  expect(packed.length, text).toBeGreaterThan(0);
  return result.expression;
}

/** Compiles text that must fail and returns the first problem. */
export function problem(text: string, placeholders: readonly AelValue[] = []): AelProblem {
  const result = compileAel(text, placeholders);
  if (result.ok) throw new Error(`${text}: compiled but should have failed`);
  expect(result.errors.length).toBeGreaterThan(0);
  return result.errors[0] as AelProblem;
}

/** Asserts that `text` fails to compile with a first problem whose message contains `message`, at `position`. */
export function expectProblem(text: string, message: string, position: number): void {
  const p = problem(text);
  expect(p.message).toContain(message);
  expect(p.position).toBe(position);
}

/** One table row: AEL text and the expression array it must compile to. */
export type Case = readonly [text: string, expected: Exp];

/** Asserts a table of cases. */
export function expectCases(cases: readonly Case[]): void {
  for (const [text, expected] of cases) {
    expect(compiled(text), text).toEqual(expected);
  }
}

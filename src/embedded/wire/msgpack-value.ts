/**
 * The value model of Aerospike-flavoured MessagePack (lists, maps and CDT/expression payloads).
 *
 * Strings, blobs, GeoJSON and HLL values travel as msgpack `str` whose first payload byte is the
 * Aerospike particle type; the model keeps them apart as `str`, `bytes` (with its particle type) and
 * `geojson`. Integers are always `bigint`. Lists and maps remember the flags of their leading ext
 * header (`flags` absent = no header was present).
 */
export type MpValue =
  | MpNil
  | MpBool
  | MpInt
  | MpFloat
  | MpStr
  | MpBytes
  | MpGeo
  | MpList
  | MpMap
  | MpExt;

/** msgpack nil. */
export interface MpNil {
  readonly kind: "nil";
}
/** msgpack true/false. */
export interface MpBool {
  readonly kind: "bool";
  readonly value: boolean;
}
/** A 64-bit signed integer. */
export interface MpInt {
  readonly kind: "int";
  readonly value: bigint;
}
/** A double (float32 input is widened). */
export interface MpFloat {
  readonly kind: "float";
  readonly value: number;
}
/** A string (particle prefix 3). */
export interface MpStr {
  readonly kind: "str";
  readonly value: string;
}
/** A byte string with its particle type: 4 blob, 7..12 language blobs, 18 HLL. */
export interface MpBytes {
  readonly kind: "bytes";
  readonly particle: number;
  readonly value: Buffer;
}
/** A GeoJSON text (particle prefix 23). */
export interface MpGeo {
  readonly kind: "geojson";
  readonly value: string;
}
/** A list; `flags` is the type of the leading ext header (1 = ordered) when one was present. */
export interface MpList {
  readonly kind: "list";
  readonly items: MpValue[];
  readonly flags?: number;
}
/** A map in wire order; `flags` is the leading ext key's type (1 K-ordered, 3 KV-ordered, 8 preserve). */
export interface MpMap {
  readonly kind: "map";
  readonly entries: [MpValue, MpValue][];
  readonly flags?: number;
}
/** Any other ext value, e.g. WILDCARD (`type 0xff`, data `00`) and INF (`type 0xff`, data `01`). */
export interface MpExt {
  readonly kind: "ext";
  readonly type: number;
  readonly data: Buffer;
}

/** Particle-type prefix bytes used inside msgpack strings. */
export const MpPrefix = {
  STRING: 3,
  BLOB: 4,
  HLL: 18,
  GEOJSON: 23,
} as const;

/** The shared nil value. */
export const NIL: MpNil = { kind: "nil" };

/** Builds an integer value from a bigint or a safe JS integer. */
export function mpInt(value: bigint | number): MpInt {
  return { kind: "int", value: BigInt.asIntN(64, BigInt(value)) };
}

/** Builds a float value. */
export function mpFloat(value: number): MpFloat {
  return { kind: "float", value };
}

/** Builds a string value. */
export function mpStr(value: string): MpStr {
  return { kind: "str", value };
}

/** Builds a bool value. */
export function mpBool(value: boolean): MpBool {
  return { kind: "bool", value };
}

/** Builds a blob value (particle 4 unless given). */
export function mpBytes(value: Buffer, particle: number = MpPrefix.BLOB): MpBytes {
  return { kind: "bytes", particle, value };
}

/** Builds a list value. */
export function mpList(items: MpValue[], flags?: number): MpList {
  return flags === undefined ? { kind: "list", items } : { kind: "list", items, flags };
}

/** Builds a map value. */
export function mpMap(entries: [MpValue, MpValue][], flags?: number): MpMap {
  return flags === undefined ? { kind: "map", entries } : { kind: "map", entries, flags };
}

/** The WILDCARD comparison value (`d4 ff 00`). */
export const WILDCARD: MpExt = { kind: "ext", type: 0xff, data: Buffer.from([0]) };

/** The INF comparison value (`d4 ff 01`), greater than everything. */
export const INF: MpExt = { kind: "ext", type: 0xff, data: Buffer.from([1]) };

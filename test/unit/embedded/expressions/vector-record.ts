import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { WorkingRecord } from "../../../../src/embedded/commands/working-record.js";
import { BinList } from "../../../../src/embedded/store/bins.js";
import { encodeMsgpack } from "../../../../src/embedded/wire/msgpack-encode.js";
import type { MpValue } from "../../../../src/embedded/wire/msgpack-value.js";
import {
  boolParticle,
  floatParticle,
  geojsonParticle,
  intParticle,
  type Particle,
  stringParticle,
} from "../../../../src/embedded/wire/particle.js";

/** Path of the recorded expression vectors. */
export const VECTORS_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  "../../../../../shared/fixtures/aerospike-8.1.2/vectors/expressions.json",
);

/** One recorded case of `expressions.json`. */
export interface VectorCase {
  name: string;
  exp: unknown;
  flags: number;
  wire: string;
  volatile?: boolean;
  result:
    | { ok: { type: string; value: unknown; raw: string; client: unknown } }
    | { error: { code: number; message: string } };
}

/** The parsed vector file. */
export interface VectorFile {
  namespace: string;
  record: {
    ns: string;
    set: string;
    key: string;
    bins: Record<string, unknown>;
    stored: Record<string, { type: string; value: unknown }>;
    generation: number;
  };
  cases: VectorCase[];
  excluded: { name: string; exp: unknown }[];
}

/** Loads `expressions.json`. */
export function loadVectors(): VectorFile {
  return JSON.parse(readFileSync(VECTORS_FILE, "utf8")) as VectorFile;
}

/** Converts a typed fixture value (`$bigint`, `$float`, `$map`, …) into the msgpack model. */
export function fixtureToMp(v: unknown): MpValue {
  if (v === null) return { kind: "nil" };
  if (typeof v === "boolean") return { kind: "bool", value: v };
  if (typeof v === "number") {
    return Number.isInteger(v) ? { kind: "int", value: BigInt(v) } : { kind: "float", value: v };
  }
  if (typeof v === "string") return { kind: "str", value: v };
  if (Array.isArray(v)) return { kind: "list", items: v.map(fixtureToMp) };
  const o = v as Record<string, unknown>;
  if ("$bigint" in o) return { kind: "int", value: BigInt(o.$bigint as string) };
  if ("$float" in o) {
    const f = o.$float;
    return { kind: "float", value: typeof f === "number" ? f : Number(f) };
  }
  if ("$bytes" in o)
    return { kind: "bytes", particle: 4, value: Buffer.from(o.$bytes as string, "hex") };
  if ("$hll" in o)
    return { kind: "bytes", particle: 18, value: Buffer.from(o.$hll as string, "hex") };
  if ("$geojson" in o) return { kind: "geojson", value: o.$geojson as string };
  if ("$map" in o) {
    const entries = (o.$map as [unknown, unknown][]).map(
      ([k, val]) => [fixtureToMp(k), fixtureToMp(val)] as [MpValue, MpValue],
    );
    const flags = o.$flags as number | undefined;
    return flags === undefined ? { kind: "map", entries } : { kind: "map", entries, flags };
  }
  return {
    kind: "map",
    entries: Object.entries(o).map(([k, val]) => [fixtureToMp(k), fixtureToMp(val)]),
  };
}

/** The particle a stored fixture bin has on the server. */
export function storedParticle(type: string, value: unknown): Particle {
  const v = fixtureToMp(value);
  switch (type) {
    case "INTEGER":
      return intParticle((v as { value: bigint }).value);
    case "FLOAT":
      return floatParticle(v.kind === "float" ? v.value : Number((v as { value: bigint }).value));
    case "STRING":
      return stringParticle((v as { value: string }).value);
    case "BOOL":
      return boolParticle((v as { value: boolean }).value);
    case "BLOB":
      return { type: 4, data: (v as { value: Buffer }).value };
    case "HLL":
      return { type: 18, data: (v as { value: Buffer }).value };
    case "GEOJSON":
      return geojsonParticle((v as { value: string }).value);
    case "LIST":
      return { type: 20, data: encodeMsgpack(v) };
    case "MAP":
      return { type: 19, data: encodeMsgpack(v) };
    default:
      throw new Error(`unknown stored type ${type}`);
  }
}

/** The RIPEMD-160 digest the client computes for a string key. */
export function stringKeyDigest(set: string, key: string): Buffer {
  return createHash("ripemd160")
    .update(Buffer.concat([Buffer.from(set), Buffer.from([3]), Buffer.from(key)]))
    .digest();
}

/** The vector record as the server holds it (never expires, key stored). */
export function vectorRecord(file: VectorFile, nowMs = Date.now()): WorkingRecord {
  const r = file.record;
  const bins = new BinList();
  for (const [name, s] of Object.entries(r.stored)) bins.set(name, storedParticle(s.type, s.value));
  return {
    namespace: r.ns,
    digest: stringKeyDigest(r.set, r.key),
    setName: r.set,
    key: stringParticle(r.key),
    existed: true,
    generation: r.generation,
    voidTime: 0,
    lastUpdateMs: nowMs - 50,
    bins,
    nowMs,
  };
}

/** Particle type names used by the vectors' `type` field. */
export const PARTICLE_NAMES: Record<number, string> = {
  0: "NULL",
  1: "INTEGER",
  2: "FLOAT",
  3: "STRING",
  4: "BLOB",
  17: "BOOL",
  18: "HLL",
  19: "MAP",
  20: "LIST",
  23: "GEOJSON",
};

import Aerospike from "aerospike";
import type { AsValue, RecordKey } from "../mapping/model.js";
import { decodeAerospikeMsgpack } from "../mapping/msgpack.js";

// Without this the client returns HLL bins as plain Buffers, indistinguishable from blobs.
Aerospike.wrapHLL(true);

/** A value as the aerospike client takes it in bins, operations and keys. */
export type ClientValue = unknown;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Aerospike particle types, as `exp.binType` reports them. */
export const ParticleType = {
  NULL: 0,
  INTEGER: 1,
  FLOAT: 2,
  STRING: 3,
  BLOB: 4,
  BOOL: 17,
  HLL: 18,
  MAP: 19,
  LIST: 20,
  GEOJSON: 23,
} as const;

/**
 * Converts a domain value to what the client writes with the same particle type: doubles always as
 * `Aerospike.Double` (so 3.0 and -0.0 stay FLOAT), ints beyond ±2^53 as BigInt, maps as JS Maps
 * (any key type), GeoJSON and HLL as the client's wrapper classes.
 */
export function toClientValue(v: AsValue): ClientValue {
  switch (v.type) {
    case "nil":
      return null;
    case "bool":
    case "string":
      return v.value;
    case "int":
      return v.value >= -MAX_SAFE && v.value <= MAX_SAFE ? Number(v.value) : v.value;
    case "double":
      return clientDouble(v.value);
    case "bytes":
      return Buffer.from(v.value);
    case "geojson":
      return new Aerospike.GeoJSON(v.value);
    case "hll":
      return new Aerospike.HyperLogLog(Buffer.from(v.value));
    case "list":
      return v.value.map(toClientValue);
    case "map":
      return new Map(v.value.map((e) => [toClientValue(e.key), toClientValue(e.value)]));
  }
}

/**
 * Converts a top-level value the client returned, read with `deserialize: false`, to the domain
 * model. `particle` is the bin's particle type when known (from an `exp.binType` probe); without
 * it, integral numbers read as int, strings as string and buffers as blob — the client cannot tell
 * a FLOAT 3.0 from an INTEGER 3, a GeoJSON from a string, or a raw list from a blob.
 */
export function fromClientValue(js: unknown, particle?: number): AsValue {
  if (js === null || js === undefined) return { type: "nil" };
  if (typeof js === "boolean") return { type: "bool", value: js };
  if (typeof js === "bigint") return { type: "int", value: js };
  if (typeof js === "number") {
    if (particle === ParticleType.FLOAT || !Number.isInteger(js) || Object.is(js, -0)) {
      return { type: "double", value: js };
    }
    return { type: "int", value: BigInt(js) };
  }
  if (typeof js === "string") {
    return particle === ParticleType.GEOJSON
      ? { type: "geojson", value: js }
      : { type: "string", value: js };
  }
  if (js instanceof Aerospike.HyperLogLog) {
    return { type: "hll", value: new Uint8Array((js as { buffer: Buffer }).buffer) };
  }
  if (Buffer.isBuffer(js)) {
    if (particle === ParticleType.LIST || particle === ParticleType.MAP) {
      return decodeAerospikeMsgpack(js);
    }
    return { type: "bytes", value: new Uint8Array(js) };
  }
  if (Array.isArray(js)) return { type: "list", value: js.map((e) => fromClientValue(e)) };
  if (js instanceof Map) {
    return {
      type: "map",
      value: [...js.entries()].map(([k, e]) => ({
        key: fromClientValue(k),
        value: fromClientValue(e),
      })),
    };
  }
  if (typeof js === "object") {
    return {
      type: "map",
      value: Object.entries(js as Record<string, unknown>).map(([k, e]) => ({
        key: { type: "string", value: k },
        value: fromClientValue(e),
      })),
    };
  }
  throw new TypeError(`unexpected value from the aerospike client: ${typeof js}`);
}

/**
 * An `Aerospike.Double` holding exactly `value`. The constructor parses its argument as text,
 * which turns -0.0 into 0 and rejects NaN; the binding reads the `Double` field, so set it directly.
 */
export function clientDouble(value: number): InstanceType<typeof Aerospike.Double> {
  const d = new Aerospike.Double(0);
  (d as unknown as { Double: number }).Double = value;
  return d;
}

/**
 * Whether a top-level value as returned by the client needs the bin's particle type to be
 * decoded exactly: integral numbers (INTEGER or FLOAT), text that could be GeoJSON (a JSON
 * object: its first non-blank character is `{`), and buffers that could be a raw list or map
 * (read with `deserialize: false`; their first byte is a msgpack array or map header). Any other
 * string is a STRING, any other buffer a BLOB.
 */
export function needsParticleType(js: unknown): boolean {
  if (typeof js === "number") return Number.isInteger(js) && !Object.is(js, -0);
  if (typeof js === "string") return couldBeGeoJson(js);
  if (Buffer.isBuffer(js)) return js.length > 0 && isMsgpackContainerHeader(js[0] as number);
  return false;
}

function couldBeGeoJson(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // JSON's blanks: space, tab, line feed, carriage return.
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return c === 0x7b;
  }
  return false;
}

/** fixmap, fixarray, array 16/32, map 16/32. */
function isMsgpackContainerHeader(b: number): boolean {
  return (b >= 0x80 && b <= 0x9f) || (b >= 0xdc && b <= 0xdf);
}

/** Converts a domain key to an `Aerospike.Key` (digest alone when no user key is given). */
export function toClientKey(k: RecordKey): InstanceType<typeof Aerospike.Key> {
  const uk = k.userKey;
  const digest = k.digest === undefined ? undefined : Buffer.from(k.digest);
  let user: string | number | bigint | Buffer | undefined;
  if (typeof uk === "bigint") user = uk >= -MAX_SAFE && uk <= MAX_SAFE ? Number(uk) : uk;
  else if (uk instanceof Uint8Array) user = Buffer.from(uk);
  else user = uk;
  const set = k.set === "" ? null : k.set;
  // biome-ignore lint/suspicious/noExplicitAny: the client's Key typings omit bigint and null keys.
  return new Aerospike.Key(k.namespace, set as any, (user ?? null) as any, digest as any);
}

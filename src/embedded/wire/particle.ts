import { WireError } from "./errors.js";
import { normalizeGeojsonParticle } from "./geojson-particle.js";
import { decodeMsgpack } from "./msgpack-decode.js";
import { encodeMsgpack } from "./msgpack-encode.js";
import { MpPrefix, type MpValue, NIL } from "./msgpack-value.js";
import { ResultCode } from "./result-codes.js";

/** Particle types: the type byte of a bin value on the wire and in the store. */
export const ParticleType = {
  NULL: 0,
  INTEGER: 1,
  FLOAT: 2,
  STRING: 3,
  BLOB: 4,
  JAVA_BLOB: 7,
  CSHARP_BLOB: 8,
  PYTHON_BLOB: 9,
  RUBY_BLOB: 10,
  PHP_BLOB: 11,
  ERLANG_BLOB: 12,
  VECTOR: 16,
  BOOL: 17,
  HLL: 18,
  MAP: 19,
  LIST: 20,
  GEOJSON: 23,
} as const;

/**
 * A bin value as stored and sent: particle type plus the exact wire bytes.
 *
 * INTEGER/FLOAT are 8 bytes big-endian, BOOL one byte, STRING UTF-8, BLOB raw bytes, LIST/MAP
 * Aerospike msgpack, GEOJSON `flags(1) ncells(2) cells(8 each) json`, HLL the sketch bytes.
 */
export interface Particle {
  readonly type: number;
  readonly data: Buffer;
}

/** Whether `type` is a blob-like particle (4 or a language blob 7..12). */
export function isBlobType(type: number): boolean {
  return type === ParticleType.BLOB || (type >= 7 && type <= 12);
}

/** An INTEGER particle. */
export function intParticle(value: bigint): Particle {
  const data = Buffer.allocUnsafe(8);
  data.writeBigInt64BE(BigInt.asIntN(64, value));
  return { type: ParticleType.INTEGER, data };
}

/** A FLOAT particle. */
export function floatParticle(value: number): Particle {
  const data = Buffer.allocUnsafe(8);
  data.writeDoubleBE(value);
  return { type: ParticleType.FLOAT, data };
}

/** A STRING particle. */
export function stringParticle(value: string): Particle {
  return { type: ParticleType.STRING, data: Buffer.from(value, "utf8") };
}

/** A BOOL particle. */
export function boolParticle(value: boolean): Particle {
  return { type: ParticleType.BOOL, data: Buffer.from([value ? 1 : 0]) };
}

/** A GEOJSON particle without cell ids (flags 0, 0 cells). */
export function geojsonParticle(json: string): Particle {
  return { type: ParticleType.GEOJSON, data: Buffer.concat([Buffer.alloc(3), Buffer.from(json)]) };
}

/** Reads the integer of an INTEGER particle. */
export function particleInt(p: Particle): bigint {
  return p.data.readBigInt64BE(0);
}

/** Reads the double of a FLOAT particle. */
export function particleFloat(p: Particle): number {
  return p.data.readDoubleBE(0);
}

/** The JSON text of a GEOJSON particle (cells skipped). */
export function geojsonText(data: Buffer): string {
  if (data.length < 3) return "";
  const ncells = data.readUInt16BE(1);
  return data.subarray(Math.min(data.length, 3 + 8 * ncells)).toString("utf8");
}

/**
 * Converts a stored/wire particle into the msgpack value model (how CDT and expression code sees
 * a bin). NULL gives nil; unknown types give a `bytes` value carrying the particle type.
 */
export function particleToValue(p: Particle): MpValue {
  switch (p.type) {
    case ParticleType.NULL:
      return NIL;
    case ParticleType.INTEGER:
      return { kind: "int", value: particleInt(p) };
    case ParticleType.FLOAT:
      return { kind: "float", value: particleFloat(p) };
    case ParticleType.STRING:
      return { kind: "str", value: p.data.toString("utf8") };
    case ParticleType.BOOL:
      return { kind: "bool", value: (p.data[0] ?? 0) !== 0 };
    case ParticleType.GEOJSON:
      return { kind: "geojson", value: geojsonText(p.data) };
    case ParticleType.LIST:
    case ParticleType.MAP:
      return decodeMsgpack(p.data);
    default:
      return { kind: "bytes", particle: p.type, value: p.data };
  }
}

/** Converts a msgpack value into the particle it is stored as (ext values are not storable). */
export function valueToParticle(v: MpValue): Particle {
  switch (v.kind) {
    case "nil":
      return { type: ParticleType.NULL, data: Buffer.alloc(0) };
    case "int":
      return intParticle(v.value);
    case "float":
      return floatParticle(v.value);
    case "str":
      return stringParticle(v.value);
    case "bool":
      return boolParticle(v.value);
    case "geojson":
      return geojsonParticle(v.value);
    case "bytes":
      return { type: v.particle === MpPrefix.BLOB ? ParticleType.BLOB : v.particle, data: v.value };
    case "list":
      return { type: ParticleType.LIST, data: encodeMsgpack(v) };
    case "map":
      return { type: ParticleType.MAP, data: encodeMsgpack(v) };
    case "ext":
      throw new WireError(ResultCode.PARAMETER, "ext value cannot be stored in a bin");
  }
}

/**
 * Validates and normalises a particle received in a WRITE op, as the server does on input.
 *
 * INTEGER accepts 1/2/4/8-byte big-endian values (stored as 8), FLOAT needs 8 bytes, BOOL 1,
 * LIST/MAP must be one well-formed msgpack value of the right container type, GEOJSON must be
 * valid (160 otherwise) and points get their S2 cell id. Anything else throws {@link WireError}
 * PARAMETER.
 */
export function normalizeWriteParticle(type: number, data: Buffer): Particle {
  switch (type) {
    case ParticleType.INTEGER: {
      const n = data.length;
      if (n === 8) return { type, data };
      if (n === 1) return intParticle(BigInt(data.readInt8(0)));
      if (n === 2) return intParticle(BigInt(data.readInt16BE(0)));
      if (n === 4) return intParticle(BigInt(data.readInt32BE(0)));
      break;
    }
    case ParticleType.FLOAT:
      if (data.length === 8) return { type, data };
      break;
    case ParticleType.BOOL:
      if (data.length === 1) return { type, data };
      break;
    case ParticleType.STRING:
    case ParticleType.BLOB:
    case ParticleType.HLL:
      return { type, data };
    case ParticleType.LIST:
    case ParticleType.MAP: {
      const v = tryDecode(data);
      if (v && v.kind === (type === ParticleType.LIST ? "list" : "map")) return { type, data };
      break;
    }
    case ParticleType.GEOJSON:
      return { type, data: normalizeGeojsonParticle(data) };
    default:
      if (isBlobType(type)) return { type, data };
  }
  throw new WireError(ResultCode.PARAMETER, `invalid value for particle type ${type}`);
}

function tryDecode(data: Buffer): MpValue | undefined {
  try {
    return decodeMsgpack(data);
  } catch {
    return undefined;
  }
}

import { WireError } from "../wire/errors.js";
import { decodeMsgpack } from "../wire/msgpack-decode.js";
import type { MpValue } from "../wire/msgpack-value.js";
import { type Particle, ParticleType } from "../wire/particle.js";
import { ResultCode } from "../wire/result-codes.js";

/** Collection index types (as_msg field 26 and the `indextype=` info parameter). */
export const IndexCollection = {
  DEFAULT: 0,
  LIST: 1,
  MAPKEYS: 2,
  MAPVALUES: 3,
} as const;

/** The key type of a secondary index. */
export type IndexKeyType = "NUMERIC" | "STRING" | "BLOB" | "GEO2DSPHERE";

/** A secondary-index filter parsed from INDEX_RANGE (field 22). */
export interface IndexFilter {
  /** Bin name ("" when the index is addressed by name or expression). */
  readonly binName: string;
  readonly keyType: IndexKeyType;
  /** NUMERIC: inclusive bounds. */
  readonly begin: bigint;
  readonly end: bigint;
  /** STRING/BLOB/GEO: the value to match. */
  readonly value: Buffer;
}

function keyTypeOf(particleType: number): IndexKeyType | undefined {
  switch (particleType) {
    case ParticleType.INTEGER:
      return "NUMERIC";
    case ParticleType.STRING:
      return "STRING";
    case ParticleType.BLOB:
      return "BLOB";
    case ParticleType.GEOJSON:
      return "GEO2DSPHERE";
    default:
      return undefined;
  }
}

function bad(what: string): never {
  throw new WireError(ResultCode.PARAMETER, `bad index range: ${what}`);
}

/** Parses INDEX_RANGE: `n_ranges(1) bin_len(1) bin type(1) begin_len(4) begin end_len(4) end`. */
export function parseIndexRange(data: Buffer): IndexFilter {
  if (data.length < 2 || data[0] !== 1) bad("range count");
  const binLen = data[1] as number;
  let pos = 2 + binLen;
  if (pos + 1 + 4 > data.length) bad("truncated");
  const binName = data.subarray(2, pos).toString("utf8");
  const keyType = keyTypeOf(data[pos] as number);
  if (keyType === undefined) bad("particle type");
  pos++;
  const beginLen = data.readUInt32BE(pos);
  pos += 4;
  if (pos + beginLen + 4 > data.length) bad("truncated begin");
  const begin = data.subarray(pos, pos + beginLen);
  pos += beginLen;
  const endLen = data.readUInt32BE(pos);
  pos += 4;
  if (pos + endLen > data.length) bad("truncated end");
  const end = data.subarray(pos, pos + endLen);
  if (keyType === "NUMERIC") {
    if (beginLen !== 8 || endLen !== 8) bad("integer size");
    return {
      binName,
      keyType,
      begin: begin.readBigInt64BE(0),
      end: end.readBigInt64BE(0),
      value: begin,
    };
  }
  return { binName, keyType, begin: 0n, end: 0n, value: Buffer.from(begin) };
}

/** The values of a bin an index of `collection` type looks at. */
function indexedValues(p: Particle, collection: number): MpValue[] {
  if (collection === IndexCollection.DEFAULT) {
    switch (p.type) {
      case ParticleType.INTEGER:
        return [{ kind: "int", value: p.data.readBigInt64BE(0) }];
      case ParticleType.STRING:
        return [{ kind: "str", value: p.data.toString("utf8") }];
      case ParticleType.BLOB:
        return [{ kind: "bytes", particle: 4, value: p.data }];
      default:
        return [];
    }
  }
  if (p.type !== ParticleType.LIST && p.type !== ParticleType.MAP) return [];
  let v: MpValue;
  try {
    v = decodeMsgpack(p.data);
  } catch {
    return [];
  }
  if (collection === IndexCollection.LIST) return v.kind === "list" ? v.items : [];
  if (v.kind !== "map") return [];
  return v.entries.map(([k, val]) => (collection === IndexCollection.MAPKEYS ? k : val));
}

/**
 * Whether a bin value matches the filter; returns the matching index value (bval) or undefined.
 * NUMERIC bvals are the integer, other types a 64-bit hash of the value.
 */
export function matchIndexFilter(
  p: Particle,
  filter: IndexFilter,
  collection: number,
): bigint | undefined {
  for (const v of indexedValues(p, collection)) {
    switch (filter.keyType) {
      case "NUMERIC":
        if (v.kind === "int" && v.value >= filter.begin && v.value <= filter.end) return v.value;
        break;
      case "STRING":
        if (v.kind === "str" && Buffer.from(v.value, "utf8").equals(filter.value)) {
          return hashBval(filter.value);
        }
        break;
      case "BLOB":
        if (v.kind === "bytes" && v.value.equals(filter.value)) return hashBval(filter.value);
        break;
      default:
        break;
    }
  }
  return undefined;
}

/** A 64-bit FNV-1a hash standing in for the server's string/blob bval. */
export function hashBval(bytes: Buffer): bigint {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) {
    h ^= BigInt(b);
    h = BigInt.asUintN(64, h * 0x100000001b3n);
  }
  return h;
}

/** The BVAL field payload: u64 little-endian. */
export function encodeBval(bval: bigint): Buffer {
  const out = Buffer.allocUnsafe(8);
  out.writeBigUInt64LE(BigInt.asUintN(64, bval));
  return out;
}

import type { WorkingRecord } from "../commands/working-record.js";
import type { MpValue } from "../wire/msgpack-value.js";
import { ParticleType } from "../wire/particle.js";
import { ExpOp } from "./op-codes.js";
import { type EvalResult, ExpType, UNKNOWN } from "./types.js";

/** Seconds from the Unix epoch to the Citrusleaf epoch (2010-01-01T00:00:00Z). */
export const CITRUSLEAF_EPOCH_S = 1262304000;

const int = (v: bigint | number): MpValue => ({ kind: "int", value: BigInt(v) });

function uintvarSize(v: number): number {
  let n = 1;
  while (v >= 0x80) {
    v >>>= 7;
    n++;
  }
  return n;
}

function intFlatSize(data: Buffer): number {
  const u = BigInt.asUintN(64, data.readBigInt64BE(0));
  if (u > 0xffffffffn) return 10;
  if (u > 0xffffn) return 6;
  if (u > 0xffn) return 4;
  return 3;
}

function particleFlatSize(type: number, data: Buffer): number {
  switch (type) {
    case ParticleType.INTEGER:
      return intFlatSize(data);
    case ParticleType.FLOAT:
      return 9;
    case ParticleType.BOOL:
      return 2;
    case ParticleType.GEOJSON: {
      // The server stores the S2 cell ids it computes (one for a point); count one if none.
      const cells = data.length >= 3 ? data.readUInt16BE(1) : 0;
      return 5 + data.length + (cells === 0 ? 8 : 0);
    }
    default:
      return 5 + data.length;
  }
}

/**
 * The record's stored size in bytes, as RECORD_SIZE / MEMORY_SIZE report it: the server's flat
 * record layout (header, void time, set, key, bins with their flat particle sizes) rounded up
 * to 16-byte blocks.
 */
export function recordSize(rec: WorkingRecord): number {
  let n = 35;
  if (rec.voidTime !== 0) n += 4;
  if (rec.setName !== "") n += 1 + Buffer.byteLength(rec.setName);
  if (rec.key !== undefined) {
    const keySize = rec.key.data.length + 1;
    n += uintvarSize(keySize) + keySize;
  }
  const bins = rec.bins.entries();
  if (bins.length > 0) n += uintvarSize(bins.length);
  for (const b of bins) {
    n += 1 + Buffer.byteLength(b.name) + particleFlatSize(b.particle.type, b.particle.data);
  }
  return Math.ceil(n / 16) * 16;
}

/** TTL seconds left for a void time (Citrusleaf seconds), -1 for never, at least 1. */
export function ttlOf(voidTime: number, nowMs: number): number {
  if (voidTime === 0) return -1;
  const now = Math.floor(nowMs / 1000) - CITRUSLEAF_EPOCH_S;
  return voidTime > now ? voidTime - now : 1;
}

/** Evaluates a record-metadata op (codes 64..74). */
export function evalMeta(code: number, mod: bigint, rec: WorkingRecord): EvalResult {
  switch (code) {
    case ExpOp.DIGEST_MODULO: {
      const v = rec.digest.length >= 20 ? rec.digest.readUInt32LE(16) : 0;
      return int(BigInt(v) % mod);
    }
    case ExpOp.DEVICE_SIZE:
      return int(0);
    case ExpOp.LAST_UPDATE:
      return int(BigInt(rec.lastUpdateMs) * 1_000_000n);
    case ExpOp.SINCE_UPDATE:
      return int(Math.max(0, rec.nowMs - rec.lastUpdateMs));
    case ExpOp.VOID_TIME:
      return int(
        rec.voidTime === 0 ? -1n : BigInt(rec.voidTime + CITRUSLEAF_EPOCH_S) * 1_000_000_000n,
      );
    case ExpOp.TTL:
      return int(ttlOf(rec.voidTime, rec.nowMs));
    case ExpOp.SET_NAME:
      return { kind: "str", value: rec.setName };
    case ExpOp.KEY_EXISTS:
      return { kind: "bool", value: rec.key !== undefined };
    case ExpOp.IS_TOMBSTONE:
      return { kind: "bool", value: false };
    case ExpOp.MEMORY_SIZE:
    case ExpOp.RECORD_SIZE:
      return int(recordSize(rec));
    default:
      return UNKNOWN;
  }
}

/** Evaluates KEY: the stored user key if it has the requested type, else unknown. */
export function evalKey(type: number, rec: WorkingRecord): EvalResult {
  const k = rec.key;
  if (k === undefined) return UNKNOWN;
  if (k.type === ParticleType.INTEGER && k.data.length === 8 && type === ExpType.INT) {
    return int(k.data.readBigInt64BE(0));
  }
  if (k.type === ParticleType.STRING && type === ExpType.STR) {
    return { kind: "str", value: k.data.toString("utf8") };
  }
  if (k.type === ParticleType.BLOB && type === ExpType.BLOB) {
    return { kind: "bytes", particle: ParticleType.BLOB, value: k.data };
  }
  return UNKNOWN;
}

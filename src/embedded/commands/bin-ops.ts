import { isValidHllParticle } from "../hll/index.js";
import type { MsgOp } from "../wire/as-msg.js";
import { WireError } from "../wire/errors.js";
import {
  floatParticle,
  intParticle,
  isBlobType,
  normalizeWriteParticle,
  type Particle,
  ParticleType,
} from "../wire/particle.js";
import { ResultCode } from "../wire/result-codes.js";
import type { OpOutcome } from "./extensions.js";
import type { WorkingRecord } from "./working-record.js";

const OK: OpOutcome = { code: ResultCode.OK };

/** WRITE: sets a bin, or deletes it when the particle type is NULL. */
export function writeOp(op: MsgOp, name: string, rec: WorkingRecord): OpOutcome {
  if (op.particleType === ParticleType.NULL) {
    rec.bins.remove(name);
    return OK;
  }
  try {
    // Copy: the op value is a view into the request frame, which must not be retained.
    const p = normalizeWriteParticle(op.particleType, op.value);
    if (p.type === ParticleType.HLL && !isValidHllParticle(p.data))
      return { code: ResultCode.PARAMETER };
    rec.bins.set(name, { type: p.type, data: Buffer.from(p.data) });
  } catch (e) {
    return { code: e instanceof WireError ? e.resultCode : ResultCode.PARAMETER };
  }
  return OK;
}

/** INCR: adds an integer to an integer bin or a float to a float bin; creates missing bins. */
export function incrOp(op: MsgOp, name: string, rec: WorkingRecord): OpOutcome {
  const current = rec.bins.get(name);
  if (op.particleType === ParticleType.INTEGER) {
    let delta: Particle;
    try {
      delta = normalizeWriteParticle(ParticleType.INTEGER, op.value);
    } catch {
      return { code: ResultCode.PARAMETER };
    }
    const d = delta.data.readBigInt64BE(0);
    if (current === undefined) {
      rec.bins.set(name, intParticle(d));
      return OK;
    }
    if (current.type !== ParticleType.INTEGER) return { code: ResultCode.INCOMPATIBLE_TYPE };
    rec.bins.set(name, intParticle(current.data.readBigInt64BE(0) + d));
    return OK;
  }
  if (op.particleType === ParticleType.FLOAT) {
    if (op.value.length !== 8) return { code: ResultCode.PARAMETER };
    const d = op.value.readDoubleBE(0);
    if (current === undefined) {
      rec.bins.set(name, floatParticle(d));
      return OK;
    }
    if (current.type !== ParticleType.FLOAT) return { code: ResultCode.INCOMPATIBLE_TYPE };
    rec.bins.set(name, floatParticle(current.data.readDoubleBE(0) + d));
    return OK;
  }
  return { code: ResultCode.PARAMETER };
}

/** APPEND / PREPEND: concatenates to a string or blob bin of the same type; creates missing bins. */
export function concatOp(op: MsgOp, name: string, rec: WorkingRecord, prepend: boolean): OpOutcome {
  const t = op.particleType;
  if (t !== ParticleType.STRING && !isBlobType(t)) return { code: ResultCode.PARAMETER };
  const current = rec.bins.get(name);
  if (current === undefined) {
    rec.bins.set(name, { type: t, data: Buffer.from(op.value) });
    return OK;
  }
  if (current.type !== t) return { code: ResultCode.INCOMPATIBLE_TYPE };
  const data = prepend
    ? Buffer.concat([op.value, current.data])
    : Buffer.concat([current.data, op.value]);
  rec.bins.set(name, { type: t, data });
  return OK;
}

/**
 * Aerospike-compatible HyperLogLog (HyperMinHash) for the embedded server: particle layout, element
 * hashing, estimators, multi-sketch operations and the HLL op layer.
 *
 * Operate dispatcher usage, for a wire op of type 15 (HLL_READ) or 16 (HLL_MODIFY):
 *
 * ```ts
 * const out = applyHllOpPayload(op.type === 15 ? "read" : "modify", op.value, bins.get(op.name));
 * if (out.resultCode !== 0) return failCommand(out.resultCode); // record left unchanged
 * if (out.newBin) bins.set(op.name, { particleType: HLL_PARTICLE_TYPE, bytes: out.newBin });
 * respond(op.name, out.result === undefined ? null : encodeHllResult(out.result));
 * ```
 *
 * Expressions (CALL with system type 2) re-encode each evaluated argument as msgpack and call
 * {@link applyHllOp} with `{ kind, code, args }`; a modify call's value is `newBin`.
 * A WRITE of an HLL value (particle type 18) must pass {@link isValidHllParticle}, else result 4.
 */

export { applyHllOp, applyHllOpPayload } from "./apply-op.js";
export {
  HLL_PARTICLE_TYPE,
  HllOpCode,
  HllResultCode,
  HllWriteFlag,
} from "./constants.js";
export { addElement, canonicalElement, hashElement, mayContainElement } from "./element.js";
export { computeCardinality, estimateCardinality } from "./estimate.js";
export {
  compatibleTemplate,
  foldSketch,
  intersectCount,
  similarity,
  unionCount,
  unionOf,
} from "./multi.js";
export { murmur3x64128 } from "./murmur3.js";
export { decodeHllOpPayload, isKnownOpCode } from "./op-args.js";
export { hllOpHandler } from "./op-handler.js";
export type {
  HllBinValue,
  HllOp,
  HllOpKind,
  HllOpOutcome,
  HllResultValue,
} from "./op-types.js";
export { encodeHllResult, type HllResultParticle } from "./result-particle.js";
export {
  emptySketch,
  type HllSketch,
  hllParticleSize,
  isValidHllParticle,
  parseSketch,
  serializeSketch,
} from "./sketch.js";

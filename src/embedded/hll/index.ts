/**
 * Aerospike-compatible HyperLogLog (HyperMinHash) for the embedded server: particle layout, element
 * hashing, estimators, multi-sketch operations and the HLL op layer.
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

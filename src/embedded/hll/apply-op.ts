/**
 * The HLL op layer: applies one HLL read or modify op to a bin exactly as Aerospike 8.1.2 does,
 * including every write flag and error case, and reports the result code, the op's result value and
 * the new bin value.
 */

import { HLL_PARTICLE_TYPE, HllOpCode, HllResultCode, HllWriteFlag } from "./constants.js";
import { addElement, mayContainElement } from "./element.js";
import { estimateCardinality } from "./estimate.js";
import {
  compatibleTemplate,
  foldSketch,
  intersectCount,
  similarity,
  unionCount,
  unionOf,
} from "./multi.js";
import { decodeHllOpPayload, type ParsedHllArgs, parseHllArgs, UNSET_BITS } from "./op-args.js";
import type { HllBinValue, HllOp, HllOpKind, HllOpOutcome } from "./op-types.js";
import {
  cloneSketch,
  emptySketch,
  type HllSketch,
  isValidBitCombination,
  isValidHllParticle,
  parseSketch,
  serializeSketch,
} from "./sketch.js";

const fail = (resultCode: number): HllOpOutcome => ({ resultCode });
const OK_NULL: HllOpOutcome = { resultCode: HllResultCode.OK };

function hasFlag(args: ParsedHllArgs, flag: number): boolean {
  return (args.flags & BigInt(flag)) !== 0n;
}

/** Checks an existing bin is a well-formed HLL: 12 for another type, 1 for a corrupt particle. */
function verifyBin(bin: HllBinValue): number {
  if (bin.particleType !== HLL_PARTICLE_TYPE) {
    return HllResultCode.INCOMPATIBLE_TYPE;
  }
  return isValidHllParticle(bin.bytes) ? HllResultCode.OK : HllResultCode.SERVER_ERROR;
}

/** Resolves the (p, q) a modify op produces, or an error code (the server's "prepare" step). */
function prepareModify(
  code: number,
  args: ParsedHllArgs,
  old: HllSketch | undefined,
): { p: number; q: number } | number {
  switch (code) {
    case HllOpCode.INIT:
    case HllOpCode.ADD: {
      if (old === undefined) {
        if (args.indexBits === UNSET_BITS) {
          return HllResultCode.OP_NOT_APPLICABLE;
        }
        return { p: args.indexBits, q: args.minhashBits === UNSET_BITS ? 0 : args.minhashBits };
      }
      if (code === HllOpCode.ADD) {
        return { p: old.indexBits, q: old.minhashBits };
      }
      const p = args.indexBits === UNSET_BITS ? old.indexBits : args.indexBits;
      const q = args.minhashBits === UNSET_BITS ? old.minhashBits : args.minhashBits;
      return isValidBitCombination(p, q) ? { p, q } : HllResultCode.OP_NOT_APPLICABLE;
    }
    case HllOpCode.SET_UNION: {
      const t = compatibleTemplate(args.hlls.map(parseSketch));
      if (old === undefined) {
        return { p: t.indexBits, q: t.minhashBits };
      }
      if (hasFlag(args, HllWriteFlag.ALLOW_FOLD)) {
        const q = old.minhashBits !== t.minhashBits ? 0 : t.minhashBits;
        return { p: Math.min(old.indexBits, t.indexBits), q };
      }
      if (old.indexBits > t.indexBits) {
        return HllResultCode.OP_NOT_APPLICABLE;
      }
      if (old.minhashBits !== 0 && old.minhashBits !== t.minhashBits) {
        return HllResultCode.OP_NOT_APPLICABLE;
      }
      return { p: old.indexBits, q: old.minhashBits };
    }
    case HllOpCode.REFRESH_COUNT:
      return old === undefined
        ? HllResultCode.BIN_NOT_FOUND
        : { p: old.indexBits, q: old.minhashBits };
    default: {
      // FOLD
      if (old === undefined) {
        return HllResultCode.BIN_NOT_FOUND;
      }
      if (old.minhashBits > 0 || old.indexBits < args.indexBits) {
        return HllResultCode.OP_NOT_APPLICABLE;
      }
      return { p: args.indexBits, q: 0 };
    }
  }
}

function applyModify(op: HllOp, bin: HllBinValue | undefined): HllOpOutcome {
  if (bin !== undefined) {
    const verified = verifyBin(bin);
    if (verified !== HllResultCode.OK) {
      return fail(verified);
    }
  }
  const args = parseHllArgs(op);
  if (args === undefined) {
    return fail(HllResultCode.PARAMETER);
  }
  if (bin !== undefined && hasFlag(args, HllWriteFlag.CREATE_ONLY)) {
    return hasFlag(args, HllWriteFlag.NO_FAIL) ? OK_NULL : fail(HllResultCode.BIN_EXISTS);
  }
  if (bin === undefined && hasFlag(args, HllWriteFlag.UPDATE_ONLY)) {
    return hasFlag(args, HllWriteFlag.NO_FAIL) ? OK_NULL : fail(HllResultCode.BIN_NOT_FOUND);
  }
  const old = bin === undefined ? undefined : parseSketch(bin.bytes);
  const bits = prepareModify(op.code, args, old);
  if (typeof bits === "number") {
    return fail(bits);
  }
  switch (op.code) {
    case HllOpCode.INIT:
      return { resultCode: 0, newBin: serializeSketch(emptySketch(bits.p, bits.q)) };
    case HllOpCode.ADD: {
      const s = old === undefined ? emptySketch(bits.p, bits.q) : cloneSketch(old);
      let added = 0n;
      for (const element of args.elements) {
        if (addElement(s, element)) {
          added++;
        }
      }
      return { resultCode: 0, result: added, newBin: serializeSketch(s) };
    }
    case HllOpCode.SET_UNION: {
      const all = args.hlls.map(parseSketch);
      if (old !== undefined) {
        all.push(old);
      }
      return { resultCode: 0, newBin: serializeSketch(unionOf(all)) };
    }
    case HllOpCode.REFRESH_COUNT: {
      const s = cloneSketch(old!);
      s.cache = estimateCardinality(s);
      return { resultCode: 0, result: s.cache, newBin: serializeSketch(s) };
    }
    default:
      return { resultCode: 0, newBin: serializeSketch(foldSketch(old!, bits.p)) };
  }
}

function applyRead(op: HllOp, bin: HllBinValue): HllOpOutcome {
  const verified = verifyBin(bin);
  if (verified !== HllResultCode.OK) {
    return fail(verified);
  }
  const args = parseHllArgs(op);
  if (args === undefined) {
    return fail(HllResultCode.PARAMETER);
  }
  const own = parseSketch(bin.bytes);
  // The server lists the argument HLLs first and the bin's own HLL last.
  const all = [...args.hlls.map(parseSketch), own];
  switch (op.code) {
    case HllOpCode.GET_COUNT:
      return { resultCode: 0, result: estimateCardinality(own) };
    case HllOpCode.GET_UNION:
      return { resultCode: 0, result: serializeSketch(unionOf(all)) };
    case HllOpCode.GET_UNION_COUNT:
      return { resultCode: 0, result: unionCount(all) };
    case HllOpCode.GET_INTERSECT_COUNT:
    case HllOpCode.GET_SIMILARITY: {
      const q0 = args.hlls[0]![2]!;
      if (args.hlls.length > 2 && (own.minhashBits === 0 || own.minhashBits !== q0)) {
        return fail(HllResultCode.OP_NOT_APPLICABLE);
      }
      const result = op.code === HllOpCode.GET_SIMILARITY ? similarity(all) : intersectCount(all);
      return { resultCode: 0, result };
    }
    case HllOpCode.DESCRIBE:
      return { resultCode: 0, result: [BigInt(own.indexBits), BigInt(own.minhashBits)] };
    default: {
      // MAY_CONTAIN
      const all1 = args.elements.every((e) => mayContainElement(own, e));
      return { resultCode: 0, result: all1 ? 1n : 0n };
    }
  }
}

/**
 * Applies a decoded HLL op to the bin's current value (`undefined` = the bin does not exist; the
 * record itself is assumed to exist — a read on a missing record is the caller's result code 2).
 *
 * A read op on a missing bin succeeds with a null result without looking at its arguments, as the
 * server does. See {@link HllOpOutcome} for how to use the outcome.
 */
export function applyHllOp(op: HllOp, bin: HllBinValue | undefined): HllOpOutcome {
  if (op.kind === "read") {
    return bin === undefined ? OK_NULL : applyRead(op, bin);
  }
  return applyModify(op, bin);
}

/**
 * Decodes a raw HLL op payload (the msgpack value of wire op 15 HLL_READ or 16 HLL_MODIFY) and
 * applies it with {@link applyHllOp}, reproducing the server's order of checks.
 */
export function applyHllOpPayload(
  kind: HllOpKind,
  payload: Uint8Array,
  bin: HllBinValue | undefined,
): HllOpOutcome {
  if (kind === "read" && bin === undefined) {
    return OK_NULL;
  }
  const op = decodeHllOpPayload(kind, payload);
  return op === undefined ? fail(HllResultCode.PARAMETER) : applyHllOp(op, bin);
}

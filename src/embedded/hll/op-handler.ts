/**
 * Adapter plugging the HLL op layer into the command layer's op extension point: register
 * {@link hllOpHandler} for wire op types 15 (HLL_READ) and 16 (HLL_MODIFY).
 */

import type { OpContext, OpHandler, OpOutcome } from "../commands/extensions.js";
import type { MsgOp } from "../wire/as-msg.js";
import { applyHllOpPayload } from "./apply-op.js";
import { HLL_PARTICLE_TYPE } from "./constants.js";
import type { HllBinValue } from "./op-types.js";
import { encodeHllResult } from "./result-particle.js";

const HLL_READ_OP = 15;

/**
 * Runs one HLL op against the working record: reads and modifies `ctx.record.bins` and returns the
 * op's result particle (undefined for a null entry) or the failing result code.
 */
export const hllOpHandler: OpHandler = (op: MsgOp, ctx: OpContext): OpOutcome => {
  const kind = op.opType === HLL_READ_OP ? "read" : "modify";
  const stored = ctx.record.bins.get(ctx.binName);
  const bin: HllBinValue | undefined =
    stored === undefined ? undefined : { particleType: stored.type, bytes: stored.data };
  const out = applyHllOpPayload(kind, op.value, bin);
  if (out.resultCode !== 0) {
    return { code: out.resultCode };
  }
  if (out.newBin !== undefined) {
    const data = Buffer.from(out.newBin.buffer, out.newBin.byteOffset, out.newBin.byteLength);
    ctx.record.bins.set(ctx.binName, { type: HLL_PARTICLE_TYPE, data });
  }
  if (out.result === undefined) {
    return { code: 0 };
  }
  const particle = encodeHllResult(out.result);
  const data = Buffer.from(
    particle.bytes.buffer,
    particle.bytes.byteOffset,
    particle.bytes.byteLength,
  );
  return { code: 0, result: { type: particle.particleType, data } };
};

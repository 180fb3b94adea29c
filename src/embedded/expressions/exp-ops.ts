import type { OpContext, OpOutcome } from "../commands/extensions.js";
import type { MsgOp } from "../wire/as-msg.js";
import { MsgpackReader } from "../wire/msgpack-decode.js";
import { type Particle, ParticleType, valueToParticle } from "../wire/particle.js";
import { ResultCode } from "../wire/result-codes.js";
import type { CompiledExpression } from "./build.js";
import { compileCached } from "./compile-cache.js";
import { evaluate } from "./evaluate.js";
import { ExpBuildError, UNKNOWN } from "./types.js";

/** Flags of EXP_READ / EXP_MODIFY ops. */
export const ExpOpFlag = {
  CREATE_ONLY: 1,
  UPDATE_ONLY: 2,
  ALLOW_DELETE: 4,
  POLICY_NO_FAIL: 8,
  EVAL_NO_FAIL: 16,
} as const;

const MODIFY_FLAGS = 31n;
const READ_FLAGS = 16n;
const NIL_PARTICLE: Particle = { type: ParticleType.NULL, data: Buffer.alloc(0) };

interface ParsedExpOp {
  readonly exp: CompiledExpression;
  readonly flags: number;
}

/** Parses an EXP op value `[expression, flags?]`; a number is the result code of a failure. */
export function parseExpOp(value: Buffer, modify: boolean): ParsedExpOp | number {
  try {
    const r = new MsgpackReader(value);
    const n = r.readArrayHeader();
    if (n === undefined || n === 0 || n > 2) return ResultCode.PARAMETER;
    const start = r.offset;
    r.skipValue();
    const expBytes = value.subarray(start, r.offset);
    let flags = 0n;
    if (n === 2) {
      const f = r.readInt();
      if (f !== undefined && f >= 0n) flags = f;
    }
    if ((flags & ~(modify ? MODIFY_FLAGS : READ_FLAGS)) !== 0n) return ResultCode.PARAMETER;
    return { exp: compileCached(expBytes), flags: Number(flags) };
  } catch (e) {
    return e instanceof ExpBuildError ? e.code : ResultCode.PARAMETER;
  }
}

/** Evaluates the op's expression to a particle (NULL for nil), or undefined when it fails. */
function evalToParticle(parsed: ParsedExpOp, ctx: OpContext): Particle | undefined {
  try {
    const v = evaluate(parsed.exp.root, { record: ctx.record, vars: new Array(parsed.exp.slots) });
    if (v === UNKNOWN || v.kind === "ext") return undefined;
    return v.kind === "nil" ? NIL_PARTICLE : valueToParticle(v);
  } catch {
    // Evaluation never throws for well-formed trees; treat anything unexpected as a failure.
    return undefined;
  }
}

/**
 * EXP_READ (op 7): evaluates the expression and returns its value under the op's bin name
 * without writing it. Failure → 26 OP_NOT_APPLICABLE, or nil with EVAL_NO_FAIL.
 */
export function expReadHandler(op: MsgOp, ctx: OpContext): OpOutcome {
  const parsed = parseExpOp(op.value, false);
  if (typeof parsed === "number") return { code: parsed };
  const p = evalToParticle(parsed, ctx);
  if (p === undefined) {
    if ((parsed.flags & ExpOpFlag.EVAL_NO_FAIL) !== 0)
      return { code: ResultCode.OK, result: NIL_PARTICLE };
    return { code: ResultCode.OP_NOT_APPLICABLE };
  }
  return { code: ResultCode.OK, result: p };
}

/**
 * EXP_MODIFY (op 8): evaluates the expression and stores its value in the op's bin, honouring
 * CREATE_ONLY (6), UPDATE_ONLY (17), ALLOW_DELETE (nil deletes; else 26), POLICY_NO_FAIL and
 * EVAL_NO_FAIL exactly as the server does, including its "any flag makes a refused delete a
 * no-op" quirk.
 */
export function expModifyHandler(op: MsgOp, ctx: OpContext): OpOutcome {
  const parsed = parseExpOp(op.value, true);
  if (typeof parsed === "number") return { code: parsed };
  const { flags } = parsed;
  const bins = ctx.record.bins;
  const existed = bins.has(ctx.binName);
  const noFail = (flags & ExpOpFlag.POLICY_NO_FAIL) !== 0;
  if (existed && (flags & ExpOpFlag.CREATE_ONLY) !== 0) {
    return { code: noFail ? ResultCode.OK : ResultCode.BIN_EXISTS };
  }
  if (!existed && (flags & ExpOpFlag.UPDATE_ONLY) !== 0) {
    return { code: noFail ? ResultCode.OK : ResultCode.BIN_NOT_FOUND };
  }
  const p = evalToParticle(parsed, ctx);
  if (p === undefined) {
    return {
      code: (flags & ExpOpFlag.EVAL_NO_FAIL) !== 0 ? ResultCode.OK : ResultCode.OP_NOT_APPLICABLE,
    };
  }
  if (p.type === ParticleType.NULL) {
    if (!existed) return { code: ResultCode.OK };
    if ((flags & ExpOpFlag.ALLOW_DELETE) === 0) {
      return { code: flags !== 0 ? ResultCode.OK : ResultCode.OP_NOT_APPLICABLE };
    }
    bins.remove(ctx.binName);
    return { code: ResultCode.OK };
  }
  bins.set(ctx.binName, p);
  return { code: ResultCode.OK };
}

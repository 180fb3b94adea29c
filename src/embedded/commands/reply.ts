import type { AsMsg, MsgOp } from "../wire/as-msg.js";
import { emptyReply } from "../wire/as-msg.js";
import { type Particle, ParticleType } from "../wire/particle.js";

const EMPTY = Buffer.alloc(0);

/** A response op entry carrying a bin value (or nil when `particle` is undefined). */
export function resultOp(
  opType: number,
  name: string | Buffer,
  particle: Particle | undefined,
): MsgOp {
  return {
    opType,
    particleType: particle?.type ?? ParticleType.NULL,
    flags: 0,
    name: typeof name === "string" ? Buffer.from(name, "utf8") : name,
    value: particle?.data ?? EMPTY,
  };
}

/** A reply header with a result code, generation, void time and ops. */
export function recordReply(
  resultCode: number,
  generation: number,
  voidTime: number,
  ops: readonly MsgOp[] = [],
): AsMsg {
  return emptyReply(resultCode, { generation, recordTtl: voidTime, ops });
}

/** A reply with only a result code. */
export function codeReply(resultCode: number): AsMsg {
  return emptyReply(resultCode);
}

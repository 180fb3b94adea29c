import type { CommandContext } from "../../../../src/embedded/commands/command-context.js";
import { type Extensions, emptyExtensions } from "../../../../src/embedded/commands/extensions.js";
import { newStats } from "../../../../src/embedded/info/stats.js";
import { Store } from "../../../../src/embedded/store/store.js";
import type { AsMsg, MsgField, MsgOp } from "../../../../src/embedded/wire/as-msg.js";
import { FieldType } from "../../../../src/embedded/wire/as-msg-constants.js";
import {
  intParticle,
  type Particle,
  stringParticle,
} from "../../../../src/embedded/wire/particle.js";

/** A 20-byte digest filled with `n`. */
export function digest(n: number): Buffer {
  return Buffer.alloc(20, n);
}

/** Namespace, set and digest fields (+ optional extra fields). */
export function keyFields(d: Buffer, set = "s", extra: MsgField[] = []): MsgField[] {
  return [
    { type: FieldType.NAMESPACE, data: Buffer.from("test") },
    { type: FieldType.SET, data: Buffer.from(set) },
    { type: FieldType.DIGEST, data: d },
    ...extra,
  ];
}

/** An op with a bin name and particle. */
export function op(opType: number, name: string, p?: Particle): MsgOp {
  return {
    opType,
    particleType: p?.type ?? 0,
    flags: 0,
    name: Buffer.from(name),
    value: p?.data ?? Buffer.alloc(0),
  };
}

/** A request message with defaults of zero. */
export function msg(partial: Partial<AsMsg> & { fields: MsgField[] }): AsMsg {
  return {
    info1: 0,
    info2: 0,
    info3: 0,
    info4: 0,
    resultCode: 0,
    generation: 0,
    recordTtl: 0,
    transactionTtl: 1000,
    ops: [],
    ...partial,
  };
}

/** A command context over a fresh store with a controllable clock. */
export function context(extensions: Extensions = emptyExtensions()): CommandContext & {
  setNow(ms: number): void;
} {
  let now = Date.UTC(2026, 0, 1);
  const store = new Store([{ name: "test", defaultTtl: 0 }], () => now);
  return {
    store,
    extensions,
    stats: newStats(),
    setNow: (ms: number) => {
      now = ms;
    },
  };
}

export { intParticle, stringParticle };

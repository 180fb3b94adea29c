import Aerospike from "aerospike";
import type { ExistsMode, WriteSettings } from "../mapping/model.js";
import type { CompiledExpression } from "./expressions.js";
import { wireExpression } from "./wire-expression.js";

/** Timeouts of one command, from the caller's remaining deadline capped by configuration. */
export interface CommandTimeouts {
  /** Aerospike total timeout in milliseconds (> 0). */
  readonly totalMs: number;
  /** Whether the total comes from the caller's deadline (a TIMEOUT then means the deadline ran out). */
  readonly deadlineBound: boolean;
}

/**
 * The total timeout for a command: the caller's remaining time when it is below `capMs`, else the
 * cap (or `defaultMs` when the caller set no deadline). Returns undefined when the remaining time
 * is already used up: the command must not start.
 */
export function commandTimeouts(
  remainingMs: number | undefined,
  defaultMs: number,
  capMs: number,
): CommandTimeouts | undefined {
  if (remainingMs === undefined)
    return { totalMs: Math.min(defaultMs, capMs), deadlineBound: false };
  if (remainingMs > capMs) return { totalMs: capMs, deadlineBound: false };
  const total = Math.floor(remainingMs);
  if (total <= 0) return undefined;
  return { totalMs: total, deadlineBound: true };
}

const EXISTS: Readonly<Record<ExistsMode, number>> = {
  create: Aerospike.policy.exists.CREATE,
  update: Aerospike.policy.exists.UPDATE,
  upsert: Aerospike.policy.exists.IGNORE,
  replace: Aerospike.policy.exists.CREATE_OR_REPLACE,
  replaceIfExists: Aerospike.policy.exists.REPLACE,
};

/** Base policy fields: timeouts, no retries of writes, raw CDTs, optional filter. */
export function basePolicy(
  t: CommandTimeouts,
  filter: CompiledExpression | undefined,
  isWrite: boolean,
): Record<string, unknown> {
  return {
    totalTimeout: t.totalMs,
    socketTimeout: t.totalMs,
    // A retried write could apply twice; reads are safe to retry within the deadline.
    maxRetries: isWrite ? 0 : 2,
    deserialize: false,
    ...(filter === undefined ? {} : { filterExpression: wireExpression(filter.exp) }),
  };
}

/** Fields of a single-record write policy (operate, remove) from the write settings. */
export function writePolicyFields(w: WriteSettings, exists: ExistsMode | undefined) {
  return {
    ...(exists === undefined ? {} : { exists: EXISTS[exists] }),
    ...(w.expectedGeneration === undefined
      ? {}
      : { gen: Aerospike.policy.gen.EQ, generation: w.expectedGeneration }),
    ...(w.sendKey ? { key: Aerospike.policy.key.SEND } : {}),
    ...(w.durableDelete ? { durableDelete: true } : {}),
  };
}

/** The exists policy value of a mode, for batch write rows. */
export function existsPolicy(mode: ExistsMode): number {
  return EXISTS[mode];
}

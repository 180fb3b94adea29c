import { BinList } from "../store/bins.js";
import type { StoredRecord } from "../store/record.js";
import type { Particle } from "../wire/particle.js";

/**
 * The record a command works on: metadata plus a private copy of the bins that ops modify.
 *
 * Extensions (filters, expression/HLL/CDT op handlers) read and change it; the command commits it
 * to the store only when every op succeeded.
 */
export interface WorkingRecord {
  readonly namespace: string;
  readonly digest: Buffer;
  /** Set name; "" = no set. */
  setName: string;
  /** Stored user key (particle type + bytes), if any. */
  key: Particle | undefined;
  /** Whether the record existed when the command started. */
  readonly existed: boolean;
  /** Current generation (0 for a record being created). */
  generation: number;
  /** Void time in Citrusleaf seconds; 0 = never. */
  voidTime: number;
  /** Unix ms of the last update (0 for a record being created). */
  lastUpdateMs: number;
  /** The bins, modified in place by write ops. */
  bins: BinList;
  /** Unix ms at which the command runs. */
  readonly nowMs: number;
}

/** A working copy of a stored record (bins cloned). */
export function workingFromStored(ns: string, rec: StoredRecord, nowMs: number): WorkingRecord {
  return {
    namespace: ns,
    digest: rec.digest,
    setName: rec.setName,
    key: rec.key,
    existed: true,
    generation: rec.generation,
    voidTime: rec.voidTime,
    lastUpdateMs: rec.lastUpdateMs,
    bins: rec.bins.clone(),
    nowMs,
  };
}

/** A working record for a record that does not exist yet. */
export function workingForNew(
  ns: string,
  digest: Buffer,
  setName: string,
  key: Particle | undefined,
  nowMs: number,
): WorkingRecord {
  return {
    namespace: ns,
    digest,
    setName,
    key,
    existed: false,
    generation: 0,
    voidTime: 0,
    lastUpdateMs: 0,
    bins: new BinList(),
    nowMs,
  };
}

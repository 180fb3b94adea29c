import type { Particle } from "../wire/particle.js";
import type { BinList } from "./bins.js";

/** A stored record. `setName` is "" for records without a set. */
export interface StoredRecord {
  readonly digest: Buffer;
  setName: string;
  /** The user key, when a write carried the KEY field: particle type + key bytes. */
  key: Particle | undefined;
  bins: BinList;
  /** 1..65535, wraps to 1. */
  generation: number;
  /** Citrusleaf-epoch seconds; 0 = never expires. */
  voidTime: number;
  /** Unix milliseconds of the last write. */
  lastUpdateMs: number;
}

/** The generation after `gen` (16-bit, wrapping 65535 → 1). */
export function nextGeneration(gen: number): number {
  return gen >= 0xffff ? 1 : gen + 1;
}

import { isExpired } from "./clock.js";
import type { StoredRecord } from "./record.js";

/** Configuration of one namespace. */
export interface NamespaceConfig {
  readonly name: string;
  /** Default TTL in seconds for writes with TTL 0; 0 = never expire. */
  readonly defaultTtl: number;
}

/** Result of a lookup: the live record, or an expired one not yet swept. */
export interface Lookup {
  readonly record: StoredRecord | undefined;
  /** Set when a record exists but its void time has passed (it reads as missing). */
  readonly expired: StoredRecord | undefined;
}

/** Per-set bookkeeping kept for `sets` info and truncation. */
export interface SetInfo {
  objects: number;
  /** Truncation cut-off (Unix ms); records last updated at or before it are gone. 0 = none. */
  truncateLutMs: number;
}

/**
 * The records of one namespace, keyed by digest.
 *
 * Expired records stay until {@link Namespace.sweep} removes them (like nsup) but read as missing.
 */
export class Namespace {
  readonly config: NamespaceConfig;
  private readonly records = new Map<string, StoredRecord>();
  private readonly sets = new Map<string, SetInfo>();
  truncateLutMs = 0;

  constructor(config: NamespaceConfig) {
    this.config = config;
  }

  /** Name of the namespace. */
  get name(): string {
    return this.config.name;
  }

  /** Number of stored records (including expired ones not yet swept). */
  get size(): number {
    return this.records.size;
  }

  /** Looks a record up by digest at time `nowMs`. */
  lookup(digest: Buffer, nowMs: number): Lookup {
    const record = this.records.get(digest.toString("latin1"));
    if (record === undefined) return { record: undefined, expired: undefined };
    if (isExpired(record.voidTime, nowMs)) return { record: undefined, expired: record };
    return { record, expired: undefined };
  }

  /** Stores (inserts or replaces) a record. */
  put(record: StoredRecord): void {
    const id = record.digest.toString("latin1");
    const old = this.records.get(id);
    if (old !== undefined) this.setInfo(old.setName).objects--;
    this.records.set(id, record);
    this.setInfo(record.setName).objects++;
  }

  /** Removes a record; returns whether it was there. */
  remove(digest: Buffer): boolean {
    const id = digest.toString("latin1");
    const old = this.records.get(id);
    if (old === undefined) return false;
    this.records.delete(id);
    this.setInfo(old.setName).objects--;
    return true;
  }

  /** Deletes expired records; returns how many. */
  sweep(nowMs: number): number {
    let n = 0;
    for (const [id, r] of this.records) {
      if (isExpired(r.voidTime, nowMs)) {
        this.records.delete(id);
        this.setInfo(r.setName).objects--;
        n++;
      }
    }
    return n;
  }

  /**
   * Deletes the records of one set (or of the whole namespace when `setName` is undefined) last
   * updated at or before `lutMs`; returns how many.
   */
  truncate(setName: string | undefined, lutMs: number): number {
    if (setName === undefined) this.truncateLutMs = lutMs;
    else this.setInfo(setName).truncateLutMs = lutMs;
    let n = 0;
    for (const [id, r] of this.records) {
      if ((setName === undefined || r.setName === setName) && r.lastUpdateMs <= lutMs) {
        this.records.delete(id);
        this.setInfo(r.setName).objects--;
        n++;
      }
    }
    return n;
  }

  /** Bookkeeping of one set (created on first use). */
  setInfo(setName: string): SetInfo {
    let info = this.sets.get(setName);
    if (info === undefined) {
      info = { objects: 0, truncateLutMs: 0 };
      this.sets.set(setName, info);
    }
    return info;
  }

  /** Named sets that have ever been used, with their bookkeeping. */
  setNames(): [string, SetInfo][] {
    return [...this.sets].filter(([name]) => name !== "");
  }

  /** Every stored record, in insertion order (expired ones included). */
  allRecords(): IterableIterator<StoredRecord> {
    return this.records.values();
  }
}

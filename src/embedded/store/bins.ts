import type { Particle } from "../wire/particle.js";

/** One bin: name and value. */
export interface Bin {
  readonly name: string;
  particle: Particle;
}

/**
 * The ordered bins of a record, with the server's ordering rules.
 *
 * New bins are appended; removing a bin moves the last bin into its slot (so after deleting `n`
 * from `a n b c` the order is `a c b`), which is the order a real server returns bins in.
 */
export class BinList {
  private readonly items: Bin[];

  constructor(items: Bin[] = []) {
    this.items = items;
  }

  /** A copy that can be modified without touching this list. */
  clone(): BinList {
    return new BinList(this.items.map((b) => ({ name: b.name, particle: b.particle })));
  }

  /** Number of bins. */
  get size(): number {
    return this.items.length;
  }

  /** The value of a bin, if present. */
  get(name: string): Particle | undefined {
    for (const b of this.items) if (b.name === name) return b.particle;
    return undefined;
  }

  /** Whether a bin exists. */
  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Sets (replaces or appends) a bin. */
  set(name: string, particle: Particle): void {
    for (const b of this.items) {
      if (b.name === name) {
        b.particle = particle;
        return;
      }
    }
    this.items.push({ name, particle });
  }

  /** Removes a bin (the last bin takes its slot); returns whether it existed. */
  remove(name: string): boolean {
    const i = this.items.findIndex((b) => b.name === name);
    if (i < 0) return false;
    const last = this.items.pop() as Bin;
    if (i < this.items.length) this.items[i] = last;
    return true;
  }

  /** Removes every bin. */
  clear(): void {
    this.items.length = 0;
  }

  /** The bins in server order. */
  entries(): readonly Bin[] {
    return this.items;
  }

  /** Sum of the particle sizes, a stand-in for the record's data size. */
  dataSize(): number {
    let n = 0;
    for (const b of this.items) n += b.name.length + b.particle.data.length + 1;
    return n;
  }
}

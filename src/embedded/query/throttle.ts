import { setTimeout as sleep, setImmediate as yieldNow } from "node:timers/promises";

/** Records processed between two yields to the event loop, so other connections are served. */
const YIELD_EVERY = 256;

/** Longest stretch of work between two yields, in ms (record UDFs can be slow). */
const YIELD_AFTER_MS = 20;

/**
 * Paces a loop to at most `rps` records per second (0 = no limit) and yields to the event loop
 * regularly. Call {@link Throttle.tick} once per record.
 */
export class Throttle {
  private readonly rps: number;
  private readonly startMs: number;
  private count = 0;
  private lastYieldMs = Date.now();
  private readonly signal: AbortSignal | undefined;

  constructor(rps: number, signal?: AbortSignal) {
    this.rps = rps;
    this.startMs = Date.now();
    this.signal = signal;
  }

  /** Number of records ticked so far. */
  get ticks(): number {
    return this.count;
  }

  /** Accounts one record; waits when ahead of the allowed rate. */
  async tick(): Promise<void> {
    this.count++;
    if (this.rps > 0) {
      const due = this.startMs + (this.count * 1000) / this.rps;
      const wait = due - Date.now();
      // Timers resolve in whole milliseconds: run ahead until a full one is owed.
      if (wait >= 1) {
        await sleep(wait, undefined, {
          ref: false,
          ...(this.signal ? { signal: this.signal } : {}),
        }).catch(() => {});
        this.lastYieldMs = Date.now();
        return;
      }
    }
    if (this.count % YIELD_EVERY === 0 || Date.now() - this.lastYieldMs > YIELD_AFTER_MS) {
      await yieldNow();
      this.lastYieldMs = Date.now();
    }
  }
}

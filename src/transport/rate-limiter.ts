import { AerogateError, Code } from "../errors.js";
import type { CallGuard } from "./call-guard.js";

/** A token bucket: `rate` tokens a second, holding at most `burst`. */
export class TokenBucket {
  #tokens: number;
  #updated: number;

  constructor(
    readonly rate: number,
    readonly burst: number,
    now: number,
  ) {
    this.#tokens = burst;
    this.#updated = now;
  }

  /** Takes one token; returns 0 when it got one, else the milliseconds until one is available. */
  take(now: number): number {
    const elapsed = Math.max(0, now - this.#updated) / 1000;
    this.#tokens = Math.min(this.burst, this.#tokens + elapsed * this.rate);
    this.#updated = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.#tokens) / this.rate) * 1000);
  }

  /** Tells whether the bucket has refilled completely by `now` (so it can be forgotten). */
  isFull(now: number): boolean {
    return this.#tokens + (Math.max(0, now - this.#updated) / 1000) * this.rate >= this.burst;
  }
}

/** Options of {@link createRateLimitGuard}. */
export interface RateLimitOptions {
  /** Calls a second each principal may make on average. */
  readonly ratePerSecond: number;
  /** Calls a principal may make at once after being idle; default `ratePerSecond` (at least 1). */
  readonly burst?: number;
  /** The clock, ms; default Date.now. */
  readonly now?: () => number;
}

/** Buckets idle long enough to be full again are dropped once the table grows past this many. */
const SWEEP_AT = 10_000;

/**
 * Creates the per-principal rate limit: one token bucket per principal (per peer address when calls are
 * not authenticated). A call without a token fails with RESOURCE_EXHAUSTED and RetryInfo saying when to retry.
 */
export function createRateLimitGuard(options: RateLimitOptions): CallGuard {
  const now = options.now ?? Date.now;
  const burst = options.burst ?? Math.max(1, Math.ceil(options.ratePerSecond));
  const buckets = new Map<string, TokenBucket>();
  return (call) => {
    const who = call.principal ?? `peer:${call.peer.address.replace(/:\d+$/, "")}`;
    const t = now();
    let bucket = buckets.get(who);
    if (bucket === undefined) {
      if (buckets.size >= SWEEP_AT) {
        for (const [key, b] of buckets) if (b.isFull(t)) buckets.delete(key);
      }
      bucket = new TokenBucket(options.ratePerSecond, burst, t);
      buckets.set(who, bucket);
    }
    const waitMs = bucket.take(t);
    if (waitMs > 0) {
      throw new AerogateError(Code.ResourceExhausted, "rate limit exceeded", {
        reason: "RATE_LIMITED",
        retryDelayMs: waitMs,
        metadata: { limit_per_second: String(options.ratePerSecond) },
      });
    }
    return undefined;
  };
}

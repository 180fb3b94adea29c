import { AerogateError, Code } from "../errors.js";
import type { CallGuard } from "./call-guard.js";

/** Options of {@link createLoadShedder}. */
export interface LoadShedderOptions {
  /** Most calls handled at once by the whole gateway; 0 = no limit. */
  readonly maxConcurrentCalls: number;
  /** Tells whether the database is reachable; calls that need it are refused at once when it is not. */
  readonly isAvailable: () => boolean;
  /** Tells whether a method path needs the database (default: every method does). */
  readonly needsDatabase?: (path: string) => boolean;
}

/** The global load shedder: its guard and the number of calls it holds now. */
export interface LoadShedder {
  readonly guard: CallGuard;
  inFlight(): number;
}

/**
 * Creates the global concurrency limit. Rather than queueing without bound, it refuses at once with
 * UNAVAILABLE and RetryInfo: when the gateway already handles `maxConcurrentCalls` calls (OVERLOADED), or
 * when Aerospike is unreachable (AEROSPIKE_UNAVAILABLE), so callers fail over instead of piling up.
 */
export function createLoadShedder(options: LoadShedderOptions): LoadShedder {
  let inFlight = 0;
  const guard: CallGuard = (call) => {
    if ((options.needsDatabase?.(call.path) ?? true) && !options.isAvailable()) {
      throw new AerogateError(Code.Unavailable, "Aerospike is unreachable", {
        reason: "AEROSPIKE_UNAVAILABLE",
        retryDelayMs: 1000,
      });
    }
    if (options.maxConcurrentCalls > 0 && inFlight >= options.maxConcurrentCalls) {
      throw new AerogateError(Code.Unavailable, "gateway overloaded", {
        reason: "OVERLOADED",
        retryDelayMs: 100,
        metadata: { max_concurrent_calls: String(options.maxConcurrentCalls) },
      });
    }
    inFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      inFlight--;
    };
  };
  return { guard, inFlight: () => inFlight };
}

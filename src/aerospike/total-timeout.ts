/** The configured bounds of the Aerospike total timeout, ms. */
export interface TimeoutBounds {
  /** Used when the caller set no deadline. */
  readonly defaultTimeoutMs: number;
  /** The caller's deadline is capped at this. */
  readonly maxTimeoutMs: number;
}

/**
 * Returns the Aerospike total timeout for a call: the caller's remaining deadline (at least 1 ms, because
 * 0 means "no timeout" to Aerospike) capped by `maxTimeoutMs`, or `defaultTimeoutMs` when there is none.
 */
export function aerospikeTotalTimeoutMs(
  remainingMs: number | undefined,
  bounds: TimeoutBounds,
): number {
  if (remainingMs === undefined) return Math.min(bounds.defaultTimeoutMs, bounds.maxTimeoutMs);
  return Math.max(1, Math.min(Math.floor(remainingMs), bounds.maxTimeoutMs));
}

/** Unix time (seconds) of the Citrusleaf epoch 2010-01-01T00:00:00Z used for void times. */
export const CITRUSLEAF_EPOCH_SECONDS = 1262304000;

/** Largest TTL a write may ask for: 10 years in seconds. */
export const MAX_TTL_SECONDS = 315360000;

/** Request TTL meaning "never expire" (-1 as u32). */
export const TTL_NEVER_EXPIRE = 0xffffffff;

/** Request TTL meaning "do not change the TTL" (-2 as u32). */
export const TTL_DONT_UPDATE = 0xfffffffe;

/** A source of the current time in Unix milliseconds (injectable for tests). */
export type Clock = () => number;

/** The wall clock. */
export const systemClock: Clock = () => Date.now();

/** Seconds since the Citrusleaf epoch for a Unix-millisecond time. */
export function citrusleafSeconds(unixMs: number): number {
  return Math.floor(unixMs / 1000) - CITRUSLEAF_EPOCH_SECONDS;
}

/** Whether a record with `voidTime` (Citrusleaf seconds, 0 = never) has expired at `unixMs`. */
export function isExpired(voidTime: number, unixMs: number): boolean {
  return voidTime !== 0 && voidTime <= citrusleafSeconds(unixMs);
}

/**
 * Computes the void time a write stores, from the request's u32 `record_ttl`.
 *
 * `0` = namespace default, `-1` = never, `-2` = keep the current void time (namespace default on
 * create), `1..10 years` = relative seconds. Returns `undefined` for an invalid TTL (PARAMETER).
 */
export function resolveVoidTime(
  requestTtl: number,
  currentVoidTime: number | undefined,
  defaultTtl: number,
  unixMs: number,
): number | undefined {
  const now = citrusleafSeconds(unixMs);
  const fromTtl = (ttl: number) => (ttl === 0 ? 0 : now + ttl);
  if (requestTtl === TTL_NEVER_EXPIRE) return 0;
  if (requestTtl === TTL_DONT_UPDATE) {
    return currentVoidTime === undefined ? fromTtl(defaultTtl) : currentVoidTime;
  }
  if (requestTtl === 0) return fromTtl(defaultTtl);
  if (requestTtl > MAX_TTL_SECONDS) return undefined;
  return now + requestTtl;
}

/** An Aerospike command failure, reduced to what the gateway reports: result code, message, in-doubt. */
export class AerospikeFailure extends Error {
  override readonly name = "AerospikeFailure";
  readonly code: number;
  readonly inDoubt: boolean;

  constructor(code: number, message: string, inDoubt: boolean, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.inDoubt = inDoubt;
  }
}

/** Whether something thrown by the aerospike client carries a result code. */
function hasCode(e: unknown): e is { code: number; message?: string; inDoubt?: boolean } {
  return typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "number";
}

/**
 * Turns what the aerospike client threw into an {@link AerospikeFailure}; anything without a
 * result code (a TypeError from argument checks, say) is rethrown unchanged.
 */
export function toFailure(e: unknown): AerospikeFailure {
  if (e instanceof AerospikeFailure) return e;
  if (hasCode(e)) {
    return new AerospikeFailure(
      e.code,
      e.message ?? `aerospike error ${e.code}`,
      e.inDoubt === true,
      e,
    );
  }
  throw e;
}

/** Runs a client call, converting its failures into {@link AerospikeFailure}. */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toFailure(e);
  }
}

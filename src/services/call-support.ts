import { AerospikeFailure } from "../aerospike/failure.js";
import { type CommandTimeouts, commandTimeouts } from "../aerospike/policies.js";
import type { GatewayConfig } from "../config.js";
import type { HandlerContext } from "../context.js";
import { AerogateError, Code, INTERNAL_MESSAGE, invalidArgument } from "../errors.js";
import { FieldError } from "../mapping/field-error.js";
import { GrpcCode, reasonForResult, resultName, statusForResult } from "../mapping/result-codes.js";

/** Suggested retry delay for retryable Aerospike failures, ms. */
const RETRY_DELAY_MS = 100;

/** The error for a call whose deadline ran out before (or while) the gateway worked on it. */
export function deadlineExceeded(): AerogateError {
  return new AerogateError(Code.DeadlineExceeded, "the call's deadline ran out", {
    reason: "DEADLINE_EXCEEDED",
  });
}

/**
 * The Aerospike timeouts for a call, from its remaining deadline capped by configuration; throws
 * DEADLINE_EXCEEDED when the deadline already passed or the call was cancelled.
 */
export function timeoutsFor(
  ctx: HandlerContext,
  config: Pick<GatewayConfig, "defaultTimeoutMs" | "maxTimeoutMs">,
): CommandTimeouts {
  if (ctx.signal.aborted) throw abortedError(ctx);
  const t = commandTimeouts(ctx.timeoutMs(), config.defaultTimeoutMs, config.maxTimeoutMs);
  if (t === undefined) throw deadlineExceeded();
  return t;
}

/** The error for a call whose signal fired: cancelled by the caller, deadline, or shutdown. */
export function abortedError(ctx: HandlerContext): AerogateError {
  if (ctx.timeoutMs() === 0) return deadlineExceeded();
  return new AerogateError(Code.Canceled, "the call was cancelled", { reason: "CANCELLED" });
}

/**
 * Maps an Aerospike result code to the contract's status (docs/api-v1.md "Errors"): ErrorInfo
 * reason `AEROSPIKE_<NAME>`, metadata `result_code` and `in_doubt`, RetryInfo when retrying helps.
 * Codes outside the table are INTERNAL with a generic message (the original is logged).
 */
export function failureToError(
  f: AerospikeFailure,
  t: CommandTimeouts | undefined,
  ctx: HandlerContext,
): AerogateError {
  const expired = f.code === 9 && (t?.deadlineBound === true || ctx.timeoutMs() === 0);
  const mapping = statusForResult(f.code, expired);
  const metadata = { result_code: String(f.code), in_doubt: String(f.inDoubt) };
  if (mapping.code === GrpcCode.INTERNAL) {
    ctx.log.error("aerospike command failed", {
      result_code: f.code,
      result_name: resultName(f.code),
      err: f.message,
    });
    return new AerogateError(Code.Internal, INTERNAL_MESSAGE, {
      reason: reasonForResult(f.code),
      metadata,
      cause: f,
    });
  }
  return new AerogateError(mapping.code as number as Code, `${resultName(f.code)}: ${f.message}`, {
    reason:
      mapping.code === GrpcCode.DEADLINE_EXCEEDED ? "DEADLINE_EXCEEDED" : reasonForResult(f.code),
    metadata,
    ...(mapping.retryable ? { retryDelayMs: RETRY_DELAY_MS } : {}),
    cause: f,
  });
}

/** Turns mapping and Aerospike failures into the gateway's error; anything else passes through. */
export function toCallError(
  e: unknown,
  t: CommandTimeouts | undefined,
  ctx: HandlerContext,
): unknown {
  if (e instanceof FieldError) {
    return invalidArgument(e.message, e.violations, e.reason);
  }
  if (e instanceof AerospikeFailure) return failureToError(e, t, ctx);
  return e;
}

/**
 * Runs one Aerospike-backed call body with the call's timeouts (from its deadline, capped by
 * configuration) and turns mapping and Aerospike failures into the gateway's errors.
 */
export async function runCommand<T>(
  ctx: HandlerContext,
  config: Pick<GatewayConfig, "defaultTimeoutMs" | "maxTimeoutMs">,
  body: (t: CommandTimeouts) => Promise<T>,
): Promise<T> {
  let t: CommandTimeouts | undefined;
  try {
    t = timeoutsFor(ctx, config);
    return await body(t);
  } catch (e) {
    throw toCallError(e, t, ctx);
  }
}

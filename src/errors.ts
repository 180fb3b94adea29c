/**
 * gRPC status codes, numbered as on the wire. Kept here so services can fail a call without importing grpc-js.
 */
export enum Code {
  Ok = 0,
  Canceled = 1,
  Unknown = 2,
  InvalidArgument = 3,
  DeadlineExceeded = 4,
  NotFound = 5,
  AlreadyExists = 6,
  PermissionDenied = 7,
  ResourceExhausted = 8,
  FailedPrecondition = 9,
  Aborted = 10,
  OutOfRange = 11,
  Unimplemented = 12,
  Internal = 13,
  Unavailable = 14,
  DataLoss = 15,
  Unauthenticated = 16,
}

const CODE_NAMES: Readonly<Record<Code, string>> = {
  [Code.Ok]: "OK",
  [Code.Canceled]: "CANCELLED",
  [Code.Unknown]: "UNKNOWN",
  [Code.InvalidArgument]: "INVALID_ARGUMENT",
  [Code.DeadlineExceeded]: "DEADLINE_EXCEEDED",
  [Code.NotFound]: "NOT_FOUND",
  [Code.AlreadyExists]: "ALREADY_EXISTS",
  [Code.PermissionDenied]: "PERMISSION_DENIED",
  [Code.ResourceExhausted]: "RESOURCE_EXHAUSTED",
  [Code.FailedPrecondition]: "FAILED_PRECONDITION",
  [Code.Aborted]: "ABORTED",
  [Code.OutOfRange]: "OUT_OF_RANGE",
  [Code.Unimplemented]: "UNIMPLEMENTED",
  [Code.Internal]: "INTERNAL",
  [Code.Unavailable]: "UNAVAILABLE",
  [Code.DataLoss]: "DATA_LOSS",
  [Code.Unauthenticated]: "UNAUTHENTICATED",
};

/** Returns the canonical upper-snake name of a status code, e.g. `INVALID_ARGUMENT`. */
export function codeName(code: Code): string {
  return CODE_NAMES[code] ?? `CODE_${code}`;
}

/** The error domain written into every `google.rpc.ErrorInfo`. */
export const ERROR_DOMAIN = "aerogate";

/** One invalid field of a request, reported as a `google.rpc.BadRequest.FieldViolation`. */
export interface FieldViolation {
  /** Path to the field, e.g. `entries[3].key.namespace`. */
  readonly field: string;
  /** What is wrong with it, in a sentence. */
  readonly description: string;
  /** Optional machine-readable reason, UPPER_SNAKE. */
  readonly reason?: string;
}

/** Options of the {@link AerogateError} constructor. */
export interface AerogateErrorOptions {
  /** `ErrorInfo.reason`, UPPER_SNAKE; defaults to the code's name. */
  readonly reason?: string;
  /** `ErrorInfo.metadata`, e.g. `{ result_code: "2", in_doubt: "false" }`. */
  readonly metadata?: Readonly<Record<string, string>>;
  /** `BadRequest` field violations, for invalid input. */
  readonly fieldViolations?: readonly FieldViolation[];
  /** When set, the status carries `RetryInfo` with this delay: the caller may retry after it. */
  readonly retryDelayMs?: number;
  /** The underlying error; logged, never sent to the caller. */
  readonly cause?: unknown;
}

/**
 * The one error type of the gateway: a gRPC code, a message for the caller and the details that become
 * `google.rpc.Status` (ErrorInfo, BadRequest, RetryInfo). Anything else thrown by a handler becomes INTERNAL.
 */
export class AerogateError extends Error {
  override readonly name = "AerogateError";
  readonly code: Code;
  readonly reason: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly fieldViolations: readonly FieldViolation[];
  readonly retryDelayMs: number | undefined;

  constructor(code: Code, message: string, options: AerogateErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.reason = options.reason ?? codeName(code);
    this.metadata = options.metadata ?? {};
    this.fieldViolations = options.fieldViolations ?? [];
    this.retryDelayMs = options.retryDelayMs;
  }

  /** Tells whether a value is an AerogateError (also across module copies). */
  static is(value: unknown): value is AerogateError {
    return (
      value instanceof AerogateError ||
      (value instanceof Error &&
        value.name === "AerogateError" &&
        typeof (value as { code?: unknown }).code === "number")
    );
  }
}

/** Builds an INVALID_ARGUMENT error with one field violation per entry of `violations`. */
export function invalidArgument(
  message: string,
  violations: readonly FieldViolation[] = [],
  reason = "INVALID_REQUEST",
): AerogateError {
  return new AerogateError(Code.InvalidArgument, message, {
    reason,
    fieldViolations: violations,
  });
}

/** The message sent to callers in place of an unexpected error's own text. */
export const INTERNAL_MESSAGE = "internal error";

/**
 * Turns anything a handler threw into an AerogateError: AerogateErrors pass through, everything else
 * becomes INTERNAL with a generic message (the original stays in `cause` for the log).
 */
export function toAerogateError(err: unknown): AerogateError {
  if (AerogateError.is(err)) return err;
  return new AerogateError(Code.Internal, INTERNAL_MESSAGE, { reason: "INTERNAL", cause: err });
}

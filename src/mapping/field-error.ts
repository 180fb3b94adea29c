/** One field violation: the request path of the offending field and what is wrong with it. */
export interface FieldViolation {
  readonly field: string;
  readonly description: string;
}

/**
 * An invalid-request error raised while mapping a request, carrying BadRequest-style field
 * violations; services turn it into INVALID_ARGUMENT.
 */
export class FieldError extends Error {
  readonly violations: readonly FieldViolation[];
  /** The gateway reason; INVALID_REQUEST unless a more specific one applies. */
  readonly reason: string;

  constructor(violations: readonly FieldViolation[], reason = "INVALID_REQUEST") {
    super(violations.map((v) => `${v.field}: ${v.description}`).join("; "));
    this.name = "FieldError";
    this.violations = violations;
    this.reason = reason;
  }

  /** Builds an error with a single violation. */
  static of(field: string, description: string, reason?: string): FieldError {
    return new FieldError([{ field, description }], reason);
  }
}

/** Joins a field path and a child name the way protobuf field paths are written (`a.b`, `a[3]`). */
export function fieldPath(parent: string, child: string | number): string {
  if (typeof child === "number") return `${parent}[${child}]`;
  return parent === "" ? child : `${parent}.${child}`;
}

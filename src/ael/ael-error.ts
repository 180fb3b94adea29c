/** One problem found while compiling AEL text. */
export interface AelProblem {
  /** A sentence describing the problem. */
  readonly message: string;
  /** 0-based offset (in UTF-16 code units) of the character where the problem starts. */
  readonly position: number;
}

/** The error thrown inside the compiler; `compileAel` turns it into an `AelProblem`. */
export class AelError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = "AelError";
  }
}

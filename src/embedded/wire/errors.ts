/**
 * A protocol error carrying the Aerospike result code a real server would answer with.
 *
 * Codecs throw it for malformed input; command handlers turn it into a reply with `resultCode`.
 */
export class WireError extends Error {
  /** The Aerospike result code (e.g. 4 PARAMETER) to answer with. */
  readonly resultCode: number;

  constructor(resultCode: number, message: string) {
    super(message);
    this.name = "WireError";
    this.resultCode = resultCode;
  }
}

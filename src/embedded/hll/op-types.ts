/**
 * Input and output types of the HLL op layer ({@link applyHllOp} in `apply-op.ts`), shared with the
 * embedded server's operate dispatcher and expression evaluator.
 */

/** Which wire op carried the HLL op: 15 HLL_READ ("read") or 16 HLL_MODIFY ("modify"). */
export type HllOpKind = "read" | "modify";

/**
 * A decoded HLL op: the op code (first element of the msgpack payload array) and the raw msgpack
 * bytes of each following argument, exactly as sent. `malformed` marks a payload whose arguments could
 * not be split; applying such an op answers PARAMETER at the point the server would.
 */
export interface HllOp {
  readonly kind: HllOpKind;
  readonly code: number;
  readonly args: readonly Uint8Array[];
  readonly malformed?: boolean;
}

/** The current value of the op's bin: its particle type and particle bytes. Absent bin = undefined. */
export interface HllBinValue {
  readonly particleType: number;
  readonly bytes: Uint8Array;
}

/**
 * A value an HLL op returns: `bigint` → INTEGER particle (counts, add/may_contain results),
 * `number` → FLOAT particle (similarity), `Uint8Array` → HLL particle (get_union),
 * `readonly bigint[]` → LIST particle (describe: `[index_bits, minhash_bits]`).
 */
export type HllResultValue = bigint | number | Uint8Array | readonly bigint[];

/**
 * What applying an HLL op produced.
 *
 * - `resultCode` 0 on success, else the Aerospike result code the whole command must fail with
 *   (the record is then left unchanged).
 * - `result`: the value for the op's response entry; absent means a null entry (the client always
 *   sets RESPOND_ALL_OPS for HLL ops, so the dispatcher still emits one entry per op).
 * - `newBin`: for modify ops, the new HLL particle bytes (particle type 18) to store in the bin;
 *   absent means the bin is left as it was. HLL ops never delete a bin.
 */
export interface HllOpOutcome {
  readonly resultCode: number;
  readonly result?: HllResultValue;
  readonly newBin?: Uint8Array;
}

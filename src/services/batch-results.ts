import { create } from "@bufbuild/protobuf";
import { type BatchResult, BatchResultSchema } from "../../gen/ts/aerogate/v1/batch_pb.js";
import type { Key } from "../../gen/ts/aerogate/v1/types_pb.js";
import type { BatchOutcome } from "../aerospike/batch-ops.js";
import { recordDigest } from "../mapping/digest.js";
import { keyEcho } from "../mapping/key.js";
import type { RecordKey } from "../mapping/model.js";
import { recordToProto, resultsToProto } from "../mapping/record.js";
import { resultName } from "../mapping/result-codes.js";
import { valueToProto } from "../mapping/value.js";
import { metrics } from "../metrics/hooks.js";

/** Result codes a request with respond_all_keys = false leaves out (missing, filtered out). */
const OMITTED_WHEN_NOT_ALL = new Set([2, 27]);

/** Whether an outcome gets a result row, given the request's respond_all_keys. */
export function hasRow(o: BatchOutcome, respondAllKeys: boolean): boolean {
  return respondAllKeys || !OMITTED_WHEN_NOT_ALL.has(o.resultCode);
}

/** Counts the entries of a batch (or sub-batch) by result name in the gateway's metrics. */
export function countOutcomes(outcomes: readonly BatchOutcome[]): void {
  const byName = new Map<string, number>();
  for (const o of outcomes) {
    const name = resultName(o.resultCode);
    byName.set(name, (byName.get(name) ?? 0) + 1);
  }
  for (const [name, n] of byName) metrics.batchEntries(name, n);
}

/** Builds the BatchResult of one entry's outcome. */
export function batchResultToProto(
  o: BatchOutcome,
  sentKey: Key | undefined,
  key: RecordKey,
): BatchResult {
  return create(BatchResultSchema, {
    index: o.index,
    // Hashing again costs more than the rest of the row; the client already computed the digest.
    key: keyEcho(sentKey, o.digest ?? recordDigest(key)),
    resultCode: o.resultCode,
    resultName: resultName(o.resultCode),
    message: o.resultCode === 0 ? "" : (o.message ?? resultName(o.resultCode)),
    inDoubt: o.inDoubt,
    ...(o.record === undefined ? {} : { record: recordToProto(o.record) }),
    operationResults: o.results === undefined ? [] : resultsToProto(o.results),
    ...(o.udfResult === undefined ? {} : { udfResult: valueToProto(o.udfResult) }),
  });
}

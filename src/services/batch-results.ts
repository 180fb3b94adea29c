import { create } from "@bufbuild/protobuf";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { type BatchResult, BatchResultSchema } from "../../gen/ts/aerogate/v1/batch_pb.js";
import type { Key } from "../../gen/ts/aerogate/v1/types_pb.js";
import type { BatchOutcome } from "../aerospike/batch-ops.js";
import { EncodedResponse } from "../context.js";
import { recordDigest } from "../mapping/digest.js";
import { keyEcho } from "../mapping/key.js";
import type { RecordKey } from "../mapping/model.js";
import { writeKeyEcho, writeRecord, writeValue } from "../mapping/pb-encode.js";
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

/**
 * Builds the BatchResult message of one entry's outcome: the reference the direct encoders below
 * must agree with (the services send those).
 */
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

/** Writes one entry's BatchResult as the message field `fieldNo` (see {@link batchResultToProto}). */
function writeBatchResult(
  w: BinaryWriter,
  fieldNo: number,
  o: BatchOutcome,
  sentKey: Key | undefined,
  key: RecordKey,
): void {
  w.tag(fieldNo, WireType.LengthDelimited).fork();
  if (o.index !== 0) w.tag(1, WireType.Varint).uint32(o.index);
  writeKeyEcho(w, 2, sentKey, o.digest ?? recordDigest(key));
  if (o.resultCode !== 0) w.tag(3, WireType.Varint).int32(o.resultCode);
  const name = resultName(o.resultCode);
  if (name !== "") w.tag(4, WireType.LengthDelimited).string(name);
  const message = o.resultCode === 0 ? "" : (o.message ?? name);
  if (message !== "") w.tag(5, WireType.LengthDelimited).string(message);
  if (o.inDoubt) w.tag(6, WireType.Varint).bool(true);
  if (o.record !== undefined) writeRecord(w, 7, o.record);
  for (const v of o.results ?? []) writeValue(w, 8, v);
  if (o.udfResult !== undefined) writeValue(w, 9, o.udfResult);
  w.join();
}

/** One result row to encode: the outcome, the key as the caller sent it, and the domain key. */
export interface ResultRow {
  readonly outcome: BatchOutcome;
  readonly sentKey: Key | undefined;
  readonly key: RecordKey;
}

/** The encoded ExecuteBatchResponse for `rows` (results = 1), ready for the transport. */
export function encodeExecuteBatchResponse(rows: Iterable<ResultRow>): EncodedResponse {
  const w = new BinaryWriter();
  for (const r of rows) writeBatchResult(w, 1, r.outcome, r.sentKey, r.key);
  return new EncodedResponse(w.finish());
}

// One writer for every streamed result (encoding is synchronous): a writer per message costs a
// fresh buffer and its growth each time. One that grew for a large record is not kept.
let streamWriter = new BinaryWriter();
const KEEP_WRITER_BYTES = 64 * 1024;

/** The encoded StreamBatchResponse carrying one result (result = 1), ready for the transport. */
export function encodeStreamBatchResponse(row: ResultRow): EncodedResponse {
  const w = streamWriter;
  let bytes: Uint8Array;
  try {
    writeBatchResult(w, 1, row.outcome, row.sentKey, row.key);
    bytes = w.finish();
  } catch (e) {
    streamWriter = new BinaryWriter();
    throw e;
  }
  if (bytes.length > KEEP_WRITER_BYTES) streamWriter = new BinaryWriter();
  return new EncodedResponse(bytes);
}

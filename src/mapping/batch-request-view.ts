import { fromBinary } from "@bufbuild/protobuf";
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
import {
  type BatchEntry,
  BatchEntrySchema,
  StreamBatchRequestSchema,
} from "../../gen/ts/aerogate/v1/batch_pb.js";
import { type Expression, ExpressionSchema } from "../../gen/ts/aerogate/v1/types_pb.js";

/**
 * A batch request read lazily from its encoded bytes (ExecuteBatchRequest and StreamBatchRequest share fields 1-3).
 *
 * Only the top level is checked when the view is built; an entry whose own bytes are malformed throws when
 * `entry(i)` decodes it, so a caller that must reject a bad request before running anything decodes every
 * entry once up front.
 */
export interface BatchRequestView {
  readonly entryCount: number;
  /** Decodes entry i afresh (a new BatchEntry message each call); i in [0, entryCount). */
  entry(i: number): BatchEntry;
  /**
   * Decodes entries [start, end) afresh, in one pass over their bytes (much cheaper than one
   * `entry` call each). Throws like `entry` when one of them is malformed.
   */
  entries(start: number, end: number): BatchEntry[];
  readonly filter: Expression | undefined;
  readonly respondAllKeys: boolean | undefined;
}

const FIELD_ENTRIES = 1;
const FIELD_FILTER = 2;
const FIELD_RESPOND_ALL_KEYS = 3;

/** Growable list of (offset, length) pairs kept in two typed arrays instead of per-entry objects. */
class Spans {
  offsets = new Uint32Array(16);
  lengths = new Uint32Array(16);
  /** Where each entry's field tag starts (its bytes with the tag decode as a one-entry request). */
  tags = new Uint32Array(16);
  count = 0;

  push(tag: number, offset: number, length: number): void {
    if (this.count === this.offsets.length) {
      const tags = new Uint32Array(this.count * 2);
      tags.set(this.tags);
      this.tags = tags;
      const offsets = new Uint32Array(this.count * 2);
      offsets.set(this.offsets);
      this.offsets = offsets;
      const lengths = new Uint32Array(this.count * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.tags[this.count] = tag;
    this.offsets[this.count] = offset;
    this.lengths[this.count] = length;
    this.count++;
  }
}

/** Reads a length-delimited payload's bounds at the reader's position and moves past it. */
function readSpan(reader: BinaryReader, total: number): [number, number] {
  const length = reader.uint32();
  const start = reader.pos;
  if (start + length > total) {
    throw new Error(
      `batch request: length ${length} at offset ${start} runs past the end (${total} bytes)`,
    );
  }
  reader.pos = start + length;
  return [start, length];
}

function expectWireType(field: number, actual: WireType, expected: WireType): void {
  if (actual !== expected) {
    throw new Error(`batch request: field ${field} has wire type ${actual}, expected ${expected}`);
  }
}

/** Concatenates the filter's occurrences: decoding the concatenation is protobuf's merge of them. */
function decodeFilter(bytes: Uint8Array, parts: [number, number][]): Expression | undefined {
  if (parts.length === 0) return undefined;
  if (parts.length === 1) {
    const [start, length] = parts[0] as [number, number];
    return fromBinary(ExpressionSchema, bytes.subarray(start, start + length));
  }
  const size = parts.reduce((n, [, length]) => n + length, 0);
  const joined = new Uint8Array(size);
  let at = 0;
  for (const [start, length] of parts) {
    joined.set(bytes.subarray(start, start + length), at);
    at += length;
  }
  return fromBinary(ExpressionSchema, joined);
}

/**
 * Builds a lazy view over an encoded ExecuteBatchRequest or StreamBatchRequest: one pass over the top-level
 * fields records where each entry's bytes lie; entries are decoded only by `entry(i)`.
 * Throws an Error when the top level is malformed (truncated varint, length past the end, wrong wire type for
 * fields 1-3, invalid wire type). Other fields are skipped as protobuf-es skips unknown fields.
 */
export function viewBatchRequest(bytes: Uint8Array): BatchRequestView {
  const reader = new BinaryReader(bytes);
  const total = bytes.length;
  const spans = new Spans();
  const filterParts: [number, number][] = [];
  let respondAllKeys: boolean | undefined;
  while (reader.pos < total) {
    const tagAt = reader.pos;
    const [field, wireType] = reader.tag();
    if (field === FIELD_ENTRIES) {
      expectWireType(field, wireType, WireType.LengthDelimited);
      const [start, length] = readSpan(reader, total);
      spans.push(tagAt, start, length);
    } else if (field === FIELD_FILTER) {
      expectWireType(field, wireType, WireType.LengthDelimited);
      filterParts.push(readSpan(reader, total));
    } else if (field === FIELD_RESPOND_ALL_KEYS) {
      expectWireType(field, wireType, WireType.Varint);
      respondAllKeys = reader.bool();
    } else {
      reader.skip(wireType, field);
    }
  }
  // The reader's bounds check runs after a varint is read, so a varint cut at the end must be caught here.
  if (reader.pos > total) throw new Error("batch request: truncated");
  const filter = decodeFilter(bytes, filterParts);
  const entryCount = spans.count;
  // Trimmed copies so the view keeps no slack from the doubling.
  const offsets = spans.offsets.slice(0, entryCount);
  const lengths = spans.lengths.slice(0, entryCount);
  const tags = spans.tags.slice(0, entryCount);
  const checkIndex = (i: number, limit: number) => {
    if (!Number.isInteger(i) || i < 0 || i >= limit) {
      throw new RangeError(`batch entry index ${i} out of range [0, ${entryCount})`);
    }
  };
  return {
    entryCount,
    filter,
    respondAllKeys,
    entry(i: number): BatchEntry {
      checkIndex(i, entryCount);
      const start = offsets[i] as number;
      return fromBinary(BatchEntrySchema, bytes.subarray(start, start + (lengths[i] as number)));
    },
    entries(start: number, end: number): BatchEntry[] {
      if (end <= start) return [];
      checkIndex(start, entryCount);
      checkIndex(end - 1, entryCount);
      // The bytes from the first entry's tag to the last entry's end are a request holding those
      // entries (and whatever other fields lie between them, which are not looked at).
      const from = tags[start] as number;
      const to = (offsets[end - 1] as number) + (lengths[end - 1] as number);
      const decoded = fromBinary(StreamBatchRequestSchema, bytes.subarray(from, to)).entries;
      if (decoded.length !== end - start) throw new Error("batch request: entries out of step");
      return decoded;
    },
  };
}

/** A view over a batch request that is already decoded (tests, callers in process). */
export function viewOfDecoded(req: {
  readonly entries: readonly BatchEntry[];
  readonly filter?: Expression | undefined;
  readonly respondAllKeys?: boolean | undefined;
}): BatchRequestView {
  return {
    entryCount: req.entries.length,
    entry: (i) => {
      const e = req.entries[i];
      if (e === undefined) throw new RangeError(`entry ${i} is out of range`);
      return e;
    },
    entries: (start, end) => req.entries.slice(start, end),
    filter: req.filter,
    respondAllKeys: req.respondAllKeys,
  };
}

/** Whether `req` is a {@link BatchRequestView} rather than a decoded message. */
export function isBatchRequestView(req: unknown): req is BatchRequestView {
  const v = req as Partial<BatchRequestView> | undefined;
  return typeof v?.entryCount === "number" && typeof v.entry === "function";
}

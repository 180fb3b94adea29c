import { create, equals, fromBinary, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import {
  ExecuteBatchResponseSchema,
  StreamBatchResponseSchema,
} from "../../../gen/ts/aerogate/v1/batch_pb.js";
import { type Key, KeySchema } from "../../../gen/ts/aerogate/v1/types_pb.js";
import type { BatchOutcome } from "../../../src/aerospike/batch-ops.js";
import type { AsValue, RecordKey } from "../../../src/mapping/model.js";
import {
  batchResultToProto,
  encodeExecuteBatchResponse,
  encodeStreamBatchResponse,
  type ResultRow,
} from "../../../src/services/batch-results.js";

const digest = Uint8Array.from({ length: 20 }, (_, i) => i + 1);
const dk: RecordKey = { namespace: "test", set: "s", userKey: "k" };

const EVERY_VALUE: [string, AsValue][] = [
  ["nil", { type: "nil" }],
  ["t", { type: "bool", value: true }],
  ["f", { type: "bool", value: false }],
  ["zero", { type: "int", value: 0n }],
  ["neg", { type: "int", value: -5n }],
  ["big", { type: "int", value: -(2n ** 63n) }],
  ["d", { type: "double", value: 3 }],
  ["dz", { type: "double", value: 0 }],
  ["dnz", { type: "double", value: -0 }],
  ["nan", { type: "double", value: Number.NaN }],
  ["s", { type: "string", value: "héllo" }],
  ["es", { type: "string", value: "" }],
  ["b", { type: "bytes", value: new Uint8Array([0, 1, 255]) }],
  ["eb", { type: "bytes", value: new Uint8Array(0) }],
  ["g", { type: "geojson", value: '{"type":"Point","coordinates":[1,2]}' }],
  ["h", { type: "hll", value: new Uint8Array([1, 2, 3]) }],
  ["el", { type: "list", value: [] }],
  [
    "l",
    {
      type: "list",
      value: [
        { type: "int", value: 1n },
        { type: "list", value: [{ type: "nil" }] },
      ],
    },
  ],
  ["em", { type: "map", value: [] }],
  [
    "m",
    {
      type: "map",
      value: [
        { key: { type: "string", value: "a" }, value: { type: "double", value: 1.5 } },
        { key: { type: "int", value: 2n }, value: { type: "map", value: [] } },
        { key: { type: "bytes", value: new Uint8Array([9]) }, value: { type: "nil" } },
      ],
    },
  ],
];

const sent = (userKey: Key["userKey"], extra: Partial<Key> = {}): Key =>
  create(KeySchema, { namespace: "test", set: "s", userKey, ...extra } as never);

const CASES: [string, ResultRow][] = [
  [
    "a record with every value type",
    {
      outcome: {
        index: 0,
        resultCode: 0,
        inDoubt: false,
        digest,
        record: { bins: new Map(EVERY_VALUE), generation: 3, ttl: 100 },
      },
      sentKey: sent({ case: "stringValue", value: "k" }),
      key: dk,
    },
  ],
  [
    "headers only, never expires, int key",
    {
      outcome: {
        index: 7,
        resultCode: 0,
        inDoubt: false,
        digest,
        record: { bins: new Map(), generation: 1, ttl: -1 },
      },
      sentKey: sent({ case: "intValue", value: -9n }),
      key: { ...dk, userKey: -9n },
    },
  ],
  [
    "a failure in doubt with a message",
    {
      outcome: { index: 2, resultCode: 9, inDoubt: true, message: "timed out" },
      sentKey: sent({ case: "bytesValue", value: new Uint8Array([1, 2]) }),
      key: { ...dk, userKey: new Uint8Array([1, 2]) },
    },
  ],
  [
    "a client-side failure (negative code) without a message",
    {
      outcome: { index: 4000000, resultCode: -1, inDoubt: false },
      sentKey: sent({ case: undefined }, { digest }),
      key: { namespace: "test", set: "s", digest },
    },
  ],
  [
    "positional results with gaps, a generation of 0, no ttl",
    {
      outcome: {
        index: 1,
        resultCode: 0,
        inDoubt: false,
        digest,
        record: { bins: new Map([["a", { type: "int", value: 1n }]]), generation: 0, ttl: 0 },
        results: [undefined, { type: "int", value: 1n }, undefined, { type: "nil" }],
      },
      sentKey: sent({ case: "stringValue", value: "k" }, { set: "" }),
      key: { ...dk, set: "" },
    },
  ],
  [
    "a UDF result, no sent key",
    {
      outcome: {
        index: 3,
        resultCode: 0,
        inDoubt: false,
        udfResult: { type: "list", value: [{ type: "string", value: "x" }] },
      },
      sentKey: undefined,
      key: dk,
    },
  ],
];

const reference = (rows: readonly ResultRow[]) =>
  create(ExecuteBatchResponseSchema, {
    results: rows.map((r) => batchResultToProto(r.outcome, r.sentKey, r.key)),
  });

describe("direct BatchResult encoding", () => {
  it.each(CASES)("encodes %s exactly as the message would", (_name, row) => {
    const ref = reference([row]);
    const bytes = encodeExecuteBatchResponse([row]).bytes;
    expect(Buffer.from(bytes).toString("hex")).toBe(
      Buffer.from(toBinary(ExecuteBatchResponseSchema, ref)).toString("hex"),
    );
    // toEqual, not equals(): NaN must compare equal to itself here.
    expect(fromBinary(ExecuteBatchResponseSchema, bytes)).toEqual(ref);
    const streamed = fromBinary(StreamBatchResponseSchema, encodeStreamBatchResponse(row).bytes);
    expect(streamed).toEqual(create(StreamBatchResponseSchema, { result: ref.results[0] }));
  });

  it("encodes many rows in order, and bins whose names look like numbers", () => {
    const rows = CASES.map(([, r]) => r);
    const numeric: ResultRow = {
      outcome: {
        index: 9,
        resultCode: 0,
        inDoubt: false,
        digest,
        record: {
          bins: new Map<string, AsValue>([
            ["b", { type: "int", value: 1n }],
            ["2", { type: "int", value: 2n }],
          ]),
          generation: 1,
          ttl: 5,
        },
      },
      sentKey: sent({ case: "stringValue", value: "k" }),
      key: dk,
    };
    const decoded = fromBinary(
      ExecuteBatchResponseSchema,
      encodeExecuteBatchResponse([...rows, numeric]).bytes,
    );
    expect(decoded).toEqual(reference([...rows, numeric]));
    expect(decoded.results.map((r) => r.index)).toEqual([0, 7, 2, 4000000, 1, 3, 9]);
  });

  it("streams each result in bytes of its own, large records included", () => {
    const rows = CASES.map(([, r]) => r);
    const big: ResultRow = {
      outcome: {
        index: 5,
        resultCode: 0,
        inDoubt: false,
        digest,
        record: {
          bins: new Map([["blob", { type: "bytes", value: new Uint8Array(200_000).fill(7) }]]),
          generation: 1,
          ttl: 5,
        },
      },
      sentKey: sent({ case: "stringValue", value: "k" }),
      key: dk,
    };
    const all = [...rows, big, ...rows];
    const encoded = all.map((r) => encodeStreamBatchResponse(r).bytes);
    // Decoded only after all were encoded: no message shares or reuses another's bytes.
    all.forEach((r, i) => {
      expect(fromBinary(StreamBatchResponseSchema, encoded[i] as Uint8Array)).toEqual(
        create(StreamBatchResponseSchema, { result: reference([r]).results[0] }),
      );
    });
  });

  it("computes the digest from the key when the client reported none", () => {
    const row = CASES[2]?.[1] as ResultRow;
    const decoded = fromBinary(ExecuteBatchResponseSchema, encodeExecuteBatchResponse([row]).bytes);
    expect(decoded.results[0]?.key?.digest.length).toBe(20);
    expect(equals(ExecuteBatchResponseSchema, decoded, reference([row]))).toBe(true);
  });
});

// Keeps the outcome type honest: every field of BatchOutcome appears in the cases above.
const _fields: (keyof BatchOutcome)[] = [
  "index",
  "resultCode",
  "inDoubt",
  "message",
  "record",
  "results",
  "udfResult",
  "digest",
];
void _fields;

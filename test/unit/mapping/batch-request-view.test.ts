import { create, equals, fromBinary, type MessageInitShape, toBinary } from "@bufbuild/protobuf";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { NullValue } from "@bufbuild/protobuf/wkt";
import { describe, expect, it } from "vitest";
import {
  BatchEntrySchema,
  ExecuteBatchRequestSchema,
  StreamBatchRequestSchema,
} from "../../../gen/ts/aerogate/v1/batch_pb.js";
import { ExpressionSchema, Verb } from "../../../gen/ts/aerogate/v1/types_pb.js";
import { viewBatchRequest } from "../../../src/mapping/batch-request-view.js";

type RequestInit = MessageInitShape<typeof StreamBatchRequestSchema>;
type ValueInit = NonNullable<
  NonNullable<MessageInitShape<typeof BatchEntrySchema>["udf"]>["args"]
>[number];

const everyValue: ValueInit[] = [
  { kind: { case: "nullValue", value: NullValue.NULL_VALUE } },
  { kind: { case: "boolValue", value: true } },
  { kind: { case: "intValue", value: -9007199254740993n } },
  { kind: { case: "doubleValue", value: 1.5 } },
  { kind: { case: "stringValue", value: "héllo" } },
  { kind: { case: "bytesValue", value: new Uint8Array([0, 1, 255]) } },
  {
    kind: {
      case: "listValue",
      value: { values: [{ kind: { case: "intValue", value: 1n } }] },
    },
  },
  {
    kind: {
      case: "mapValue",
      value: {
        entries: [
          {
            key: { kind: { case: "stringValue", value: "k" } },
            value: { kind: { case: "doubleValue", value: 2.25 } },
          },
        ],
      },
    },
  },
  { kind: { case: "geojsonValue", value: '{"type":"Point","coordinates":[1,2]}' } },
  { kind: { case: "hllValue", value: new Uint8Array([9, 8, 7]) } },
  {},
];

const ael = (text: string) => ({ source: { case: "ael" as const, value: text } });

const richEntries: NonNullable<RequestInit["entries"]> = [
  {
    key: { namespace: "test", set: "s", userKey: { case: "stringValue", value: "a" } },
    verb: Verb.READ,
  },
  {
    key: { namespace: "test", set: "s", userKey: { case: "intValue", value: 42n } },
    verb: Verb.READ,
    bins: ["x", "y"],
  },
  {
    key: { namespace: "test", userKey: { case: "bytesValue", value: new Uint8Array([1, 2]) } },
    verb: Verb.EXISTS,
    headersOnly: true,
  },
  { key: { namespace: "test", digest: new Uint8Array(20).fill(7) }, verb: Verb.DELETE },
  ...[Verb.INSERT, Verb.UPDATE, Verb.UPSERT, Verb.REPLACE, Verb.REPLACE_IF_EXISTS].map((verb) => ({
    key: {
      namespace: "test",
      set: "w",
      userKey: { case: "stringValue" as const, value: `w${verb}` },
    },
    verb,
    operations: everyValue.map((value, i) => ({
      bin: `b${i}`,
      op: { case: "setTo" as const, value },
    })),
    policy: {
      expiration: { kind: { case: "seconds" as const, value: 60 } },
      expectedGeneration: 3,
      durableDelete: true,
      sendKey: true,
    },
    filter: { ...ael("$.x > 1"), placeholders: [everyValue[2] as ValueInit] },
  })),
  {
    key: { namespace: "test", userKey: { case: "intValue", value: 1n } },
    verb: Verb.UPDATE,
    operations: [
      { bin: "n", op: { case: "add", value: { kind: { case: "intValue", value: 5n } } } },
      { bin: "s", op: { case: "append", value: "tail" } },
      { bin: "s", op: { case: "prepend", value: "head" } },
      { bin: "g", op: { case: "setToGeojson", value: '{"type":"Point","coordinates":[0,0]}' } },
      { bin: "r", op: { case: "removeBin", value: {} } },
      { bin: "n", op: { case: "get", value: {} } },
      { op: { case: "touch", value: {} } },
      { bin: "e", op: { case: "selectFrom", value: { expression: ael("$.n + 1") } } },
      {
        bin: "h",
        op: { case: "hllAdd", value: { values: everyValue.slice(0, 3), indexBitCount: 12 } },
      },
    ],
  },
  { key: { namespace: "test", userKey: { case: "intValue", value: 2n } }, verb: Verb.TOUCH },
  {
    key: { namespace: "test", userKey: { case: "intValue", value: 3n } },
    verb: Verb.UDF,
    udf: { package: "pkg", function: "fn", args: everyValue },
  },
  {},
];

/** Asserts the view agrees with protobuf-es on every entry, the filter and the flag. */
function expectSameAsFromBinary(bytes: Uint8Array): void {
  const full = fromBinary(StreamBatchRequestSchema, bytes);
  const view = viewBatchRequest(bytes);
  expect(view.entryCount).toBe(full.entries.length);
  for (let i = 0; i < full.entries.length; i++) {
    const entry = view.entry(i);
    expect(equals(BatchEntrySchema, entry, full.entries[i] as typeof entry)).toBe(true);
    expect(entry).toEqual(full.entries[i]);
  }
  // Every range decoded at once agrees too (ranges span filters and unknown fields between entries).
  const n = full.entries.length;
  for (let start = 0; start < n; start++) {
    for (let end = start; end <= n; end++) {
      expect(view.entries(start, end)).toEqual(full.entries.slice(start, end));
    }
  }
  expect(view.filter).toEqual(full.filter);
  expect(view.respondAllKeys).toBe(full.respondAllKeys);
}

const encode = (init: RequestInit) =>
  toBinary(StreamBatchRequestSchema, create(StreamBatchRequestSchema, init));

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const unknownFields = () =>
  new BinaryWriter()
    .tag(99, WireType.Varint)
    .uint32(300)
    .tag(98, WireType.LengthDelimited)
    .bytes(new Uint8Array([1, 2, 3, 4]))
    .tag(97, WireType.Bit64)
    .fixed64(5n)
    .tag(96, WireType.Bit32)
    .fixed32(6)
    .finish();

const filterBytes = (init: MessageInitShape<typeof ExpressionSchema>) =>
  new BinaryWriter()
    .tag(2, WireType.LengthDelimited)
    .bytes(toBinary(ExpressionSchema, create(ExpressionSchema, init)))
    .finish();

describe("viewBatchRequest equals fromBinary", () => {
  const cases: [string, Uint8Array][] = [
    ["empty request", new Uint8Array(0)],
    ["rich entries", encode({ entries: richEntries })],
    [
      "filter and respondAllKeys true",
      encode({ entries: richEntries, filter: ael("$.a == 1"), respondAllKeys: true }),
    ],
    [
      "respondAllKeys false (explicitly present)",
      encode({ entries: richEntries, respondAllKeys: false }),
    ],
    ["filter only", encode({ filter: { ...ael("$.b"), placeholders: everyValue } })],
    ["empty entries (zero-length payloads)", encode({ entries: [{}, {}, {}] })],
    [
      "filter field appears twice (merged)",
      concat(
        encode({ entries: richEntries.slice(0, 2) }),
        filterBytes({ ...ael("first"), placeholders: [everyValue[1] as ValueInit] }),
        encode({ entries: richEntries.slice(2, 4), respondAllKeys: true }),
        filterBytes({ placeholders: [everyValue[4] as ValueInit] }),
        filterBytes({ ...ael("second") }),
      ),
    ],
    [
      "respondAllKeys repeated: last wins",
      concat(encode({ respondAllKeys: true }), encode({ entries: [{}], respondAllKeys: false })),
    ],
    [
      "unknown fields interleaved",
      concat(
        unknownFields(),
        encode({ entries: richEntries.slice(0, 3) }),
        unknownFields(),
        encode({ entries: richEntries.slice(3), filter: ael("$.z") }),
        unknownFields(),
      ),
    ],
    [
      "ExecuteBatchRequest bytes",
      toBinary(
        ExecuteBatchRequestSchema,
        create(ExecuteBatchRequestSchema, { entries: richEntries, respondAllKeys: true }),
      ),
    ],
  ];

  it.each(cases)("%s", (_name, bytes) => {
    expectSameAsFromBinary(bytes);
  });

  it("reports absent filter and respondAllKeys as undefined", () => {
    const view = viewBatchRequest(encode({ entries: [{}] }));
    expect(view.filter).toBeUndefined();
    expect(view.respondAllKeys).toBeUndefined();
    expect(viewBatchRequest(encode({ entries: [{}], respondAllKeys: false })).respondAllKeys).toBe(
      false,
    );
  });

  it("decodes a fresh message on every call", () => {
    const view = viewBatchRequest(encode({ entries: richEntries }));
    expect(view.entry(0)).not.toBe(view.entry(0));
    expect(view.entry(0)).toEqual(view.entry(0));
  });

  it("handles 100k entries", () => {
    const n = 100_000;
    const entries = Array.from({ length: n }, (_, i) => ({
      key: {
        namespace: "test",
        set: "bench",
        userKey: { case: "stringValue" as const, value: `r${i}` },
      },
      verb: Verb.READ,
    }));
    const view = viewBatchRequest(encode({ entries }));
    expect(view.entryCount).toBe(n);
    for (const i of [0, 1, 777, 65_535, 65_536, n - 1]) {
      const key = view.entry(i).key;
      expect(key?.userKey).toEqual({ case: "stringValue", value: `r${i}` });
      expect(key?.set).toBe("bench");
    }
  });
});

describe("viewBatchRequest rejects malformed input", () => {
  const valid = encode({ entries: richEntries.slice(0, 3) });
  // A 200-byte entry needs a two-byte length varint, so cutting after its first byte truncates the varint.
  const big = encode({ entries: [{ bins: ["x".repeat(200)] }] });
  const cases: [string, Uint8Array][] = [
    ["truncated in the middle of an entry's length varint", big.subarray(0, 2)],
    ["entry length beyond the buffer", valid.subarray(0, valid.length - 1)],
    ["filter length beyond the buffer", new Uint8Array([0x12, 0x05, 0x0a])],
    ["field 1 as varint", new Uint8Array([0x08, 0x01])],
    ["field 2 as varint", new Uint8Array([0x10, 0x01])],
    ["field 3 as length-delimited", new Uint8Array([0x1a, 0x01, 0x01])],
    ["truncated bool varint", new Uint8Array([0x18, 0x80])],
    ["invalid wire type 7", new Uint8Array([0x0f])],
    [
      "garbage bytes",
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
    ],
    ["field number 0", new Uint8Array([0x00, 0x00])],
  ];

  it.each(cases)("%s throws", (_name, bytes) => {
    expect(() => viewBatchRequest(bytes)).toThrow(Error);
  });

  it("throws when a malformed entry is decoded, not before", () => {
    // Entry payload: field 1 (key) claims 5 bytes but holds 1.
    const bytes = concat(encode({ entries: [{}] }), new Uint8Array([0x0a, 0x02, 0x0a, 0x05]));
    const view = viewBatchRequest(bytes);
    expect(view.entryCount).toBe(2);
    expect(view.entry(0)).toEqual(create(BatchEntrySchema));
    expect(() => view.entry(1)).toThrow(Error);
    expect(() => view.entries(0, 2)).toThrow(Error);
    expect(view.entries(0, 1)).toEqual([create(BatchEntrySchema)]);
  });

  it("throws RangeError for an index out of range", () => {
    const view = viewBatchRequest(valid);
    for (const i of [-1, 3, 1.5, Number.NaN]) expect(() => view.entry(i)).toThrow(RangeError);
    expect(() => viewBatchRequest(new Uint8Array(0)).entry(0)).toThrow(RangeError);
  });
});

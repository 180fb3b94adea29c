import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { BatchEntrySchema } from "../../../gen/ts/aerogate/v1/batch_pb.js";
import { type Operation, OperationSchema } from "../../../gen/ts/aerogate/v1/operation_pb.js";
import { ValueSchema, Verb } from "../../../gen/ts/aerogate/v1/types_pb.js";
import { batchItemsFromProto } from "../../../src/mapping/batch-entry.js";
import { operationFromProto, producesResult } from "../../../src/mapping/operation.js";
import { violationField } from "../../helpers/field-violation.js";

const op = (init: Parameters<typeof create<typeof OperationSchema>>[1]): Operation =>
  create(OperationSchema, init);
const int = (n: bigint) => create(ValueSchema, { kind: { case: "intValue", value: n } });

const violation = violationField;

describe("operationFromProto", () => {
  it("maps scalar and record operations", () => {
    expect(
      operationFromProto(op({ bin: "a", op: { case: "setTo", value: int(1n) } }), "o"),
    ).toEqual({
      op: "write",
      bin: "a",
      value: { type: "int", value: 1n },
    });
    expect(operationFromProto(op({ bin: "a", op: { case: "removeBin", value: {} } }), "o")).toEqual(
      {
        op: "write",
        bin: "a",
        value: { type: "nil" },
      },
    );
    expect(operationFromProto(op({ op: { case: "touch", value: {} } }), "o")).toEqual({
      op: "touch",
    });
    expect(operationFromProto(op({ op: { case: "deleteRecord", value: {} } }), "o")).toEqual({
      op: "delete",
    });
    const w = operationFromProto(
      op({
        bin: "b",
        op: {
          case: "upsertFrom",
          value: {
            expression: { source: { case: "ael", value: "1" } },
            ignoreOpFailure: true,
            deleteIfNull: true,
          },
        },
      }),
      "o",
    );
    expect(w).toMatchObject({
      op: "expWrite",
      mode: "upsert",
      ignoreOpFailure: true,
      deleteIfNull: true,
      ignoreEvalFailure: false,
    });
  });

  it("maps HLL operations with their flags", () => {
    expect(
      operationFromProto(
        op({
          bin: "h",
          op: {
            case: "hllInit",
            value: {
              indexBitCount: 12,
              minhashBitCount: 20,
              flags: { createOnly: true, noFail: true },
            },
          },
        }),
        "o",
      ),
    ).toEqual({
      op: "hllInit",
      bin: "h",
      indexBits: 12,
      minhashBits: 20,
      flags: { createOnly: true, updateOnly: false, noFail: true, allowFold: false },
    });
    expect(
      operationFromProto(
        op({ bin: "h", op: { case: "hllAdd", value: { values: [int(1n)] } } }),
        "o",
      ),
    ).toMatchObject({
      op: "hllAdd",
      values: [{ type: "int", value: 1n }],
    });
    expect(
      producesResult(
        operationFromProto(
          op({ bin: "h", op: { case: "hllFold", value: { indexBitCount: 4 } } }),
          "o",
        ),
      ),
    ).toBe(false);
    expect(
      producesResult(
        operationFromProto(op({ bin: "h", op: { case: "hllGetCount", value: {} } }), "o"),
      ),
    ).toBe(true);
  });

  const invalid: [string, Operation, string][] = [
    ["no op", op({ bin: "a" }), "o"],
    ["no bin", op({ op: { case: "get", value: {} } }), "o.bin"],
    ["long bin", op({ bin: "abcdefghijklmnop", op: { case: "get", value: {} } }), "o.bin"],
    [
      "add of a string",
      op({
        bin: "a",
        op: {
          case: "add",
          value: create(ValueSchema, { kind: { case: "stringValue", value: "x" } }),
        },
      }),
      "o.add",
    ],
    ["append with NUL", op({ bin: "a", op: { case: "append", value: "a\u0000b" } }), "o.append"],
    [
      "index bits 3",
      op({ bin: "h", op: { case: "hllInit", value: { indexBitCount: 3 } } }),
      "o.hll_init.index_bit_count",
    ],
    [
      "index bits 17",
      op({ bin: "h", op: { case: "hllInit", value: { indexBitCount: 17 } } }),
      "o.hll_init.index_bit_count",
    ],
    [
      "minhash 3",
      op({ bin: "h", op: { case: "hllInit", value: { indexBitCount: 8, minhashBitCount: 3 } } }),
      "o.hll_init.minhash_bit_count",
    ],
    [
      "minhash 52",
      op({ bin: "h", op: { case: "hllInit", value: { indexBitCount: 8, minhashBitCount: 52 } } }),
      "o.hll_init.minhash_bit_count",
    ],
    [
      "sum above 64",
      op({ bin: "h", op: { case: "hllInit", value: { indexBitCount: 16, minhashBitCount: 49 } } }),
      "o.hll_init.minhash_bit_count",
    ],
    [
      "create_only with update_only",
      op({
        bin: "h",
        op: {
          case: "hllInit",
          value: { indexBitCount: 8, flags: { createOnly: true, updateOnly: true } },
        },
      }),
      "o.hll_init.flags",
    ],
    ["add without values", op({ bin: "h", op: { case: "hllAdd", value: {} } }), "o.hll_add.values"],
    [
      "add minhash without index",
      op({ bin: "h", op: { case: "hllAdd", value: { values: [int(1n)], minhashBitCount: 4 } } }),
      "o.hll_add.minhash_bit_count",
    ],
    [
      "fold to 20",
      op({ bin: "h", op: { case: "hllFold", value: { indexBitCount: 20 } } }),
      "o.hll_fold.index_bit_count",
    ],
    [
      "union without sketches",
      op({ bin: "h", op: { case: "hllGetUnion", value: {} } }),
      "o.hll_get_union.sketches",
    ],
    [
      "select without text",
      op({ bin: "r", op: { case: "selectFrom", value: {} } }),
      "o.select_from.expression.ael",
    ],
    [
      "a bin name the gateway reserves",
      op({ bin: "\u00020", op: { case: "setTo", value: int(1n) } }),
      "o.bin",
    ],
    [
      "a 16-byte bin name",
      op({ bin: "abcdefghijklmnop", op: { case: "setTo", value: int(1n) } }),
      "o.bin",
    ],
  ];
  for (const [name, o, field] of invalid) {
    it(`rejects ${name} at ${field}`, () => {
      expect(violation(() => operationFromProto(o, "o"))).toBe(field);
    });
  }
});

describe("batchItemsFromProto", () => {
  const key = {
    namespace: "test",
    set: "s",
    userKey: { case: "stringValue" as const, value: "k" },
  };
  const entry = (init: Parameters<typeof create<typeof BatchEntrySchema>>[1]) =>
    create(BatchEntrySchema, init);

  it("maps verbs to actions", () => {
    const items = batchItemsFromProto(
      [
        entry({ key, verb: Verb.READ, bins: ["a"] }),
        entry({ key, verb: Verb.READ }),
        entry({ key, verb: Verb.READ, headersOnly: true }),
        entry({ key, verb: Verb.EXISTS }),
        entry({
          key,
          verb: Verb.REPLACE,
          operations: [{ bin: "a", op: { case: "setTo", value: int(1n) } }],
        }),
        entry({ key, verb: Verb.DELETE, policy: { expectedGeneration: 2 } }),
        entry({ key, verb: Verb.TOUCH }),
        entry({ key, verb: Verb.UDF, udf: { package: "m", function: "f", args: [int(1n)] } }),
      ],
      undefined,
      100,
    );
    expect(items.map((i) => i.action.kind)).toEqual([
      "read",
      "read",
      "read",
      "exists",
      "write",
      "delete",
      "touch",
      "udf",
    ]);
    expect(items[0]?.action).toEqual({
      kind: "read",
      ops: [{ op: "read", bin: "a" }],
      allBins: false,
      headersOnly: false,
    });
    expect(items[1]?.action).toMatchObject({ allBins: true });
    expect(items[4]?.action).toMatchObject({ exists: "replace" });
    expect(items[5]?.settings.expectedGeneration).toBe(2);
  });

  it("shares one default filter spec across entries", () => {
    const items = batchItemsFromProto(
      [entry({ key, verb: Verb.READ }), entry({ key, verb: Verb.READ })],
      { source: { case: "ael", value: "$.a > 1" }, placeholders: [] } as never,
      10,
    );
    expect(items[0]?.filter).toBeDefined();
    expect(items[0]?.filter).toBe(items[1]?.filter);
  });

  const bad: [string, ReturnType<typeof entry>[], string][] = [
    ["no entries", [], "entries"],
    ["too many", Array.from({ length: 4 }, () => entry({ key, verb: Verb.READ })), "entries"],
    ["no key", [entry({ verb: Verb.READ })], "entries[0].key"],
    ["unspecified verb", [entry({ key })], "entries[0].verb"],
    [
      "write in READ",
      [
        entry({
          key,
          verb: Verb.READ,
          operations: [{ bin: "a", op: { case: "add", value: int(1n) } }],
        }),
      ],
      "entries[0].operations[0]",
    ],
    [
      "ops in DELETE",
      [
        entry({
          key,
          verb: Verb.DELETE,
          operations: [{ bin: "a", op: { case: "get", value: {} } }],
        }),
      ],
      "entries[0].operations",
    ],
    [
      "ops in EXISTS",
      [
        entry({
          key,
          verb: Verb.EXISTS,
          operations: [{ bin: "a", op: { case: "get", value: {} } }],
        }),
      ],
      "entries[0].operations",
    ],
    [
      "bins in UPSERT",
      [
        entry({
          key,
          verb: Verb.UPSERT,
          bins: ["a"],
          operations: [{ bin: "a", op: { case: "get", value: {} } }],
        }),
      ],
      "entries[0].bins",
    ],
    ["write without ops", [entry({ key, verb: Verb.INSERT })], "entries[0].operations"],
    ["UDF without call", [entry({ key, verb: Verb.UDF })], "entries[0].udf"],
    ["policy on READ", [entry({ key, verb: Verb.READ, policy: {} })], "entries[0].policy"],
    [
      "headers with bins",
      [entry({ key, verb: Verb.READ, headersOnly: true, bins: ["a"] })],
      "entries[0].headers_only",
    ],
  ];
  for (const [name, entries, field] of bad) {
    it(`rejects ${name} at ${field}`, () => {
      expect(violation(() => batchItemsFromProto(entries, undefined, 3))).toBe(field);
    });
  }
});

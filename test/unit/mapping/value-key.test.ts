import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { NullValue } from "@bufbuild/protobuf/wkt";
import { describe, expect, it } from "vitest";
import {
  KeySchema,
  type Value,
  ValueSchema,
  WritePolicySchema,
} from "../../../gen/ts/aerogate/v1/types_pb.js";
import { recordDigest } from "../../../src/mapping/digest.js";
import { expirationFromTtl, ttlFromExpiration } from "../../../src/mapping/expiration.js";
import { keyEcho, keyFromProto } from "../../../src/mapping/key.js";
import { valueFromProto, valueToProto } from "../../../src/mapping/value.js";
import { writeSettingsFromProto } from "../../../src/mapping/write-policy.js";
import { violationField } from "../../helpers/field-violation.js";

const val = (kind: NonNullable<MessageInitShape<typeof ValueSchema>["kind"]>): Value =>
  create(ValueSchema, { kind } as MessageInitShape<typeof ValueSchema>);

const violation = violationField;

describe("Value mapping", () => {
  const samples: Value[] = [
    val({ case: "nullValue", value: NullValue.NULL_VALUE }),
    val({ case: "boolValue", value: true }),
    val({ case: "intValue", value: 2n ** 63n - 1n }),
    val({ case: "intValue", value: -(2n ** 63n) }),
    val({ case: "intValue", value: 2n ** 53n + 1n }),
    val({ case: "doubleValue", value: 3 }),
    val({ case: "doubleValue", value: -0 }),
    val({ case: "doubleValue", value: Number.NaN }),
    val({ case: "stringValue", value: "héllo" }),
    val({ case: "bytesValue", value: new Uint8Array([0, 255]) }),
    val({ case: "geojsonValue", value: '{"type":"Point","coordinates":[0,0]}' }),
    val({ case: "hllValue", value: new Uint8Array([1, 2, 3]) }),
    val({
      case: "listValue",
      value: {
        values: [val({ case: "doubleValue", value: 1 }), val({ case: "intValue", value: 1n })],
      },
    }),
    val({
      case: "mapValue",
      value: {
        entries: [
          {
            key: val({ case: "intValue", value: 2n }),
            value: val({ case: "stringValue", value: "b" }),
          },
          {
            key: val({ case: "bytesValue", value: new Uint8Array([1]) }),
            value: val({ case: "boolValue", value: false }),
          },
        ],
      },
    }),
  ];
  for (const s of samples) {
    it(`round-trips ${s.kind.case}`, () => {
      const back = valueToProto(valueFromProto(s, "v"));
      expect(back).toEqual(s);
      if (s.kind.case === "doubleValue")
        expect(Object.is(back.kind.value, s.kind.value)).toBe(true);
    });
  }

  it("keeps int and double apart", () => {
    expect(valueFromProto(val({ case: "doubleValue", value: 3 }), "v")).toEqual({
      type: "double",
      value: 3,
    });
    expect(valueFromProto(val({ case: "intValue", value: 3n }), "v")).toEqual({
      type: "int",
      value: 3n,
    });
  });

  it("names the path of invalid values", () => {
    expect(violation(() => valueFromProto(create(ValueSchema), 'bins["a"]'))).toBe('bins["a"]');
    const badKey = val({
      case: "mapValue",
      value: {
        entries: [
          {
            key: val({ case: "listValue", value: { values: [] } }),
            value: val({ case: "boolValue", value: true }),
          },
        ],
      },
    });
    expect(violation(() => valueFromProto(badKey, "v"))).toBe("v.map_value.entries[0].key");
    const nested = val({ case: "listValue", value: { values: [create(ValueSchema)] } });
    expect(violation(() => valueFromProto(nested, "v"))).toBe("v[0]");
  });
});

describe("Key mapping", () => {
  it("maps user keys and digests", () => {
    expect(
      keyFromProto(
        create(KeySchema, {
          namespace: "test",
          set: "s",
          userKey: { case: "intValue", value: 5n },
        }),
        "key",
      ),
    ).toEqual({
      namespace: "test",
      set: "s",
      userKey: 5n,
    });
    const digest = new Uint8Array(20).fill(7);
    expect(keyFromProto(create(KeySchema, { namespace: "test", digest }), "key")).toEqual({
      namespace: "test",
      set: "",
      digest,
    });
  });

  it("rejects keys without namespace, user key or with a bad digest", () => {
    expect(violation(() => keyFromProto(undefined, "key"))).toBe("key");
    expect(
      violation(() =>
        keyFromProto(create(KeySchema, { userKey: { case: "stringValue", value: "a" } }), "key"),
      ),
    ).toBe("key.namespace");
    expect(
      violation(() => keyFromProto(create(KeySchema, { namespace: "test" }), "e[1].key")),
    ).toBe("e[1].key");
    expect(
      violation(() =>
        keyFromProto(create(KeySchema, { namespace: "test", digest: new Uint8Array(3) }), "key"),
      ),
    ).toBe("key.digest");
    expect(
      violation(() =>
        keyFromProto(
          create(KeySchema, { namespace: "test", userKey: { case: "stringValue", value: "" } }),
          "key",
        ),
      ),
    ).toBe("key.string_value");
  });

  it("computes digests like the server (8.1.2 fixtures)", () => {
    const golden: [string | bigint | Uint8Array, string][] = [
      ["all", "ae7052a6a60df5e01ed3787fd6db0632fce07273"],
      ["12345", "d3b098664a41f522eded5509cc919ae86b44498e"],
      [new Uint8Array([1, 2, 3]), "25e5919746c3f3e0ce87a20e68c56cf03b69bc28"],
    ];
    for (const [userKey, digest] of golden) {
      const d = recordDigest({ namespace: "test", set: "fx_kv_types", userKey });
      expect(Buffer.from(d).toString("hex")).toBe(digest);
    }
  });

  it("echoes the key as sent with the digest", () => {
    const sent = create(KeySchema, {
      namespace: "test",
      set: "s",
      userKey: { case: "stringValue", value: "a" },
    });
    const echo = keyEcho(sent, new Uint8Array(20));
    expect(echo.userKey).toEqual(sent.userKey);
    expect(echo.digest.length).toBe(20);
  });
});

describe("Expiration and WritePolicy", () => {
  it("maps each expiration kind to the client TTL", () => {
    expect(ttlFromExpiration(undefined, "p")).toBeUndefined();
    expect(ttlFromExpiration({ kind: { case: "seconds", value: 60 } } as never, "p")).toBe(60);
    expect(ttlFromExpiration({ kind: { case: "never", value: {} } } as never, "p")).toBe(-1);
    expect(ttlFromExpiration({ kind: { case: "keep", value: {} } } as never, "p")).toBe(-2);
    expect(ttlFromExpiration({ kind: { case: "serverDefault", value: {} } } as never, "p")).toBe(0);
    expect(
      violation(() => ttlFromExpiration({ kind: { case: "seconds", value: 0 } } as never, "p")),
    ).toBe("p.seconds");
  });

  it("maps read TTLs back", () => {
    expect(expirationFromTtl(-1)?.kind.case).toBe("never");
    expect(expirationFromTtl(30)?.kind).toEqual({ case: "seconds", value: 30 });
  });

  it("maps write policies", () => {
    expect(
      writeSettingsFromProto(
        create(WritePolicySchema, { expectedGeneration: 3, durableDelete: true, sendKey: true }),
        "policy",
      ),
    ).toEqual({ expectedGeneration: 3, durableDelete: true, sendKey: true });
    expect(
      violation(() =>
        writeSettingsFromProto(create(WritePolicySchema, { expectedGeneration: 70000 }), "policy"),
      ),
    ).toBe("policy.expected_generation");
  });
});

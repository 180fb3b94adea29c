import { create } from "@bufbuild/protobuf";
import { NullValue } from "@bufbuild/protobuf/wkt";
import { expect } from "vitest";
import {
  type Key,
  KeySchema,
  type Value,
  ValueSchema,
} from "../../../gen/ts/aerogate/v1/types_pb.js";
import { GrpcCallError } from "../../helpers/grpc-client.js";

let counter = 0;

/** A fresh string key in namespace test, set `set`. */
export function freshKey(set: string, prefix = "k"): Key {
  counter += 1;
  return create(KeySchema, {
    namespace: "test",
    set,
    userKey: { case: "stringValue", value: `${prefix}-${process.pid}-${Date.now()}-${counter}` },
  });
}

/** Value builders. */
export const v = {
  int: (n: bigint | number): Value =>
    create(ValueSchema, { kind: { case: "intValue", value: BigInt(n) } }),
  dbl: (n: number): Value => create(ValueSchema, { kind: { case: "doubleValue", value: n } }),
  str: (s: string): Value => create(ValueSchema, { kind: { case: "stringValue", value: s } }),
  bytes: (b: number[]): Value =>
    create(ValueSchema, { kind: { case: "bytesValue", value: new Uint8Array(b) } }),
  bool: (b: boolean): Value => create(ValueSchema, { kind: { case: "boolValue", value: b } }),
  nil: (): Value =>
    create(ValueSchema, { kind: { case: "nullValue", value: NullValue.NULL_VALUE } }),
  geo: (s: string): Value => create(ValueSchema, { kind: { case: "geojsonValue", value: s } }),
  list: (...values: Value[]): Value =>
    create(ValueSchema, { kind: { case: "listValue", value: { values } } }),
  map: (...entries: [Value, Value][]): Value =>
    create(ValueSchema, {
      kind: {
        case: "mapValue",
        value: { entries: entries.map(([key, value]) => ({ key, value })) },
      },
    }),
};

/** Awaits a call that must fail; returns the error with its decoded details. */
export async function failure(p: Promise<unknown>): Promise<GrpcCallError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GrpcCallError) return e;
    throw e;
  }
  throw new Error("the call succeeded but was expected to fail");
}

/** Asserts a failed call's code, ErrorInfo reason and (optionally) the first field violation. */
export async function expectStatus(
  p: Promise<unknown>,
  code: number,
  reason: string,
  field?: string,
): Promise<GrpcCallError> {
  const e = await failure(p);
  expect({ code: e.code, reason: e.statusDetails()?.errorInfo?.reason }, e.details).toEqual({
    code,
    reason,
  });
  if (field !== undefined) {
    expect(e.statusDetails()?.badRequest?.fieldViolations.map((f) => f.field)).toContain(field);
  }
  return e;
}

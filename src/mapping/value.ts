import { create } from "@bufbuild/protobuf";
import { NullValue } from "@bufbuild/protobuf/wkt";
import {
  ListValueSchema,
  MapEntrySchema,
  MapValueSchema,
  type Value,
  ValueSchema,
} from "../../gen/ts/aerogate/v1/types_pb.js";
import { FieldError, fieldPath } from "./field-error.js";
import type { AsMapEntry, AsValue } from "./model.js";

/** The nil value. */
export const NIL: AsValue = { type: "nil" };

/**
 * Maps a protobuf Value to the domain model; an unset kind is an error because every input value
 * must say what it is. `path` names the field in violations (e.g. `bins["a"]`).
 */
export function valueFromProto(v: Value | undefined, path: string): AsValue {
  const kind = v?.kind;
  switch (kind?.case) {
    case "nullValue":
      return NIL;
    case "boolValue":
      return { type: "bool", value: kind.value };
    case "intValue":
      return { type: "int", value: kind.value };
    case "doubleValue":
      return { type: "double", value: kind.value };
    case "stringValue":
      return { type: "string", value: checkNoNul(kind.value, path) };
    case "bytesValue":
      return { type: "bytes", value: kind.value };
    case "geojsonValue":
      return { type: "geojson", value: checkNoNul(kind.value, path) };
    case "hllValue":
      return { type: "hll", value: kind.value };
    case "listValue":
      return {
        type: "list",
        value: kind.value.values.map((e, i) => valueFromProto(e, fieldPath(path, i))),
      };
    case "mapValue":
      return {
        type: "map",
        value: kind.value.entries.map((e, i) => {
          const at = fieldPath(fieldPath(path, "map_value.entries"), i);
          const key = valueFromProto(e.key, fieldPath(at, "key"));
          if (!isScalarKey(key)) {
            throw FieldError.of(
              fieldPath(at, "key"),
              "a map key must be an int, string, bytes, double or bool value",
            );
          }
          return { key, value: valueFromProto(e.value, fieldPath(at, "value")) };
        }),
      };
    default:
      throw FieldError.of(path, "the value has no kind set");
  }
}

/**
 * Rejects strings with an embedded NUL: the aerospike client cuts strings there, which would
 * silently change the caller's data.
 */
export function checkNoNul(s: string, path: string): string {
  if (s.includes("\u0000")) {
    throw FieldError.of(
      path,
      "strings with an embedded NUL character are not supported (the aerospike client truncates them)",
    );
  }
  return s;
}

/** Whether a value may be used as a map key. */
export function isScalarKey(v: AsValue): boolean {
  return (
    v.type === "int" ||
    v.type === "string" ||
    v.type === "bytes" ||
    v.type === "double" ||
    v.type === "bool"
  );
}

/** Maps a domain value to a protobuf Value; `undefined` gives an empty Value ("no result"). */
export function valueToProto(v: AsValue | undefined): Value {
  if (v === undefined) return create(ValueSchema);
  switch (v.type) {
    case "nil":
      return create(ValueSchema, { kind: { case: "nullValue", value: NullValue.NULL_VALUE } });
    case "bool":
      return create(ValueSchema, { kind: { case: "boolValue", value: v.value } });
    case "int":
      return create(ValueSchema, { kind: { case: "intValue", value: v.value } });
    case "double":
      return create(ValueSchema, { kind: { case: "doubleValue", value: v.value } });
    case "string":
      return create(ValueSchema, { kind: { case: "stringValue", value: v.value } });
    case "bytes":
      return create(ValueSchema, { kind: { case: "bytesValue", value: v.value } });
    case "geojson":
      return create(ValueSchema, { kind: { case: "geojsonValue", value: v.value } });
    case "hll":
      return create(ValueSchema, { kind: { case: "hllValue", value: v.value } });
    case "list":
      return create(ValueSchema, {
        kind: {
          case: "listValue",
          value: create(ListValueSchema, { values: v.value.map((e) => valueToProto(e)) }),
        },
      });
    case "map":
      return create(ValueSchema, {
        kind: {
          case: "mapValue",
          value: create(MapValueSchema, { entries: v.value.map(mapEntryToProto) }),
        },
      });
  }
}

function mapEntryToProto(e: AsMapEntry) {
  return create(MapEntrySchema, { key: valueToProto(e.key), value: valueToProto(e.value) });
}

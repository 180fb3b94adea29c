/**
 * A typed value bound to an AEL placeholder (`?0`, `?1`, …): the plain union the gateway's
 * mapping layer builds from a protobuf `Value`. Integers are `bigint` so int64 stays exact;
 * maps keep their entries in the caller's order (the server orders keys itself).
 */
export type AelValue =
  | { readonly type: "nil" }
  | { readonly type: "bool"; readonly value: boolean }
  | { readonly type: "int"; readonly value: bigint }
  | { readonly type: "float"; readonly value: number }
  | { readonly type: "string"; readonly value: string }
  | { readonly type: "bytes"; readonly value: Uint8Array }
  | { readonly type: "list"; readonly value: readonly AelValue[] }
  | { readonly type: "map"; readonly value: readonly (readonly [AelValue, AelValue])[] }
  | { readonly type: "geojson"; readonly value: string }
  | { readonly type: "hll"; readonly value: Uint8Array };

/** The expression type a placeholder value has when it takes part in type inference. */
export function aelValueType(
  value: AelValue,
): "NIL" | "BOOL" | "INT" | "FLOAT" | "STRING" | "BLOB" | "LIST" | "MAP" | "GEO" | "HLL" {
  switch (value.type) {
    case "nil":
      return "NIL";
    case "bool":
      return "BOOL";
    case "int":
      return "INT";
    case "float":
      return "FLOAT";
    case "string":
      return "STRING";
    case "bytes":
      return "BLOB";
    case "list":
      return "LIST";
    case "map":
      return "MAP";
    case "geojson":
      return "GEO";
    case "hll":
      return "HLL";
  }
}

/** Builders for `AelValue`s, handy in tests and in the mapping layer. */
export const ael = {
  nil: (): AelValue => ({ type: "nil" }),
  bool: (value: boolean): AelValue => ({ type: "bool", value }),
  int: (value: bigint | number): AelValue => ({ type: "int", value: BigInt(value) }),
  float: (value: number): AelValue => ({ type: "float", value }),
  string: (value: string): AelValue => ({ type: "string", value }),
  bytes: (value: Uint8Array): AelValue => ({ type: "bytes", value }),
  list: (...value: AelValue[]): AelValue => ({ type: "list", value }),
  map: (...value: [AelValue, AelValue][]): AelValue => ({ type: "map", value }),
  geojson: (value: string): AelValue => ({ type: "geojson", value }),
  hll: (value: Uint8Array): AelValue => ({ type: "hll", value }),
};

import type { HllWriteFlags, Operation } from "../../gen/ts/aerogate/v1/operation_pb.js";
import type { Expression } from "../../gen/ts/aerogate/v1/types_pb.js";
import { FieldError, fieldPath } from "./field-error.js";
import type { AsValue, ExpressionSpec, HllFlags, Op } from "./model.js";
import { checkNoNul, valueFromProto } from "./value.js";

/** Longest bin name Aerospike accepts, in UTF-8 bytes. */
export const MAX_BIN_NAME_BYTES = 15;

/** HyperLogLog bit-count limits from the contract (and the server). */
export const HLL_LIMITS = {
  minIndexBits: 4,
  maxIndexBits: 16,
  minMinhashBits: 4,
  maxMinhashBits: 51,
  maxTotalBits: 64,
} as const;

/**
 * Checks a bin name (non-empty, at most 15 UTF-8 bytes, not starting with U+0001 or U+0002, which
 * name the gateway's own result entries such as type probes) and returns it.
 */
export function checkBinName(bin: string, path: string): string {
  if (bin === "") throw FieldError.of(path, "a bin name is required");
  const first = bin.charCodeAt(0);
  if (first === 1 || first === 2) {
    throw FieldError.of(path, "bin names starting with U+0001 or U+0002 are reserved");
  }
  if (Buffer.byteLength(bin, "utf8") > MAX_BIN_NAME_BYTES) {
    throw FieldError.of(path, `a bin name is at most ${MAX_BIN_NAME_BYTES} bytes`);
  }
  return bin;
}

/** Maps a protobuf Expression to its spec; the text must be set. */
export function expressionFromProto(e: Expression | undefined, path: string): ExpressionSpec {
  if (e === undefined || e.source.case !== "ael" || e.source.value.trim() === "") {
    throw FieldError.of(
      fieldPath(path, "ael"),
      "an expression text is required",
      "INVALID_EXPRESSION",
    );
  }
  return {
    ael: e.source.value,
    placeholders: e.placeholders.map((p, i) =>
      valueFromProto(p, fieldPath(fieldPath(path, "placeholders"), i)),
    ),
  };
}

/** Maps an optional filter Expression (unset or empty text = no filter). */
export function filterFromProto(
  e: Expression | undefined,
  path: string,
): ExpressionSpec | undefined {
  if (e === undefined || e.source.case === undefined) return undefined;
  return expressionFromProto(e, path);
}

function hllFlags(f: HllWriteFlags | undefined, path: string): HllFlags {
  const flags = {
    createOnly: f?.createOnly ?? false,
    updateOnly: f?.updateOnly ?? false,
    noFail: f?.noFail ?? false,
    allowFold: f?.allowFold ?? false,
  };
  if (flags.createOnly && flags.updateOnly) {
    throw FieldError.of(path, "create_only and update_only are mutually exclusive");
  }
  return flags;
}

function checkIndexBits(n: number, path: string): number {
  if (n < HLL_LIMITS.minIndexBits || n > HLL_LIMITS.maxIndexBits) {
    throw FieldError.of(
      path,
      `index_bit_count must be between ${HLL_LIMITS.minIndexBits} and ${HLL_LIMITS.maxIndexBits}`,
    );
  }
  return n;
}

function checkMinhashBits(index: number, minhash: number, path: string): number {
  const inRange = minhash >= HLL_LIMITS.minMinhashBits && minhash <= HLL_LIMITS.maxMinhashBits;
  if (minhash !== 0 && !inRange) {
    throw FieldError.of(
      path,
      `minhash_bit_count must be 0 or between ${HLL_LIMITS.minMinhashBits} and ${HLL_LIMITS.maxMinhashBits}`,
    );
  }
  if (index + minhash > HLL_LIMITS.maxTotalBits) {
    throw FieldError.of(
      path,
      `index_bit_count plus minhash_bit_count must be at most ${HLL_LIMITS.maxTotalBits}`,
    );
  }
  return minhash;
}

function sketchList(sketches: readonly Uint8Array[], path: string): Uint8Array[] {
  if (sketches.length === 0) throw FieldError.of(path, "at least one sketch is required");
  return [...sketches];
}

function addValue(v: AsValue, path: string): AsValue {
  if (v.type !== "int" && v.type !== "double") {
    throw FieldError.of(path, "add takes an int or a double value");
  }
  return v;
}

/**
 * Maps one protobuf Operation to the domain model, validating it; `path` is the operation's
 * field path (e.g. `entries[3].operations[1]`).
 */
export function operationFromProto(o: Operation, path: string): Op {
  const op = o.op;
  const at = (name: string) => fieldPath(path, name);
  const bin = () => checkBinName(o.bin, at("bin"));
  switch (op.case) {
    case "setTo": {
      const value = valueFromProto(op.value, at("set_to"));
      return { op: "write", bin: bin(), value };
    }
    case "setToGeojson":
      return {
        op: "write",
        bin: bin(),
        value: { type: "geojson", value: checkNoNul(op.value, at("set_to_geojson")) },
      };
    case "add":
      return {
        op: "add",
        bin: bin(),
        value: addValue(valueFromProto(op.value, at("add")), at("add")),
      };
    case "append":
      return { op: "append", bin: bin(), value: checkNoNul(op.value, at("append")) };
    case "prepend":
      return { op: "prepend", bin: bin(), value: checkNoNul(op.value, at("prepend")) };
    case "removeBin":
      return { op: "write", bin: bin(), value: { type: "nil" } };
    case "get":
      return { op: "read", bin: bin() };
    case "touch":
      return { op: "touch" };
    case "deleteRecord":
      return { op: "delete" };
    case "selectFrom":
      return {
        op: "expRead",
        bin: bin(),
        expression: expressionFromProto(op.value.expression, at("select_from.expression")),
        ignoreEvalFailure: op.value.ignoreEvalFailure,
      };
    case "insertFrom":
    case "updateFrom":
    case "upsertFrom": {
      const name = {
        insertFrom: "insert_from",
        updateFrom: "update_from",
        upsertFrom: "upsert_from",
      }[op.case];
      const mode = ({ insertFrom: "insert", updateFrom: "update", upsertFrom: "upsert" } as const)[
        op.case
      ];
      return {
        op: "expWrite",
        bin: bin(),
        mode,
        expression: expressionFromProto(op.value.expression, at(`${name}.expression`)),
        ignoreOpFailure: op.value.ignoreOpFailure,
        ignoreEvalFailure: op.value.ignoreEvalFailure,
        deleteIfNull: op.value.deleteIfNull,
      };
    }
    case "hllInit": {
      const p = at("hll_init");
      const indexBits = checkIndexBits(op.value.indexBitCount, fieldPath(p, "index_bit_count"));
      const minhashBits = checkMinhashBits(
        indexBits,
        op.value.minhashBitCount,
        fieldPath(p, "minhash_bit_count"),
      );
      const flags = hllFlags(op.value.flags, fieldPath(p, "flags"));
      return { op: "hllInit", bin: bin(), indexBits, minhashBits, flags };
    }
    case "hllAdd": {
      const p = at("hll_add");
      if (op.value.values.length === 0) {
        throw FieldError.of(fieldPath(p, "values"), "at least one value is required");
      }
      const values = op.value.values.map((v, i) =>
        hllElement(
          valueFromProto(v, fieldPath(fieldPath(p, "values"), i)),
          fieldPath(fieldPath(p, "values"), i),
        ),
      );
      const flags = hllFlags(op.value.flags, fieldPath(p, "flags"));
      const ib = op.value.indexBitCount;
      const mb = op.value.minhashBitCount;
      if (ib === undefined) {
        if (mb !== undefined) {
          throw FieldError.of(
            fieldPath(p, "minhash_bit_count"),
            "minhash_bit_count needs index_bit_count",
          );
        }
        return { op: "hllAdd", bin: bin(), values, flags };
      }
      const indexBits = checkIndexBits(ib, fieldPath(p, "index_bit_count"));
      const minhashBits = checkMinhashBits(indexBits, mb ?? 0, fieldPath(p, "minhash_bit_count"));
      return { op: "hllAdd", bin: bin(), values, indexBits, minhashBits, flags };
    }
    case "hllSetUnion": {
      const p = at("hll_set_union");
      return {
        op: "hllSetUnion",
        bin: bin(),
        sketches: sketchList(op.value.sketches, fieldPath(p, "sketches")),
        flags: hllFlags(op.value.flags, fieldPath(p, "flags")),
      };
    }
    case "hllRefreshCount":
      return { op: "hllRefreshCount", bin: bin() };
    case "hllFold":
      return {
        op: "hllFold",
        bin: bin(),
        indexBits: checkIndexBits(op.value.indexBitCount, at("hll_fold.index_bit_count")),
      };
    case "hllGetCount":
      return { op: "hllGetCount", bin: bin() };
    case "hllDescribe":
      return { op: "hllDescribe", bin: bin() };
    case "hllGetUnion":
    case "hllGetUnionCount":
    case "hllGetIntersectCount":
    case "hllGetSimilarity": {
      const name = {
        hllGetUnion: "hll_get_union",
        hllGetUnionCount: "hll_get_union_count",
        hllGetIntersectCount: "hll_get_intersect_count",
        hllGetSimilarity: "hll_get_similarity",
      }[op.case];
      return {
        op: op.case,
        bin: bin(),
        sketches: sketchList(op.value.sketches, at(`${name}.sketches`)),
      };
    }
    default:
      throw FieldError.of(path, "the operation has no op set");
  }
}

function hllElement(v: AsValue, path: string): AsValue {
  if (v.type === "list" || v.type === "map" || v.type === "nil") {
    throw FieldError.of(path, "HyperLogLog elements must be scalar values");
  }
  return v;
}

/** Whether an operation returns a value in the operate response. */
export function producesResult(op: Op): boolean {
  switch (op.op) {
    case "read":
    case "expRead":
    case "hllAdd":
    case "hllRefreshCount":
    case "hllGetCount":
    case "hllDescribe":
    case "hllGetUnion":
    case "hllGetUnionCount":
    case "hllGetIntersectCount":
    case "hllGetSimilarity":
      return true;
    default:
      return false;
  }
}

/** Whether an operation only reads (allowed in a READ entry). */
export function isReadOnly(op: Op): boolean {
  switch (op.op) {
    case "read":
    case "expRead":
    case "hllGetCount":
    case "hllDescribe":
    case "hllGetUnion":
    case "hllGetUnionCount":
    case "hllGetIntersectCount":
    case "hllGetSimilarity":
      return true;
    default:
      return false;
  }
}

/** Maps an operation list, validating each, with paths `<path>[i]`. */
export function operationsFromProto(ops: readonly Operation[], path: string): Op[] {
  return ops.map((o, i) => operationFromProto(o, fieldPath(path, i)));
}

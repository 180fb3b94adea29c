import type { BatchEntry } from "../../gen/ts/aerogate/v1/batch_pb.js";
import { type Expression, Verb } from "../../gen/ts/aerogate/v1/types_pb.js";
import { FieldError, fieldPath } from "./field-error.js";
import { keyFromProto } from "./key.js";
import type { ExistsMode, ExpressionSpec, Op, RecordKey, UdfSpec, WriteSettings } from "./model.js";
import { checkBinName, filterFromProto, isReadOnly, operationsFromProto } from "./operation.js";
import { valueFromProto } from "./value.js";
import { existsModeOf, writeSettingsFromProto } from "./write-policy.js";

/** What a batch entry does, in the terms of the client's batch record types. */
export type BatchAction =
  | {
      readonly kind: "read";
      readonly ops: readonly Op[];
      readonly allBins: boolean;
      readonly headersOnly: boolean;
    }
  | { readonly kind: "exists" }
  | { readonly kind: "write"; readonly exists: ExistsMode; readonly ops: readonly Op[] }
  | { readonly kind: "delete" }
  | { readonly kind: "touch" }
  | { readonly kind: "udf"; readonly udf: UdfSpec };

/** One validated batch entry in the domain model, with its input position. */
export interface BatchItem {
  readonly index: number;
  readonly key: RecordKey;
  readonly action: BatchAction;
  readonly filter: ExpressionSpec | undefined;
  readonly settings: WriteSettings;
}

const NO_SETTINGS: WriteSettings = { durableDelete: false, sendKey: false };

function noOps(e: BatchEntry, at: string, verb: string): void {
  if (e.operations.length > 0) {
    throw FieldError.of(fieldPath(at, "operations"), `verb ${verb} takes no operations`);
  }
}

function noReadFields(e: BatchEntry, at: string, verb: string): void {
  if (e.bins.length > 0)
    throw FieldError.of(fieldPath(at, "bins"), `bins apply to READ only, not ${verb}`);
  if (e.headersOnly) {
    throw FieldError.of(
      fieldPath(at, "headers_only"),
      `headers_only applies to READ only, not ${verb}`,
    );
  }
}

function noUdf(e: BatchEntry, at: string, verb: string): void {
  if (e.udf !== undefined)
    throw FieldError.of(fieldPath(at, "udf"), `udf applies to UDF only, not ${verb}`);
}

function readAction(e: BatchEntry, at: string): BatchAction {
  noUdf(e, at, "READ");
  const ops = operationsFromProto(e.operations, fieldPath(at, "operations"));
  const bad = ops.findIndex((o) => !isReadOnly(o));
  if (bad >= 0) {
    throw FieldError.of(
      fieldPath(fieldPath(at, "operations"), bad),
      "verb READ allows only read operations (get, select_from, HLL reads)",
    );
  }
  if (e.headersOnly && (e.bins.length > 0 || ops.length > 0)) {
    throw FieldError.of(fieldPath(at, "headers_only"), "headers_only excludes bins and operations");
  }
  const binReads = e.bins.map(
    (b, i): Op => ({ op: "read", bin: checkBinName(b, fieldPath(fieldPath(at, "bins"), i)) }),
  );
  const all = [...binReads, ...ops];
  return {
    kind: "read",
    ops: all,
    allBins: all.length === 0 && !e.headersOnly,
    headersOnly: e.headersOnly,
  };
}

function udfAction(e: BatchEntry, at: string): BatchAction {
  noOps(e, at, "UDF");
  noReadFields(e, at, "UDF");
  const u = e.udf;
  const p = fieldPath(at, "udf");
  if (u === undefined) throw FieldError.of(p, "verb UDF needs a udf call");
  if (u.package === "") throw FieldError.of(fieldPath(p, "package"), "a module name is required");
  if (u.function === "")
    throw FieldError.of(fieldPath(p, "function"), "a function name is required");
  return {
    kind: "udf",
    udf: {
      module: u.package,
      function: u.function,
      args: u.args.map((a, i) => valueFromProto(a, fieldPath(fieldPath(p, "args"), i))),
    },
  };
}

function actionOf(e: BatchEntry, at: string): BatchAction {
  switch (e.verb) {
    case Verb.READ:
      return readAction(e, at);
    case Verb.EXISTS:
      noOps(e, at, "EXISTS");
      noReadFields(e, at, "EXISTS");
      noUdf(e, at, "EXISTS");
      return { kind: "exists" };
    case Verb.DELETE:
      noOps(e, at, "DELETE");
      noReadFields(e, at, "DELETE");
      noUdf(e, at, "DELETE");
      return { kind: "delete" };
    case Verb.TOUCH:
      noOps(e, at, "TOUCH");
      noReadFields(e, at, "TOUCH");
      noUdf(e, at, "TOUCH");
      return { kind: "touch" };
    case Verb.UDF:
      return udfAction(e, at);
    case Verb.UNSPECIFIED:
      throw FieldError.of(fieldPath(at, "verb"), "a verb is required");
    default: {
      const exists = existsModeOf(e.verb);
      if (exists === undefined)
        throw FieldError.of(fieldPath(at, "verb"), `unknown verb ${e.verb}`);
      noReadFields(e, at, Verb[e.verb] ?? String(e.verb));
      noUdf(e, at, Verb[e.verb] ?? String(e.verb));
      if (e.operations.length === 0) {
        throw FieldError.of(
          fieldPath(at, "operations"),
          "a write verb needs at least one operation",
        );
      }
      return {
        kind: "write",
        exists,
        ops: operationsFromProto(e.operations, fieldPath(at, "operations")),
      };
    }
  }
}

/**
 * Validates and maps one batch entry (`entries[i]`); the entry's own filter overrides the
 * request's default filter.
 */
export function batchItemFromProto(
  e: BatchEntry,
  index: number,
  defaultFilter: ExpressionSpec | undefined,
): BatchItem {
  const at = fieldPath("entries", index);
  const key = keyFromProto(e.key, fieldPath(at, "key"));
  const action = actionOf(e, at);
  const filter =
    e.filter !== undefined && e.filter.source.case !== undefined
      ? filterFromProto(e.filter, fieldPath(at, "filter"))
      : defaultFilter;
  const readsOnly = action.kind === "read" || action.kind === "exists";
  if (readsOnly && e.policy !== undefined) {
    throw FieldError.of(fieldPath(at, "policy"), "a write policy does not apply to READ or EXISTS");
  }
  const settings = readsOnly
    ? NO_SETTINGS
    : writeSettingsFromProto(e.policy, fieldPath(at, "policy"));
  return { index, key, action, filter, settings };
}

/** Checks a batch has at least one and at most `maxEntries` entries. */
export function checkEntryCount(n: number, maxEntries: number): void {
  if (n === 0) throw FieldError.of("entries", "at least one entry is required");
  if (n > maxEntries) {
    throw FieldError.of("entries", `at most ${maxEntries} entries are allowed, got ${n}`);
  }
}

/**
 * Validates and maps every entry of a batch request before anything runs: at least one entry, at
 * most `maxEntries`, each one valid. Throws a {@link FieldError} naming the first bad field.
 */
export function batchItemsFromProto(
  entries: readonly BatchEntry[],
  defaultFilter: Expression | undefined,
  maxEntries: number,
): BatchItem[] {
  if (entries.length === 0) throw FieldError.of("entries", "at least one entry is required");
  if (entries.length > maxEntries) {
    throw FieldError.of(
      "entries",
      `at most ${maxEntries} entries are allowed, got ${entries.length}`,
    );
  }
  // One spec object for the default filter, so it is compiled once however many entries use it.
  const shared = filterFromProto(defaultFilter, "filter");
  return entries.map((e, i) => batchItemFromProto(e, i, shared));
}

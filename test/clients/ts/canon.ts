/**
 * The canonical record every client suite writes and reads back: one bin per Value type, loaded from
 * test/clients/shared/canonical-record.json (proto3 JSON of an aerogate.v1.Record).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { create, equals, fromJsonString, toJsonString } from "@bufbuild/protobuf";
import {
  type Key,
  KeySchema,
  RecordSchema,
  type Value,
  ValueSchema,
} from "../../../gen/ts/aerogate/v1/types_pb.js";

/** The clients that take part in the cross-language check, in the order they write. */
export const LANGUAGES = ["go", "python", "java", "ts"] as const;

/** The set that holds the cross-language records. */
export const SET = "xlang";

const FILE = resolve(import.meta.dirname, "../shared/canonical-record.json");

/** The canonical bins. */
export function canonicalBins(): Record<string, Value> {
  return fromJsonString(RecordSchema, readFileSync(FILE, "utf8")).bins;
}

/** The key of the record one language's client writes. */
export function xlangKey(language: string): Key {
  return create(KeySchema, {
    namespace: "test",
    set: SET,
    userKey: { case: "stringValue", value: `xlang-${language}` },
  });
}

/** The bins of `got` that are missing, unexpected or differ from `want`, sorted. */
export function diffBins(want: Record<string, Value>, got: Record<string, Value>): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(want)) {
    const g = got[name];
    if (g === undefined) out.push(`${name}: missing`);
    else if (!equals(ValueSchema, g, value)) {
      out.push(`${name}: got ${toJsonString(ValueSchema, g)}, want ${toJsonString(ValueSchema, value)}`);
    }
  }
  for (const name of Object.keys(got)) if (!(name in want)) out.push(`${name}: unexpected bin`);
  return out.sort();
}

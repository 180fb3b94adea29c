import { Verb, type WritePolicy } from "../../gen/ts/aerogate/v1/types_pb.js";
import { ttlFromExpiration } from "./expiration.js";
import { FieldError, fieldPath } from "./field-error.js";
import type { ExistsMode, WriteSettings } from "./model.js";

/** Largest generation value (generations are 16-bit on the wire). */
const MAX_GENERATION = 0xffff;

/** Maps a protobuf WritePolicy (possibly absent) to write settings. */
export function writeSettingsFromProto(p: WritePolicy | undefined, path: string): WriteSettings {
  if (p === undefined) return { durableDelete: false, sendKey: false };
  const ttl = ttlFromExpiration(p.expiration, fieldPath(path, "expiration"));
  const g = p.expectedGeneration;
  if (g !== undefined && g > MAX_GENERATION) {
    throw FieldError.of(
      fieldPath(path, "expected_generation"),
      `a generation is at most ${MAX_GENERATION}`,
    );
  }
  return {
    ...(ttl === undefined ? {} : { ttl }),
    ...(g === undefined ? {} : { expectedGeneration: g }),
    durableDelete: p.durableDelete,
    sendKey: p.sendKey,
  };
}

/** The exists mode of a write verb, or undefined for verbs that do not write bins. */
export function existsModeOf(verb: Verb): ExistsMode | undefined {
  switch (verb) {
    case Verb.INSERT:
      return "create";
    case Verb.UPDATE:
      return "update";
    case Verb.UPSERT:
      return "upsert";
    case Verb.REPLACE:
      return "replace";
    case Verb.REPLACE_IF_EXISTS:
      return "replaceIfExists";
    default:
      return undefined;
  }
}

/** Whether a verb writes bins (INSERT, UPDATE, UPSERT, REPLACE, REPLACE_IF_EXISTS). */
export function isWriteVerb(verb: Verb): boolean {
  return existsModeOf(verb) !== undefined;
}

import { create } from "@bufbuild/protobuf";
import { type Key, KeySchema } from "../../gen/ts/aerogate/v1/types_pb.js";
import { FieldError, fieldPath } from "./field-error.js";
import type { RecordKey } from "./model.js";

/** Length of an Aerospike record digest (RIPEMD-160). */
export const DIGEST_LENGTH = 20;

/**
 * Maps a protobuf Key to the domain key. A namespace is required; either a user key or a 20-byte
 * digest must be present (a digest alone addresses the record without its user key).
 */
export function keyFromProto(k: Key | undefined, path: string): RecordKey {
  if (k === undefined) throw FieldError.of(path, "a key is required");
  if (k.namespace === "")
    throw FieldError.of(fieldPath(path, "namespace"), "namespace is required");
  const digest = k.digest.length > 0 ? k.digest : undefined;
  if (digest !== undefined && digest.length !== DIGEST_LENGTH) {
    throw FieldError.of(fieldPath(path, "digest"), `a digest has ${DIGEST_LENGTH} bytes`);
  }
  const base = { namespace: k.namespace, set: k.set };
  const uk = k.userKey;
  switch (uk.case) {
    case "stringValue":
      if (uk.value === "") {
        // The client rejects empty string keys; say so clearly instead of a generic client error.
        throw FieldError.of(
          fieldPath(path, "string_value"),
          "an empty string user key is not supported; use a digest or a non-empty key",
        );
      }
      if (uk.value.includes("\u0000")) {
        throw FieldError.of(
          fieldPath(path, "string_value"),
          "a user key with an embedded NUL character is not supported by the aerospike client",
        );
      }
      return withDigest({ ...base, userKey: uk.value }, digest);
    case "intValue":
      return withDigest({ ...base, userKey: uk.value }, digest);
    case "bytesValue":
      if (uk.value.length === 0) {
        throw FieldError.of(fieldPath(path, "bytes_value"), "an empty bytes user key is not valid");
      }
      return withDigest({ ...base, userKey: uk.value }, digest);
    default:
      if (digest === undefined) {
        throw FieldError.of(
          path,
          "a user key (string, int or bytes) or a 20-byte digest is required",
        );
      }
      return { ...base, digest };
  }
}

function withDigest(k: RecordKey, digest: Uint8Array | undefined): RecordKey {
  return digest === undefined ? k : { ...k, digest };
}

/** Echoes a key as the caller sent it, with the digest the client computed filled in. */
export function keyEcho(sent: Key | undefined, digest: Uint8Array | undefined): Key {
  const echo = create(KeySchema, {
    namespace: sent?.namespace ?? "",
    set: sent?.set ?? "",
    digest: digest ?? sent?.digest ?? new Uint8Array(0),
  });
  if (sent !== undefined) echo.userKey = sent.userKey;
  return echo;
}

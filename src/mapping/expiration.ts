import { create } from "@bufbuild/protobuf";
import { EmptySchema } from "@bufbuild/protobuf/wkt";
import { type Expiration, ExpirationSchema } from "../../gen/ts/aerogate/v1/types_pb.js";
import { FieldError } from "./field-error.js";
import { Ttl, type TtlSeconds } from "./model.js";

/** Largest TTL the client accepts as seconds (beyond it the special negative values start). */
const MAX_TTL_SECONDS = 0x7fff_ffff;

/**
 * Maps a write's Expiration to the client TTL; absent means undefined (the server then applies the
 * namespace default, which is also what a write with no TTL does on a real server).
 */
export function ttlFromExpiration(e: Expiration | undefined, path: string): TtlSeconds | undefined {
  const kind = e?.kind;
  switch (kind?.case) {
    case undefined:
      return undefined;
    case "seconds":
      if (kind.value === 0 || kind.value > MAX_TTL_SECONDS) {
        throw FieldError.of(`${path}.seconds`, `seconds must be between 1 and ${MAX_TTL_SECONDS}`);
      }
      return kind.value;
    case "never":
      return Ttl.NEVER;
    case "keep":
      return Ttl.KEEP;
    case "serverDefault":
      return Ttl.SERVER_DEFAULT;
  }
}

/**
 * Maps a record's TTL as read (seconds left, or -1 for never) to an Expiration; anything else
 * (a record without metadata) gives undefined.
 */
export function expirationFromTtl(ttl: number | undefined): Expiration | undefined {
  if (ttl === undefined) return undefined;
  if (ttl === Ttl.NEVER || ttl === 0xffff_ffff) {
    return create(ExpirationSchema, { kind: { case: "never", value: create(EmptySchema) } });
  }
  if (ttl > 0) return create(ExpirationSchema, { kind: { case: "seconds", value: ttl } });
  return undefined;
}

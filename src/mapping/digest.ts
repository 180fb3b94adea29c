import { createHash } from "node:crypto";
import type { RecordKey } from "./model.js";

/** Particle types Aerospike hashes in front of a user key. */
const KEY_TYPE = { INTEGER: 1, STRING: 3, BLOB: 4 } as const;

/**
 * The record digest Aerospike derives from a key: RIPEMD-160 over the set name, the user key's
 * particle type and the key bytes (int64 big-endian, UTF-8 string, or the blob). A key given by
 * digest alone returns that digest.
 */
export function recordDigest(key: RecordKey): Uint8Array {
  const uk = key.userKey;
  if (uk === undefined) return key.digest ?? new Uint8Array(0);
  let type: number;
  let bytes: Buffer;
  if (typeof uk === "bigint") {
    type = KEY_TYPE.INTEGER;
    bytes = Buffer.alloc(8);
    bytes.writeBigInt64BE(BigInt.asIntN(64, uk));
  } else if (typeof uk === "string") {
    type = KEY_TYPE.STRING;
    bytes = Buffer.from(uk, "utf8");
  } else {
    type = KEY_TYPE.BLOB;
    bytes = Buffer.from(uk);
  }
  const h = createHash("ripemd160");
  h.update(Buffer.from(key.set, "utf8"));
  h.update(Buffer.from([type]));
  h.update(bytes);
  return new Uint8Array(h.digest());
}

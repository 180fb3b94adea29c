import { create } from "@bufbuild/protobuf";
import {
  type Record as PbRecord,
  RecordSchema,
  type Value,
} from "../../gen/ts/aerogate/v1/types_pb.js";
import { expirationFromTtl } from "./expiration.js";
import type { AsValue, RecordData } from "./model.js";
import { valueToProto } from "./value.js";

/** Maps a record as read to the protobuf Record (bins, generation, expiry). */
export function recordToProto(r: RecordData): PbRecord {
  const bins: { [name: string]: Value } = {};
  for (const [name, v] of r.bins) bins[name] = valueToProto(v);
  const expiration = expirationFromTtl(r.ttl);
  return create(RecordSchema, {
    bins,
    generation: r.generation,
    ...(expiration === undefined ? {} : { expiration }),
  });
}

/** Maps positional operation results; operations without a result give an empty Value. */
export function resultsToProto(results: readonly (AsValue | undefined)[]): Value[] {
  return results.map((v) => valueToProto(v));
}

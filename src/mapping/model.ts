/**
 * The client-neutral domain model the gateway maps protobuf messages into. `src/aerospike/` turns it
 * into real client calls; nothing here knows about grpc or the aerospike package.
 */

/** One Aerospike value with its particle type made explicit (ints are always bigint). */
export type AsValue =
  | { readonly type: "nil" }
  | { readonly type: "bool"; readonly value: boolean }
  | { readonly type: "int"; readonly value: bigint }
  | { readonly type: "double"; readonly value: number }
  | { readonly type: "string"; readonly value: string }
  | { readonly type: "bytes"; readonly value: Uint8Array }
  | { readonly type: "list"; readonly value: readonly AsValue[] }
  | { readonly type: "map"; readonly value: readonly AsMapEntry[] }
  | { readonly type: "geojson"; readonly value: string }
  | { readonly type: "hll"; readonly value: Uint8Array };

/** One key/value pair of a map value, kept in order. */
export interface AsMapEntry {
  readonly key: AsValue;
  readonly value: AsValue;
}

/** The user key of a record: string, 64-bit integer or bytes. */
export type UserKey = string | bigint | Uint8Array;

/** A record's identity: namespace, set and a user key and/or a 20-byte digest. */
export interface RecordKey {
  readonly namespace: string;
  readonly set: string;
  readonly userKey?: UserKey;
  readonly digest?: Uint8Array;
}

/**
 * An Aerospike time-to-live as the client takes it: seconds (> 0), or one of the special values
 * of {@link Ttl}.
 */
export type TtlSeconds = number;

/** Special client TTL values. */
export const Ttl = {
  /** Use the namespace default. */
  SERVER_DEFAULT: 0,
  /** Never expire. */
  NEVER: -1,
  /** Keep the record's current expiry. */
  KEEP: -2,
} as const;

/** How a write treats an existing or missing record. */
export type ExistsMode = "create" | "update" | "upsert" | "replace" | "replaceIfExists";

/** Write settings of one command (from the contract's WritePolicy). */
export interface WriteSettings {
  /** Client TTL; undefined = namespace default (what the server does without one). */
  readonly ttl?: TtlSeconds;
  readonly expectedGeneration?: number;
  readonly durableDelete: boolean;
  readonly sendKey: boolean;
}

/** An expression as text plus its placeholder values, compiled in the aerospike layer. */
export interface ExpressionSpec {
  readonly ael: string;
  readonly placeholders: readonly AsValue[];
}

/** HLL write flags. */
export interface HllFlags {
  readonly createOnly: boolean;
  readonly updateOnly: boolean;
  readonly noFail: boolean;
  readonly allowFold: boolean;
}

/** One operation of an ordered operation list. */
export type Op =
  | { readonly op: "write"; readonly bin: string; readonly value: AsValue }
  | { readonly op: "add"; readonly bin: string; readonly value: AsValue }
  | { readonly op: "append" | "prepend"; readonly bin: string; readonly value: string }
  | { readonly op: "read"; readonly bin: string }
  | { readonly op: "touch" }
  | { readonly op: "delete" }
  | {
      readonly op: "expRead";
      readonly bin: string;
      readonly expression: ExpressionSpec;
      readonly ignoreEvalFailure: boolean;
    }
  | {
      readonly op: "expWrite";
      readonly bin: string;
      readonly mode: "insert" | "update" | "upsert";
      readonly expression: ExpressionSpec;
      readonly ignoreOpFailure: boolean;
      readonly ignoreEvalFailure: boolean;
      readonly deleteIfNull: boolean;
    }
  | {
      readonly op: "hllInit";
      readonly bin: string;
      readonly indexBits: number;
      readonly minhashBits: number;
      readonly flags: HllFlags;
    }
  | {
      readonly op: "hllAdd";
      readonly bin: string;
      readonly values: readonly AsValue[];
      readonly indexBits?: number;
      readonly minhashBits?: number;
      readonly flags: HllFlags;
    }
  | {
      readonly op: "hllSetUnion";
      readonly bin: string;
      readonly sketches: readonly Uint8Array[];
      readonly flags: HllFlags;
    }
  | { readonly op: "hllRefreshCount" | "hllGetCount" | "hllDescribe"; readonly bin: string }
  | { readonly op: "hllFold"; readonly bin: string; readonly indexBits: number }
  | {
      readonly op: "hllGetUnion" | "hllGetUnionCount" | "hllGetIntersectCount" | "hllGetSimilarity";
      readonly bin: string;
      readonly sketches: readonly Uint8Array[];
    };

/** The name of an operation kind. */
export type OpName = Op["op"];

/** A record as read back: bins by name, generation and client TTL (-1 = never expires). */
export interface RecordData {
  readonly bins: ReadonlyMap<string, AsValue>;
  readonly generation: number;
  readonly ttl: number;
}

/** A record UDF call. */
export interface UdfSpec {
  readonly module: string;
  readonly function: string;
  readonly args: readonly AsValue[];
}

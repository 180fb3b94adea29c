import { AelError } from "./ael-error.js";
import type { Node } from "./ast.js";
import { type AelType, ExpType, Op } from "./exp-codes.js";
import { type ExpEntry, fixed, intEntry, smallInt } from "./exp-entries.js";

type MetaNode = Extract<Node, { kind: "meta" }>;

// deviceSize() and memorySize() read recordSize() as expression-dsl-java does: the server
// dropped the storage-specific sizes in 7.0.
const METADATA: Record<string, { op: number; type: AelType }> = {
  deviceSize: { op: Op.RECORD_SIZE, type: "INT" },
  memorySize: { op: Op.RECORD_SIZE, type: "INT" },
  recordSize: { op: Op.RECORD_SIZE, type: "INT" },
  isTombstone: { op: Op.IS_TOMBSTONE, type: "BOOL" },
  keyExists: { op: Op.KEY_EXIST, type: "BOOL" },
  lastUpdate: { op: Op.LAST_UPDATE, type: "INT" },
  sinceUpdate: { op: Op.SINCE_UPDATE, type: "INT" },
  setName: { op: Op.SET_NAME, type: "STRING" },
  ttl: { op: Op.TTL, type: "INT" },
  voidTime: { op: Op.VOID_TIME, type: "INT" },
  digestModulo: { op: Op.DIGEST_MODULO, type: "INT" },
};

/** The type a record-metadata function produces. */
export function metadataType(node: MetaNode): AelType | undefined {
  if (node.name === "key") return node.keyType;
  return METADATA[node.name]?.type;
}

/** Compiles `$.ttl()`, `$.digestModulo(3)`, `$.key(STRING)` and the other metadata reads. */
export function compileMetadata(node: MetaNode, want: AelType | undefined): ExpEntry[] {
  if (node.name === "key") {
    const type = node.keyType ?? (want === "STRING" || want === "BLOB" ? want : "INT");
    return fixed(Op.KEY, smallInt(ExpType[type]));
  }
  const meta = METADATA[node.name];
  if (meta === undefined) throw new AelError(`Unknown metadata function '${node.name}'`, node.pos);
  if (node.arg !== undefined) return fixed(meta.op, intEntry(node.arg));
  return [{ op: meta.op, count: 1 }];
}

/** Number of partitions of every namespace. */
export const N_PARTITIONS = 4096;

/** Base64 of a 4096-bit bitmap with every partition owned: 684 characters. */
export const ALL_PARTITIONS_BITMAP = Buffer.alloc(N_PARTITIONS / 8, 0xff).toString("base64");

/**
 * The `replicas` info value for a single node owning every partition of every namespace:
 * `<ns>:0,1,<bitmap>` joined with `;` (regime 0 = AP mode, one replica).
 */
export function replicasValue(namespaces: readonly string[]): string {
  return namespaces.map((ns) => `${ns}:0,1,${ALL_PARTITIONS_BITMAP}`).join(";");
}

/** Partition id of a digest: its first two bytes little-endian, masked to 12 bits. */
export function partitionId(digest: Buffer): number {
  return ((digest[0] ?? 0) | ((digest[1] ?? 0) << 8)) & (N_PARTITIONS - 1);
}

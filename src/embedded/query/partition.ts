import type { StoredRecord } from "../store/record.js";

/** Number of partitions of every namespace. */
export const N_PARTITIONS = 4096;

/** The partition id of a digest: its first two bytes, little-endian, masked to 12 bits. */
export function partitionId(digest: Buffer): number {
  return ((digest[0] ?? 0) | ((digest[1] ?? 0) << 8)) & (N_PARTITIONS - 1);
}

/**
 * Orders records inside a partition like the reference server: descending digest. Resume points
 * computed by a client from a real server's stream then select the same remaining records.
 */
export function compareDigests(a: Buffer, b: Buffer): number {
  return Buffer.compare(b, a);
}

/**
 * Groups records by partition for the partitions in `wanted`, each group in {@link compareDigests} order.
 *
 * Only records of `setName` are kept when it is given (undefined or "" = whole namespace).
 */
export function groupByPartition(
  records: Iterable<StoredRecord>,
  wanted: ReadonlySet<number>,
  setName: string | undefined,
): Map<number, StoredRecord[]> {
  const groups = new Map<number, StoredRecord[]>();
  for (const r of records) {
    if (setName !== undefined && setName !== "" && r.setName !== setName) continue;
    const pid = partitionId(r.digest);
    if (!wanted.has(pid)) continue;
    let g = groups.get(pid);
    if (g === undefined) {
      g = [];
      groups.set(pid, g);
    }
    g.push(r);
  }
  for (const g of groups.values()) g.sort((a, b) => compareDigests(a.digest, b.digest));
  return groups;
}

/** The records of one sorted partition group that come strictly after `after` (all when undefined). */
export function recordsAfter(
  group: readonly StoredRecord[],
  after: Buffer | undefined,
): readonly StoredRecord[] {
  if (after === undefined) return group;
  let lo = 0;
  let hi = group.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareDigests((group[mid] as StoredRecord).digest, after) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return group.slice(lo);
}

import { describe, expect, it } from "vitest";
import {
  compareDigests,
  groupByPartition,
  partitionId,
  recordsAfter,
} from "../../../../src/embedded/query/partition.js";
import { BinList } from "../../../../src/embedded/store/bins.js";
import type { StoredRecord } from "../../../../src/embedded/store/record.js";

function rec(digestHex: string, setName = "s"): StoredRecord {
  return {
    digest: Buffer.from(digestHex, "hex"),
    setName,
    key: undefined,
    bins: new BinList(),
    generation: 1,
    voidTime: 0,
    lastUpdateMs: 0,
  };
}

describe("partitionId", () => {
  it.each([
    ["a443f05d05d962202b59abb402afae1737dbf66a", 932],
    ["ec91192d4b7f8ce35d5d78d34bca65cbaaaac960", 492],
    ["b854fdf9b9741f645fdcd2b028b3747e7ec9d85b", 1208],
  ])("%s is in partition %d", (hex, pid) => {
    expect(partitionId(Buffer.from(hex, "hex"))).toBe(pid);
  });
});

describe("partition order and resume", () => {
  const d = (last: string) => `0100${"00".repeat(17)}${last}`;
  const group = [rec(d("01")), rec(d("03")), rec(d("02"))].sort((a, b) =>
    compareDigests(a.digest, b.digest),
  );

  it("visits a partition in descending digest order", () => {
    expect(group.map((r) => r.digest.toString("hex").slice(-2))).toEqual(["03", "02", "01"]);
  });

  it("resumes strictly after the given digest", () => {
    const after = recordsAfter(group, Buffer.from(d("03"), "hex"));
    expect(after.map((r) => r.digest.toString("hex").slice(-2))).toEqual(["02", "01"]);
    expect(recordsAfter(group, Buffer.from(d("01"), "hex"))).toEqual([]);
    expect(recordsAfter(group, Buffer.from(d("ff"), "hex"))).toHaveLength(3);
    expect(recordsAfter(group, undefined)).toHaveLength(3);
  });

  it("groups only the wanted partitions of the set", () => {
    const records = [rec(d("01")), rec(d("02"), "other"), rec(`0200${"00".repeat(18)}`)];
    const groups = groupByPartition(records, new Set([1]), "s");
    expect([...groups.keys()]).toEqual([1]);
    expect(groups.get(1)).toHaveLength(1);
    expect(groupByPartition(records, new Set([1, 2]), undefined).get(1)).toHaveLength(2);
  });
});

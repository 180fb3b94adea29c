import { describe, expect, it } from "vitest";
import {
  decodeTaskId,
  encodeTaskId,
  jobIdForCallerId,
  jobIdFrom,
  KIND_CODES,
  kindOfJobId,
  MAX_JOB_ID,
  randomJobId,
  type TaskKindName,
  type TaskRef,
} from "../../../src/services/task-id.js";

const KINDS = Object.keys(KIND_CODES) as TaskKindName[];

describe("task ids", () => {
  const refs: TaskRef[] = [
    { namespace: "test", set: "people", kind: "update", jobId: 8_004_912_010_809_171n },
    { namespace: "test", set: "", kind: "delete", jobId: 1n },
    { namespace: "n", set: "set with spaces:and;colons", kind: "touch", jobId: MAX_JOB_ID },
    { namespace: "ns-ü", set: "ßet", kind: "udf", jobId: 2n ** 63n + 5n },
  ];

  it.each(refs)("round-trips $namespace/$set/$kind/$jobId", (ref) => {
    const id = encodeTaskId(ref);
    expect(id.startsWith("t1.")).toBe(true);
    expect(id).toMatch(/^t1\.[A-Za-z0-9_-]+$/);
    expect(decodeTaskId(id)).toEqual(ref);
  });

  it("is deterministic: the same job gives the same id", () => {
    expect(encodeTaskId(refs[0] as TaskRef)).toBe(encodeTaskId({ ...(refs[0] as TaskRef) }));
  });

  it.each([
    ["not a task id", "hello"],
    ["wrong prefix", "t2.AAAA"],
    ["empty body", "t1."],
    ["non base64url", "t1.ab+/"],
    ["too short", "t1.AAAA"],
  ])("rejects %s", (_, id) => {
    expect(decodeTaskId(id)).toBeUndefined();
  });

  it("rejects an id whose check does not match (any changed byte)", () => {
    const id = encodeTaskId(refs[0] as TaskRef);
    const bytes = Buffer.from(id.slice(3), "base64url");
    for (let i = 0; i < bytes.length; i++) {
      const copy = Buffer.from(bytes);
      copy[i] = (copy[i] as number) ^ 0x01;
      expect(decodeTaskId(`t1.${copy.toString("base64url")}`)).toBeUndefined();
    }
  });
});

describe("job ids", () => {
  it.each(KINDS)("carry the kind %s in their low bits and stay below 2^53", (kind) => {
    for (let i = 0; i < 50; i++) {
      const id = randomJobId(kind);
      expect(kindOfJobId(id)).toBe(kind);
      expect(id > 0n && id <= MAX_JOB_ID).toBe(true);
    }
    const top = jobIdFrom((1n << 50n) - 1n, kind);
    expect(top <= MAX_JOB_ID).toBe(true);
    expect(kindOfJobId(top)).toBe(kind);
  });

  it("map a caller id deterministically, differently per kind and per id", () => {
    const a = jobIdForCallerId("nightly-cleanup-2026-11-21", "delete");
    expect(jobIdForCallerId("nightly-cleanup-2026-11-21", "delete")).toBe(a);
    expect(kindOfJobId(a)).toBe("delete");
    expect(a <= MAX_JOB_ID).toBe(true);
    expect(jobIdForCallerId("nightly-cleanup-2026-11-21", "update")).not.toBe(a);
    expect(jobIdForCallerId("nightly-cleanup-2026-11-22", "delete")).not.toBe(a);
    expect(a >> 3n).toBe(jobIdForCallerId("nightly-cleanup-2026-11-21", "update") >> 3n);
  });

  it("report no kind for low bits 0, 5, 6, 7 (jobs not started by the gateway)", () => {
    for (const low of [0n, 5n, 6n, 7n]) expect(kindOfJobId(0x1000n | low)).toBeUndefined();
  });
});

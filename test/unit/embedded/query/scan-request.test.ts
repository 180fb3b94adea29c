import { describe, expect, it } from "vitest";
import { parseScanRequest } from "../../../../src/embedded/query/scan-request.js";
import { Store } from "../../../../src/embedded/store/store.js";
import { type AsMsg, emptyReply, type MsgField } from "../../../../src/embedded/wire/as-msg.js";
import { FieldType, Info2, Info3 } from "../../../../src/embedded/wire/as-msg-constants.js";

const store = new Store([{ name: "test", defaultTtl: 0 }]);

function field(type: number, data: Buffer | string): MsgField {
  return { type, data: typeof data === "string" ? Buffer.from(data) : data };
}

function pids(...ids: number[]): Buffer {
  const b = Buffer.alloc(ids.length * 2);
  ids.forEach((id, i) => {
    b.writeUInt16LE(id, i * 2);
  });
  return b;
}

function msg(fields: MsgField[], over: Partial<AsMsg> = {}): AsMsg {
  return emptyReply(0, { info1: 1, info3: Info3.PARTITION_DONE, fields, ...over });
}

const ns = field(FieldType.NAMESPACE, "test");

describe("parseScanRequest", () => {
  it("reads partitions, resume digests, limits and the task id", () => {
    const digest = Buffer.alloc(20, 0);
    digest[0] = 5;
    const trid = Buffer.alloc(8);
    trid.writeBigUInt64BE(77n);
    const max = Buffer.alloc(8);
    max.writeBigUInt64BE(60n);
    const r = parseScanRequest(
      msg([
        ns,
        field(FieldType.SET, "s"),
        field(FieldType.TRID, trid),
        field(FieldType.PID_ARRAY, pids(3, 1)),
        field(FieldType.DIGEST_ARRAY, digest),
        field(FieldType.MAX_RECORDS, max),
      ]),
      store,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.req.partitions).toEqual([3, 1, 5]);
    expect(r.req.resume.get(5)?.equals(digest)).toBe(true);
    expect(r.req.maxRecords).toBe(60n);
    expect(r.req.trid).toBe(77n);
    expect(r.req.setName).toBe("s");
    expect(r.req.background).toBe(false);
  });

  it.each([
    ["no PARTITION_DONE bit", msg([ns, field(FieldType.PID_ARRAY, pids(1))], { info3: 0 }), 16],
    ["no partitions", msg([ns]), 16],
    ["a repeated partition", msg([ns, field(FieldType.PID_ARRAY, pids(1, 1))]), 4],
    ["a partition id out of range", msg([ns, field(FieldType.PID_ARRAY, pids(4096))]), 4],
    ["an odd PID_ARRAY", msg([ns, field(FieldType.PID_ARRAY, Buffer.alloc(3))]), 4],
    ["a short digest", msg([ns, field(FieldType.DIGEST_ARRAY, Buffer.alloc(19))]), 4],
    [
      "an unknown namespace",
      msg([field(FieldType.NAMESPACE, "nope"), field(FieldType.PID_ARRAY, pids(1))]),
      20,
    ],
    ["no namespace", msg([field(FieldType.PID_ARRAY, pids(1))]), 4],
  ])("rejects %s", (_name, m, code) => {
    expect(parseScanRequest(m, store)).toEqual({ ok: false, code });
  });

  it("gives a background job every partition", () => {
    const r = parseScanRequest(msg([ns], { info2: Info2.WRITE, info3: 0 }), store);
    expect(r.ok && r.req.partitions.length).toBe(4096);
    expect(r.ok && r.req.background).toBe(true);
  });

  it("reads the UDF fields of a background UDF job", () => {
    const r = parseScanRequest(
      msg(
        [
          ns,
          field(FieldType.UDF_OP, Buffer.from([2])),
          field(FieldType.UDF_PACKAGE_NAME, "m"),
          field(FieldType.UDF_FUNCTION, "f"),
        ],
        { info2: Info2.WRITE },
      ),
      store,
    );
    expect(r.ok && r.req.udf).toEqual({ op: 2, module: "m", fn: "f" });
  });
});

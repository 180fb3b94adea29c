import { describe, expect, it } from "vitest";
import { emptyExtensions } from "../../../../src/embedded/commands/extensions.js";
import { InfoRegistry } from "../../../../src/embedded/info/registry.js";
import { installQueries } from "../../../../src/embedded/query/install.js";
import { partitionId } from "../../../../src/embedded/query/partition.js";
import { BinList } from "../../../../src/embedded/store/bins.js";
import { Store } from "../../../../src/embedded/store/store.js";
import { type AsMsg, emptyReply, type MsgField } from "../../../../src/embedded/wire/as-msg.js";
import {
  FieldType,
  Info1,
  Info2,
  Info3,
  OpType,
} from "../../../../src/embedded/wire/as-msg-constants.js";
import { intParticle } from "../../../../src/embedded/wire/particle.js";
import { decodeAsMsgs } from "../fixtures.js";

const N = 50;

function setup() {
  const store = new Store([{ name: "test", defaultTtl: 0 }]);
  const ns = store.namespace("test");
  for (let i = 0; i < N; i++) {
    const bins = new BinList();
    bins.set("n", intParticle(BigInt(i)));
    bins.set("m", intParticle(1n));
    const digest = Buffer.alloc(20);
    digest.writeUInt32BE((i * 2654435761) >>> 0, 0);
    digest.writeUInt32BE(i, 16);
    ns?.put({
      digest,
      setName: "s",
      key: undefined,
      bins,
      generation: 1,
      voidTime: 0,
      lastUpdateMs: 0,
    });
  }
  const ext = emptyExtensions();
  const state = installQueries(ext);
  const info = new InfoRegistry();
  for (const p of ext.infoPlugins) p(info, store);
  return { store, ext, state, info };
}

function allPids(): Buffer {
  const b = Buffer.alloc(8192);
  for (let i = 0; i < 4096; i++) b.writeUInt16LE(i, i * 2);
  return b;
}

function request(extra: MsgField[], over: Partial<AsMsg> = {}): AsMsg {
  const trid = Buffer.alloc(8);
  trid.writeBigUInt64BE(BigInt(Math.floor(Math.random() * 1e12)));
  return emptyReply(0, {
    info1: Info1.READ,
    info3: Info3.PARTITION_DONE,
    fields: [
      { type: FieldType.NAMESPACE, data: Buffer.from("test") },
      { type: FieldType.SET, data: Buffer.from("s") },
      { type: FieldType.TRID, data: trid },
      ...extra,
    ],
    ...over,
  });
}

async function run(s: ReturnType<typeof setup>, msg: AsMsg): Promise<AsMsg[]> {
  const frames: Buffer[] = [];
  const handler = s.ext.multiRecord;
  if (handler === undefined) throw new Error("not installed");
  await handler(msg, {
    store: s.store,
    extensions: s.ext,
    send: async (f) => {
      frames.push(f);
    },
    signal: new AbortController().signal,
  });
  return frames.flatMap((f) => decodeAsMsgs(f.subarray(8)));
}

describe("foreground scans", () => {
  it("streams every record with namespace, digest and set, then LAST", async () => {
    const s = setup();
    const msgs = await run(s, request([{ type: FieldType.PID_ARRAY, data: allPids() }]));
    const last = msgs[msgs.length - 1];
    expect(last?.info3).toBe(Info3.LAST);
    const records = msgs.slice(0, -1);
    expect(records).toHaveLength(N);
    expect(records[0]?.fields.map((f) => f.type)).toEqual([0, 4, 1]);
    expect(records[0]?.ops.map((o) => o.name.toString())).toEqual(["n", "m"]);
  });

  it("stops at MAX_RECORDS and resumes after the last digest without duplicates", async () => {
    const s = setup();
    const max = Buffer.alloc(8);
    max.writeBigUInt64BE(20n);
    const first = (
      await run(
        s,
        request([
          { type: FieldType.PID_ARRAY, data: allPids() },
          { type: FieldType.MAX_RECORDS, data: max },
        ]),
      )
    ).slice(0, -1);
    expect(first).toHaveLength(20);
    const lastByPid = new Map<number, Buffer>();
    for (const m of first) {
      const d = m.fields.find((f) => f.type === FieldType.DIGEST)?.data as Buffer;
      lastByPid.set(partitionId(d), d);
    }
    const touched = [...lastByPid.keys()];
    const untouched = [...Array(4096).keys()].filter((p) => !lastByPid.has(p));
    const pidBuf = Buffer.alloc(untouched.length * 2);
    untouched.forEach((p, i) => {
      pidBuf.writeUInt16LE(p, i * 2);
    });
    const rest = (
      await run(
        s,
        request([
          { type: FieldType.PID_ARRAY, data: pidBuf },
          {
            type: FieldType.DIGEST_ARRAY,
            data: Buffer.concat(touched.map((p) => lastByPid.get(p) as Buffer)),
          },
        ]),
      )
    ).slice(0, -1);
    const digests = new Set([...first, ...rest].map((m) => m.fields[1]?.data.toString("hex")));
    expect(first.length + rest.length).toBe(N);
    expect(digests.size).toBe(N);
  });

  it("projects selected bins and honours no-bin-data", async () => {
    const s = setup();
    const sel = await run(
      s,
      request([{ type: FieldType.PID_ARRAY, data: allPids() }], {
        ops: [
          {
            opType: OpType.READ,
            particleType: 0,
            flags: 0,
            name: Buffer.from("m"),
            value: Buffer.alloc(0),
          },
        ],
      }),
    );
    expect(sel[0]?.ops.map((o) => o.name.toString())).toEqual(["m"]);
    const none = await run(
      s,
      request([{ type: FieldType.PID_ARRAY, data: allPids() }], {
        info1: Info1.READ | Info1.GET_NOBINDATA,
      }),
    );
    expect(none[0]?.ops).toEqual([]);
    expect(none[0]?.info1).toBe(Info1.GET_NOBINDATA);
  });

  it("answers errors with one non-LAST message", async () => {
    const s = setup();
    const noPd = await run(
      s,
      request([{ type: FieldType.PID_ARRAY, data: allPids() }], { info3: 0 }),
    );
    expect(noPd.map((m) => [m.resultCode, m.info3])).toEqual([[16, 0]]);
    const range = Buffer.from("01016e0100000008000000000000000a000000080000000000000013", "hex");
    const noIndex = await run(
      s,
      request([
        { type: FieldType.INDEX_RANGE, data: range },
        { type: FieldType.PID_ARRAY, data: allPids() },
      ]),
    );
    expect(noIndex.map((m) => m.resultCode)).toEqual([201]);
    const filter = await run(
      s,
      request([
        { type: FieldType.FILTER, data: Buffer.from([0xc3]) },
        { type: FieldType.PID_ARRAY, data: allPids() },
      ]),
    );
    expect(filter[filter.length - 1]?.resultCode).toBe(4);
  });

  it("uses a secondary index created through info", async () => {
    const s = setup();
    expect(s.info.answer("sindex-create:namespace=test;set=s;indexname=i;bin=n;type=NUMERIC")).toBe(
      "ok",
    );
    const range = Buffer.from("01016e0100000008000000000000000a000000080000000000000013", "hex");
    const msgs = await run(
      s,
      request([
        { type: FieldType.INDEX_RANGE, data: range },
        { type: FieldType.PID_ARRAY, data: allPids() },
      ]),
    );
    const records = msgs.slice(0, -1);
    expect(records).toHaveLength(10);
    expect(records.every((m) => m.fields.some((f) => f.type === FieldType.BVAL_ARRAY))).toBe(true);
  });
});

describe("background jobs", () => {
  it("answers LAST at once, runs the ops and reports the job in query-show", async () => {
    const s = setup();
    const trid = Buffer.alloc(8);
    trid.writeBigUInt64BE(4242n);
    const msg = emptyReply(0, {
      info2: Info2.WRITE,
      fields: [
        { type: FieldType.NAMESPACE, data: Buffer.from("test") },
        { type: FieldType.SET, data: Buffer.from("s") },
        { type: FieldType.TRID, data: trid },
      ],
      ops: [
        {
          opType: OpType.WRITE,
          particleType: 1,
          flags: 0,
          name: Buffer.from("bg"),
          value: intParticle(7n).data,
        },
      ],
    });
    const reply = await run(s, msg);
    expect(reply.map((m) => [m.resultCode, m.info3])).toEqual([[0, Info3.LAST]]);
    const deadline = Date.now() + 10_000;
    while (s.state.jobs.get(4242n)?.active && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
    }
    const show = s.info.answer("query-show:id=4242");
    expect(show).toContain("status=done(ok)");
    expect(show).toContain(`recs-succeeded=${N}`);
    expect(show).toContain("job-type=background-ops");
    const noTimes = (t: string) => t.replace(/time-since-done=\d+/, "");
    expect(noTimes(s.info.answer("query-show:trid=4242"))).toBe(noTimes(show));
    const again = await run(s, msg);
    expect(again.map((m) => m.resultCode)).toEqual([4]);
    let written = 0;
    for (const r of s.store.namespace("test")?.allRecords() ?? []) if (r.bins.has("bg")) written++;
    expect(written).toBe(N);
  });

  it("answers NOT_FOUND for an unknown set and PARAMETER for a job without ops", async () => {
    const s = setup();
    const base = (set: string) => [
      { type: FieldType.NAMESPACE, data: Buffer.from("test") },
      { type: FieldType.SET, data: Buffer.from(set) },
    ];
    const op = {
      opType: OpType.TOUCH,
      particleType: 0,
      flags: 0,
      name: Buffer.alloc(0),
      value: Buffer.alloc(0),
    };
    expect(
      (await run(s, emptyReply(0, { info2: Info2.WRITE, fields: base("zz"), ops: [op] })))[0]
        ?.resultCode,
    ).toBe(2);
    expect(
      (await run(s, emptyReply(0, { info2: Info2.WRITE, fields: base("s") })))[0]?.resultCode,
    ).toBe(4);
  });
});

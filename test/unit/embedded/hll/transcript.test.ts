import { describe, expect, it } from "vitest";
import {
  applyHllOpPayload,
  encodeHllResult,
  type HllBinValue,
} from "../../../../src/embedded/hll/index.js";
import { readMsgExchanges } from "../fixtures.js";
import { hex } from "./msgpack-helper.js";

/**
 * Replays every as_msg exchange of the recorded `wire/hll.jsonl` transcript through the HLL op layer
 * with a minimal in-test record store (put, get-all, operate with HLL ops), and compares result codes
 * and every response op (name, particle type, value bytes) with what the real server answered.
 */

interface WireOp {
  op: number;
  particleType: number;
  name: string;
  value: Uint8Array;
}

interface WireMsg {
  info1: number;
  info2: number;
  resultCode: number;
  fields: Map<number, Uint8Array>;
  ops: WireOp[];
}

function decodeMsg(body: Uint8Array): WireMsg {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const nFields = view.getUint16(18);
  const nOps = view.getUint16(20);
  let off = body[0]!;
  const fields = new Map<number, Uint8Array>();
  for (let i = 0; i < nFields; i++) {
    const size = view.getUint32(off);
    fields.set(body[off + 4]!, body.subarray(off + 5, off + 4 + size));
    off += 4 + size;
  }
  const ops: WireOp[] = [];
  for (let i = 0; i < nOps; i++) {
    const size = view.getUint32(off);
    const nameLen = body[off + 7]!;
    ops.push({
      op: body[off + 4]!,
      particleType: body[off + 5]!,
      name: new TextDecoder().decode(body.subarray(off + 8, off + 8 + nameLen)),
      value: body.subarray(off + 8 + nameLen, off + 4 + size),
    });
    off += 4 + size;
  }
  return { info1: body[1]!, info2: body[2]!, resultCode: body[5]!, fields, ops };
}

/** Request/response pairs per connection, in order. */
const exchanges = readMsgExchanges("hll").map((e) => ({
  step: e.step,
  request: decodeMsg(e.request),
  response: decodeMsg(e.response),
}));

type Bins = Map<string, HllBinValue>;
const store = new Map<string, Bins>();

interface Reply {
  resultCode: number;
  ops: { name: string; particleType: number; hex: string }[];
}

function execute(req: WireMsg): Reply {
  const digest = hex(req.fields.get(4)!);
  const existing = store.get(digest);
  const isWrite = (req.info2 & 1) !== 0;
  if (existing === undefined && !isWrite) {
    return { resultCode: 2, ops: [] };
  }
  const bins: Bins = new Map(existing ?? []);
  if (req.ops.length === 0) {
    const ops = [...bins].map(([name, b]) => ({
      name,
      particleType: b.particleType,
      hex: hex(b.bytes),
    }));
    return { resultCode: 0, ops };
  }
  const out: Reply["ops"] = [];
  for (const op of req.ops) {
    if (op.op === 2) {
      bins.set(op.name, { particleType: op.particleType, bytes: op.value });
      continue;
    }
    const kind = op.op === 15 ? "read" : "modify";
    expect([15, 16]).toContain(op.op);
    const outcome = applyHllOpPayload(kind, op.value, bins.get(op.name));
    if (outcome.resultCode !== 0) {
      return { resultCode: outcome.resultCode, ops: [] };
    }
    if (outcome.newBin !== undefined) {
      bins.set(op.name, { particleType: 18, bytes: outcome.newBin });
    }
    const particle = outcome.result === undefined ? undefined : encodeHllResult(outcome.result);
    out.push({
      name: op.name,
      particleType: particle?.particleType ?? 0,
      hex: particle ? hex(particle.bytes) : "",
    });
  }
  store.set(digest, bins);
  return { resultCode: 0, ops: out };
}

describe("wire/hll.jsonl replayed through the HLL op layer", () => {
  it("covers the recorded exchanges", () => {
    expect(exchanges.length).toBeGreaterThan(80);
  });

  // Exchanges depend on the store state left by earlier ones, so they run in order.
  it.each(exchanges.map((e, i) => [i, e.step, e] as const))("#%i %s", (_i, _step, e) => {
    const reply = execute(e.request);
    const expected: Reply = {
      resultCode: e.response.resultCode,
      ops: e.response.ops.map((op) => ({
        name: op.name,
        particleType: op.particleType,
        hex: hex(op.value),
      })),
    };
    expect(reply).toEqual(expected);
  });
});

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type AsMsg, decodeAsMsg } from "../../../src/embedded/wire/as-msg.js";

/** Directory of the recorded wire transcripts. */
export const WIRE_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  "../../../../shared/fixtures/aerospike-8.1.2/wire",
);

/** One recorded frame line of a transcript. */
export interface FrameLine {
  kind: "frame";
  seq: number;
  conn: number;
  dir: "c2s" | "s2c";
  type: number;
  hex: string;
  step: string | null;
  t: number;
  text?: string;
  inner?: { type: number; hex: string };
}

/** Reads every JSON line of a transcript. */
export function readTranscript(name: string): Record<string, unknown>[] {
  return readFileSync(join(WIRE_DIR, `${name}.jsonl`), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** The frame lines of a transcript in seq order. */
export function readFrames(name: string): FrameLine[] {
  return (readTranscript(name).filter((l) => l.kind === "frame") as unknown as FrameLine[]).sort(
    (a, b) => a.seq - b.seq,
  );
}

/** One as_msg (type 3) request of a transcript and the single frame answering it. */
export interface MsgExchange {
  readonly step: string;
  readonly request: Buffer;
  readonly response: Buffer;
}

/**
 * The as_msg request/response pairs of a transcript, in recorded order: each reply frame is paired
 * with the last request on its connection (for transcripts without multi-frame streams).
 */
export function readMsgExchanges(name: string): MsgExchange[] {
  const out: MsgExchange[] = [];
  const pending = new Map<number, FrameLine>();
  for (const f of readFrames(name)) {
    if (f.type !== 3) continue;
    if (f.dir === "c2s") {
      pending.set(f.conn, f);
      continue;
    }
    const req = pending.get(f.conn);
    if (req === undefined) throw new Error(`${name}: reply seq ${f.seq} without a request`);
    pending.delete(f.conn);
    out.push({
      step: req.step ?? "?",
      request: Buffer.from(req.hex, "hex"),
      response: Buffer.from(f.hex, "hex"),
    });
  }
  return out;
}

/** Every as_msg of a type-3 body (the proto header already removed), in order; throws when one is malformed. */
export function decodeAsMsgs(body: Buffer): AsMsg[] {
  const out: AsMsg[] = [];
  let off = 0;
  while (off < body.length) {
    const { msg, end } = decodeAsMsg(body, off);
    out.push(msg);
    off = end;
  }
  return out;
}

/** Names of all recorded scenarios. */
export const SCENARIOS = [
  "tend",
  "kv-types",
  "write-policies",
  "operate",
  "batch",
  "info",
  "filter-exp",
  "hll",
  "scan-query",
  "background",
];

import { defaultExtensions } from "../../../src/embedded/default-extensions.js";
import {
  type InlineServer,
  startInlineServer,
} from "../../../src/embedded/server/inline-server.js";
import type { AsMsg } from "../../../src/embedded/wire/as-msg.js";
import { decodeAsMsgs, type FrameLine, readFrames } from "../../unit/embedded/fixtures.js";
import { connectFrameSocket, type FrameSocket } from "../../unit/embedded/frame-socket.js";

/** One request frame and the frames the reference server answered with. */
export interface Exchange {
  readonly conn: number;
  readonly t: number;
  readonly step: string | null;
  readonly request: FrameLine;
  readonly responses: FrameLine[];
}

/** How a replayed reply compares with the recorded one. */
export type Verdict = "identical" | "equal" | "different";

/** Per-exchange outcome of a replay. */
export interface ExchangeResult {
  readonly exchange: Exchange;
  readonly verdict: Verdict;
  readonly got: Buffer[];
  readonly detail: string;
}

/** Groups a transcript's frames into exchanges (request + answers on the same connection). */
export function loadExchanges(scenario: string): Exchange[] {
  const open = new Map<number, Exchange>();
  const out: Exchange[] = [];
  for (const f of readFrames(scenario)) {
    if (f.dir === "c2s") {
      const ex: Exchange = { conn: f.conn, t: f.t, step: f.step, request: f, responses: [] };
      out.push(ex);
      open.set(f.conn, ex);
    } else {
      open.get(f.conn)?.responses.push(f);
    }
  }
  return out.filter((e) => e.responses.length > 0);
}

function bodyOf(f: FrameLine): Buffer {
  return Buffer.from(f.hex, "hex");
}

/** Messages of a type-3 body (empty if it does not decode). */
function messages(body: Buffer): AsMsg[] {
  try {
    return decodeAsMsgs(body);
  } catch {
    return [];
  }
}

// Batch streams end only with LAST; scan/query streams also end at a non-zero result code.
function endsStream(type: number, body: Buffer, batch = false): boolean {
  if (type !== 3) return false;
  const msgs = messages(body);
  const last = msgs[msgs.length - 1];
  if (last === undefined) return false;
  return (last.info3 & 1) !== 0 || (!batch && last.resultCode !== 0);
}

function isScanRequest(f: FrameLine): boolean {
  const body = Buffer.from(f.inner ? f.inner.hex : f.hex, "hex");
  if ((f.inner ? f.inner.type : f.type) !== 3 || isBatchRequest(f)) return false;
  const m = messages(body)[0];
  return m !== undefined && !m.fields.some((x) => x.type === 4);
}

function isBatchRequest(f: FrameLine): boolean {
  const body = Buffer.from(f.inner ? f.inner.hex : f.hex, "hex");
  return (
    (f.inner ? f.inner.type : f.type) === 3 && body.length > 1 && ((body[1] as number) & 0x08) !== 0
  );
}

/** Info commands whose values describe server state or identity, not behaviour. */
const VOLATILE_INFO =
  /^(statistics|namespace\/|sets|sindex\/|query-show|udf-list|service-clear-std|cluster-name|build_sha|build_time|$)/;

function normalizeInfo(text: string, nodeName: string): string {
  return text
    .split("\n")
    .map((line) => {
      const tab = line.indexOf("\t");
      if (tab < 0) return line;
      const name = line.slice(0, tab);
      if (VOLATILE_INFO.test(name)) return `${name}\t*`;
      if (name === "peers-clear-std")
        return line.replace(/^(peers-clear-std\t\d+),\d+,/, "$1,PORT,");
      return line.replaceAll(nodeName, "NODE");
    })
    .join("\n");
}

function normalizeMsgs(body: Buffer): string[] {
  return messages(body).map((m) =>
    JSON.stringify({
      ...m,
      recordTtl: m.recordTtl === 0 ? 0 : "VOID",
      fields: m.fields.map((f) => [f.type, f.data.toString("hex")]),
      ops: m.ops.map((o) => [
        o.opType,
        o.particleType,
        o.name.toString("hex"),
        o.value.toString("hex"),
      ]),
    }),
  );
}

/** Compares a replayed reply with the recorded one (modulo void times and node names). */
export function compare(
  ex: Exchange,
  got: { type: number; body: Buffer }[],
  nodeName: string,
): [Verdict, string] {
  const want = ex.responses.map((f) => ({ type: f.type, body: bodyOf(f) }));
  const wantAll = Buffer.concat(want.map((w) => w.body));
  const gotAll = Buffer.concat(got.map((g) => g.body));
  if (
    want.length === got.length &&
    want.every((w, i) => w.type === got[i]?.type && w.body.equals(got[i]?.body ?? Buffer.alloc(0)))
  ) {
    return ["identical", ""];
  }
  const type = want[0]?.type;
  if (type === 1 && got.every((g) => g.type === 1)) {
    const a = normalizeInfo(wantAll.toString("utf8"), "BB901000000FC02");
    const b = normalizeInfo(gotAll.toString("utf8"), nodeName);
    return a === b
      ? ["equal", ""]
      : ["different", `info want ${a.slice(0, 200)} got ${b.slice(0, 200)}`];
  }
  if (got.some((g) => g.type !== 3)) return ["different", "frame type"];
  // Frame boundaries of streams may differ; compare the concatenated messages.
  let a = normalizeMsgs(wantAll);
  let b = normalizeMsgs(gotAll);
  if (isScanRequest(ex.request)) {
    // Scan/query record order depends on partition threads on the reference server.
    a = [...a].sort();
    b = [...b].sort();
  }
  const i = a.findIndex((m, k) => m !== b[k]);
  if (i < 0 && a.length === b.length) return ["equal", ""];
  const at = i < 0 ? a.length : i;
  return [
    "different",
    `msg ${at}/${a.length} (got ${b.length})\n     want ${a[at] ?? "-"}\n     got  ${b[at] ?? "-"}`,
  ];
}

// Generous so that a loaded machine never splits one reply across two exchanges; a replay that
// passes never waits for it.
const REPLY_TIMEOUT_MS = 10_000;

/** Sends one exchange's request and reads the reply frames (up to the end of a stream). */
async function exchangeOnce(
  fs: FrameSocket,
  ex: Exchange,
): Promise<{ type: number; body: Buffer }[]> {
  const req = bodyOf(ex.request);
  fs.send(ex.request.type, req);
  const lastWant = ex.responses[ex.responses.length - 1] as FrameLine;
  const batch = isBatchRequest(ex.request);
  const stream = endsStream(lastWant.type, bodyOf(lastWant), batch) && ex.request.type !== 1;
  const got: { type: number; body: Buffer }[] = [];
  for (;;) {
    const f = await fs.next(REPLY_TIMEOUT_MS);
    if (f === undefined) break;
    got.push(f);
    if (!stream || endsStream(f.type, f.body, batch)) break;
  }
  return got;
}

/** Whether the exchange is a job-status poll the reference server answered with "done". */
function recordsJobDone(ex: Exchange): boolean {
  return (
    ex.request.type === 1 &&
    /^query-show:id=\d+\n?$/.test(bodyOf(ex.request).toString("utf8")) &&
    ex.responses.some((f) => bodyOf(f).toString("utf8").includes(":status=done"))
  );
}

function jobDone(got: readonly { body: Buffer }[]): boolean {
  return got.some((g) => g.body.toString("utf8").includes(":status=done"));
}

/**
 * Replays a transcript's requests against a server, in recorded order, one socket per recorded
 * connection, and compares every reply. `onExchange` runs before each request (e.g. to move a
 * virtual clock to the recorded time).
 */
export async function replay(
  scenario: string,
  port: number,
  nodeName: string,
  onExchange: (ex: Exchange) => void = () => undefined,
): Promise<ExchangeResult[]> {
  const sockets = new Map<number, FrameSocket>();
  const results: ExchangeResult[] = [];
  try {
    for (const ex of loadExchanges(scenario)) {
      onExchange(ex);
      let fs = sockets.get(ex.conn);
      if (fs === undefined || fs.closed) {
        fs = await connectFrameSocket(port);
        sockets.set(ex.conn, fs);
      }
      const got = await exchangeOnce(fs, ex);
      // The recording polled a background job until it was done: poll until this server's job is
      // done too, so that the requests after it do not race the job.
      if (recordsJobDone(ex)) {
        const deadline = Date.now() + REPLY_TIMEOUT_MS;
        while (!jobDone(got) && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 10));
          got.splice(0, got.length, ...(await exchangeOnce(fs, ex)));
        }
      }
      const [verdict, detail] = compare(ex, got, nodeName);
      results.push({ exchange: ex, verdict, got: got.map((g) => g.body), detail });
    }
  } finally {
    for (const s of sockets.values()) s.socket.destroy();
  }
  return results;
}

/**
 * Starts an inline server (default extensions, no sweeper) whose clock follows the recording: before
 * each request it reads the recorded time of that request. Replays the transcript against it; the
 * server is pushed onto `servers` for the caller to close.
 */
export async function replayOnRecordedClock(
  scenario: string,
  servers: InlineServer[],
): Promise<ExchangeResult[]> {
  let virtualT = 0;
  const base = Date.now();
  const server = await startInlineServer({
    port: 0,
    clock: () => base + virtualT,
    extensions: defaultExtensions(),
    sweepIntervalMs: 0,
  });
  servers.push(server);
  return replay(scenario, server.port, server.nodeName, (ex) => {
    virtualT = ex.t;
  });
}

/** Counts of verdicts. */
export function summarize(results: readonly ExchangeResult[]): Record<Verdict | "total", number> {
  const c = { total: results.length, identical: 0, equal: 0, different: 0 };
  for (const r of results) c[r.verdict]++;
  return c;
}

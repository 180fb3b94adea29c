/**
 * Parsing of the server's job table (`query-show` info) and merging of the per-node views into one
 * job status. Pure: no client, no I/O.
 */

/** One node's view of a job, from one `trid=…:…` item of `query-show`. */
export interface NodeJobInfo {
  readonly jobId: bigint;
  readonly namespace: string;
  readonly set: string;
  /** `active` or `done`. */
  readonly status: string;
  /** The result in parentheses: `ok`, `user-aborted`, `abandoned-…`. */
  readonly result: string;
  readonly progressPercent: number;
  readonly runTimeMs: number;
  readonly timeSinceDoneMs: number;
  readonly recordsThrottled: bigint;
  readonly recordsFiltered: bigint;
  readonly recordsSucceeded: bigint;
  readonly recordsFailed: bigint;
  /** `background-ops`, `background-udf`, `basic`, `aggregation`, … (empty when absent). */
  readonly jobType: string;
}

/** The life-cycle state of a job across the cluster. */
export type JobState = "running" | "completed" | "failed" | "cancelled";

/** A job's merged status: state, progress and counters, with start and end times (epoch ms). */
export interface JobStatus {
  readonly state: JobState;
  readonly progressPercent: number;
  readonly recordsRead: bigint;
  readonly recordsSucceeded: bigint;
  readonly recordsFailed: bigint;
  readonly recordsFiltered: bigint;
  readonly startTimeMs: number | undefined;
  readonly endTimeMs: number | undefined;
}

/** Strips the `<command>\t` echo and the trailing newline from an info response. */
export function infoValue(response: string): string {
  const tab = response.indexOf("\t");
  const value = tab >= 0 ? response.slice(tab + 1) : response;
  return value.replace(/\n+$/, "");
}

function bigField(fields: ReadonlyMap<string, string>, name: string): bigint {
  const raw = fields.get(name);
  return raw !== undefined && /^\d+$/.test(raw) ? BigInt(raw) : 0n;
}

function numField(fields: ReadonlyMap<string, string>, name: string): number {
  const n = Number(fields.get(name));
  return Number.isFinite(n) ? n : 0;
}

/** Parses one job item (`trid=1:ns=test:…:status=done(ok):…`); undefined when it has no trid. */
export function parseJobItem(item: string): NodeJobInfo | undefined {
  const fields = new Map<string, string>();
  for (const part of item.split(":")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const trid = fields.get("trid") ?? fields.get("id");
  if (trid === undefined || !/^\d+$/.test(trid)) return undefined;
  const statusText = fields.get("status") ?? "";
  const m = /^([A-Za-z_-]+)(?:\(([^)]*)\))?/.exec(statusText);
  return {
    jobId: BigInt(trid),
    namespace: fields.get("ns") ?? "",
    set: fields.get("set") ?? "",
    status: (m?.[1] ?? "").toLowerCase(),
    result: (m?.[2] ?? "").toLowerCase(),
    progressPercent: numField(fields, "job-progress"),
    runTimeMs: numField(fields, "run-time"),
    timeSinceDoneMs: numField(fields, "time-since-done"),
    recordsThrottled: bigField(fields, "recs-throttled"),
    recordsFiltered:
      bigField(fields, "recs-filtered-meta") + bigField(fields, "recs-filtered-bins"),
    recordsSucceeded: bigField(fields, "recs-succeeded"),
    recordsFailed: bigField(fields, "recs-failed"),
    jobType: fields.get("job-type") ?? "",
  };
}

/** Parses a whole `query-show` value: job items separated by `;`. */
export function parseJobList(value: string): NodeJobInfo[] {
  return value
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map(parseJobItem)
    .filter((j): j is NodeJobInfo => j !== undefined);
}

/** The state one node reports for its part of a job. */
export function nodeState(j: NodeJobInfo): JobState {
  if (j.status === "active" || j.status === "in_progress" || j.status === "in-progress") {
    return "running";
  }
  if (j.result === "" || j.result === "ok") return "completed";
  if (j.result.includes("abort")) return "cancelled";
  return "failed";
}

/**
 * Merges the nodes' views of one job. Running while any node runs; once all are done, cancelled
 * if any node was aborted, else failed if any node failed, else completed. Progress is the
 * slowest node's; counters are summed. `nowMs` turns the server's relative times into epoch times.
 */
export function mergeJobInfo(parts: readonly NodeJobInfo[], nowMs: number): JobStatus {
  const states = parts.map(nodeState);
  const state: JobState = states.includes("running")
    ? "running"
    : states.includes("cancelled")
      ? "cancelled"
      : states.includes("failed")
        ? "failed"
        : "completed";
  let succeeded = 0n;
  let failed = 0n;
  let filtered = 0n;
  let throttled = 0n;
  let start: number | undefined;
  let end: number | undefined;
  let progress = 100;
  for (const p of parts) {
    succeeded += p.recordsSucceeded;
    failed += p.recordsFailed;
    filtered += p.recordsFiltered;
    throttled += p.recordsThrottled;
    const done = nodeState(p) !== "running";
    const since = done ? p.timeSinceDoneMs : 0;
    const nodeStart = nowMs - since - p.runTimeMs;
    start = start === undefined ? nodeStart : Math.min(start, nodeStart);
    if (done) end = end === undefined ? nowMs - since : Math.max(end, nowMs - since);
    progress = Math.min(progress, done ? 100 : p.progressPercent);
  }
  const seen = succeeded + failed + filtered;
  return {
    state,
    progressPercent: state === "running" ? Math.max(0, Math.min(99, Math.floor(progress))) : 100,
    recordsRead: throttled > seen ? throttled : seen,
    recordsSucceeded: succeeded,
    recordsFailed: failed,
    recordsFiltered: filtered,
    startTimeMs: start,
    endTimeMs: state === "running" ? undefined : end,
  };
}

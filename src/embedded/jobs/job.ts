/** What a job does (the `job-type=` of `query-show`). */
export type JobType = "basic" | "background-ops" | "background-udf";

/** How a job ended. */
export type JobResult = "ok" | "user-aborted" | "abandoned-unknown" | "abandoned-response-error";

/** What a job is created from. */
export interface JobSpec {
  readonly trid: bigint;
  readonly namespace: string;
  readonly setName: string | undefined;
  readonly sindexName: string | undefined;
  readonly rps: number;
  readonly type: JobType;
  readonly socketTimeoutMs: number;
  readonly partitionsRequested: number;
  readonly udfModule?: string | undefined;
  readonly udfFunction?: string | undefined;
}

/**
 * A running or finished scan/query job with the counters `query-show` reports.
 *
 * The code running the job updates the counters and calls {@link Job.finish}; `abort()` (from
 * `query-abort`) signals it through {@link Job.signal}.
 */
export class Job {
  readonly spec: JobSpec;
  readonly startMs: number;
  endMs: number | undefined;
  result: JobResult = "ok";
  partitionsDone = 0;
  recsThrottled = 0;
  recsFilteredMeta = 0;
  recsFilteredBins = 0;
  recsSucceeded = 0;
  recsFailed = 0;
  private readonly controller = new AbortController();

  constructor(spec: JobSpec, nowMs: number) {
    this.spec = spec;
    this.startMs = nowMs;
  }

  /** The job id (as_msg TRID). */
  get trid(): bigint {
    return this.spec.trid;
  }

  /** Whether the job is still running. */
  get active(): boolean {
    return this.endMs === undefined;
  }

  /** Aborted when a user aborts the job. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Asks the job to stop; it ends as `user-aborted`. Returns false when it already finished. */
  abort(): boolean {
    if (!this.active) return false;
    this.result = "user-aborted";
    this.controller.abort();
    return true;
  }

  /** Marks the job finished at `nowMs`. */
  finish(nowMs: number, result?: JobResult): void {
    if (this.endMs !== undefined) return;
    if (result !== undefined && this.result === "ok") this.result = result;
    this.endMs = nowMs;
  }

  /** Progress in percent: partitions visited out of partitions requested. */
  progress(): number {
    if (!this.active && this.result === "ok") return 100;
    const total = this.spec.partitionsRequested;
    return total === 0 ? 100 : (100 * this.partitionsDone) / total;
  }

  /** The job in `query-show` format (`key=value` pairs separated by `:`). */
  describe(nowMs: number): string {
    const s = this.spec;
    const parts = [`trid=${s.trid}`, `ns=${s.namespace}`];
    if (s.setName !== undefined && s.setName !== "") parts.push(`set=${s.setName}`);
    if (s.sindexName !== undefined) parts.push(`sindex-name=${s.sindexName}`);
    const end = this.endMs ?? nowMs;
    parts.push(
      `rps=${s.rps}`,
      `active-threads=${this.active ? 1 : 0}`,
      `status=${this.active ? "active" : "done"}(${this.result})`,
      `job-progress=${this.progress().toFixed(2)}`,
      `run-time=${end - this.startMs}`,
      `time-since-done=${this.endMs === undefined ? 0 : nowMs - this.endMs}`,
      `recs-throttled=${this.recsThrottled}`,
      `recs-filtered-meta=${this.recsFilteredMeta}`,
      `recs-filtered-bins=${this.recsFilteredBins}`,
      `recs-succeeded=${this.recsSucceeded}`,
      `recs-failed=${this.recsFailed}`,
      `job-type=${s.type}`,
      "net-io-bytes=30",
      `socket-timeout=${s.socketTimeoutMs}`,
    );
    if (s.type === "background-udf") {
      parts.push(
        `udf-filename=${s.udfModule ?? ""}`,
        `udf-function=${s.udfFunction ?? ""}`,
        "udf-active=0",
      );
    } else if (s.type === "background-ops") {
      parts.push("ops-active=0");
    }
    return parts.join(":");
  }
}

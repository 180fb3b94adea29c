import { Job, type JobSpec } from "./job.js";

/** Limits of a {@link JobRegistry}. */
export interface JobRegistryOptions {
  /** Finished jobs kept for `query-show` (the server's `query-max-done`, default 100). */
  readonly maxDone?: number;
  /** Finished jobs are forgotten after this many ms (default 10 minutes; 0 = only by count). */
  readonly doneRetentionMs?: number;
}

/**
 * The jobs of a server: running ones, and recently finished ones kept for a while (at most
 * `maxDone`, each for at most `doneRetentionMs`) so clients polling `query-show` see them end.
 */
export class JobRegistry {
  private readonly jobs = new Map<bigint, Job>();
  private readonly maxDone: number;
  private readonly retentionMs: number;
  private readonly clock: () => number;

  constructor(options: JobRegistryOptions = {}, clock: () => number = Date.now) {
    this.maxDone = options.maxDone ?? 100;
    this.retentionMs = options.doneRetentionMs ?? 10 * 60 * 1000;
    this.clock = clock;
  }

  /** Whether a job with this id is known (running or remembered). */
  has(trid: bigint): boolean {
    this.prune();
    return this.jobs.has(trid);
  }

  /** Starts tracking a new job; undefined when the id is already in use. */
  start(spec: JobSpec): Job | undefined {
    this.prune();
    if (this.jobs.has(spec.trid)) return undefined;
    const job = new Job(spec, this.clock());
    this.jobs.set(spec.trid, job);
    return job;
  }

  /** Marks a job finished and forgets the oldest finished jobs beyond the limit. */
  finish(job: Job, result?: Job["result"]): void {
    job.finish(this.clock(), result);
    this.prune();
  }

  /** A job by id. */
  get(trid: bigint): Job | undefined {
    this.prune();
    return this.jobs.get(trid);
  }

  /** Every known job, most recently started first. */
  list(): Job[] {
    this.prune();
    return [...this.jobs.values()].reverse();
  }

  /** Aborts a running job; false when it is unknown or already finished. */
  abort(trid: bigint): boolean {
    return this.get(trid)?.abort() ?? false;
  }

  /** Aborts every running job; returns how many. */
  abortAll(): number {
    let n = 0;
    for (const job of this.jobs.values()) if (job.abort()) n++;
    return n;
  }

  private prune(): void {
    const now = this.clock();
    const done = [...this.jobs.values()].filter((j) => !j.active);
    done.sort((a, b) => (a.endMs ?? 0) - (b.endMs ?? 0));
    const excess = done.length - this.maxDone;
    done.forEach((job, i) => {
      const expired = this.retentionMs > 0 && now - (job.endMs ?? now) > this.retentionMs;
      if (i < excess || expired) this.jobs.delete(job.trid);
    });
  }
}

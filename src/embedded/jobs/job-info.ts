import type { InfoCommand, InfoRegistry } from "../info/registry.js";
import type { JobRegistry } from "./job-registry.js";

const NOT_FOUND = "ERROR:2:job not found";

function jobId(cmd: InfoCommand): bigint | undefined {
  const text = cmd.params.get("id") ?? cmd.params.get("trid");
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  const id = BigInt(text);
  return id < 2n ** 64n ? id : undefined;
}

function show(cmd: InfoCommand, jobs: JobRegistry, now: () => number): string {
  const hasId = cmd.params.has("id") || cmd.params.has("trid");
  if (!hasId) {
    return jobs
      .list()
      .map((j) => j.describe(now()))
      .join(";");
  }
  const id = jobId(cmd);
  if (id === undefined) return "ERROR:4:bad id";
  const job = jobs.get(id);
  return job === undefined ? NOT_FOUND : job.describe(now());
}

function abort(cmd: InfoCommand, jobs: JobRegistry): string {
  const id = jobId(cmd);
  if (id === undefined) return "ERROR:4:bad id";
  return jobs.abort(id) ? "ok" : "ERROR:2:id not active";
}

/**
 * Registers the job info commands: `query-show` / `scan-show` (all jobs, or one by `id=` or
 * `trid=`; unknown → `ERROR:2:job not found`, which clients read as "completed"), `query-abort` /
 * `scan-abort`, `query-abort-all` / `scan-abort-all`, and the legacy `jobs:` form.
 */
export function registerJobCommands(
  registry: InfoRegistry,
  jobs: JobRegistry,
  now: () => number,
): void {
  for (const name of ["query-show", "scan-show"]) {
    registry.register(name, (cmd) => show(cmd, jobs, now));
  }
  for (const name of ["query-abort", "scan-abort"]) {
    registry.register(name, (cmd) => abort(cmd, jobs));
  }
  for (const name of ["query-abort-all", "scan-abort-all"]) {
    registry.register(name, () => `OK - number of queries killed: ${jobs.abortAll()}`);
  }
  registry.register("jobs", (cmd) => {
    const sub = cmd.params.get("cmd");
    if (sub === "kill-job") return abort(cmd, jobs);
    return show(cmd, jobs, now);
  });
}

import { describe, expect, it } from "vitest";
import { InfoRegistry } from "../../../../src/embedded/info/registry.js";
import type { JobSpec } from "../../../../src/embedded/jobs/job.js";
import { registerJobCommands } from "../../../../src/embedded/jobs/job-info.js";
import { JobRegistry } from "../../../../src/embedded/jobs/job-registry.js";

function spec(trid: bigint, over: Partial<JobSpec> = {}): JobSpec {
  return {
    trid,
    namespace: "test",
    setName: "fx_background",
    sindexName: undefined,
    rps: 10000,
    type: "background-ops",
    socketTimeoutMs: 10000,
    partitionsRequested: 4096,
    ...over,
  };
}

function setup(options = {}) {
  let now = 1_000_000;
  const clock = () => now;
  const jobs = new JobRegistry(options, clock);
  const info = new InfoRegistry();
  registerJobCommands(info, jobs, clock);
  return { jobs, info, advance: (ms: number) => (now += ms) };
}

describe("job descriptions", () => {
  it("formats every field the client parses, like the reference server", () => {
    const { jobs, info, advance } = setup();
    const job = jobs.start(spec(8004912010809171n));
    if (job === undefined) throw new Error("not started");
    job.recsSucceeded = 1;
    job.recsThrottled = 1;
    job.partitionsDone = 266;
    advance(9);
    expect(info.answer("query-show:id=8004912010809171")).toBe(
      "trid=8004912010809171:ns=test:set=fx_background:rps=10000:active-threads=1:status=active(ok):" +
        "job-progress=6.49:run-time=9:time-since-done=0:recs-throttled=1:recs-filtered-meta=0:" +
        "recs-filtered-bins=0:recs-succeeded=1:recs-failed=0:job-type=background-ops:net-io-bytes=30:" +
        "socket-timeout=10000:ops-active=0",
    );
    job.recsSucceeded = 30;
    jobs.finish(job);
    advance(5);
    const done = info.answer("query-show:trid=8004912010809171");
    expect(done).toContain("status=done(ok):job-progress=100.00:run-time=9:time-since-done=5:");
  });

  it("names the UDF of a background UDF job", () => {
    const { jobs, info } = setup();
    jobs.start(spec(1n, { type: "background-udf", udfModule: "m", udfFunction: "f" }));
    expect(info.answer("query-show:id=1")).toMatch(
      /job-type=background-udf:.*udf-filename=m:udf-function=f:udf-active=0$/,
    );
  });
});

describe("job registry", () => {
  it("answers unknown ids with ERROR:2 and lists jobs newest first", () => {
    const { jobs, info } = setup();
    expect(info.answer("query-show:id=1234567890123")).toBe("ERROR:2:job not found");
    expect(info.answer("query-show")).toBe("");
    jobs.start(spec(1n));
    jobs.start(spec(2n));
    expect(
      info
        .answer("query-show")
        .split(";")
        .map((j) => j.split(":")[0]),
    ).toEqual(["trid=2", "trid=1"]);
    expect(info.answer("scan-show:id=1")).toMatch(/^trid=1:/);
    expect(info.answer("jobs:module=query;cmd=get-job;trid=2")).toMatch(/^trid=2:/);
  });

  it("refuses an id in use", () => {
    const { jobs } = setup();
    expect(jobs.start(spec(5n))).toBeDefined();
    expect(jobs.start(spec(5n))).toBeUndefined();
  });

  it("aborts running jobs only", () => {
    const { jobs, info } = setup();
    const job = jobs.start(spec(7n));
    expect(info.answer("query-abort:id=7")).toBe("ok");
    expect(job?.signal.aborted).toBe(true);
    if (job) jobs.finish(job);
    expect(info.answer("query-show:id=7")).toContain("status=done(user-aborted)");
    expect(info.answer("query-abort:trid=7")).toBe("ERROR:2:id not active");
    expect(info.answer("scan-abort:id=99")).toBe("ERROR:2:id not active");
    expect(info.answer("query-abort:id=x")).toMatch(/^ERROR:4/);
  });

  it("forgets finished jobs beyond the limit and after the retention time", () => {
    const { jobs, advance } = setup({ maxDone: 2, doneRetentionMs: 1000 });
    for (let i = 1n; i <= 3n; i++) {
      const j = jobs.start(spec(i));
      if (j) jobs.finish(j);
      advance(10);
    }
    expect(jobs.has(1n)).toBe(false);
    expect(jobs.has(2n)).toBe(true);
    const running = jobs.start(spec(9n));
    advance(2000);
    expect(jobs.has(3n)).toBe(false);
    expect(jobs.get(9n)).toBe(running);
  });
});

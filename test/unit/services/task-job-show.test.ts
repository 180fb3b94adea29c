import { describe, expect, it } from "vitest";
import {
  infoValue,
  mergeJobInfo,
  nodeState,
  parseJobItem,
  parseJobList,
} from "../../../src/aerospike/job-show.js";

// Recorded from Aerospike 8.1.2 (shared/fixtures/aerospike-8.1.2/wire/background.jsonl).
const RUNNING =
  "trid=5914712525919295:ns=test:set=fx_background:rps=10000:active-threads=1:status=active(ok):job-progress=80.00:run-time=9:time-since-done=0:recs-throttled=24:recs-filtered-meta=0:recs-filtered-bins=12:recs-succeeded=5:recs-failed=0:from=127.0.0.1+54868:job-type=background-ops:net-io-bytes=30:socket-timeout=10000:ops-active=6";
const DONE =
  "trid=5914712525919295:ns=test:set=fx_background:rps=10000:active-threads=0:status=done(ok):job-progress=100.00:run-time=12:time-since-done=18:recs-throttled=30:recs-filtered-meta=0:recs-filtered-bins=20:recs-succeeded=10:recs-failed=0:from=127.0.0.1+54868:job-type=background-ops:net-io-bytes=30:socket-timeout=10000:ops-active=0";
const UDF_FAILED =
  "trid=4695132811556471:ns=test:set=fx_background:rps=10000:active-threads=0:status=done(ok):job-progress=100.00:run-time=10:time-since-done=11:recs-throttled=30:recs-filtered-meta=0:recs-filtered-bins=0:recs-succeeded=0:recs-failed=30:from=127.0.0.1+54868:job-type=background-udf:net-io-bytes=30:socket-timeout=10000:udf-filename=fixture_udf:udf-function=fail:udf-active=0";

describe("query-show parsing", () => {
  it("strips the command echo", () => {
    expect(infoValue(`query-show:id=1\t${DONE}\n`)).toBe(DONE);
    expect(infoValue("query-show:id=1\tERROR:2:job not found\n")).toBe("ERROR:2:job not found");
  });

  it("reads every field of a recorded running job", () => {
    expect(parseJobItem(RUNNING)).toEqual({
      jobId: 5914712525919295n,
      namespace: "test",
      set: "fx_background",
      status: "active",
      result: "ok",
      progressPercent: 80,
      runTimeMs: 9,
      timeSinceDoneMs: 0,
      recordsThrottled: 24n,
      recordsFiltered: 12n,
      recordsSucceeded: 5n,
      recordsFailed: 0n,
      jobType: "background-ops",
    });
  });

  it("splits a list of jobs and skips items without a trid", () => {
    const jobs = parseJobList(`${DONE};${UDF_FAILED};garbage;`);
    expect(jobs.map((j) => j.jobId)).toEqual([5914712525919295n, 4695132811556471n]);
    expect(jobs[1]?.jobType).toBe("background-udf");
  });

  it.each([
    ["active(ok)", "running"],
    ["done(ok)", "completed"],
    ["done(user-aborted)", "cancelled"],
    ["done(abandoned-unknown)", "failed"],
    ["done(abandoned-response-error)", "failed"],
  ])("maps status=%s to %s", (status, state) => {
    const job = parseJobItem(`trid=1:ns=test:status=${status}`);
    expect(job && nodeState(job)).toBe(state);
  });
});

describe("merging nodes", () => {
  const now = 1_000_000;
  it("reports a running job with the slowest progress, summed counters and no end", () => {
    const a = parseJobItem(RUNNING)!;
    const b = { ...a, progressPercent: 40, recordsSucceeded: 7n, runTimeMs: 20 };
    const s = mergeJobInfo([a, b], now);
    expect(s).toMatchObject({
      state: "running",
      progressPercent: 40,
      recordsSucceeded: 12n,
      recordsFiltered: 24n,
      recordsRead: 48n,
      startTimeMs: now - 20,
      endTimeMs: undefined,
    });
  });

  it("reports a finished job at 100% with start and end times from the relative clocks", () => {
    const s = mergeJobInfo([parseJobItem(DONE)!], now);
    expect(s).toEqual({
      state: "completed",
      progressPercent: 100,
      recordsRead: 30n,
      recordsSucceeded: 10n,
      recordsFailed: 0n,
      recordsFiltered: 20n,
      startTimeMs: now - 18 - 12,
      endTimeMs: now - 18,
    });
  });

  it("keeps a background UDF that failed on every record COMPLETED with its failures counted", () => {
    const s = mergeJobInfo([parseJobItem(UDF_FAILED)!], now);
    expect(s.state).toBe("completed");
    expect(s.recordsFailed).toBe(30n);
  });

  it("is running while any node runs, then cancelled, failed or completed", () => {
    const done = parseJobItem(DONE)!;
    const running = parseJobItem(RUNNING)!;
    const aborted = { ...done, result: "user-aborted" };
    const failed = { ...done, result: "abandoned-unknown" };
    expect(mergeJobInfo([done, running], now).state).toBe("running");
    expect(mergeJobInfo([done, aborted], now).state).toBe("cancelled");
    expect(mergeJobInfo([failed, done], now).state).toBe("failed");
    expect(mergeJobInfo([aborted, failed], now).state).toBe("cancelled");
  });

  it("never reports 100% while running", () => {
    const running = { ...parseJobItem(RUNNING)!, progressPercent: 100 };
    expect(mergeJobInfo([running], now).progressPercent).toBe(99);
  });
});

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Aerospike from "aerospike";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTranscript } from "../../unit/embedded/fixtures.js";
import { type Harness, startHarness, stopHarness } from "./client-harness.js";
import {
  decodeArg,
  encodeResult,
  normalizeTtls,
  readSteps,
  runStep,
  type Step,
} from "./fixture-steps.js";

// Replays the recorded client calls of the scan-query and background scenarios through the
// official client (scans, queries, background jobs and job polling included) and compares what
// the client reports with what it reported against the reference server.

type Json = Parameters<typeof decodeArg>[0];
type Result = { ok?: unknown; error?: { code: number } };

interface ScanOpts {
  ns: string;
  set?: string;
  select?: string[];
  nobins?: boolean;
  partitions?: [number, number];
  paginate?: boolean;
  page?: number;
  where?: Json;
  maxRecords?: number;
  ttl?: number;
}

interface RecordedRecords {
  count: number;
  hasNextPage?: boolean;
  records: { key: unknown }[];
}

/** State kept across steps: paginated scans and started jobs by recorded job id. */
interface Session {
  readonly pages: Map<string, Aerospike.Scan>;
  readonly jobs: Map<string, Aerospike.Job>;
}

function byKey(records: unknown[]): unknown[] {
  const keyOf = (r: unknown) => JSON.stringify((r as { key: unknown }).key);
  return [...records].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}

function scanOf(h: Harness, o: ScanOpts): Aerospike.Scan {
  const opts: Record<string, unknown> = {};
  if (o.select) opts.select = o.select;
  if (o.nobins) opts.nobins = true;
  if (o.paginate) opts.paginate = true;
  const scan = h.client.scan(o.ns, o.set ?? "", opts as Aerospike.ScanOptions);
  if (o.partitions) scan.partitions(o.partitions[0], o.partitions[1]);
  return scan;
}

function queryOf(h: Harness, o: ScanOpts): Aerospike.Query {
  const opts: Record<string, unknown> = {};
  if (o.select) opts.select = o.select;
  if (o.nobins) opts.nobins = true;
  if (o.maxRecords !== undefined) opts.maxRecords = o.maxRecords;
  const q = h.client.query(o.ns, o.set ?? "", opts as Aerospike.QueryOptions);
  if (o.where !== undefined) q.where(decodeArg(o.where) as Aerospike.filter.SindexFilterPredicate);
  if (o.partitions) q.partitions(o.partitions[0], o.partitions[1]);
  if (o.ttl !== undefined) q.ttl = o.ttl;
  return q;
}

async function results(
  h: Harness,
  step: Step,
  session: Session,
): Promise<{ records: Aerospike.AerospikeRecord[]; hasNextPage?: boolean }> {
  const o = step.args[0] as ScanOpts;
  const policy = (step.args[1] ? decodeArg(step.args[1] as Json) : undefined) as
    | Aerospike.ScanPolicy
    | undefined;
  if (step.call === "Query.results") return { records: await queryOf(h, o).results(policy) };
  if (!o.paginate) return { records: await scanOf(h, o).results(policy) };
  const series = step.step.replace(/: page \d+$/, "");
  let scan = session.pages.get(series);
  if (scan === undefined || o.page === 1) {
    scan = scanOf(h, o);
    session.pages.set(series, scan);
  }
  const records = await scan.results(policy);
  return { records, hasNextPage: scan.hasNextPage() };
}

async function startJob(h: Harness, step: Step): Promise<Aerospike.Job> {
  const [opts, ...rest] = step.args as [ScanOpts, ...Json[]];
  const arg = (i: number) =>
    rest[i] === null || rest[i] === undefined ? undefined : decodeArg(rest[i] as Json);
  switch (step.call) {
    case "Query.operate":
      return queryOf(h, opts).operate(
        arg(0) as Aerospike.operations.Operation[],
        arg(1) as Aerospike.QueryPolicy,
      );
    case "Query.background":
      return queryOf(h, opts).background(
        rest[0] as string,
        rest[1] as string,
        arg(2) as Aerospike.AerospikeBinValue[],
        arg(3) as Aerospike.QueryPolicy,
      );
    case "Scan.background":
      return scanOf(h, opts).background(
        rest[0] as string,
        rest[1] as string,
        arg(2) as Aerospike.AerospikeBinValue[],
      );
    default:
      return scanOf(h, opts).operate(arg(0) as Aerospike.operations.Operation[]);
  }
}

async function jobInfo(h: Harness, step: Step, session: Session): Promise<Result> {
  const { jobID, module } = step.args[0] as { jobID: string; module: string };
  const job = session.jobs.get(jobID) ?? new Aerospike.Job(h.client, Number(jobID), module);
  const want = (step.result.ok as { status: number } | undefined)?.status;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const info = await job.info();
    if (want !== Aerospike.jobStatus.COMPLETED || info.status === want) return { ok: info };
    await new Promise((r) => setTimeout(r, 25));
  }
  return { ok: await job.info() };
}

// The recorder reported index creation as "created" after waiting for the index job.
async function createIndex(h: Harness, step: Step): Promise<Result> {
  try {
    const method = step.call.replace(/^client\./, "") as "createIntegerIndex" | "createStringIndex";
    const job = await h.client[method](decodeArg(step.args[0] as Json) as Aerospike.IndexOptions);
    await job.wait(10);
    return { ok: "created" };
  } catch (e) {
    return { error: { code: (e as { code: number }).code } };
  }
}

/** Registers a module from the content its recorded `udf-put` carried (no note holds it). */
async function registerRecordedModule(h: Harness, scenario: string, name: string): Promise<Result> {
  const put = readTranscript(scenario).find(
    (l) =>
      l.kind === "frame" &&
      l.dir === "c2s" &&
      String(l.text ?? "").startsWith(`udf-put:filename=${name};`),
  );
  const content = /content=([^;]*);/.exec(String(put?.text ?? ""))?.[1] ?? "";
  const file = join(mkdtempSync(join(tmpdir(), "udf-")), name);
  writeFileSync(file, Buffer.from(content, "base64"));
  try {
    await (await h.client.udfRegister(file)).wait(10);
    return { ok: "registered" };
  } catch (e) {
    return { error: { code: (e as { code: number }).code } };
  }
}

function check(step: Step, got: Result): void {
  if (step.result.error !== undefined) {
    expect(got.error?.code, JSON.stringify(got)).toBe(step.result.error.code);
    return;
  }
  expect(got.error, JSON.stringify(got)).toBeUndefined();
  if (/^(Scan|Query)\.results$/.test(step.call)) {
    const want = step.result.ok as RecordedRecords;
    const have = got.ok as RecordedRecords;
    expect(have.count).toBe(want.count);
    if (want.hasNextPage !== undefined) expect(have.hasNextPage).toBe(want.hasNextPage);
    // A limited or paged scan may pick any records; otherwise the sets must be equal.
    if (!/maxRecords|paginate/.test(step.step)) {
      expect(normalizeTtls(byKey(have.records))).toEqual(normalizeTtls(byKey(want.records)));
    }
  } else if (step.call === "Job.info") {
    const want = step.result.ok as { status: number; recordsRead: number };
    const have = got.ok as { status: number; recordsRead: number; progressPct: number };
    if (want.status === Aerospike.jobStatus.COMPLETED) {
      expect(have.status).toBe(want.status);
      expect(have.recordsRead).toBe(want.recordsRead);
    }
  } else if (
    /^(Scan|Query)\./.test(step.call) ||
    step.call.startsWith("client.info") ||
    /Index$/.test(step.call)
  ) {
    return;
  } else {
    expect(normalizeTtls(got.ok)).toEqual(normalizeTtls(step.result.ok));
  }
}

// The reference server also held other UDF modules and jobs: those listings are not compared.
const STATE_STEPS = /udf-list|query-show info/;

// A query failing with INDEX_NOT_FOUND after a scan limited by maxRecords brings the official
// client's process down inside Vitest workers ("glibc detected an invalid stdio handle"); the
// same requests replay equal on the wire (scan-query-replay) and pass in scan-query.test.ts.
const CLIENT_CRASH_STEPS = /on a bin without index|after index removal/;

describe.each(["scan-query", "background"])(
  "fixture scenario %s through the official client",
  (scenario) => {
    let h: Harness;
    const session: Session = { pages: new Map(), jobs: new Map() };
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(async () => {
      await stopHarness(h);
    });
    for (const step of readSteps(scenario).filter((s) => s.call !== "Aerospike.connect")) {
      const run = CLIENT_CRASH_STEPS.test(step.step) ? it.skip : it;
      run(`${step.n} ${step.step}`, async () => {
        let got: Result;
        if (/^(Scan|Query)\.results$/.test(step.call)) {
          try {
            const r = await results(h, step, session);
            got = {
              ok: {
                count: r.records.length,
                hasNextPage: r.hasNextPage,
                records: encodeResult(r.records),
              },
            };
          } catch (e) {
            got = { error: { code: (e as { code: number }).code } };
          }
        } else if (/^(Scan|Query)\.(operate|background)$/.test(step.call)) {
          const job = await startJob(h, step);
          const recorded = (step.result.ok as { $job: { jobID: string } }).$job.jobID;
          session.jobs.set(recorded, job);
          got = { ok: "started" };
        } else if (step.call === "Job.info") {
          got = await jobInfo(h, step, session);
        } else if (/^client\.create\w*Index$/.test(step.call)) {
          got = await createIndex(h, step);
        } else if (step.call === "client.udfRegister" && step.result.error !== undefined) {
          got = await registerRecordedModule(h, scenario, step.args[0] as string);
        } else {
          got = await runStep(h.client, step);
        }
        if (STATE_STEPS.test(step.step)) {
          expect(got.error).toBeUndefined();
          return;
        }
        check(step, got);
      });
    }
  },
);

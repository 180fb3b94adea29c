import type { CommandContext } from "../commands/command-context.js";
import { executeDelete } from "../commands/delete.js";
import type { KeyedRequest } from "../commands/request.js";
import { executeUdf, executeUdfAsync } from "../commands/udf.js";
import { executeWrite } from "../commands/write.js";
import { type SelectionCounters, selectRecords } from "../query/record-source.js";
import type { ScanRequest } from "../query/scan-request.js";
import type { SindexDef } from "../query/sindex-registry.js";
import { Throttle } from "../query/throttle.js";
import type { StoredRecord } from "../store/record.js";
import type { AsMsg } from "../wire/as-msg.js";
import { Info2 } from "../wire/as-msg-constants.js";
import { ResultCode } from "../wire/result-codes.js";
import type { Job } from "./job.js";
import type { JobRegistry } from "./job-registry.js";

/** Largest rate of a background job (the server's `background-query-max-rps`). */
export const BACKGROUND_MAX_RPS = 10000;

/** The rate a background job runs at: the requested rate capped at the server maximum. */
export function backgroundRps(requested: number): number {
  return requested > 0 && requested < BACKGROUND_MAX_RPS ? requested : BACKGROUND_MAX_RPS;
}

async function applyToRecord(
  msg: AsMsg,
  req: ScanRequest,
  r: StoredRecord,
  ctx: CommandContext,
): Promise<number> {
  const keyed: KeyedRequest = {
    msg,
    ns: req.ns,
    setName: r.setName,
    digest: r.digest,
    key: undefined,
    filter: undefined,
  };
  if (req.udf !== undefined) {
    const udfAsync = ctx.extensions.udfAsync;
    if (udfAsync !== undefined) return (await executeUdfAsync(keyed, ctx, udfAsync)).resultCode;
    return executeUdf(keyed, ctx).resultCode;
  }
  if ((msg.info2 & Info2.DELETE) !== 0) return executeDelete(keyed, ctx).resultCode;
  return executeWrite(keyed, ctx).resultCode;
}

/**
 * Runs a background job to its end: every selected record gets the job's write ops (or its record
 * UDF) like a single-record write, at the job's rate. Counters feed `query-show`; an abort stops
 * the job between two records.
 */
export async function runBackgroundJob(
  job: Job,
  req: ScanRequest,
  sindex: SindexDef | undefined,
  ctx: CommandContext,
  jobs: JobRegistry,
): Promise<void> {
  const counters: SelectionCounters = { filtered: 0, partitionsDone: 0, errorCode: 0 };
  // Without a requested rate the server maximum is only reported, not enforced: small jobs then
  // finish at once, large ones still yield to other connections regularly.
  const throttle = new Throttle(req.rps > 0 ? job.spec.rps : 0, job.signal);
  let filteredByCommand = 0;
  const sync = () => {
    job.recsFilteredBins = counters.filtered + filteredByCommand;
    job.partitionsDone = counters.partitionsDone;
  };
  try {
    for (const c of selectRecords(req, sindex, ctx.extensions, ctx.store.clock, counters)) {
      if (job.signal.aborted) break;
      const code = await applyToRecord(req.msg, req, c.record, ctx);
      job.recsThrottled++;
      if (code === ResultCode.OK) job.recsSucceeded++;
      else if (code === ResultCode.FILTERED_OUT) filteredByCommand++;
      else job.recsFailed++;
      sync();
      await throttle.tick();
    }
    sync();
    jobs.finish(job, counters.errorCode === 0 ? undefined : "abandoned-unknown");
  } catch {
    jobs.finish(job, "abandoned-unknown");
  }
}

import type { Extensions, MultiRecordContext } from "../commands/extensions.js";
import type { Job } from "../jobs/job.js";
import { ResultCode } from "../wire/result-codes.js";
import { projectionOf, recordMessage } from "./record-message.js";
import { type SelectionCounters, selectRecords } from "./record-source.js";
import type { ScanRequest } from "./scan-request.js";
import type { SindexDef } from "./sindex-registry.js";
import { StreamWriter } from "./stream-writer.js";
import { Throttle } from "./throttle.js";

/**
 * Streams the records of a foreground scan/query: one message per selected record (bins as
 * projected), at most MAX_RECORDS of them, at most `rps` per second, in frames of whole messages,
 * then a LAST message (result 15 when the job was aborted, or the filter's error code).
 * Returns quietly when the connection goes away.
 */
export async function runForeground(
  req: ScanRequest,
  sindex: SindexDef | undefined,
  extensions: Extensions,
  ctx: MultiRecordContext,
  job: Job,
): Promise<void> {
  const writer = new StreamWriter(ctx.send);
  const projection = projectionOf(req.msg);
  const counters: SelectionCounters = { filtered: 0, partitionsDone: 0, errorCode: 0 };
  const throttle = new Throttle(req.rps, ctx.signal);
  const clock = ctx.store.clock;
  let sent = 0n;
  for (const c of selectRecords(req, sindex, extensions, clock, counters)) {
    if (ctx.signal.aborted || job.signal.aborted) break;
    const m = recordMessage(req.ns.name, c.record, c.bval, projection, extensions, clock());
    job.recsFilteredBins = counters.filtered;
    job.partitionsDone = counters.partitionsDone;
    if (m === undefined) continue;
    await writer.push(m);
    job.recsSucceeded++;
    sent++;
    if (req.maxRecords > 0n && sent >= req.maxRecords) break;
    // A throttled scan hands each record over before waiting for the next one.
    if (req.rps > 0) await writer.flush();
    await throttle.tick();
  }
  job.recsFilteredBins = counters.filtered;
  job.partitionsDone = counters.partitionsDone;
  if (ctx.signal.aborted) return;
  const code = job.signal.aborted ? ResultCode.QUERY_ABORT : counters.errorCode;
  await writer.finish(code);
}

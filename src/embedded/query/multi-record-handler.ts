import { setTimeout as sleep } from "node:timers/promises";
import type { CommandContext } from "../commands/command-context.js";
import type { MultiRecordContext, MultiRecordHandler } from "../commands/extensions.js";
import { newStats } from "../info/stats.js";
import { backgroundRps, runBackgroundJob } from "../jobs/background.js";
import type { JobSpec } from "../jobs/job.js";
import type { JobRegistry } from "../jobs/job-registry.js";
import { emptyReply, encodeAsMsg, findField } from "../wire/as-msg.js";
import { FieldType, Info3 } from "../wire/as-msg-constants.js";
import { encodeFrame, ProtoType } from "../wire/proto.js";
import { ResultCode } from "../wire/result-codes.js";
import { runForeground } from "./foreground.js";
import { parseScanRequest, type ScanRequest } from "./scan-request.js";
import type { SindexDef, SindexRegistry } from "./sindex-registry.js";

/** How long a background job may run before its start is acknowledged, in ms. */
const EAGER_MS = 100;

/** UDF_OP value of a background UDF job. */
const UDF_OP_BACKGROUND = 2;

/** What the scan/query handler shares with the info commands. */
export interface QueryState {
  readonly sindexes: SindexRegistry;
  readonly jobs: JobRegistry;
}

function replyFrame(resultCode: number, last: boolean): Buffer {
  return encodeFrame(
    ProtoType.MESSAGE,
    encodeAsMsg(emptyReply(resultCode, last ? { info3: Info3.LAST } : {})),
  );
}

/** Finds the secondary index a query needs: undefined for scans, or the code to fail with. */
function resolveIndex(req: ScanRequest, sindexes: SindexRegistry): SindexDef | number | undefined {
  if (req.index === undefined) {
    return req.indexName !== undefined || req.hasIndexExpression
      ? ResultCode.SINDEX_NOT_FOUND
      : undefined;
  }
  if (req.hasIndexExpression || req.hasIndexContext) return ResultCode.SINDEX_NOT_FOUND;
  const def = sindexes.find({
    namespace: req.ns.name,
    setName: req.setName === "" ? undefined : req.setName,
    indexName: req.indexName,
    bin: req.index.binName,
    keyType: req.index.keyType,
    collection: req.indexCollection,
  });
  if (def === undefined || def.keyType === "GEO2DSPHERE") return ResultCode.SINDEX_NOT_FOUND;
  return def;
}

function socketTimeout(req: ScanRequest): number {
  const f = findField(req.msg, FieldType.SOCKET_TIMEOUT);
  return f !== undefined && f.data.length === 4 ? f.data.readUInt32BE(0) : 0;
}

function jobSpec(req: ScanRequest, sindex: SindexDef | undefined, trid: bigint): JobSpec {
  const udf = req.background && req.udf !== undefined;
  return {
    trid,
    namespace: req.ns.name,
    setName: req.setName,
    sindexName: sindex?.name,
    rps: req.background ? backgroundRps(req.rps) : req.rps,
    type: req.background ? (udf ? "background-udf" : "background-ops") : "basic",
    socketTimeoutMs: socketTimeout(req),
    partitionsRequested: req.partitions.length,
    udfModule: udf ? req.udf?.module : undefined,
    udfFunction: udf ? req.udf?.fn : undefined,
  };
}

function validateBackground(req: ScanRequest): number {
  if (req.udf !== undefined) {
    if (req.udf.op !== UDF_OP_BACKGROUND || req.udf.fn === "" || req.msg.ops.length > 0) {
      return ResultCode.PARAMETER;
    }
    return ResultCode.OK;
  }
  return req.msg.ops.length === 0 ? ResultCode.PARAMETER : ResultCode.OK;
}

function unknownSet(req: ScanRequest): boolean {
  if (req.setName === undefined || req.setName === "") return false;
  return !req.ns.setNames().some(([name]) => name === req.setName);
}

function randomTrid(): bigint {
  return BigInt(Math.floor(Math.random() * 2 ** 52)) + 1n;
}

/**
 * Creates the handler for as_msg requests without a DIGEST: foreground scans and queries
 * (streamed), and background jobs (answered at once with LAST, then run asynchronously). Errors
 * found before the job starts are answered with one non-LAST message carrying the code.
 */
export function createMultiRecordHandler(state: QueryState): MultiRecordHandler {
  const jobStats = newStats();
  return async (msg, ctx: MultiRecordContext) => {
    const parsed = parseScanRequest(msg, ctx.store);
    if (!parsed.ok) return ctx.send(replyFrame(parsed.code, false));
    const req = parsed.req;
    if (req.udf !== undefined && !req.background) {
      return ctx.send(replyFrame(ResultCode.UNSUPPORTED_FEATURE, false));
    }
    const sindex = resolveIndex(req, state.sindexes);
    if (typeof sindex === "number") return ctx.send(replyFrame(sindex, false));
    if (req.background) {
      const code = validateBackground(req);
      if (code !== ResultCode.OK) return ctx.send(replyFrame(code, false));
      if (unknownSet(req)) return ctx.send(replyFrame(ResultCode.NOT_FOUND, false));
    }
    const job = state.jobs.start(jobSpec(req, sindex, req.trid === 0n ? randomTrid() : req.trid));
    if (job === undefined) return ctx.send(replyFrame(ResultCode.PARAMETER, false));
    if (req.background) {
      const cmdCtx: CommandContext = {
        store: ctx.store,
        extensions: ctx.extensions,
        stats: jobStats,
      };
      const running = runBackgroundJob(job, req, sindex, cmdCtx, state.jobs);
      // Small jobs are done by the time the client gets its job handle (the reply's timing is
      // free: clients wait for it either way); larger ones go on in the background.
      await Promise.race([running, sleep(EAGER_MS, undefined, { ref: false })]);
      return ctx.send(replyFrame(ResultCode.OK, true));
    }
    try {
      await runForeground(req, sindex, ctx.extensions, ctx, job);
    } finally {
      state.jobs.finish(job, ctx.signal.aborted ? "abandoned-response-error" : undefined);
    }
  };
}

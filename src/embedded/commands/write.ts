import { recordSize } from "../expressions/eval-meta.js";
import { BinList } from "../store/bins.js";
import {
  MAX_TTL_SECONDS,
  resolveVoidTime,
  TTL_DONT_UPDATE,
  TTL_NEVER_EXPIRE,
} from "../store/clock.js";
import { nextGeneration } from "../store/record.js";
import type { AsMsg } from "../wire/as-msg.js";
import { Info1, Info2, Info3, isReadOp, OpType } from "../wire/as-msg-constants.js";
import { ParticleType } from "../wire/particle.js";
import { ResultCode } from "../wire/result-codes.js";
import { applyOps, MAX_BIN_NAME } from "./apply-ops.js";
import { type CommandContext, checkFilter } from "./command-context.js";
import { recordReply } from "./reply.js";
import type { KeyedRequest } from "./request.js";
import { sameKey } from "./request.js";
import { workingForNew, workingFromStored } from "./working-record.js";

/** Largest stored record size (namespace `max-record-size`, 1 MiB by default). */
export const MAX_RECORD_SIZE = 1024 * 1024;

/** Whether the request's generation check (info2 GENERATION / GENERATION_GT) fails for `stored`. */
export function generationCheckFails(msg: AsMsg, stored: number): boolean {
  if ((msg.info2 & Info2.GENERATION) !== 0) return msg.generation !== stored;
  if ((msg.info2 & Info2.GENERATION_GT) !== 0) return msg.generation <= stored;
  return false;
}

/** Whether a TTL from a write request is acceptable (≤ 10 years, or -1 / -2). */
export function validWriteTtl(ttl: number): boolean {
  return ttl <= MAX_TTL_SECONDS || ttl === TTL_NEVER_EXPIRE || ttl === TTL_DONT_UPDATE;
}

const REPLACE_FORBIDDEN = new Set<number>([
  OpType.TOUCH,
  OpType.INCR,
  OpType.APPEND,
  OpType.PREPEND,
  OpType.DELETE,
  OpType.CDT_MODIFY,
  OpType.BIT_MODIFY,
  OpType.HLL_MODIFY,
]);

/** Request-level validation of a write before the record is looked up; 0 when valid. */
export function validateWrite(msg: AsMsg): number {
  if (msg.ops.length === 0) return ResultCode.PARAMETER;
  const replacing = (msg.info3 & (Info3.CREATE_OR_REPLACE | Info3.REPLACE_ONLY)) !== 0;
  for (const op of msg.ops) {
    if (op.name.length > MAX_BIN_NAME) return ResultCode.BIN_NAME;
    if (isReadOp(op.opType) && (msg.info1 & Info1.READ) === 0) return ResultCode.PARAMETER;
    if (replacing) {
      const binDelete = op.opType === OpType.WRITE && op.particleType === ParticleType.NULL;
      if (binDelete || REPLACE_FORBIDDEN.has(op.opType)) return ResultCode.PARAMETER;
    }
  }
  if (!validWriteTtl(msg.recordTtl)) return ResultCode.PARAMETER;
  return ResultCode.OK;
}

/**
 * Executes a write (put, operate with write ops, touch) like the server's write path: validation,
 * existence policies, generation check, set/filter/key checks on existing records, ops in order,
 * then commit (a record left without bins is deleted; a new one without bins → 2).
 */
export function executeWrite(req: KeyedRequest, ctx: CommandContext): AsMsg {
  const { msg, ns } = req;
  const invalid = validateWrite(msg);
  if (invalid !== ResultCode.OK) return recordReply(invalid, 0, 0);
  const now = ctx.store.clock();
  const { record } = ns.lookup(req.digest, now);
  const hasOp = (t: number) => msg.ops.some((op) => op.opType === t);
  let work: ReturnType<typeof workingFromStored>;
  if (record === undefined) {
    if ((msg.info3 & (Info3.UPDATE_ONLY | Info3.REPLACE_ONLY)) !== 0) {
      return recordReply(ResultCode.NOT_FOUND, 0, 0);
    }
    if (hasOp(OpType.TOUCH) || hasOp(OpType.DELETE)) return recordReply(ResultCode.NOT_FOUND, 0, 0);
    if (generationCheckFails(msg, 0)) return recordReply(ResultCode.GENERATION, 0, 0);
    work = workingForNew(ns.name, req.digest, req.setName ?? "", req.key, now);
  } else {
    const fail = (code: number) => recordReply(code, record.generation, record.voidTime);
    if ((msg.info2 & Info2.DURABLE_DELETE) !== 0 && hasOp(OpType.DELETE)) {
      return fail(ResultCode.ENTERPRISE_ONLY);
    }
    if ((msg.info2 & Info2.CREATE_ONLY) !== 0) return fail(ResultCode.RECORD_EXISTS);
    if (generationCheckFails(msg, record.generation)) return fail(ResultCode.GENERATION);
    if ((req.setName ?? "") !== record.setName) return fail(ResultCode.PARAMETER);
    work = workingFromStored(ns.name, record, now);
    const filterCode = checkFilter(req.filter, work, ctx.extensions);
    if (filterCode !== ResultCode.OK) return fail(filterCode);
    if (req.key !== undefined && record.key !== undefined && !sameKey(req.key, record.key)) {
      return fail(ResultCode.KEY_MISMATCH);
    }
    if ((msg.info3 & (Info3.CREATE_OR_REPLACE | Info3.REPLACE_ONLY)) !== 0) {
      work.bins = new BinList();
    }
  }
  const result = applyOps(msg, work, ctx.extensions);
  if (result.code !== ResultCode.OK) {
    ctx.stats.writeError++;
    return recordReply(result.code, record?.generation ?? 0, record?.voidTime ?? 0);
  }
  if (work.bins.size === 0) {
    if (record === undefined) return recordReply(ResultCode.NOT_FOUND, 0, 0);
    ns.remove(req.digest);
    ctx.stats.writeSuccess++;
    return recordReply(ResultCode.OK, 0, 0, result.entries);
  }
  const voidTime = resolveVoidTime(
    msg.recordTtl,
    record?.voidTime,
    ns.config.defaultTtl,
    now,
  ) as number;
  const generation = record === undefined ? 1 : nextGeneration(record.generation);
  const key = record?.key ?? (req.key && { type: req.key.type, data: Buffer.from(req.key.data) });
  if (recordSize({ ...work, key, voidTime }) > MAX_RECORD_SIZE) {
    ctx.stats.writeError++;
    return recordReply(ResultCode.RECORD_TOO_BIG, record?.generation ?? 0, record?.voidTime ?? 0);
  }
  ns.put({
    digest: record?.digest ?? Buffer.from(req.digest),
    setName: work.setName,
    key,
    bins: work.bins,
    generation,
    voidTime,
    lastUpdateMs: now,
  });
  ctx.stats.writeSuccess++;
  return recordReply(ResultCode.OK, generation, voidTime, result.entries);
}

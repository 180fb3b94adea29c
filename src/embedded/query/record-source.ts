import type { Extensions } from "../commands/extensions.js";
import type { WorkingRecord } from "../commands/working-record.js";
import { isExpired } from "../store/clock.js";
import type { StoredRecord } from "../store/record.js";
import { ResultCode } from "../wire/result-codes.js";
import type { IndexFilter } from "./index-filter.js";
import { matchIndexFilter } from "./index-filter.js";
import { groupByPartition, recordsAfter } from "./partition.js";
import type { ScanRequest } from "./scan-request.js";
import type { SindexDef } from "./sindex-registry.js";

/** A record selected by a scan/query, with its index value for sindex queries. */
export interface Candidate {
  readonly record: StoredRecord;
  readonly bval: bigint | undefined;
}

/** Counters kept while selecting records (they feed `query-show`). */
export interface SelectionCounters {
  /** Records rejected by the filter expression. */
  filtered: number;
  /** Partitions fully visited. */
  partitionsDone: number;
  /** Set when the filter expression cannot be evaluated (the job ends with this code). */
  errorCode: number;
}

/** A read-only working-record view of a stored record (for filter evaluation). */
export function viewOf(ns: string, r: StoredRecord, nowMs: number): WorkingRecord {
  return {
    namespace: ns,
    digest: r.digest,
    setName: r.setName,
    key: r.key,
    existed: true,
    generation: r.generation,
    voidTime: r.voidTime,
    lastUpdateMs: r.lastUpdateMs,
    bins: r.bins,
    nowMs,
  };
}

function indexMatch(
  r: StoredRecord,
  filter: IndexFilter | undefined,
  sindex: SindexDef | undefined,
): { ok: boolean; bval: bigint | undefined } {
  if (filter === undefined || sindex === undefined) return { ok: true, bval: undefined };
  if (sindex.setName !== undefined && r.setName !== sindex.setName)
    return { ok: false, bval: undefined };
  const p = r.bins.get(sindex.bin);
  if (p === undefined) return { ok: false, bval: undefined };
  const bval = matchIndexFilter(p, filter, sindex.collection);
  return { ok: bval !== undefined, bval };
}

/**
 * Selects the records of a request, partition by partition in request order, each partition in
 * descending digest order and strictly after its resume digest: live records of the set that pass the index
 * filter and the filter expression. The partitions are grouped once at the start; every record is
 * re-checked against the store when its turn comes, so records deleted meanwhile are skipped.
 */
export function* selectRecords(
  req: ScanRequest,
  sindex: SindexDef | undefined,
  extensions: Extensions,
  clock: () => number,
  counters: SelectionCounters,
): Generator<Candidate> {
  const groups = groupByPartition(req.ns.allRecords(), new Set(req.partitions), req.setName);
  const evaluate = extensions.evaluateFilter;
  if (req.filter !== undefined && evaluate === undefined) {
    counters.errorCode = ResultCode.PARAMETER;
    return;
  }
  for (const pid of req.partitions) {
    const group = groups.get(pid);
    if (group !== undefined) {
      for (const snap of recordsAfter(group, req.resume.get(pid))) {
        const now = clock();
        const { record } = req.ns.lookup(snap.digest, now);
        if (record === undefined || isExpired(record.voidTime, now)) continue;
        if (req.setName !== undefined && req.setName !== "" && record.setName !== req.setName)
          continue;
        const im = indexMatch(record, req.index, sindex);
        if (!im.ok) continue;
        if (req.filter !== undefined && evaluate !== undefined) {
          const code = evaluate(req.filter, viewOf(req.ns.name, record, now));
          if (code === ResultCode.FILTERED_OUT) {
            counters.filtered++;
            continue;
          }
          if (code !== ResultCode.OK) {
            counters.errorCode = code;
            return;
          }
        }
        yield { record, bval: im.bval };
      }
    }
    counters.partitionsDone++;
  }
}

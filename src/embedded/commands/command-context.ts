import type { ServerStats } from "../info/stats.js";
import type { Store } from "../store/store.js";
import { ResultCode } from "../wire/result-codes.js";
import type { Extensions } from "./extensions.js";
import type { WorkingRecord } from "./working-record.js";

/** What every command handler works with. */
export interface CommandContext {
  readonly store: Store;
  readonly extensions: Extensions;
  readonly stats: ServerStats;
}

/**
 * Evaluates the request's filter expression on an existing record: 0 passes, 27 filtered out,
 * other codes are errors. A filter with no evaluator installed is a PARAMETER error.
 */
export function checkFilter(
  filter: Buffer | undefined,
  rec: WorkingRecord,
  extensions: Extensions,
): number {
  if (filter === undefined) return ResultCode.OK;
  const evaluate = extensions.evaluateFilter;
  if (evaluate === undefined) return ResultCode.PARAMETER;
  return evaluate(filter, rec);
}

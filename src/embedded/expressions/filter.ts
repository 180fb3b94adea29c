import type { FilterOutcome } from "../commands/extensions.js";
import type { WorkingRecord } from "../commands/working-record.js";
import { ResultCode } from "../wire/result-codes.js";
import { compileCached } from "./compile-cache.js";
import { evaluate } from "./evaluate.js";
import { ExpBuildError, ExpType, UNKNOWN } from "./types.js";

/**
 * Evaluates a filter expression (as_msg field 43) against an existing record: 0 when it is true,
 * 27 FILTERED_OUT when false or unknown, 4 PARAMETER when the expression does not build or is
 * not boolean. Never throws.
 */
export function evaluateFilter(filter: Buffer, record: WorkingRecord): FilterOutcome {
  try {
    const exp = compileCached(filter);
    if (exp.root.type !== ExpType.BOOL) return ResultCode.PARAMETER;
    const v = evaluate(exp.root, { record, vars: new Array(exp.slots) });
    return v !== UNKNOWN && v.kind === "bool" && v.value ? ResultCode.OK : ResultCode.FILTERED_OUT;
  } catch (e) {
    return e instanceof ExpBuildError ? e.code : ResultCode.PARAMETER;
  }
}

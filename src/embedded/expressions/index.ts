/**
 * Aerospike expressions for the embedded server: the compiler (wire bytes → checked tree), the
 * three-valued evaluator, filter expressions (field 43) and the EXP_READ / EXP_MODIFY ops.
 */
import type { Extensions } from "../commands/extensions.js";
import { OpType } from "../wire/as-msg-constants.js";
import { expModifyHandler, expReadHandler } from "./exp-ops.js";
import { evaluateFilter } from "./filter.js";

export type { ExpNode } from "./ast.js";
export { buildExpression, type CompiledExpression } from "./build.js";
export { type EvalEnv, evaluate } from "./evaluate.js";
export { ExpOpFlag, expModifyHandler, expReadHandler, parseExpOp } from "./exp-ops.js";
export { evaluateFilter } from "./filter.js";
export { ExpOp } from "./op-codes.js";
export { type EvalResult, ExpBuildError, ExpType, UNKNOWN } from "./types.js";

/** Installs the filter evaluator and the EXP_READ / EXP_MODIFY op handlers into `ext`. */
export function registerExpressions(ext: Extensions): void {
  ext.evaluateFilter = evaluateFilter;
  ext.ops.set(OpType.EXP_READ, expReadHandler);
  ext.ops.set(OpType.EXP_MODIFY, expModifyHandler);
}

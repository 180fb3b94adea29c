/**
 * CDT (list and map) reads for the embedded server: element selection by index, rank, value and
 * key with every return type, used by expressions (CALL) and usable by CDT_READ ops.
 */

export { cdtModify } from "./cdt-modify.js";
export { cdtRead, elementsOf, followContext, mapKeysOrValues } from "./cdt-read.js";
export { buildResult, type CdtOutcome, INVERTED, ReturnType } from "./cdt-result.js";
export { CdtOp } from "./op-codes.js";
export { rankRangeByHeap } from "./order-heap.js";

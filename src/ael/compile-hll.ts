import { AelError } from "./ael-error.js";
import type { HllFunctionName, Node } from "./ast.js";
import { type AelType, CallSystem, ExpType, HllOp } from "./exp-codes.js";
import { callEntry, type ExpEntry } from "./exp-entries.js";

interface HllFunction {
  readonly opcode: number;
  readonly result: AelType;
  readonly takesList: boolean;
}

const HLL_FUNCTIONS: Record<HllFunctionName, HllFunction> = {
  hllCount: { opcode: HllOp.COUNT, result: "INT", takesList: false },
  hllDescribe: { opcode: HllOp.DESCRIBE, result: "LIST", takesList: false },
  hllUnion: { opcode: HllOp.GET_UNION, result: "HLL", takesList: true },
  hllUnionCount: { opcode: HllOp.UNION_COUNT, result: "INT", takesList: true },
  hllIntersectCount: { opcode: HllOp.INTERSECT_COUNT, result: "INT", takesList: true },
  hllSimilarity: { opcode: HllOp.SIMILARITY, result: "FLOAT", takesList: true },
  hllMayContain: { opcode: HllOp.MAY_CONTAIN, result: "INT", takesList: true },
};

/** Whether `name` is one of the HLL read functions. */
export function isHllFunction(name: string): name is HllFunctionName {
  return Object.hasOwn(HLL_FUNCTIONS, name);
}

/** The type an HLL read function produces. */
export function hllResultType(name: HllFunctionName): AelType {
  return HLL_FUNCTIONS[name].result;
}

/** Whether the HLL function takes a list argument besides the HLL itself. */
export function hllTakesList(name: HllFunctionName): boolean {
  return HLL_FUNCTIONS[name].takesList;
}

/**
 * An HLL read on `subject` (an HLL-typed expression). The list argument is a list of HLLs
 * for the union/intersection/similarity reads and a list of values for hllMayContain.
 */
export function hllCall(
  name: HllFunctionName,
  subject: ExpEntry[],
  arg: Node | undefined,
  emitter: { emit(node: Node, want: AelType | undefined): ExpEntry[] },
  pos: number,
): ExpEntry[] {
  const fn = HLL_FUNCTIONS[name];
  if (fn.takesList && arg === undefined) throw new AelError(`${name}() needs a list argument`, pos);
  if (!fn.takesList && arg !== undefined) throw new AelError(`${name}() takes no argument`, pos);
  const params = arg === undefined ? [] : [emitter.emit(arg, "LIST")];
  return callEntry(ExpType[fn.result], CallSystem.HLL, fn.opcode, params, subject);
}

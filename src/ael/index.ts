export type { AelProblem } from "./ael-error.js";
export { type AelValue, ael } from "./ael-value.js";
export { type AelCompileOptions, type AelCompileResult, compileAel } from "./compile-ael.js";
export type { AelReturnType, AelType } from "./exp-codes.js";
export type { AerospikeExpArray, ExpEntry } from "./exp-entries.js";

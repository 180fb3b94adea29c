export type { AelProblem } from "./ael-error.js";
export { type AelValue, ael } from "./ael-value.js";
export { type AelCompileResult, compileAel } from "./compile-ael.js";
export type { AerospikeExpArray, ExpEntry } from "./exp-entries.js";

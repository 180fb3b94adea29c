import { AelError, type AelProblem } from "./ael-error.js";
import type { AelValue } from "./ael-value.js";
import { arithmeticDefault, Compiler } from "./compiler.js";
import type { AelType } from "./exp-codes.js";
import type { AerospikeExpArray } from "./exp-entries.js";
import { parseAel } from "./parser.js";

/** Options of `compileAel`. */
export interface AelCompileOptions {
  /**
   * The type the whole expression must produce: `BOOL` for filters. An expression of another
   * known type is an error; an untyped bin or CDT read at the top is read as this type.
   * Without it any type is accepted and an untyped top level is read as BOOL.
   */
  readonly resultType?: AelType;
}

/** The outcome of compiling AEL text: the client's expression array, or the problems found. */
export type AelCompileResult =
  | { readonly ok: true; readonly expression: AerospikeExpArray }
  | { readonly ok: false; readonly errors: readonly AelProblem[] };

/**
 * Compiles Aerospike Expression Language text (the language of `expression-dsl-java` and the
 * Python SDK's `where(...)`) into the array of entries the `aerospike` client accepts as an
 * expression, e.g. `compileAel("$.age > ?0", [ael.int(30)])`.
 *
 * Placeholders `?0`, `?1`, … take their values from `placeholders` by index. A placeholder is
 * always a single value operand: its value can change the type used to read an untyped bin
 * next to it, never the shape of the expression. Never throws; problems come back with the
 * offset of the character where each starts.
 */
export function compileAel(
  text: string,
  placeholders: readonly AelValue[] = [],
  options: AelCompileOptions = {},
): AelCompileResult {
  try {
    const tree = parseAel(text);
    const compiler = new Compiler(placeholders);
    const type = compiler.typeOf(tree);
    const wanted = options.resultType;
    const produced =
      type ?? (wanted === "INT" || wanted === "FLOAT" ? undefined : arithmeticDefault(tree));
    if (wanted !== undefined && produced !== undefined && produced !== wanted) {
      throw new AelError(
        `The expression must produce ${wanted}, but it produces ${produced}`,
        tree.pos,
      );
    }
    const expression = compiler.emit(tree, type ?? wanted ?? "BOOL");
    return { ok: true, expression };
  } catch (error) {
    if (error instanceof AelError) {
      return { ok: false, errors: [{ message: error.message, position: error.position }] };
    }
    if (error instanceof RangeError) {
      return { ok: false, errors: [{ message: "Expression is nested too deeply", position: 0 }] };
    }
    throw error;
  }
}

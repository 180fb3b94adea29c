import { AelError, type AelProblem } from "./ael-error.js";
import type { AelValue } from "./ael-value.js";
import { Compiler } from "./compiler.js";
import type { AerospikeExpArray } from "./exp-entries.js";
import { parseAel } from "./parser.js";

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
export function compileAel(text: string, placeholders: readonly AelValue[] = []): AelCompileResult {
  try {
    const tree = parseAel(text);
    const compiler = new Compiler(placeholders);
    const expression = compiler.emit(tree, compiler.typeOf(tree) ?? "BOOL");
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

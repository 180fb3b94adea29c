import type { AelValue } from "../ael/ael-value.js";
import { Compiler } from "../ael/compiler.js";
import { type AerospikeExpArray, compileAel } from "../ael/index.js";
import { parseAel } from "../ael/parser.js";
import { FieldError } from "../mapping/field-error.js";
import type { AsValue, ExpressionSpec } from "../mapping/model.js";
import { ParticleType } from "./values.js";

/** A compiled expression plus the particle type its value has, when the text fixes it. */
export interface CompiledExpression {
  readonly exp: AerospikeExpArray;
  readonly particle: number | undefined;
}

/** Maps a domain value to the AEL compiler's placeholder value. */
export function toAelValue(v: AsValue): AelValue {
  switch (v.type) {
    case "double":
      return { type: "float", value: v.value };
    case "list":
      return { type: "list", value: v.value.map(toAelValue) };
    case "map":
      return { type: "map", value: v.value.map((e) => [toAelValue(e.key), toAelValue(e.value)]) };
    default:
      return v;
  }
}

const PARTICLE_OF_TYPE: Readonly<Record<string, number>> = {
  INT: ParticleType.INTEGER,
  FLOAT: ParticleType.FLOAT,
  STRING: ParticleType.STRING,
  BLOB: ParticleType.BLOB,
  BOOL: ParticleType.BOOL,
  LIST: ParticleType.LIST,
  MAP: ParticleType.MAP,
  GEO: ParticleType.GEOJSON,
  HLL: ParticleType.HLL,
};

/**
 * Compiles an expression's AEL text with its placeholders into the client's expression array;
 * problems become INVALID_ARGUMENT (reason INVALID_EXPRESSION) naming `path`.
 */
export function compileExpression(spec: ExpressionSpec, path: string): CompiledExpression {
  const placeholders = spec.placeholders.map(toAelValue);
  const result = compileAel(spec.ael, placeholders);
  if (!result.ok) {
    throw new FieldError(
      result.errors.map((p) => ({
        field: path,
        description: `${p.message} (at offset ${p.position})`,
      })),
      "INVALID_EXPRESSION",
    );
  }
  return { exp: result.expression, particle: staticParticle(spec.ael, placeholders) };
}

// compileAel emits an untyped top level as BOOL; the same rule gives the result's type.
function staticParticle(text: string, placeholders: readonly AelValue[]): number | undefined {
  try {
    const type = new Compiler(placeholders).typeOf(parseAel(text)) ?? "BOOL";
    return PARTICLE_OF_TYPE[type];
  } catch {
    return undefined;
  }
}

import { FieldError } from "../../src/mapping/field-error.js";

/**
 * Runs `fn` and returns the field path of the first violation of the FieldError it throws, or
 * undefined when it does not throw; any other error is rethrown.
 */
export function violationField(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof FieldError) return e.violations[0]?.field;
    throw e;
  }
  return undefined;
}

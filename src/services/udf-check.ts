import { type AerospikeClient, definesFunction, getModule } from "../aerospike/udf.js";
import { AerogateError, Code } from "../errors.js";
import { fieldPath } from "../mapping/field-error.js";

/** A FAILED_PRECONDITION naming the UDF field that refers to something not registered. */
export function udfMissing(field: string, message: string): AerogateError {
  return new AerogateError(Code.FailedPrecondition, message, {
    reason: "UDF_NOT_FOUND",
    fieldViolations: [{ field, description: message }],
  });
}

/**
 * Checks that a record UDF can be called: its module is registered and defines the function as a
 * global. Throws FAILED_PRECONDITION naming `<path>.package` or `<path>.function` otherwise. A
 * background UDF job over an unknown module or function would otherwise "succeed" with every
 * record failed.
 */
export async function checkUdfExists(
  client: AerospikeClient,
  udf: { readonly module: string; readonly function: string },
  path: string,
  timeoutMs: number,
): Promise<void> {
  const source = await getModule(client, `${udf.module}.lua`, timeoutMs);
  if (source === undefined) {
    throw udfMissing(fieldPath(path, "package"), `no UDF module "${udf.module}" is registered`);
  }
  if (!definesFunction(source, udf.function)) {
    throw udfMissing(
      fieldPath(path, "function"),
      `module "${udf.module}" defines no global function "${udf.function}"`,
    );
  }
}

import { type Extensions, emptyExtensions } from "./commands/extensions.js";
import { registerExpressions } from "./expressions/index.js";

/**
 * The plug-ins the embedded server runs with: the one place where the expression engine, HLL,
 * scans/queries and UDF modules are wired into the command layer.
 */
export function defaultExtensions(): Extensions {
  const ext = emptyExtensions();
  registerExpressions(ext);
  return ext;
}

import { type Extensions, emptyExtensions } from "./commands/extensions.js";
import { registerExpressions } from "./expressions/index.js";
import { hllOpHandler } from "./hll/index.js";
import { installQueries } from "./query/install.js";
import { installUdf } from "./udf/install.js";
import { OpType } from "./wire/as-msg-constants.js";

/**
 * The plug-ins the embedded server runs with: the one place where the expression engine, HLL,
 * scans/queries/background jobs and record UDFs are wired into the command layer. Each call
 * returns a fresh set (indexes, jobs and UDF modules live in it), one per server.
 */
export function defaultExtensions(): Extensions {
  const ext = emptyExtensions();
  registerExpressions(ext);
  ext.ops.set(OpType.HLL_READ, hllOpHandler);
  ext.ops.set(OpType.HLL_MODIFY, hllOpHandler);
  installQueries(ext);
  installUdf(ext);
  return ext;
}

import type { Extensions } from "../commands/extensions.js";
import { type LuaBudget, type LuaLogger, LuaRuntime } from "./lua-engine.js";
import { ModuleRegistry } from "./module-registry.js";
import { createAsyncUdfExecutor, createUdfExecutor, DEFAULT_UDF_BUDGET } from "./udf-executor.js";
import { registerUdfCommands } from "./udf-info.js";

/** Options of {@link installUdf}. */
export interface UdfOptions {
  /** Time and memory a single UDF call may use (default 1 s, 64 MiB). */
  readonly budget?: LuaBudget;
  /** Receives UDF log lines (default: dropped). */
  readonly log?: LuaLogger;
}

/** What {@link installUdf} sets up (for tests and tools). */
export interface UdfState {
  readonly modules: ModuleRegistry;
  readonly runtime: LuaRuntime;
}

/**
 * Installs record UDFs into a set of extensions: a Lua 5.4 runtime, the `udf-put/list/get/remove`
 * info commands and the UDF executors: asynchronous for applies and background UDF jobs (other
 * clients are served while a script runs), synchronous for batch UDF rows.
 */
export function installUdf(extensions: Extensions, options: UdfOptions = {}): UdfState {
  const budget = options.budget ?? DEFAULT_UDF_BUDGET;
  const runtime = new LuaRuntime(options.log);
  const modules = new ModuleRegistry();
  extensions.udf = createUdfExecutor(runtime, budget);
  extensions.udfAsync = createAsyncUdfExecutor(runtime, budget);
  extensions.infoPlugins.push((registry) =>
    registerUdfCommands(registry, modules, runtime, budget),
  );
  return { modules, runtime };
}

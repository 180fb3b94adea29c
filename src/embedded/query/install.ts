import type { Extensions } from "../commands/extensions.js";
import { registerJobCommands } from "../jobs/job-info.js";
import { JobRegistry, type JobRegistryOptions } from "../jobs/job-registry.js";
import { createMultiRecordHandler, type QueryState } from "./multi-record-handler.js";
import { registerSindexCommands } from "./sindex-info.js";
import { SindexRegistry } from "./sindex-registry.js";

/** Options of {@link installQueries}. */
export interface QueryOptions {
  /** How many finished jobs are remembered, and for how long. */
  readonly jobs?: JobRegistryOptions;
}

/**
 * Installs scans, queries, secondary indexes and background jobs into a set of extensions: the
 * multi-record handler and the `sindex-*`, `query-show`/`query-abort` info commands. Use one
 * extensions object per server (the indexes and the job table live in it). Returns the state for
 * tests and tools.
 */
export function installQueries(extensions: Extensions, options: QueryOptions = {}): QueryState {
  const state: QueryState = {
    sindexes: new SindexRegistry(),
    jobs: new JobRegistry(options.jobs ?? {}),
  };
  extensions.multiRecord = createMultiRecordHandler(state);
  extensions.infoPlugins.push((registry, store) => {
    registerSindexCommands(registry, store, state.sindexes);
    registerJobCommands(registry, state.jobs, Date.now);
  });
  return state;
}

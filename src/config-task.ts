import { parseInteger } from "./config-parse.js";

/** Settings of the TaskService, part of GatewayConfig (`--task-poll-interval-ms`). */
export interface TaskConfig {
  /** Time between two polls of a watched job's status, ms. */
  readonly taskPollIntervalMs: number;
}

/** Default poll interval of watched jobs, ms. */
export const DEFAULT_TASK_POLL_INTERVAL_MS = 250;

/** The `--task-poll-interval-ms` option, in the shape of config.ts's option specs. */
export const TASK_POLL_INTERVAL_OPTION = {
  flag: "task-poll-interval-ms",
  arg: "N",
  env: "AEROGATE_TASK_POLL_INTERVAL_MS",
  default: String(DEFAULT_TASK_POLL_INTERVAL_MS),
  description:
    "time between two polls of a watched background job; completion events arrive within one interval",
  parse: (raw: string | undefined): number =>
    parseInteger(raw ?? String(DEFAULT_TASK_POLL_INTERVAL_MS), 10, 60_000),
} as const;

import type { MessageInitShape } from "@bufbuild/protobuf";
import {
  type RunTaskResponseSchema,
  type StartTaskRequest,
  type Task,
  TaskEventType,
  TaskService,
  type WatchTaskResponseSchema,
} from "../../gen/ts/aerogate/v1/task_pb.js";
import type { AerospikeHandle } from "../aerospike/client.js";
import { AerospikeFailure } from "../aerospike/failure.js";
import { serverMessage } from "../aerospike/info-nodes.js";
import { abortJob, type JobReport, listJobs, showJob, startJob } from "../aerospike/jobs.js";
import type { CommandTimeouts } from "../aerospike/policies.js";
import type { GatewayConfig } from "../config.js";
import { defineService, type HandlerContext, type ServiceRegistration } from "../context.js";
import { AerogateError, Code, invalidArgument } from "../errors.js";
import { FieldError, fieldPath } from "../mapping/field-error.js";
import { metrics } from "../metrics/hooks.js";
import { abortedError, runCommand, toCallError } from "./call-support.js";
import {
  callerIdProblem,
  decodeTaskId,
  encodeTaskId,
  jobIdForCallerId,
  KIND_CODES,
  kindOfJobId,
  TASK_ID_PREFIX,
  type TaskKindName,
  type TaskRef,
} from "./task-id.js";
import {
  DROPPED_STATUS,
  eventTypeOf,
  isTerminalSnapshot,
  sameSnapshot,
  type TaskSnapshot,
  taskToProto,
} from "./task-proto.js";
import { planStart } from "./task-request.js";
import { TaskWatchHub } from "./task-watch-hub.js";
import { checkUdfExists } from "./udf-check.js";

/** What the TaskService needs from the process. */
export interface TaskServiceDeps {
  readonly aerospike: AerospikeHandle;
  readonly config: Pick<GatewayConfig, "defaultTimeoutMs" | "maxTimeoutMs">;
  /** Time between two polls of a watched job, ms. */
  readonly pollIntervalMs: number;
}

/** How often CancelTask re-reads a job while waiting for the abort to land, and how many times. */
const CANCEL_POLL_MS = 25;
const CANCEL_POLLS = 40;

/** The server's default `background-query-max-rps`. */
const DEFAULT_MAX_BACKGROUND_RPS = 10_000;

function notFound(id: string): AerogateError {
  return new AerogateError(Code.NotFound, `no task with id "${id}" was started`, {
    reason: "TASK_NOT_FOUND",
    metadata: { task_id: id },
  });
}

/** The snapshot of a job from the cluster's report, or the dropped-after-running status. */
function snapshotOf(
  ref: TaskRef,
  report: JobReport | undefined,
  last?: TaskSnapshot,
): TaskSnapshot {
  if (report !== undefined) return { ref, status: report.status };
  // The server forgot the job; keep what a watcher last saw, marked finished.
  return {
    ref,
    status:
      last === undefined
        ? DROPPED_STATUS
        : {
            ...last.status,
            state: last.status.state === "running" ? "completed" : last.status.state,
            progressPercent: 100,
          },
  };
}

/** The field the server's rejection of a job start is about. */
function actionField(kind: TaskKindName, prefix: string): string {
  return fieldPath(prefix, kind === "update" ? "update.operations" : kind);
}

/** The TaskService registration plus its shared watch hub (exposed for tests and benchmarks). */
export interface TaskServiceParts {
  readonly registration: ServiceRegistration;
  readonly hub: TaskWatchHub<TaskSnapshot>;
}

/**
 * Builds the TaskService: background jobs over a namespace/set whose identity lives in the task
 * id and in the cluster's job table (see task-id.ts), and a watch hub polling each watched job
 * once for all its watchers.
 */
export function createTaskService(deps: TaskServiceDeps): TaskServiceParts {
  const client = () => deps.aerospike.current().client;
  const pollTimeout = () => deps.config.defaultTimeoutMs;

  const hub = new TaskWatchHub<TaskSnapshot>(
    {
      poll: async (key, last) => {
        const ref = decodeTaskId(key) as TaskRef;
        return snapshotOf(ref, await showJob(client(), ref.jobId, pollTimeout()), last);
      },
      isTerminal: isTerminalSnapshot,
      same: sameSnapshot,
    },
    {
      intervalMs: deps.pollIntervalMs,
      onWatchers: metrics.taskWatchers,
      onPollers: metrics.taskPollers,
    },
  );

  const run = <T>(ctx: HandlerContext, body: (t: CommandTimeouts) => Promise<T>): Promise<T> =>
    runCommand(ctx, deps.config, body);

  /**
   * Resolves a task id to its job: a `t1.` id decodes (and counts as started); any other text is
   * a caller-chosen id, found only while the cluster still lists its job.
   */
  async function resolve(
    id: string,
    t: CommandTimeouts,
  ): Promise<{ ref: TaskRef; report: JobReport | undefined }> {
    if (id === "") throw FieldError.of("task_id", "task_id is required");
    const decoded = decodeTaskId(id);
    if (decoded !== undefined) {
      return { ref: decoded, report: await showJob(client(), decoded.jobId, t.totalMs) };
    }
    if (id.startsWith(TASK_ID_PREFIX)) throw notFound(id);
    const problem = callerIdProblem(id);
    if (problem !== undefined) throw FieldError.of("task_id", problem);
    const kinds = Object.keys(KIND_CODES) as TaskKindName[];
    const reports = await Promise.all(
      kinds.map((k) => showJob(client(), jobIdForCallerId(id, k), t.totalMs)),
    );
    const i = reports.findIndex((r) => r !== undefined);
    const report = reports[i];
    if (report === undefined) throw notFound(id);
    const first = report.parts[0];
    return {
      ref: {
        namespace: first?.namespace ?? "",
        set: first?.set ?? "",
        kind: kinds[i] as TaskKindName,
        jobId: report.jobId,
      },
      report,
    };
  }

  async function start(
    req: StartTaskRequest,
    prefix: string,
    t: CommandTimeouts,
  ): Promise<TaskSnapshot> {
    const plan = planStart(req, prefix);
    const { spec } = plan;
    const ref: TaskRef = {
      namespace: spec.namespace,
      set: spec.set,
      kind: plan.kind,
      jobId: spec.jobId,
    };
    const c = client();
    if (plan.callerChosen) {
      const existing = await showJob(c, spec.jobId, t.totalMs);
      if (existing !== undefined) return snapshotOf(ref, existing);
    }
    if (spec.action.kind === "udf") {
      await checkUdfExists(c, spec.action, fieldPath(prefix, "udf"), t.totalMs);
    }
    try {
      await startJob(c, spec, t.totalMs);
    } catch (e) {
      if (!(e instanceof AerospikeFailure)) throw e;
      if (plan.callerChosen) {
        // Another call with the same task id may have started it first.
        const existing = await showJob(c, spec.jobId, t.totalMs);
        if (existing !== undefined) return snapshotOf(ref, existing);
      }
      if (e.code === 4) {
        // Servers cap background rates (background-query-max-rps, 10000 by default).
        const field =
          spec.recordsPerSecond > DEFAULT_MAX_BACKGROUND_RPS
            ? fieldPath(prefix, "records_per_second")
            : actionField(plan.kind, prefix);
        throw invalidArgument(`the server rejected the task: ${serverMessage(e.message)}`, [
          {
            field,
            description: `the server does not run this in a background job: ${serverMessage(e.message)}`,
          },
        ]);
      }
      if (e.code === 20) {
        throw invalidArgument(`unknown namespace "${spec.namespace}"`, [
          {
            field: fieldPath(prefix, "namespace"),
            description: "the cluster has no such namespace",
          },
        ]);
      }
      throw e;
    }
    return snapshotOf(ref, await showJob(c, spec.jobId, t.totalMs));
  }

  // Every watcher of a task receives the same snapshot objects: build each Task message once.
  const tasks = new WeakMap<TaskSnapshot, Task>();
  const sharedTask = (snap: TaskSnapshot): Task => {
    let task = tasks.get(snap);
    if (task === undefined) {
      task = taskToProto(snap);
      tasks.set(snap, task);
    }
    return task;
  };

  async function* events<T extends typeof WatchTaskResponseSchema | typeof RunTaskResponseSchema>(
    ref: TaskRef,
    ctx: HandlerContext,
    started?: TaskSnapshot,
  ): AsyncGenerator<MessageInitShape<T>> {
    // RunTask has already sent STARTED with the state StartTask saw; the watch then reports only
    // what changed after it.
    let first = started === undefined;
    let last = started;
    try {
      for await (const snap of hub.watch(encodeTaskId(ref), ctx.signal)) {
        if (last !== undefined && sameSnapshot(last, snap) && snap.status.state === "running") {
          continue;
        }
        last = snap;
        yield {
          event: { type: eventTypeOf(snap, first), task: sharedTask(snap) },
        } as MessageInitShape<T>;
        first = false;
      }
    } catch (e) {
      throw toCallError(e, undefined, ctx);
    }
    if (ctx.signal.aborted) throw abortedError(ctx);
  }

  const registration = defineService(TaskService, {
    startTask: (req, ctx) =>
      run(ctx, async (t) => ({ task: taskToProto(await start(req, "", t)) })),

    getTask: (req, ctx) =>
      run(ctx, async (t) => {
        const { ref, report } = await resolve(req.taskId, t);
        return { task: taskToProto(snapshotOf(ref, report)) };
      }),

    watchTask: async function* (req, ctx) {
      const { ref } = await run(ctx, (t) => resolve(req.taskId, t));
      yield* events<typeof WatchTaskResponseSchema>(ref, ctx);
    },

    runTask: async function* (req, ctx) {
      if (req.start === undefined) {
        throw invalidArgument("start is required", [
          { field: "start", description: "the task to start is required" },
        ]);
      }
      const startReq = req.start;
      const snap = await run(ctx, (t) => start(startReq, "start", t));
      yield { event: { type: TaskEventType.STARTED, task: taskToProto(snap) } };
      yield* events<typeof RunTaskResponseSchema>(snap.ref, ctx, snap);
    },

    cancelTask: (req, ctx) =>
      run(ctx, async (t) => {
        const { ref, report } = await resolve(req.taskId, t);
        if (report === undefined || report.status.state !== "running") {
          return { task: taskToProto(snapshotOf(ref, report)) };
        }
        await abortJob(client(), ref.jobId, t.totalMs);
        let latest = await showJob(client(), ref.jobId, t.totalMs);
        for (let i = 0; i < CANCEL_POLLS && latest?.status.state === "running"; i++) {
          if (ctx.signal.aborted) throw abortedError(ctx);
          await new Promise((r) => setTimeout(r, CANCEL_POLL_MS));
          latest = await showJob(client(), ref.jobId, t.totalMs);
        }
        return { task: taskToProto(snapshotOf(ref, latest ?? report)) };
      }),

    listTasks: (req, ctx) =>
      run(ctx, async (t) => {
        const jobs = await listJobs(client(), t.totalMs);
        const tasks = jobs
          .filter((j) => j.parts.some((p) => p.jobType.startsWith("background")))
          .filter((j) => req.namespace === "" || j.parts[0]?.namespace === req.namespace)
          .filter((j) => j.jobId > 0n)
          .map((j) => {
            const udf = j.parts.some((p) => p.jobType === "background-udf");
            const bitsKind = kindOfJobId(j.jobId);
            const kind: TaskKindName = udf
              ? "udf"
              : bitsKind === "udf" || bitsKind === undefined
                ? "update"
                : bitsKind;
            const ref = {
              namespace: j.parts[0]?.namespace ?? "",
              set: j.parts[0]?.set ?? "",
              kind,
              jobId: j.jobId,
            };
            return taskToProto({ ref, status: j.status });
          });
        return { tasks };
      }),
  });

  return { registration, hub };
}

import { create } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import {
  type Task,
  TaskEventType,
  TaskKind,
  TaskSchema,
  TaskState,
} from "../../gen/ts/aerogate/v1/task_pb.js";
import type { JobState, JobStatus } from "../aerospike/job-show.js";
import { encodeTaskId, type TaskKindName, type TaskRef } from "./task-id.js";

const KIND: Readonly<Record<TaskKindName, TaskKind>> = {
  update: TaskKind.UPDATE,
  delete: TaskKind.DELETE,
  touch: TaskKind.TOUCH,
  udf: TaskKind.UDF,
};

const STATE: Readonly<Record<JobState, TaskState>> = {
  running: TaskState.RUNNING,
  completed: TaskState.COMPLETED,
  failed: TaskState.FAILED,
  cancelled: TaskState.CANCELLED,
};

/** A task's identity plus its status: what the service reports and watchers compare. */
export interface TaskSnapshot {
  readonly ref: TaskRef;
  readonly status: JobStatus;
}

/** The status of a job the server no longer lists after it ran: completed, counters unknown. */
export const DROPPED_STATUS: JobStatus = {
  state: "completed",
  progressPercent: 100,
  recordsRead: 0n,
  recordsSucceeded: 0n,
  recordsFailed: 0n,
  recordsFiltered: 0n,
  startTimeMs: undefined,
  endTimeMs: undefined,
};

/** Maps a snapshot to the contract's Task message. */
export function taskToProto(s: TaskSnapshot): Task {
  const st = s.status;
  return create(TaskSchema, {
    taskId: encodeTaskId(s.ref),
    namespace: s.ref.namespace,
    set: s.ref.set,
    kind: KIND[s.ref.kind],
    state: STATE[st.state],
    progressPercent: st.progressPercent,
    recordsRead: st.recordsRead,
    recordsSucceeded: st.recordsSucceeded,
    recordsFailed: st.recordsFailed,
    recordsFiltered: st.recordsFiltered,
    ...(st.startTimeMs === undefined
      ? {}
      : { startTime: timestampFromMs(Math.round(st.startTimeMs)) }),
    ...(st.endTimeMs === undefined ? {} : { endTime: timestampFromMs(Math.round(st.endTimeMs)) }),
  });
}

/** Whether a snapshot ends a watch. */
export function isTerminalSnapshot(s: TaskSnapshot): boolean {
  return s.status.state !== "running";
}

/**
 * Whether two snapshots look the same to a watcher: same state, progress and counters (times
 * are derived from the server's relative clocks and drift between polls, so they are ignored).
 */
export function sameSnapshot(a: TaskSnapshot, b: TaskSnapshot): boolean {
  const x = a.status;
  const y = b.status;
  return (
    x.state === y.state &&
    x.progressPercent === y.progressPercent &&
    x.recordsRead === y.recordsRead &&
    x.recordsSucceeded === y.recordsSucceeded &&
    x.recordsFailed === y.recordsFailed &&
    x.recordsFiltered === y.recordsFiltered
  );
}

/** The event type of a snapshot: the first one of a watch is STARTED unless it is already terminal. */
export function eventTypeOf(s: TaskSnapshot, first: boolean): TaskEventType {
  switch (s.status.state) {
    case "completed":
      return TaskEventType.COMPLETED;
    case "failed":
      return TaskEventType.FAILED;
    case "cancelled":
      return TaskEventType.CANCELLED;
    case "running":
      return first ? TaskEventType.STARTED : TaskEventType.PROGRESS;
  }
}

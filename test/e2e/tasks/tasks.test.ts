import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type TaskEvent,
  TaskEventType,
  TaskKind,
  TaskService,
  TaskState,
} from "../../../gen/ts/aerogate/v1/task_pb.js";
import { UdfService } from "../../../gen/ts/aerogate/v1/udf_pb.js";
import {
  callFailure,
  freshSet,
  readSeeded,
  seed,
  startWorld,
  type TaskWorld,
  typesOf,
  val,
  violationOf,
} from "./harness.js";

let w: TaskWorld;

const MODULE = `
function mark(rec, name, value)
  rec[name] = value
  aerospike:update(rec)
  return value
end
`;

beforeAll(async () => {
  w = await startWorld();
  await w.g1.client.unary(UdfService.method.registerModule, {
    name: "task_e2e.lua",
    content: MODULE,
  });
}, 60_000);

afterAll(async () => {
  await w?.stop();
});

const setTo = (bin: string, value: ReturnType<typeof val.int>) => ({
  bin,
  op: { case: "setTo" as const, value },
});

async function runToEnd(
  request: Parameters<TaskWorld["g1"]["client"]["serverStream"]>[1],
): Promise<TaskEvent[]> {
  const out = await w.g1.client.serverStream(TaskService.method.runTask, request).collect();
  return out.map((r) => r.event as TaskEvent);
}

describe("background update over 10k records", () => {
  it("is watched to completion, with PROGRESS events while records_per_second slows it", async () => {
    const set = freshSet("upd10k");
    await seed(w.db, set, 10_000);
    const events = await runToEnd({
      start: {
        namespace: "test",
        set,
        action: { case: "update", value: { operations: [setTo("bg", val.int(1))] } },
        recordsPerSecond: 4000,
      },
    });
    const types = typesOf(events);
    expect(types[0]).toBe("STARTED");
    expect(types.at(-1)).toBe("COMPLETED");
    expect(types.filter((t) => t === "PROGRESS").length).toBeGreaterThanOrEqual(2);
    expect(types.slice(1, -1).every((t) => t === "PROGRESS")).toBe(true);
    const last = events.at(-1)?.task;
    expect(last?.kind).toBe(TaskKind.UPDATE);
    expect(last?.state).toBe(TaskState.COMPLETED);
    expect(last?.progressPercent).toBe(100);
    expect(last?.recordsSucceeded).toBe(10_000n);
    expect(last?.recordsRead).toBe(10_000n);
    expect(last?.endTime).toBeDefined();
    // Progress only moves forward.
    const progress = events.map((e) => e.task?.progressPercent ?? 0);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect((await readSeeded(w.db, set, 1234))?.bins).toEqual({ n: 1234, bg: 1 });
  }, 60_000);
});

describe("actions", () => {
  it("deletes the records an AEL filter selects", async () => {
    const set = freshSet("del");
    await seed(w.db, set, 200);
    const events = await runToEnd({
      start: {
        namespace: "test",
        set,
        filter: { source: { case: "ael", value: "$.n >= ?0" }, placeholders: [val.int(150)] },
        action: { case: "delete", value: {} },
      },
    });
    // A job that may finish before watching begins still opens with STARTED and ends once.
    const types = typesOf(events);
    expect(types[0]).toBe("STARTED");
    expect(types.at(-1)).toBe("COMPLETED");
    expect(types.filter((t) => t === "COMPLETED")).toHaveLength(1);
    const last = events.at(-1)?.task;
    expect(last?.state).toBe(TaskState.COMPLETED);
    expect(last?.kind).toBe(TaskKind.DELETE);
    expect(last?.recordsSucceeded).toBe(50n);
    expect(last?.recordsFiltered).toBe(150n);
    expect(await readSeeded(w.db, set, 170)).toBeUndefined();
    expect(await readSeeded(w.db, set, 10)).toBeDefined();
  }, 30_000);

  it("touches records with the given expiration", async () => {
    const set = freshSet("touch");
    await seed(w.db, set, 50);
    const events = await runToEnd({
      start: {
        namespace: "test",
        set,
        action: {
          case: "touch",
          value: { expiration: { kind: { case: "seconds", value: 5000 } } },
        },
      },
    });
    expect(events.at(-1)?.task?.state).toBe(TaskState.COMPLETED);
    expect(events.at(-1)?.task?.kind).toBe(TaskKind.TOUCH);
    const r = await readSeeded(w.db, set, 7);
    expect(r?.ttl).toBeGreaterThan(4900);
    expect(r?.ttl).toBeLessThanOrEqual(5000);
  }, 30_000);

  it("applies the policy expiration to an update job's writes", async () => {
    const set = freshSet("updttl");
    await seed(w.db, set, 20);
    await runToEnd({
      start: {
        namespace: "test",
        set,
        action: { case: "update", value: { operations: [setTo("t", val.str("x"))] } },
        policy: { expiration: { kind: { case: "seconds", value: 777 } } },
      },
    });
    const r = await readSeeded(w.db, set, 3);
    expect(r?.bins.t).toBe("x");
    expect(r?.ttl).toBeGreaterThan(700);
  }, 30_000);

  it("runs a record UDF on every record", async () => {
    const set = freshSet("udf");
    await seed(w.db, set, 100);
    const events = await runToEnd({
      start: {
        namespace: "test",
        set,
        action: {
          case: "udf",
          value: { package: "task_e2e", function: "mark", args: [val.str("u"), val.int(42)] },
        },
      },
    });
    const last = events.at(-1)?.task;
    expect(last?.kind).toBe(TaskKind.UDF);
    expect(last?.state).toBe(TaskState.COMPLETED);
    expect(last?.recordsSucceeded).toBe(100n);
    expect((await readSeeded(w.db, set, 99))?.bins).toEqual({ n: 99, u: 42 });
  }, 30_000);
});

describe("watching", () => {
  it("cancels a job in mid-run; its watcher ends with CANCELLED", async () => {
    const set = freshSet("cancel");
    await seed(w.db, set, 5000);
    const { response } = await w.g1.client.unary(TaskService.method.startTask, {
      namespace: "test",
      set,
      action: { case: "update", value: { operations: [setTo("c", val.int(1))] } },
      recordsPerSecond: 500,
    });
    const id = response.task?.taskId ?? "";
    const watch = w.g1.client.serverStream(TaskService.method.watchTask, { taskId: id }).collect();
    await new Promise((r) => setTimeout(r, 300));
    const cancelled = await w.g1.client.unary(TaskService.method.cancelTask, { taskId: id });
    expect(cancelled.response.task?.state).toBe(TaskState.CANCELLED);
    const events = (await watch).map((r) => r.event as TaskEvent);
    expect(typesOf(events).at(-1)).toBe("CANCELLED");
    const after = await w.g2.client.unary(TaskService.method.getTask, { taskId: id });
    expect(after.response.task?.state).toBe(TaskState.CANCELLED);
    expect(after.response.task?.recordsSucceeded).toBeLessThan(5000n);
  }, 30_000);

  it("gives two watchers of one task the same end, and a watcher on a second gateway follows it", async () => {
    const set = freshSet("watch2");
    await seed(w.db, set, 2000);
    // Two seconds of work: every watcher attaches while the job runs, so each first sees STARTED
    // (a watcher that attaches after the end sees only the terminal snapshot).
    const { response } = await w.g1.client.unary(TaskService.method.startTask, {
      namespace: "test",
      set,
      action: { case: "update", value: { operations: [setTo("w", val.int(2))] } },
      recordsPerSecond: 1000,
    });
    const id = response.task?.taskId ?? "";
    expect(response.task?.state).toBe(TaskState.RUNNING);
    const [a, b, remote] = await Promise.all([
      w.g1.client.serverStream(TaskService.method.watchTask, { taskId: id }).collect(),
      w.g1.client.serverStream(TaskService.method.watchTask, { taskId: id }).collect(),
      w.g2.client.serverStream(TaskService.method.watchTask, { taskId: id }).collect(),
    ]);
    for (const stream of [a, b, remote]) {
      const events = stream.map((r) => r.event as TaskEvent);
      expect(events[0]?.type).toBe(TaskEventType.STARTED);
      expect(events.at(-1)?.type).toBe(TaskEventType.COMPLETED);
      expect(events.at(-1)?.task?.recordsSucceeded).toBe(2000n);
      expect(events.at(-1)?.task?.taskId).toBe(id);
    }
    // The second gateway resolves the task with no state of its own.
    const got = await w.g2.client.unary(TaskService.method.getTask, { taskId: id });
    expect(got.response.task?.state).toBe(TaskState.COMPLETED);
    expect(got.response.task?.set).toBe(set);
    expect(got.response.task?.kind).toBe(TaskKind.UPDATE);
  }, 30_000);

  it("ends a watch the caller cancels or whose deadline passes, leaving the job running", async () => {
    const set = freshSet("watchend");
    await seed(w.db, set, 2000);
    const { response } = await w.g1.client.unary(TaskService.method.startTask, {
      namespace: "test",
      set,
      action: { case: "update", value: { operations: [setTo("e", val.int(1))] } },
      recordsPerSecond: 1000,
    });
    const taskId = response.task?.taskId ?? "";
    const cancelled = w.g1.client.serverStream(TaskService.method.watchTask, { taskId });
    for await (const _ of cancelled) {
      cancelled.cancel();
      break;
    }
    expect((await cancelled.status).code).toBe(1);
    const timed = w.g2.client.serverStream(
      TaskService.method.watchTask,
      { taskId },
      { timeoutMs: 400 },
    );
    const e = await callFailure(timed.collect());
    expect(e.code).toBe(4);
    const still = await w.g1.client.unary(TaskService.method.getTask, { taskId });
    expect(still.response.task?.state).toBe(TaskState.RUNNING);
    await w.g1.client.unary(TaskService.method.cancelTask, { taskId });
  }, 30_000);

  it("answers a watch of a finished task with its terminal event only", async () => {
    const set = freshSet("finished");
    await seed(w.db, set, 10);
    const events = await runToEnd({
      start: { namespace: "test", set, action: { case: "delete", value: {} } },
    });
    const id = events.at(-1)?.task?.taskId ?? "";
    const again = await w.g2.client
      .serverStream(TaskService.method.watchTask, { taskId: id })
      .collect();
    expect(typesOf(again.map((r) => r.event as TaskEvent))).toEqual(["COMPLETED"]);
  }, 30_000);
});

describe("identity", () => {
  it("makes a retried StartTask with the caller's task_id return the same job", async () => {
    const set = freshSet("idem");
    await seed(w.db, set, 1000);
    const request = {
      namespace: "test",
      set,
      action: { case: "update" as const, value: { operations: [setTo("i", val.int(1))] } },
      recordsPerSecond: 1000,
      taskId: `retry-me-${set}`,
    };
    const first = await w.g1.client.unary(TaskService.method.startTask, request);
    const second = await w.g2.client.unary(TaskService.method.startTask, request);
    expect(second.response.task?.taskId).toBe(first.response.task?.taskId);
    const listed = await w.g1.client.unary(TaskService.method.listTasks, { namespace: "test" });
    const same = listed.response.tasks.filter((t) => t.set === set);
    expect(same).toHaveLength(1);
    // The caller's own id resolves too while the cluster lists the job.
    const byCallerId = await w.g2.client.unary(TaskService.method.getTask, {
      taskId: request.taskId,
    });
    expect(byCallerId.response.task?.taskId).toBe(first.response.task?.taskId);
    await w.g1.client
      .serverStream(TaskService.method.watchTask, { taskId: first.response.task?.taskId ?? "" })
      .collect();
  }, 30_000);

  it("answers NOT_FOUND for ids that were never started", async () => {
    for (const taskId of ["t1.AAAAAAAAAAAAAAAAAAAAAAAAAA", "never-started-anywhere", "t1.bogus"]) {
      const e = await callFailure(w.g1.client.unary(TaskService.method.getTask, { taskId }));
      expect(e.code).toBe(5);
    }
  });

  it("lists running and finished jobs of a namespace", async () => {
    const listed = await w.g2.client.unary(TaskService.method.listTasks, { namespace: "test" });
    expect(listed.response.tasks.length).toBeGreaterThan(0);
    for (const t of listed.response.tasks) {
      expect(t.namespace).toBe("test");
      expect(t.taskId.startsWith("t1.")).toBe(true);
      expect(t.state).not.toBe(TaskState.UNSPECIFIED);
    }
    const none = await w.g2.client.unary(TaskService.method.listTasks, { namespace: "nope" });
    expect(none.response.tasks).toEqual([]);
  });
});

describe("bad input", () => {
  const base = { namespace: "test", set: "bad_input" };
  it.each([
    ["an empty action", { ...base }, 3, "action"],
    ["no namespace", { set: "x", action: { case: "delete" as const, value: {} } }, 3, "namespace"],
    [
      "a read operation in an update",
      {
        ...base,
        action: {
          case: "update" as const,
          value: { operations: [{ bin: "a", op: { case: "get" as const, value: {} } }] },
        },
      },
      3,
      "update.operations[0]",
    ],
    [
      "an update without operations",
      { ...base, action: { case: "update" as const, value: { operations: [] } } },
      3,
      "update.operations",
    ],
    [
      "a touch without expiration",
      { ...base, action: { case: "touch" as const, value: {} } },
      3,
      "touch.expiration",
    ],
    [
      "an unknown UDF module",
      {
        ...base,
        action: { case: "udf" as const, value: { package: "no_such_module", function: "f" } },
      },
      9,
      "udf.package",
    ],
    [
      "an unknown UDF function",
      {
        ...base,
        action: { case: "udf" as const, value: { package: "task_e2e", function: "nope" } },
      },
      9,
      "udf.function",
    ],
    [
      "an unknown namespace",
      { namespace: "nope", set: "x", action: { case: "delete" as const, value: {} } },
      3,
      "namespace",
    ],
    [
      "an invalid filter",
      {
        ...base,
        filter: { source: { case: "ael" as const, value: "$.a >=" } },
        action: { case: "delete" as const, value: {} },
      },
      3,
      "filter.ael",
    ],
  ])("rejects %s", async (_, request, code, field) => {
    const e = await callFailure(w.g1.client.unary(TaskService.method.startTask, request));
    expect(e.code).toBe(code);
    expect(violationOf(e)).toBe(field);
  });

  it("names start.action for an empty RunTask", async () => {
    const e = await callFailure(
      w.g1.client
        .serverStream(TaskService.method.runTask, { start: { namespace: "test" } })
        .collect(),
    );
    expect(e.code).toBe(3);
    expect(violationOf(e)).toBe("start.action");
  });
});

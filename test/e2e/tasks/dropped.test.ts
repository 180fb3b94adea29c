import { afterAll, beforeAll, expect, it } from "vitest";
import { type TaskEvent, TaskService, TaskState } from "../../../gen/ts/aerogate/v1/task_pb.js";
import { callFailure, freshSet, seed, startWorld, type TaskWorld } from "./harness.js";

let w: TaskWorld;

beforeAll(async () => {
  w = await startWorld();
}, 60_000);

afterAll(async () => {
  await w?.stop();
});

/** Whether the cluster still lists a job, asked directly (not through the gateway). */
async function clusterKnows(taskJobId: bigint): Promise<boolean> {
  try {
    const reply = String(await w.db.infoAny(`query-show:id=${taskJobId}`));
    return !reply.includes("not found");
  } catch (e) {
    if ((e as { code?: number }).code === 2) return false;
    throw e;
  }
}

it("reports a job the server dropped after it finished as COMPLETED, on any gateway", async () => {
  const set = freshSet("dropped");
  await seed(w.db, set, 20);
  const run = await w.g1.client
    .serverStream(TaskService.method.runTask, {
      start: { namespace: "test", set, action: { case: "delete", value: {} } },
    })
    .collect();
  const last = run.at(-1)?.event;
  expect(last).toBeDefined();
  const task = (last as TaskEvent).task;
  expect(task?.state).toBe(TaskState.COMPLETED);
  const taskId = task?.taskId ?? "";
  const jobId = Buffer.from(taskId.slice(3), "base64url").readBigUInt64BE(0);
  expect(await clusterKnows(jobId)).toBe(true);

  // The server keeps the last 100 finished jobs; finish more than that to push this one out.
  const filler = freshSet("filler");
  await seed(w.db, filler, 1);
  for (let i = 0; i < 110; i++) {
    await w.g2.client
      .serverStream(TaskService.method.runTask, {
        start: {
          namespace: "test",
          set: filler,
          action: {
            case: "touch",
            value: { expiration: { kind: { case: "seconds", value: 1000 } } },
          },
        },
      })
      .collect();
  }
  expect(await clusterKnows(jobId)).toBe(false);

  for (const gw of [w.g1, w.g2]) {
    const got = await gw.client.unary(TaskService.method.getTask, { taskId });
    expect(got.response.task?.state).toBe(TaskState.COMPLETED);
    expect(got.response.task?.progressPercent).toBe(100);
    expect(got.response.task?.set).toBe(set);
    const watched = await gw.client
      .serverStream(TaskService.method.watchTask, { taskId })
      .collect();
    expect(watched.map((r) => r.event?.task?.state)).toEqual([TaskState.COMPLETED]);
  }
  // A well-formed id whose check fails was never issued.
  const forged = `${taskId.slice(0, -2)}${taskId.endsWith("A") ? "B" : "A"}A`;
  const e = await callFailure(w.g1.client.unary(TaskService.method.getTask, { taskId: forged }));
  expect(e.code).toBe(5);
}, 120_000);

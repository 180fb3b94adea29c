import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchService } from "../../../gen/ts/aerogate/v1/batch_pb.js";
import { RecordService } from "../../../gen/ts/aerogate/v1/record_pb.js";
import { TaskService } from "../../../gen/ts/aerogate/v1/task_pb.js";
import { Verb } from "../../../gen/ts/aerogate/v1/types_pb.js";
import { startTestGateway, type TestGateway } from "../../helpers/gateway.js";
import { freshKey, v } from "../services/helpers.js";

const SET = "mesh_svc_metrics";
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway(["--metrics-listen", "127.0.0.1:0", "--task-poll-interval-ms", "50"]);
});
afterAll(async () => {
  await gw?.stop();
});

/** Scrapes /metrics and reads one sample (labels matched by inclusion); undefined when absent. */
async function sample(
  name: string,
  labels: Record<string, string> = {},
): Promise<number | undefined> {
  const address = gw.gateway.metrics?.address;
  if (address === undefined) throw new Error("no metrics listener");
  const text = await (await fetch(`http://${address}/metrics`)).text();
  for (const line of text.split("\n")) {
    if (!line.startsWith(name) || !/[ {]/.test(line.charAt(name.length))) continue;
    if (Object.entries(labels).every(([k, val]) => line.includes(`${k}="${val}"`))) {
      return Number(line.slice(line.lastIndexOf(" ") + 1));
    }
  }
  return undefined;
}

/** Polls until `read` returns `want` (the gauges move when streams end, a moment after the client sees it). */
async function eventually(read: () => Promise<number | undefined>, want: number): Promise<void> {
  let last: number | undefined;
  for (let i = 0; i < 200; i++) {
    last = await read();
    if (last === want) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  expect(last).toBe(want);
}

describe("service metrics", () => {
  it("counts batch entries by result", async () => {
    const present = freshKey(SET);
    await gw.client.unary(RecordService.method.put, {
      key: present,
      verb: Verb.UPSERT,
      bins: { n: v.int(1) },
    });
    const okBefore = (await sample("aerogate_batch_entries_total", { result: "OK" })) ?? 0;
    const missBefore =
      (await sample("aerogate_batch_entries_total", { result: "KEY_NOT_FOUND_ERROR" })) ?? 0;
    await gw.client.unary(BatchService.method.executeBatch, {
      entries: [
        { key: present, verb: Verb.READ },
        { key: freshKey(SET), verb: Verb.READ },
        { key: freshKey(SET), verb: Verb.READ },
      ],
    });
    await gw.client
      .serverStream(BatchService.method.streamBatch, {
        entries: [{ key: present, verb: Verb.READ }],
      })
      .collect();
    expect(await sample("aerogate_batch_entries_total", { result: "OK" })).toBe(okBefore + 2);
    expect(await sample("aerogate_batch_entries_total", { result: "KEY_NOT_FOUND_ERROR" })).toBe(
      missBefore + 2,
    );
  });

  it("shows task watchers and pollers while a task is watched, and none after", async () => {
    for (let i = 0; i < 50; i++) {
      await gw.client.unary(RecordService.method.put, {
        key: freshKey(SET, "task"),
        verb: Verb.UPSERT,
        bins: { n: v.int(i) },
      });
    }
    const started = await gw.client.unary(TaskService.method.startTask, {
      namespace: "test",
      set: SET,
      action: { case: "touch", value: { expiration: { kind: { case: "seconds", value: 3600 } } } },
      recordsPerSecond: 10,
    });
    const taskId = started.response.task?.taskId ?? "";
    const a = gw.client.serverStream(TaskService.method.watchTask, { taskId });
    const b = gw.client.serverStream(TaskService.method.watchTask, { taskId });
    await a[Symbol.asyncIterator]().next();
    await b[Symbol.asyncIterator]().next();
    await eventually(() => sample("aerogate_task_watchers"), 2);
    expect(await sample("aerogate_task_pollers")).toBe(1);
    a.cancel();
    b.cancel();
    await eventually(() => sample("aerogate_task_watchers"), 0);
    await eventually(() => sample("aerogate_task_pollers"), 0);
    await gw.client.unary(TaskService.method.cancelTask, { taskId });
  });
});

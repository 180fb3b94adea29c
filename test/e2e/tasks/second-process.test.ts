import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import Aerospike from "aerospike";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type TaskEvent, TaskService, TaskState } from "../../../gen/ts/aerogate/v1/task_pb.js";
import {
  REPO_ROOT,
  type SpawnedGateway,
  spawnGateway,
  startTestGateway,
  type TestGateway,
} from "../../helpers/gateway.js";
import { GrpcTestClient } from "../../helpers/grpc-client.js";
import { freshSet, seed, typesOf, val } from "./harness.js";

let g1: TestGateway;
let proc: SpawnedGateway;
let remote: GrpcTestClient;
let db: Aerospike.Client;

beforeAll(async () => {
  // `npm test` builds first; a bare `vitest run` of this file builds when the task service is missing.
  if (!existsSync(join(REPO_ROOT, "dist/src/services/task-service.js"))) {
    spawnSync(
      process.execPath,
      [join(REPO_ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
      { cwd: REPO_ROOT, stdio: "inherit" },
    );
  }
  g1 = await startTestGateway();
  const host = g1.gateway.aerospikeHosts[0];
  if (host === undefined) throw new Error("no embedded server");
  proc = await spawnGateway(
    ["serve", "--listen", "127.0.0.1:0", "--aerospike-hosts", `${host.host}:${host.port}`],
    { AEROGATE_TASK_POLL_INTERVAL_MS: "50" },
  );
  remote = new GrpcTestClient(proc.address);
  db = await Aerospike.connect({
    hosts: [{ addr: host.host, port: host.port }],
    log: { level: Aerospike.log.OFF },
  } as never);
}, 120_000);

afterAll(async () => {
  remote?.close();
  db?.close(false);
  if (proc !== undefined) {
    proc.child.kill("SIGTERM");
    await Promise.race([proc.exited, new Promise((r) => setTimeout(r, 5000))]);
    proc.kill();
  }
  await g1?.stop();
});

it("follows, from a second gateway process, a task started through the first", async () => {
  const set = freshSet("proc2");
  await seed(db, set, 1500);
  const { response } = await g1.client.unary(TaskService.method.startTask, {
    namespace: "test",
    set,
    action: {
      case: "update",
      value: { operations: [{ bin: "p", op: { case: "setTo", value: val.int(2) } }] },
    },
    // Three seconds of work, so the other process's watcher attaches while it runs and sees STARTED.
    recordsPerSecond: 500,
  });
  const taskId = response.task?.taskId ?? "";
  const events = (
    await remote.serverStream(TaskService.method.watchTask, { taskId }).collect()
  ).map((r) => r.event as TaskEvent);
  const types = typesOf(events);
  expect(types[0]).toBe("STARTED");
  expect(types.at(-1)).toBe("COMPLETED");
  expect(events.at(-1)?.task?.recordsSucceeded).toBe(1500n);
  const got = await remote.unary(TaskService.method.getTask, { taskId });
  expect(got.response.task?.state).toBe(TaskState.COMPLETED);
  expect(got.response.task?.set).toBe(set);
}, 60_000);

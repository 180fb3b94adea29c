import { create, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { BatchService, StreamBatchRequestSchema } from "../../../gen/ts/aerogate/v1/batch_pb.js";
import { ExpressionService } from "../../../gen/ts/aerogate/v1/expression_pb.js";
import { RecordService } from "../../../gen/ts/aerogate/v1/record_pb.js";
import { TaskService } from "../../../gen/ts/aerogate/v1/task_pb.js";
import { Verb } from "../../../gen/ts/aerogate/v1/types_pb.js";
import { UdfService } from "../../../gen/ts/aerogate/v1/udf_pb.js";
import { Health } from "../../../gen/ts/grpc/health/v1/health_pb.js";
import { describeAccess, requiredAccess } from "../../../src/auth/access.js";
import { viewBatchRequest } from "../../../src/mapping/batch-request-view.js";
import { encodeTaskId } from "../../../src/services/task-id.js";

const key = (namespace: string, set = "") => ({ namespace, set });

describe("requiredAccess", () => {
  it.each([
    [RecordService.method.get, "read on test/s"],
    [RecordService.method.exists, "read on test/s"],
    [RecordService.method.put, "write on test/s"],
    [RecordService.method.operate, "write on test/s"],
    [RecordService.method.delete, "write on test/s"],
    [RecordService.method.touch, "write on test/s"],
    [UdfService.method.apply, "udf on test/s"],
  ])("%s needs %s over the key's namespace and set", (method, want) => {
    expect(requiredAccess(method, { key: key("test", "s") }).map(describeAccess)).toEqual([want]);
  });

  it("reads every batch entry: reads for READ/EXISTS, writes for the rest, deduplicated", () => {
    const entries = [
      { key: key("a", "x"), verb: Verb.READ },
      { key: key("a", "x"), verb: Verb.EXISTS },
      { key: key("a", "x"), verb: Verb.READ },
      { key: key("b"), verb: Verb.DELETE },
      { key: key("c", "y"), verb: Verb.UDF },
      { key: key("c", "y"), verb: Verb.UPSERT },
    ];
    expect(
      requiredAccess(BatchService.method.executeBatch, { entries }).map(describeAccess),
    ).toEqual(["read on a/x", "write on b/", "write on c/y"]);
    expect(requiredAccess(BatchService.method.streamBatch, { entries: [] })).toEqual([]);
    // StreamBatch hands its handler a lazy view of the request bytes: the same accesses.
    const bytes = toBinary(
      StreamBatchRequestSchema,
      create(StreamBatchRequestSchema, {
        entries: entries.map((e) => ({
          ...e,
          key: { ...e.key, userKey: { case: "stringValue" as const, value: "k" } },
        })),
      }),
    );
    expect(
      requiredAccess(BatchService.method.streamBatch, viewBatchRequest(bytes)).map(describeAccess),
    ).toEqual(["read on a/x", "write on b/", "write on c/y"]);
    // An entry whose bytes do not decode is left out (validation rejects the request before it runs).
    const withBad = new Uint8Array([...bytes, 0x0a, 0x02, 0x0a, 0x05]);
    expect(
      requiredAccess(BatchService.method.streamBatch, viewBatchRequest(withBad)).map(
        describeAccess,
      ),
    ).toEqual(["read on a/x", "write on b/", "write on c/y"]);
  });

  it("asks tasks over the job's namespace, decoded from the task id", () => {
    const taskId = encodeTaskId({
      namespace: "jobs",
      set: "s",
      kind: "update",
      jobId: 12345n << 4n,
    });
    for (const m of [
      TaskService.method.getTask,
      TaskService.method.watchTask,
      TaskService.method.cancelTask,
    ]) {
      expect(requiredAccess(m, { taskId }).map(describeAccess)).toEqual(["tasks on jobs/s"]);
      expect(requiredAccess(m, { taskId: "garbage" }).map(describeAccess)).toEqual(["tasks on *"]);
    }
    expect(
      requiredAccess(TaskService.method.startTask, { namespace: "n", set: "" }).map(describeAccess),
    ).toEqual(["tasks on n"]);
    expect(
      requiredAccess(TaskService.method.runTask, { start: { namespace: "n", set: "s" } }).map(
        describeAccess,
      ),
    ).toEqual(["tasks on n/s"]);
    expect(
      requiredAccess(TaskService.method.listTasks, { namespace: "" }).map(describeAccess),
    ).toEqual(["tasks on *"]);
  });

  it("asks udf over every namespace for module management", () => {
    for (const m of [
      UdfService.method.registerModule,
      UdfService.method.listModules,
      UdfService.method.removeModule,
    ]) {
      expect(requiredAccess(m, {}).map(describeAccess)).toEqual(["udf on *"]);
    }
  });

  it("needs nothing beyond authentication for ExpressionService, and admin for unknown services", () => {
    expect(requiredAccess(ExpressionService.method.checkExpression, {})).toEqual([]);
    expect(requiredAccess(Health.method.check, {}).map(describeAccess)).toEqual(["admin on *"]);
  });
});

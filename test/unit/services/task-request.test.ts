import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import {
  type StartTaskRequest,
  StartTaskRequestSchema,
} from "../../../gen/ts/aerogate/v1/task_pb.js";
import {
  decodeTaskId,
  encodeTaskId,
  jobIdForCallerId,
  kindOfJobId,
} from "../../../src/services/task-id.js";
import { planStart } from "../../../src/services/task-request.js";
import { violationField } from "../../helpers/field-violation.js";

type Init = Parameters<typeof create<typeof StartTaskRequestSchema>>[1];
const req = (init: Init): StartTaskRequest => create(StartTaskRequestSchema, init);
const intValue = (n: bigint) => ({ kind: { case: "intValue" as const, value: n } });
const update = {
  case: "update" as const,
  value: { operations: [{ bin: "a", op: { case: "setTo" as const, value: intValue(1n) } }] },
};

const fieldOf = violationField;

describe("planStart", () => {
  it("plans an update with a filter, a rate, an expiration and durable delete", () => {
    const plan = planStart(
      req({
        namespace: "test",
        set: "s",
        action: update,
        filter: { source: { case: "ael", value: "$.n > ?0" }, placeholders: [intValue(5n)] },
        recordsPerSecond: 300,
        policy: { expiration: { kind: { case: "seconds", value: 60 } }, durableDelete: true },
      }),
      "",
    );
    expect(plan.kind).toBe("update");
    expect(plan.callerChosen).toBe(false);
    expect(plan.spec).toMatchObject({
      namespace: "test",
      set: "s",
      recordsPerSecond: 300,
      ttl: 60,
      durableDelete: true,
    });
    expect(plan.spec.filter?.exp).toBeDefined();
    expect(kindOfJobId(plan.spec.jobId)).toBe("update");
  });

  it("takes a touch's own expiration as the job TTL", () => {
    const plan = planStart(
      req({
        namespace: "test",
        action: { case: "touch", value: { expiration: { kind: { case: "seconds", value: 99 } } } },
      }),
      "",
    );
    expect(plan.spec.action).toEqual({ kind: "touch", ttl: 99 });
    expect(plan.spec.ttl).toBe(99);
  });

  it("maps a UDF action without the .lua suffix", () => {
    const plan = planStart(
      req({
        namespace: "test",
        action: { case: "udf", value: { package: "mod.lua", function: "f", args: [intValue(2n)] } },
      }),
      "",
    );
    expect(plan.spec.action).toEqual({
      kind: "udf",
      module: "mod",
      function: "f",
      args: [{ type: "int", value: 2n }],
    });
  });

  it("derives the job id from a caller-chosen id, and accepts its own t1. ids back", () => {
    const a = planStart(req({ namespace: "test", action: update, taskId: "job-7" }), "");
    expect(a.callerChosen).toBe(true);
    expect(a.spec.jobId).toBe(jobIdForCallerId("job-7", "update"));
    const issued = encodeTaskId({
      namespace: "test",
      set: "",
      kind: "update",
      jobId: a.spec.jobId,
    });
    const b = planStart(req({ namespace: "test", action: update, taskId: issued }), "");
    expect(b.spec.jobId).toBe(a.spec.jobId);
    expect(decodeTaskId(issued)?.jobId).toBe(a.spec.jobId);
  });

  it.each<[string, Init, string, string]>([
    ["no namespace", { action: update }, "", "namespace"],
    ["no action", { namespace: "test" }, "", "action"],
    ["no action (RunTask)", { namespace: "test" }, "start", "start.action"],
    [
      "empty update",
      { namespace: "test", action: { case: "update", value: {} } },
      "",
      "update.operations",
    ],
    [
      "a read in an update",
      {
        namespace: "test",
        action: {
          case: "update",
          value: {
            operations: [
              { bin: "a", op: { case: "setTo", value: intValue(1n) } },
              { bin: "a", op: { case: "get", value: {} } },
            ],
          },
        },
      },
      "",
      "update.operations[1]",
    ],
    [
      "touch without expiration",
      { namespace: "test", action: { case: "touch", value: {} } },
      "",
      "touch.expiration",
    ],
    [
      "an expected generation",
      { namespace: "test", action: update, policy: { expectedGeneration: 3 } },
      "",
      "policy.expected_generation",
    ],
    [
      "a UDF without module",
      { namespace: "test", action: { case: "udf", value: { function: "f" } } },
      "start",
      "start.udf.package",
    ],
    [
      "a UDF function that is not an identifier",
      { namespace: "test", action: { case: "udf", value: { package: "m", function: "a b" } } },
      "",
      "udf.function",
    ],
    [
      "a bad filter",
      { namespace: "test", action: update, filter: { source: { case: "ael", value: "$.a ==" } } },
      "",
      "filter.ael",
    ],
    [
      "a task id of another job",
      {
        namespace: "test",
        action: update,
        taskId: encodeTaskId({ namespace: "other", set: "", kind: "update", jobId: 9n }),
      },
      "",
      "task_id",
    ],
    [
      "a task id with control characters",
      { namespace: "test", action: update, taskId: "a\nb" },
      "",
      "task_id",
    ],
  ])("rejects %s naming the field", (_, init, prefix, field) => {
    expect(fieldOf(() => planStart(req(init), prefix))).toBe(field);
  });
});

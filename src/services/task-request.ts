import type { StartTaskRequest } from "../../gen/ts/aerogate/v1/task_pb.js";
import { compileExpression } from "../aerospike/expressions.js";
import type { JobAction, JobSpec } from "../aerospike/jobs.js";
import { ttlFromExpiration } from "../mapping/expiration.js";
import { FieldError, fieldPath } from "../mapping/field-error.js";
import { filterFromProto, isReadOnly, operationsFromProto } from "../mapping/operation.js";
import { udfCallFromProto } from "../mapping/udf-call.js";
import {
  callerIdProblem,
  decodeTaskId,
  jobIdForCallerId,
  randomJobId,
  type TaskKindName,
} from "./task-id.js";

/** Largest records_per_second passed on (the server's field is a u32). */
const MAX_RPS = 0xffff_ffff;

/** A validated StartTask request: the job to start, how its id was chosen. */
export interface StartPlan {
  readonly spec: JobSpec;
  readonly kind: TaskKindName;
  /** Whether the caller chose the id (then an existing job with it is returned instead). */
  readonly callerChosen: boolean;
}

function actionOf(
  req: StartTaskRequest,
  at: (f: string) => string,
  ttl: number | undefined,
): JobAction {
  const a = req.action;
  switch (a.case) {
    case "update": {
      const path = at("update.operations");
      if (a.value.operations.length === 0) {
        throw FieldError.of(path, "an update task needs at least one write operation");
      }
      const ops = operationsFromProto(a.value.operations, path);
      const read = ops.findIndex(isReadOnly);
      if (read >= 0) {
        throw FieldError.of(
          fieldPath(path, read),
          "background update tasks take write operations only; reads return nothing in a background job",
        );
      }
      return { kind: "update", ops };
    }
    case "delete":
      return { kind: "delete" };
    case "touch": {
      const touchTtl = ttlFromExpiration(a.value.expiration, at("touch.expiration")) ?? ttl;
      if (touchTtl === undefined) {
        throw FieldError.of(at("touch.expiration"), "a touch task needs an expiration");
      }
      return { kind: "touch", ttl: touchTtl };
    }
    case "udf": {
      const u = udfCallFromProto(a.value, at("udf"));
      return { kind: "udf", module: u.module, function: u.function, args: u.args };
    }
    default:
      throw FieldError.of(at("action"), "one action is required: update, delete, touch or udf");
  }
}

/**
 * Validates a StartTaskRequest and turns it into the job to start. `prefix` is the field path of
 * the request (`""` for StartTask, `"start"` for RunTask). The job id comes from the caller's
 * task id when given (a `t1.` id it got earlier, or any other text, hashed), else it is random.
 */
export function planStart(req: StartTaskRequest, prefix: string): StartPlan {
  const at = (f: string) => fieldPath(prefix, f);
  if (req.namespace === "") throw FieldError.of(at("namespace"), "namespace is required");
  if (req.recordsPerSecond > MAX_RPS) {
    throw FieldError.of(at("records_per_second"), `records_per_second is at most ${MAX_RPS}`);
  }
  const policy = req.policy;
  if (policy?.expectedGeneration !== undefined) {
    throw FieldError.of(
      at("policy.expected_generation"),
      "background tasks cannot check generations; leave expected_generation unset",
    );
  }
  const ttl = ttlFromExpiration(policy?.expiration, at("policy.expiration"));
  const action = actionOf(req, at, ttl);
  const kind = action.kind;
  const filterSpec = filterFromProto(req.filter, at("filter"));
  const filter =
    filterSpec === undefined ? undefined : compileExpression(filterSpec, at("filter.ael"));
  let jobId: bigint;
  const callerChosen = req.taskId !== "";
  if (callerChosen) {
    const decoded = decodeTaskId(req.taskId);
    if (decoded !== undefined) {
      if (decoded.namespace !== req.namespace || decoded.set !== req.set || decoded.kind !== kind) {
        throw FieldError.of(
          at("task_id"),
          "this task id names a job over another namespace, set or kind",
        );
      }
      jobId = decoded.jobId;
    } else {
      const problem = callerIdProblem(req.taskId);
      if (problem !== undefined) throw FieldError.of(at("task_id"), problem);
      jobId = jobIdForCallerId(req.taskId, kind);
    }
  } else {
    jobId = randomJobId(kind);
  }
  return {
    kind,
    callerChosen,
    spec: {
      namespace: req.namespace,
      set: req.set,
      action,
      filter,
      recordsPerSecond: req.recordsPerSecond,
      ttl: kind === "touch" && action.kind === "touch" ? action.ttl : ttl,
      durableDelete: policy?.durableDelete ?? false,
      jobId,
    },
  };
}

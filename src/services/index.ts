import { BatchService } from "../../gen/ts/aerogate/v1/batch_pb.js";
import { ExpressionService } from "../../gen/ts/aerogate/v1/expression_pb.js";
import { RecordService } from "../../gen/ts/aerogate/v1/record_pb.js";
import { TaskService } from "../../gen/ts/aerogate/v1/task_pb.js";
import { UdfService } from "../../gen/ts/aerogate/v1/udf_pb.js";
import type { AerospikeHandle } from "../aerospike/client.js";
import type { GatewayConfig } from "../config.js";
import type { ServiceRegistration } from "../context.js";
import type { Logger } from "../log.js";
import { createBatchService } from "./batch-service.js";
import { createExpressionService } from "./expression-service.js";
import { createRecordService } from "./record-service.js";
import { createTaskService } from "./task-service.js";
import { createUdfService } from "./udf-service.js";

/** What service implementations get from the process: the Aerospike connection, config and a logger. */
export interface ServiceDeps {
  readonly aerospike: AerospikeHandle;
  readonly config: GatewayConfig;
  readonly log: Logger;
}

/** Every aerogate.v1 service, in the order reflection lists them. */
export const AEROGATE_SERVICES = [
  RecordService,
  BatchService,
  TaskService,
  UdfService,
  ExpressionService,
];

/**
 * Builds the registration of every aerogate.v1 service. Each service's implementation plugs in here, one
 * handler per RPC; RPCs left out answer UNIMPLEMENTED naming the RPC.
 */
export function createServices(deps: ServiceDeps): ServiceRegistration[] {
  return [
    createRecordService(deps),
    createBatchService(deps),
    createTaskService({
      aerospike: deps.aerospike,
      config: deps.config,
      pollIntervalMs: deps.config.taskPollIntervalMs,
    }).registration,
    createUdfService({ aerospike: deps.aerospike, config: deps.config }),
    createExpressionService(),
  ];
}

import { UdfService } from "../../gen/ts/aerogate/v1/udf_pb.js";
import type { AerospikeHandle } from "../aerospike/client.js";
import { AerospikeFailure } from "../aerospike/failure.js";
import { serverMessage } from "../aerospike/info-nodes.js";
import type { CommandTimeouts } from "../aerospike/policies.js";
import {
  applyUdf,
  getModule,
  LuaCompileError,
  listModules,
  registerModule,
  removeModule,
} from "../aerospike/udf.js";
import type { GatewayConfig } from "../config.js";
import { defineService, type HandlerContext, type ServiceRegistration } from "../context.js";
import { AerogateError, Code, invalidArgument } from "../errors.js";
import { FieldError } from "../mapping/field-error.js";
import { keyFromProto } from "../mapping/key.js";
import { moduleFileName, udfCallFromProto } from "../mapping/udf-call.js";
import { valueToProto } from "../mapping/value.js";
import { writeSettingsFromProto } from "../mapping/write-policy.js";
import { runCommand } from "./call-support.js";
import { checkUdfExists, udfMissing } from "./udf-check.js";

/** What the UdfService needs from the process. */
export interface UdfServiceDeps {
  readonly aerospike: AerospikeHandle;
  readonly config: Pick<GatewayConfig, "defaultTimeoutMs" | "maxTimeoutMs">;
}

/** Largest module accepted, bytes (the info protocol carries it base64-encoded in one line). */
const MAX_MODULE_BYTES = 1024 * 1024;

function moduleNotFound(name: string): AerogateError {
  return new AerogateError(Code.NotFound, `no UDF module "${name}" is registered`, {
    reason: "UDF_MODULE_NOT_FOUND",
    metadata: { module: name },
  });
}

/** Whether a UDF failure message is the server's "function/module not found". */
function isUnknownFunction(message: string): boolean {
  return /function not found/i.test(message);
}

/**
 * Builds the UdfService: Lua module management through info commands (register waits until every
 * node has the exact content) and record UDF calls.
 */
export function createUdfService(deps: UdfServiceDeps): ServiceRegistration {
  const client = () => deps.aerospike.current().client;

  const run = <T>(ctx: HandlerContext, body: (t: CommandTimeouts) => Promise<T>): Promise<T> =>
    runCommand(ctx, deps.config, body);

  return defineService(UdfService, {
    registerModule: (req, ctx) =>
      run(ctx, async (t) => {
        const name = moduleFileName(req.name, "name");
        if (req.content.trim() === "") throw FieldError.of("content", "the Lua source is empty");
        if (Buffer.byteLength(req.content, "utf8") > MAX_MODULE_BYTES) {
          throw FieldError.of("content", `a module is at most ${MAX_MODULE_BYTES} bytes`);
        }
        try {
          await registerModule(client(), name, req.content, t.totalMs);
        } catch (e) {
          if (e instanceof LuaCompileError) {
            throw invalidArgument(
              `the module does not compile: ${e.message}`,
              [{ field: "content", description: `not valid Lua: ${e.message}` }],
              "INVALID_LUA",
            );
          }
          throw e;
        }
        const listed = (await listModules(client(), t.totalMs)).find((m) => m.name === name);
        return { module: { name, hash: listed?.hash ?? "" } };
      }),

    listModules: (_req, ctx) =>
      run(ctx, async (t) => ({ modules: await listModules(client(), t.totalMs) })),

    getModule: (req, ctx) =>
      run(ctx, async (t) => {
        const name = moduleFileName(req.name, "name");
        const content = await getModule(client(), name, t.totalMs);
        if (content === undefined) throw moduleNotFound(name);
        const listed = (await listModules(client(), t.totalMs)).find((m) => m.name === name);
        return { module: { name, hash: listed?.hash ?? "" }, content };
      }),

    removeModule: (req, ctx) =>
      run(ctx, async (t) => {
        const name = moduleFileName(req.name, "name");
        if (!(await removeModule(client(), name, t.totalMs))) throw moduleNotFound(name);
        return {};
      }),

    apply: (req, ctx) =>
      run(ctx, async (t) => {
        const key = keyFromProto(req.key, "key");
        const udf = udfCallFromProto(req.udf, "udf");
        const settings = writeSettingsFromProto(req.policy, "policy");
        try {
          const result = await applyUdf(client(), key, udf, t, { settings, filter: undefined });
          return { result: valueToProto(result) };
        } catch (e) {
          if (!(e instanceof AerospikeFailure) || e.code !== 100) throw e;
          const message = serverMessage(e.message);
          if (isUnknownFunction(message)) {
            throw udfMissing(
              "udf.function",
              `module "${udf.module}" has no function "${udf.function}"`,
            );
          }
          // Unknown modules surface as a generic execution error; tell them apart by asking.
          await checkUdfExists(client(), udf, "udf", t.totalMs);
          throw new AerogateError(Code.FailedPrecondition, `the UDF failed: ${message}`, {
            reason: "AEROSPIKE_UDF_BAD_RESPONSE",
            metadata: { result_code: "100", in_doubt: String(e.inDoubt) },
            cause: e,
          });
        }
      }),
  });
}

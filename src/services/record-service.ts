import { RecordService } from "../../gen/ts/aerogate/v1/record_pb.js";
import { type Expression, Verb } from "../../gen/ts/aerogate/v1/types_pb.js";
import type { AerospikeHandle } from "../aerospike/client.js";
import { type CompiledExpression, compileExpression } from "../aerospike/expressions.js";
import type { CommandTimeouts } from "../aerospike/policies.js";
import {
  deleteRecord,
  operateRecord,
  putRecord,
  readRecord,
  recordExists,
  touchRecord,
} from "../aerospike/record-ops.js";
import type { GatewayConfig } from "../config.js";
import { defineService, type HandlerContext, type ServiceRegistration } from "../context.js";
import { recordDigest } from "../mapping/digest.js";
import { expirationFromTtl } from "../mapping/expiration.js";
import { FieldError, fieldPath } from "../mapping/field-error.js";
import { keyEcho, keyFromProto } from "../mapping/key.js";
import type { AsValue } from "../mapping/model.js";
import {
  checkBinName,
  filterFromProto,
  isReadOnly,
  operationsFromProto,
} from "../mapping/operation.js";
import { recordToProto, resultsToProto } from "../mapping/record.js";
import { valueFromProto } from "../mapping/value.js";
import { existsModeOf, writeSettingsFromProto } from "../mapping/write-policy.js";
import { runCommand } from "./call-support.js";

/** What the record and batch services need from the process. */
export interface DataServiceDeps {
  readonly aerospike: AerospikeHandle;
  readonly config: Pick<GatewayConfig, "defaultTimeoutMs" | "maxTimeoutMs" | "maxBatchEntries">;
}

/** Compiles an optional filter expression (field path `path`). */
export function compileFilter(
  e: Expression | undefined,
  path: string,
): CompiledExpression | undefined {
  const spec = filterFromProto(e, path);
  return spec === undefined ? undefined : compileExpression(spec, fieldPath(path, "ael"));
}

/**
 * Runs one call's body with its Aerospike timeouts, mapping mapping errors and Aerospike failures
 * to the contract's statuses.
 */
function run<T>(
  ctx: HandlerContext,
  deps: DataServiceDeps,
  body: (t: CommandTimeouts) => Promise<T>,
): Promise<T> {
  return runCommand(ctx, deps.config, body);
}

function writeVerb(verb: Verb, path: string) {
  const mode = existsModeOf(verb);
  if (mode === undefined) {
    throw FieldError.of(
      path,
      "verb must be one of INSERT, UPDATE, UPSERT, REPLACE, REPLACE_IF_EXISTS",
    );
  }
  return mode;
}

/** Builds the RecordService: Get, Exists, Put, Operate, Delete, Touch on single records. */
export function createRecordService(deps: DataServiceDeps): ServiceRegistration {
  const client = () => deps.aerospike.current().client;
  return defineService(RecordService, {
    get: (req, ctx) =>
      run(ctx, deps, async (t) => {
        const key = keyFromProto(req.key, "key");
        for (const [i, b] of req.bins.entries()) checkBinName(b, fieldPath("bins", i));
        const filter = compileFilter(req.filter, "filter");
        const record = await readRecord(client(), key, t, {
          bins: req.bins,
          headersOnly: req.headersOnly,
          ...(filter ? { filter } : {}),
        });
        return { record: recordToProto(record), key: keyEcho(req.key, recordDigest(key)) };
      }),

    exists: (req, ctx) =>
      run(ctx, deps, async (t) => {
        const key = keyFromProto(req.key, "key");
        const filter = compileFilter(req.filter, "filter");
        const record = await recordExists(client(), key, t, filter);
        return record === undefined
          ? { exists: false }
          : { exists: true, record: recordToProto(record) };
      }),

    put: (req, ctx) =>
      run(ctx, deps, async (t) => {
        const key = keyFromProto(req.key, "key");
        const exists = writeVerb(req.verb, "verb");
        const names = Object.keys(req.bins);
        if (names.length === 0) throw FieldError.of("bins", "at least one bin is required");
        const bins = new Map<string, AsValue>();
        for (const name of names) {
          const at = `bins["${name}"]`;
          checkBinName(name, at);
          bins.set(name, valueFromProto(req.bins[name], at));
        }
        const settings = writeSettingsFromProto(req.policy, "policy");
        const filter = compileFilter(req.filter, "filter");
        const record = await putRecord(client(), key, bins, t, { exists, settings, filter });
        const expiration = expirationFromTtl(record.ttl);
        return {
          generation: record.generation,
          ...(expiration ? { expiration } : {}),
          key: keyEcho(req.key, recordDigest(key)),
        };
      }),

    operate: (req, ctx) =>
      run(ctx, deps, async (t) => {
        const key = keyFromProto(req.key, "key");
        if (req.operations.length === 0) {
          throw FieldError.of("operations", "at least one operation is required");
        }
        const ops = operationsFromProto(req.operations, "operations");
        let exists: ReturnType<typeof existsModeOf>;
        if (req.verb === Verb.READ) {
          const bad = ops.findIndex((o) => !isReadOnly(o));
          if (bad >= 0) {
            throw FieldError.of(
              fieldPath("operations", bad),
              "verb READ allows only read operations (get, select_from, HLL reads)",
            );
          }
        } else {
          exists = writeVerb(req.verb, "verb");
        }
        const settings = writeSettingsFromProto(req.policy, "policy");
        const filter = compileFilter(req.filter, "filter");
        const out = await operateRecord(client(), key, ops, t, { exists, settings, filter });
        return {
          record: recordToProto(out.record),
          operationResults: resultsToProto(out.results),
          key: keyEcho(req.key, recordDigest(key)),
        };
      }),

    delete: (req, ctx) =>
      run(ctx, deps, async (t) => {
        const key = keyFromProto(req.key, "key");
        const settings = writeSettingsFromProto(req.policy, "policy");
        const filter = compileFilter(req.filter, "filter");
        const existed = await deleteRecord(client(), key, t, {
          exists: undefined,
          settings,
          filter,
        });
        return { existed };
      }),

    touch: (req, ctx) =>
      run(ctx, deps, async (t) => {
        const key = keyFromProto(req.key, "key");
        const settings = writeSettingsFromProto(req.policy, "policy");
        const filter = compileFilter(req.filter, "filter");
        const record = await touchRecord(client(), key, t, { exists: "update", settings, filter });
        const expiration = expirationFromTtl(record.ttl);
        return { generation: record.generation, ...(expiration ? { expiration } : {}) };
      }),
  });
}

import type { AsyncUdfExecutor, UdfExecutor, UdfOutcome } from "../commands/extensions.js";
import { resultOp } from "../commands/reply.js";
import type { WorkingRecord } from "../commands/working-record.js";
import { citrusleafSeconds } from "../store/clock.js";
import { type AsMsg, findField } from "../wire/as-msg.js";
import { FieldType, OpType } from "../wire/as-msg-constants.js";
import { decodeMsgpack } from "../wire/msgpack-decode.js";
import { encodeMsgpack } from "../wire/msgpack-encode.js";
import {
  type MpValue,
  mpBool,
  mpBytes,
  mpInt,
  mpList,
  mpMap,
  mpStr,
  NIL,
} from "../wire/msgpack-value.js";
import { particleToValue, stringParticle, valueToParticle } from "../wire/particle.js";
import { ResultCode } from "../wire/result-codes.js";
import type { LuaArg, LuaBudget, LuaCallResult, LuaRuntime } from "./lua-engine.js";

/** Default limits of one record UDF call. */
export const DEFAULT_UDF_BUDGET: LuaBudget = { timeMs: 1000, memoryBytes: 64 * 1024 * 1024 };

/** The budget of one call: the default, shortened to the request's server-side timeout. */
export function callBudget(msg: AsMsg, base: LuaBudget): LuaBudget {
  const ttl = msg.transactionTtl;
  if (ttl === 0) return base;
  return { ...base, timeMs: Math.max(10, Math.min(base.timeMs, Math.floor(ttl * 0.8))) };
}

/** The record as the Lua side receives it: `[exists, bins, gen, ttl, set, digest, key, lut]`. */
export function recordMeta(rec: WorkingRecord): MpValue {
  const bins = mpMap(rec.bins.entries().map((b) => [mpStr(b.name), particleToValue(b.particle)]));
  const ttl = rec.voidTime === 0 ? 0 : Math.max(0, rec.voidTime - citrusleafSeconds(rec.nowMs));
  return mpList([
    mpBool(rec.existed),
    bins,
    mpInt(rec.generation),
    mpInt(ttl),
    rec.setName === "" ? NIL : mpStr(rec.setName),
    mpBytes(rec.digest),
    rec.key === undefined ? NIL : particleToValue(rec.key),
    mpInt(rec.lastUpdateMs),
  ]);
}

function failure(message: string): UdfOutcome {
  return {
    code: ResultCode.UDF_EXECUTION,
    ops: [resultOp(OpType.READ, "FAILURE", stringParticle(message))],
    wrote: false,
    deleted: false,
  };
}

function toParticle(v: MpValue) {
  return valueToParticle(v.kind === "ext" ? NIL : v);
}

function applyChanges(rec: WorkingRecord, changes: MpValue | undefined): void {
  if (changes?.kind !== "list") return;
  for (const c of changes.items) {
    if (c.kind !== "list") continue;
    const [name, value] = c.items;
    if (name?.kind !== "str") continue;
    if (value === undefined || value.kind === "nil") rec.bins.remove(name.value);
    else rec.bins.set(name.value, toParticle(value));
  }
}

function callArgs(msg: AsMsg, rec: WorkingRecord): LuaArg[] {
  const pkg = findField(msg, FieldType.UDF_PACKAGE_NAME)?.data.toString("utf8") ?? "";
  const fn = findField(msg, FieldType.UDF_FUNCTION)?.data.toString("utf8") ?? "";
  const args = findField(msg, FieldType.UDF_ARGLIST)?.data ?? Buffer.from([0x90]);
  return [pkg, fn, args, encodeMsgpack(recordMeta(rec))];
}

function outcomeOf(call: LuaCallResult, rec: WorkingRecord): UdfOutcome {
  if (!call.ok) return failure(call.message);
  let result: MpValue;
  try {
    result = decodeMsgpack(call.value);
  } catch {
    return failure("UDF: Execution Error 1");
  }
  if (result.kind !== "list") return failure("UDF: Execution Error 1");
  const [status, ret, action, changes, newTtl, dropKey] = result.items;
  if (status?.kind === "int" && status.value !== 0n) {
    return failure(ret?.kind === "str" ? ret.value : "UDF: Execution Error 1");
  }
  let particle: ReturnType<typeof toParticle>;
  try {
    particle = toParticle(ret ?? NIL);
  } catch {
    particle = toParticle(NIL);
  }
  const ops = [resultOp(OpType.READ, "SUCCESS", particle.type === 0 ? undefined : particle)];
  const act = action?.kind === "int" ? Number(action.value) : 0;
  if (act === 2) return { code: ResultCode.OK, ops, wrote: false, deleted: true };
  if (act === 1) {
    applyChanges(rec, changes);
    if (dropKey?.kind === "bool" && dropKey.value) rec.key = undefined;
    const ttl = newTtl?.kind === "int" ? Number(BigInt.asUintN(32, newTtl.value)) : undefined;
    return { code: ResultCode.OK, ops, wrote: true, deleted: false, ttl };
  }
  return { code: ResultCode.OK, ops, wrote: false, deleted: false };
}

/**
 * Creates the record-UDF executor: runs `module.function(rec, args…)` (fields 30/31/32) in Lua,
 * answers SUCCESS with the converted return value, or result 100 with a FAILURE message (Lua
 * errors, unknown module or function, budget exceeded). Bin changes made through
 * `aerospike:create/update` are applied to the working record for the caller to commit.
 */
export function createUdfExecutor(runtime: LuaRuntime, budget: LuaBudget): UdfExecutor {
  return (msg, rec) =>
    outcomeOf(runtime.call("__udf_apply", callArgs(msg, rec), callBudget(msg, budget)), rec);
}

/**
 * The asynchronous variant of {@link createUdfExecutor}: the script runs in short slices with the
 * event loop free in between, so other clients are served while it runs.
 */
export function createAsyncUdfExecutor(runtime: LuaRuntime, budget: LuaBudget): AsyncUdfExecutor {
  return async (msg, rec) =>
    outcomeOf(
      await runtime.callAsync("__udf_apply", callArgs(msg, rec), callBudget(msg, budget)),
      rec,
    );
}

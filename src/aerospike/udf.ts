import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Aerospike from "aerospike";
import type { AsValue, RecordKey, UdfSpec, WriteSettings } from "../mapping/model.js";
import type { CompiledExpression } from "./expressions.js";
import { AerospikeFailure, call } from "./failure.js";
import { infoAllNodes, infoOneNode, serverMessage } from "./info-nodes.js";
import { basePolicy, type CommandTimeouts, writePolicyFields } from "./policies.js";
import { fromClientValue, toClientKey, toClientValue } from "./values.js";

/** The aerospike client instance the gateway talks through. */
export type AerospikeClient = InstanceType<typeof Aerospike.Client>;

/** A registered module as `udf-list` reports it. */
export interface ModuleInfo {
  readonly name: string;
  readonly hash: string;
}

/** A module the server refused to compile: where and why. */
export class LuaCompileError extends Error {
  override readonly name = "LuaCompileError";
  constructor(
    readonly line: number | undefined,
    readonly detail: string,
  ) {
    super(line === undefined ? detail : `line ${line}: ${detail}`);
  }
}

/** How long to wait between checks that every node has (or dropped) a module, ms. */
const PROPAGATION_POLL_MS = 25;

/** Parses `filename=a.lua,hash=…,type=LUA;…` into modules. */
export function parseUdfList(value: string): ModuleInfo[] {
  const out: ModuleInfo[] = [];
  for (const item of value.split(";")) {
    const fields = new Map<string, string>();
    for (const part of item.split(",")) {
      const eq = part.indexOf("=");
      if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
    const name = fields.get("filename");
    if (name !== undefined && name !== "") out.push({ name, hash: fields.get("hash") ?? "" });
  }
  return out;
}

/** Parses a `key=value;key=value` info value into a map. */
function semicolonFields(value: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const part of value.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return fields;
}

/** Turns an `error=compile_error;…;line=3;message=<base64>` reply into a compile error. */
export function parseCompileError(value: string): LuaCompileError | undefined {
  const fields = semicolonFields(value);
  const error = fields.get("error");
  if (error === undefined) return undefined;
  const line = Number(fields.get("line"));
  const raw = fields.get("message") ?? "";
  const decoded = /^[A-Za-z0-9+/]+=*$/.test(raw)
    ? Buffer.from(raw, "base64").toString("utf8")
    : raw;
  return new LuaCompileError(
    Number.isInteger(line) && line > 0 ? line : undefined,
    decoded || error,
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Uploads a Lua module (`udf-put`, through the client's UDF call) and resolves once every node returns exactly this content from
 * `udf-get`. Rejects with {@link LuaCompileError} when the server cannot compile it, and with a
 * TIMEOUT failure when the nodes do not all have it within `timeoutMs`.
 */
export async function registerModule(
  client: AerospikeClient,
  fileName: string,
  content: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const b64 = Buffer.from(content, "utf8").toString("base64");
  // The client's info path caps request length, so upload through its UDF call, which reads a file.
  const dir = await mkdtemp(join(tmpdir(), "aerogate-udf-"));
  try {
    const path = join(dir, fileName);
    await writeFile(path, content, "utf8");
    const loose = client as unknown as {
      udfRegister(path: string, type: unknown, policy: unknown): Promise<unknown>;
    };
    await call(() => loose.udfRegister(path, Aerospike.language.LUA, { timeout: timeoutMs }));
  } catch (e) {
    if (e instanceof AerospikeFailure) {
      const text = serverMessage(e.message);
      const compile = parseCompileError(text);
      if (compile !== undefined) throw compile;
      if (/compile/i.test(text)) throw new LuaCompileError(undefined, text);
    }
    throw e;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  for (;;) {
    const answers = await infoAllNodes(client, `udf-get:filename=${fileName}`, timeoutMs);
    const everywhere = answers.every(
      (a) => a.ok && semicolonFields(a.value).get("content") === b64,
    );
    if (everywhere) return;
    if (Date.now() >= deadline) {
      throw new AerospikeFailure(9, "the module did not reach every node in time", true);
    }
    await sleep(PROPAGATION_POLL_MS);
  }
}

/** Lists the registered modules (`udf-list` on one node). */
export async function listModules(
  client: AerospikeClient,
  timeoutMs: number,
): Promise<ModuleInfo[]> {
  return parseUdfList(await infoOneNode(client, "udf-list", timeoutMs));
}

/** Returns a module's Lua source, or undefined when no such module is registered. */
export async function getModule(
  client: AerospikeClient,
  fileName: string,
  timeoutMs: number,
): Promise<string | undefined> {
  let value: string;
  try {
    value = await infoOneNode(client, `udf-get:filename=${fileName}`, timeoutMs);
  } catch (e) {
    if (e instanceof AerospikeFailure && /not.?found/i.test(e.message)) return undefined;
    throw e;
  }
  const fields = semicolonFields(value);
  const content = fields.get("content");
  if (content === undefined || fields.has("error")) return undefined;
  return Buffer.from(content, "base64").toString("utf8");
}

/**
 * Removes a module (`udf-remove`) and resolves once no node lists it any more; resolves false
 * when it was not registered.
 */
export async function removeModule(
  client: AerospikeClient,
  fileName: string,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const before = await listModules(client, timeoutMs);
  if (!before.some((m) => m.name === fileName)) return false;
  await infoOneNode(client, `udf-remove:filename=${fileName};`, timeoutMs);
  for (;;) {
    const answers = await infoAllNodes(client, "udf-list", timeoutMs);
    const gone = answers.every(
      (a) => a.ok && !parseUdfList(a.value).some((m) => m.name === fileName),
    );
    if (gone) return true;
    if (Date.now() >= deadline) {
      throw new AerospikeFailure(9, "the module was not removed from every node in time", true);
    }
    await sleep(PROPAGATION_POLL_MS);
  }
}

/**
 * Whether a Lua source defines a global function `name` (`function name(` or `name = function`),
 * the only functions a record UDF call can reach. A textual check: it does not run the code.
 */
export function definesFunction(source: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const declared = new RegExp(`(^|[^\\w.:])function\\s+${escaped}\\s*\\(`, "m");
  const assigned = new RegExp(`(^|[^\\w.:])${escaped}\\s*=\\s*function\\s*\\(`, "m");
  const local = new RegExp(`local\\s+function\\s+${escaped}\\s*\\(`, "m");
  const stripped = source.replace(local, "");
  return declared.test(stripped) || assigned.test(stripped);
}

/** Options of a record UDF call. */
export interface ApplyOptions {
  readonly settings: WriteSettings;
  readonly filter: CompiledExpression | undefined;
}

/**
 * Runs a record UDF on one key and returns its result. The client reports an integral double as
 * an int and map keys as strings (known client gaps: the result carries no particle types). Rejects with the server's code
 * (100 with the UDF's message for Lua errors).
 */
export async function applyUdf(
  client: AerospikeClient,
  key: RecordKey,
  udf: UdfSpec,
  t: CommandTimeouts,
  options: ApplyOptions,
): Promise<AsValue> {
  const policy = {
    ...basePolicy(t, options.filter, true),
    ...writePolicyFields(options.settings, undefined),
    ...(options.settings.ttl === undefined ? {} : { ttl: options.settings.ttl }),
    // A raw list or map result would come back as a Buffer, indistinguishable from a blob.
    deserialize: true,
  };
  const call_ = { module: udf.module, funcname: udf.function, args: udf.args.map(toClientValue) };
  const loose = client as unknown as {
    apply(key: unknown, udf: unknown, policy?: unknown): Promise<unknown>;
  };
  const v = await call(() => loose.apply(toClientKey(key), call_, policy));
  return fromClientValue(v);
}

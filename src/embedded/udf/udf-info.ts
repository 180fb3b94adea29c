import type { InfoCommand, InfoRegistry } from "../info/registry.js";
import type { LuaBudget, LuaRuntime } from "./lua-engine.js";
import { type ModuleRegistry, packageName } from "./module-registry.js";

/** Largest decoded module size `udf-put` accepts. */
export const MAX_MODULE_BYTES = 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Turns a Lua compile error (`file:line: message`) into the server's `udf-put` error value. */
export function compileErrorValue(filename: string, luaError: string): string {
  const m = /^(?:.*?):(\d+): (.*)$/s.exec(luaError);
  const line = m?.[1] ?? "0";
  const message = m?.[2] ?? luaError;
  return `error=compile_error;file=${filename};line=${line};message=${Buffer.from(message).toString("base64")}`;
}

function udfPut(
  cmd: InfoCommand,
  modules: ModuleRegistry,
  runtime: LuaRuntime,
  budget: LuaBudget,
): string {
  const filename = cmd.params.get("filename") ?? "";
  if (filename === "" || !filename.includes(".")) return "error=invalid_filename";
  const content = cmd.params.get("content");
  const lenText = cmd.params.get("content-len");
  if (content === undefined || lenText === undefined || !/^\d+$/.test(lenText)) {
    return "error=invalid_content_len";
  }
  const type = cmd.params.get("udf-type") ?? "LUA";
  if (type !== "LUA") return "error=invalid_udf_type";
  if (content.length % 4 !== 0 || !BASE64.test(content)) return "error=invalid_base64_content";
  const source = Buffer.from(content, "base64");
  if (source.length > MAX_MODULE_BYTES) return "error=invalid_udf_content_len,>1M";
  const text = source.toString("utf8");
  const compiled = runtime.call("__udf_compile", [filename, text], budget);
  if (!compiled.ok) return compileErrorValue(filename, compiled.message);
  if (compiled.value.length > 0)
    return compileErrorValue(filename, compiled.value.toString("utf8"));
  const loaded = runtime.call("__udf_register", [packageName(filename), text], budget);
  const loadError = loaded.ok ? loaded.value.toString("utf8") : loaded.message;
  if (loadError !== "") return compileErrorValue(filename, loadError);
  modules.put(filename, content);
  return "ok";
}

/**
 * Registers the UDF module info commands: `udf-put` (base64 content, compiled before it is
 * accepted; compile errors as `error=compile_error;file=…;line=…;message=<base64>`), `udf-list`,
 * `udf-get` (`error=not_found` when unknown) and `udf-remove` (`ok` even when unknown).
 */
export function registerUdfCommands(
  registry: InfoRegistry,
  modules: ModuleRegistry,
  runtime: LuaRuntime,
  budget: LuaBudget,
): void {
  registry.register("udf-put", (cmd) => udfPut(cmd, modules, runtime, budget));
  registry.register("udf-list", () =>
    modules
      .list()
      .map((m) => `filename=${m.filename},hash=${m.hash},type=LUA;`)
      .join(""),
  );
  registry.register("udf-get", (cmd) => {
    const m = modules.get(cmd.params.get("filename") ?? "");
    return m === undefined ? "error=not_found" : `type=LUA;content=${m.content64};`;
  });
  registry.register("udf-remove", (cmd) => {
    const filename = cmd.params.get("filename") ?? "";
    if (modules.remove(filename)) runtime.call("__udf_unregister", [packageName(filename)], budget);
    return "ok";
  });
}

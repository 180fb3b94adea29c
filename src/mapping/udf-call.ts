import type { UdfCall } from "../../gen/ts/aerogate/v1/types_pb.js";
import { FieldError, fieldPath } from "./field-error.js";
import type { UdfSpec } from "./model.js";
import { valueFromProto } from "./value.js";

/** Characters a Lua module or function name may not contain (they break info commands). */
const BAD_NAME = /[;:=\s/\\]/;

/**
 * Maps a protobuf UdfCall (record UDF: package, function, args) to the domain model, checking
 * that module and function are named; `path` is the UdfCall's field path (e.g. `udf`,
 * `entries[2].udf`). Shared by UdfService.Apply, background UDF tasks and batch UDF rows.
 */
export function udfCallFromProto(u: UdfCall | undefined, path: string): UdfSpec {
  if (u === undefined)
    throw FieldError.of(path, "a udf call (package, function, args) is required");
  const pkg = u.package.endsWith(".lua") ? u.package.slice(0, -4) : u.package;
  if (pkg === "") throw FieldError.of(fieldPath(path, "package"), "a module name is required");
  if (BAD_NAME.test(pkg)) {
    throw FieldError.of(
      fieldPath(path, "package"),
      "a module name must not contain ; : = / \\ or spaces",
    );
  }
  if (u.function === "")
    throw FieldError.of(fieldPath(path, "function"), "a function name is required");
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(u.function)) {
    throw FieldError.of(fieldPath(path, "function"), "a function name must be a Lua identifier");
  }
  return {
    module: pkg,
    function: u.function,
    args: u.args.map((a, i) => valueFromProto(a, fieldPath(fieldPath(path, "args"), i))),
  };
}

/**
 * Normalizes a module file name: non-empty, no separators, `.lua` appended when missing. Throws a
 * FieldError naming `path` otherwise.
 */
export function moduleFileName(name: string, path: string): string {
  const trimmed = name.trim();
  if (trimmed === "" || trimmed === ".lua") throw FieldError.of(path, "a module name is required");
  if (BAD_NAME.test(trimmed)) {
    throw FieldError.of(path, "a module name must not contain ; : = / \\ or spaces");
  }
  return trimmed.endsWith(".lua") ? trimmed : `${trimmed}.lua`;
}

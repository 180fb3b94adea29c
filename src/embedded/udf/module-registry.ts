import { createHash } from "node:crypto";

/** A registered UDF module. */
export interface UdfModule {
  /** File name as registered, e.g. `my_udf.lua`. */
  readonly filename: string;
  /** The base64 content as sent by `udf-put`. */
  readonly content64: string;
  /** Lowercase hex SHA-1 the server lists in `udf-list`. */
  readonly hash: string;
}

/**
 * The hash `udf-list` reports: SHA-1 of the JSON record the reference server stores for the
 * module (`{"content64": …, "type": "LUA", "name": …}`), which reproduces its values.
 */
export function moduleHash(filename: string, content64: string): string {
  const json = `{"content64": "${content64}", "type": "LUA", "name": "${filename}"}`;
  return createHash("sha1").update(json).digest("hex");
}

/** The package name commands use for a module file: the file name without `.lua`. */
export function packageName(filename: string): string {
  return filename.endsWith(".lua") ? filename.slice(0, -4) : filename;
}

/** The registered UDF modules, in registration order. */
export class ModuleRegistry {
  private readonly modules = new Map<string, UdfModule>();

  /** Adds or replaces a module. */
  put(filename: string, content64: string): UdfModule {
    const m = { filename, content64, hash: moduleHash(filename, content64) };
    this.modules.delete(filename);
    this.modules.set(filename, m);
    return m;
  }

  /** A module by file name. */
  get(filename: string): UdfModule | undefined {
    return this.modules.get(filename);
  }

  /** Removes a module; returns whether it existed. */
  remove(filename: string): boolean {
    return this.modules.delete(filename);
  }

  /** Every module. */
  list(): UdfModule[] {
    return [...this.modules.values()];
  }
}

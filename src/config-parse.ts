import { accessSync, constants } from "node:fs";

/** A host and port pair, e.g. from `--listen` or `--aerospike-hosts`. */
export interface HostPort {
  readonly host: string;
  readonly port: number;
}

/** A configuration value that failed validation; `setting` names the flag. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

/** How one setting is named, documented, defaulted and parsed. */
export interface OptionSpec<T> {
  /** The flag without dashes, e.g. `listen`. */
  readonly flag: string;
  /** Placeholder shown in help, e.g. `HOST:PORT`; absent for booleans. */
  readonly arg?: string;
  readonly env: string;
  /** The default as text, or undefined when unset by default. */
  readonly default: string | undefined;
  readonly description: string;
  readonly boolean?: true;
  /** Parses the raw text; throws Error with a message saying what is accepted. */
  parse(raw: string | undefined): T;
}

/** Parses `host:port` (IPv6 hosts in brackets); the port must lie in [minPort, 65535]. */
export function parseHostPort(raw: string, minPort = 0, defaultPort?: number): HostPort {
  const text = raw.trim();
  const m = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::(\d+))?$/.exec(text);
  const host = m?.[1] ?? m?.[2];
  if (m === null || host === undefined || (m[3] === undefined && defaultPort === undefined)) {
    throw new Error(`expected HOST:PORT, got "${raw}"`);
  }
  const port = m[3] === undefined ? (defaultPort as number) : Number(m[3]);
  if (!Number.isInteger(port) || port < minPort || port > 65535) {
    throw new Error(`port must be ${minPort}..65535, got "${raw}"`);
  }
  return { host, port };
}

/** Parses a comma-separated list of Aerospike seeds; a missing port means 3000. */
export function parseHostList(raw: string): HostPort[] {
  const parts = raw
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0) throw new Error("expected HOST:PORT[,HOST:PORT...]");
  return parts.map((p) => parseHostPort(p, 1, 3000));
}

/** Parses a whole number within [min, max]. */
export function parseInteger(raw: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const text = raw.trim().replaceAll("_", "");
  const value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`expected a whole number in ${min}..${max}, got "${raw}"`);
  }
  return value;
}

/** Parses true/false (also 1/0, yes/no, on/off). */
export function parseBoolean(raw: string): boolean {
  const text = raw.trim().toLowerCase();
  if (["true", "1", "yes", "on"].includes(text)) return true;
  if (["false", "0", "no", "off"].includes(text)) return false;
  throw new Error(`expected true or false, got "${raw}"`);
}

/** Parses a comma-separated list of namespace names. */
export function parseNamespaces(raw: string): string[] {
  const names = raw
    .split(",")
    .map((n) => n.trim())
    .filter((n) => n !== "");
  if (names.length === 0) throw new Error("expected at least one namespace");
  for (const name of names) {
    if (!/^[A-Za-z0-9_-]{1,31}$/.test(name)) {
      throw new Error(`namespace names are 1-31 letters, digits, "_" or "-", got "${name}"`);
    }
  }
  return names;
}

/** Checks that a file exists and can be read; returns its path. */
export function parseReadableFile(raw: string): string {
  const path = raw.trim();
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw new Error(`cannot read file "${raw}"`);
  }
  return path;
}

/** Makes a spec whose value is required text with a default, parsed by `parse`. */
export function spec<T>(
  flag: string,
  arg: string,
  def: string,
  description: string,
  parse: (raw: string) => T,
): OptionSpec<T> {
  return {
    flag,
    arg,
    env: `AEROGATE_${flag.toUpperCase().replaceAll("-", "_")}`,
    default: def,
    description,
    parse: (raw) => parse(raw ?? def),
  };
}

/** Makes a whole-number spec with bounds. */
export function intSpec(flag: string, def: number, min: number, description: string, max?: number) {
  return spec(flag, "N", String(def), description, (raw) => parseInteger(raw, min, max));
}

/** Makes a spec for an optional setting, unset by default, parsed by `parse` when given. */
export function optSpec<T>(
  flag: string,
  arg: string,
  description: string,
  parse: (raw: string) => T,
): OptionSpec<T | undefined> {
  return {
    flag,
    arg,
    env: `AEROGATE_${flag.toUpperCase().replaceAll("-", "_")}`,
    default: undefined,
    description,
    parse: (raw) => (raw === undefined || raw.trim() === "" ? undefined : parse(raw)),
  };
}

/** Makes a boolean spec. */
export function boolSpec(flag: string, def: boolean, description: string): OptionSpec<boolean> {
  return { ...spec(flag, "", String(def), description, parseBoolean), boolean: true };
}

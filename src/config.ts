import { accessSync, constants } from "node:fs";
import { isLogLevel, LOG_LEVELS, type LogLevel } from "./log.js";

/** A host and port pair, e.g. from `--listen` or `--aerospike-hosts`. */
export interface HostPort {
  readonly host: string;
  readonly port: number;
}

/** The gateway's whole configuration, validated at start (flags > environment > defaults). */
export interface GatewayConfig {
  readonly listen: HostPort;
  /** Seeds of the Aerospike cluster; undefined = start the embedded server on a free loopback port. */
  readonly aerospikeHosts: readonly HostPort[] | undefined;
  readonly logLevel: LogLevel;
  readonly reflection: boolean;
  readonly shutdownGraceMs: number;
  readonly maxReceiveMessageBytes: number;
  readonly maxSendMessageBytes: number;
  readonly keepaliveTimeMs: number;
  readonly keepaliveTimeoutMs: number;
  readonly maxConnectionAgeMs: number;
  readonly maxConnectionAgeGraceMs: number;
  readonly maxConcurrentStreams: number;
  readonly maxBatchEntries: number;
  /** Aerospike total timeout when the caller sets no deadline. */
  readonly defaultTimeoutMs: number;
  /** Cap on the Aerospike total timeout derived from the caller's deadline. */
  readonly maxTimeoutMs: number;
  /** Namespaces of the embedded server (used only when no Aerospike hosts are set). */
  readonly embeddedNamespaces: readonly string[];
  /** Most calls handled at once; more are refused with UNAVAILABLE (0 = no limit). */
  readonly maxConcurrentCalls: number;
  /** Calls a second per principal (token bucket); 0 = no rate limit. */
  readonly rateLimitRps: number;
  /** Burst of the per-principal token bucket; 0 = the rate (at least 1). */
  readonly rateLimitBurst: number;
  /** Authenticate and authorize every call; off only when configured so. */
  readonly auth: boolean;
  /** File of `<principal> <token>` lines (static bearer tokens). */
  readonly authTokensFile: string | undefined;
  /** JSON file of each principal's read/write/admin/tasks/udf grants. */
  readonly authGrantsFile: string | undefined;
  /** JWKS file or URL verifying JWT bearer tokens. */
  readonly authJwks: string | undefined;
  readonly authJwtIssuer: string | undefined;
  readonly authJwtAudience: string | undefined;
  /** The JWT claim naming the principal. */
  readonly authJwtPrincipalClaim: string;
  /** Accept the client certificate's identity (URI SAN, else CN) as the principal. */
  readonly authMtlsIdentity: boolean;
  /** PEM certificate chain of the gRPC listener; TLS is on when set. */
  readonly tlsCert: string | undefined;
  readonly tlsKey: string | undefined;
  /** PEM CA bundle; when set, clients must present a certificate it signed (mutual TLS). */
  readonly tlsClientCa: string | undefined;
  /** How often the TLS files are checked for changes, ms (0 = never). */
  readonly tlsReloadIntervalMs: number;
  /** Aerospike user (security-enabled clusters). */
  readonly aerospikeUser: string | undefined;
  /** File holding the Aerospike user's password. */
  readonly aerospikePasswordFile: string | undefined;
  /** PEM CA bundle to verify Aerospike's TLS certificate; TLS towards Aerospike is on when set. */
  readonly aerospikeTlsCa: string | undefined;
  /** The TLS name Aerospike nodes present (their certificate's name). */
  readonly aerospikeTlsName: string | undefined;
  /** PEM client certificate and key for Aerospike mutual TLS. */
  readonly aerospikeTlsCert: string | undefined;
  readonly aerospikeTlsKey: string | undefined;
  /** Address of the Prometheus `/metrics` HTTP listener; unset = no metrics listener. */
  readonly metricsListen: HostPort | undefined;
  /** Start a span per call (W3C traceparent) and log it. */
  readonly tracing: boolean;
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

const MIB = 1024 * 1024;

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

/** Makes a spec for an optional setting, unset by default, parsed by `parse` when given. */
function optSpec<T>(
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
function boolSpec(flag: string, def: boolean, description: string): OptionSpec<boolean> {
  return { ...spec(flag, "", String(def), description, parseBoolean), boolean: true };
}

/** Parses a JWKS location: an http(s) URL, or a readable file. */
function parseJwks(raw: string): string {
  return /^https?:\/\//i.test(raw.trim()) ? raw.trim() : parseReadableFile(raw);
}

/** Makes a spec whose value is required text with a default, parsed by `parse`. */
function spec<T>(
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
function intSpec(flag: string, def: number, min: number, description: string, max?: number) {
  return spec(flag, "N", String(def), description, (raw) => parseInteger(raw, min, max));
}

/** Every setting of `aerogate serve`, in help order. */
export const SERVE_OPTIONS: { readonly [K in keyof GatewayConfig]: OptionSpec<GatewayConfig[K]> } =
  {
    listen: spec(
      "listen",
      "HOST:PORT",
      "127.0.0.1:50051",
      "gRPC listen address; port 0 picks a free port",
      (raw) => parseHostPort(raw),
    ),
    aerospikeHosts: {
      flag: "aerospike-hosts",
      arg: "HOST:PORT,...",
      env: "AEROSPIKE_HOSTS",
      default: undefined,
      description: "Aerospike seed nodes; unset starts the embedded server on a free loopback port",
      parse: (raw) => (raw === undefined || raw.trim() === "" ? undefined : parseHostList(raw)),
    },
    logLevel: spec(
      "log-level",
      LOG_LEVELS.join("|"),
      "info",
      "minimum level of the JSON log lines on stdout",
      (raw) => {
        if (!isLogLevel(raw))
          throw new Error(`expected one of ${LOG_LEVELS.join(", ")}, got "${raw}"`);
        return raw;
      },
    ),
    reflection: {
      ...spec(
        "reflection",
        "",
        "true",
        "serve gRPC server reflection (v1 and v1alpha)",
        parseBoolean,
      ),
      boolean: true,
    },
    shutdownGraceMs: intSpec(
      "shutdown-grace-ms",
      10_000,
      0,
      "on SIGTERM/SIGINT, time given to open calls before they are cut",
    ),
    maxReceiveMessageBytes: intSpec(
      "max-receive-message-bytes",
      16 * MIB,
      1,
      "largest request message accepted",
    ),
    maxSendMessageBytes: intSpec(
      "max-send-message-bytes",
      16 * MIB,
      1,
      "largest response message sent",
    ),
    keepaliveTimeMs: intSpec(
      "keepalive-time-ms",
      60_000,
      1,
      "interval of HTTP/2 keepalive pings to clients",
    ),
    keepaliveTimeoutMs: intSpec(
      "keepalive-timeout-ms",
      20_000,
      1,
      "time to wait for a keepalive ping's answer",
    ),
    maxConnectionAgeMs: intSpec(
      "max-connection-age-ms",
      0,
      0,
      "close connections after this age (0 = never)",
    ),
    maxConnectionAgeGraceMs: intSpec(
      "max-connection-age-grace-ms",
      0,
      0,
      "time given to calls on an aged connection (0 = unlimited)",
    ),
    maxConcurrentStreams: intSpec(
      "max-concurrent-streams",
      1000,
      0,
      "concurrent calls per connection (0 = unlimited)",
      2 ** 31 - 1,
    ),
    maxBatchEntries: intSpec(
      "max-batch-entries",
      5000,
      1,
      "most entries one batch request may hold",
    ),
    defaultTimeoutMs: intSpec(
      "default-timeout-ms",
      5000,
      1,
      "Aerospike total timeout when the caller sets no deadline",
    ),
    maxTimeoutMs: intSpec(
      "max-timeout-ms",
      60_000,
      1,
      "cap on the Aerospike total timeout taken from the caller's deadline",
    ),
    embeddedNamespaces: spec(
      "embedded-namespaces",
      "NS,...",
      "test",
      "namespaces of the embedded server",
      parseNamespaces,
    ),
    maxConcurrentCalls: intSpec(
      "max-concurrent-calls",
      2000,
      0,
      "calls handled at once by the gateway; more are refused with UNAVAILABLE (0 = no limit)",
    ),
    rateLimitRps: intSpec(
      "rate-limit-rps",
      0,
      0,
      "calls a second per principal, else RESOURCE_EXHAUSTED with RetryInfo (0 = no limit)",
    ),
    rateLimitBurst: intSpec(
      "rate-limit-burst",
      0,
      0,
      "calls a principal may burst after idling (0 = the rate)",
    ),
    auth: boolSpec(
      "auth",
      false,
      "authenticate and authorize every call (off = development only; logged at start)",
    ),
    authTokensFile: optSpec(
      "auth-tokens-file",
      "FILE",
      "static bearer tokens, one `<principal> <token>` line each",
      parseReadableFile,
    ),
    authGrantsFile: optSpec(
      "auth-grants-file",
      "FILE",
      'JSON grants: {"principals":{"<name>":{"read":["ns","ns/set"],"write":[],"admin":["*"],"tasks":[],"udf":[]}}}',
      parseReadableFile,
    ),
    authJwks: optSpec(
      "auth-jwks",
      "FILE|URL",
      "JWKS verifying JWT bearer tokens (file path or https URL)",
      parseJwks,
    ),
    authJwtIssuer: optSpec("auth-jwt-issuer", "ISS", "required JWT issuer (iss)", (r) => r.trim()),
    authJwtAudience: optSpec("auth-jwt-audience", "AUD", "required JWT audience (aud)", (r) =>
      r.trim(),
    ),
    authJwtPrincipalClaim: spec(
      "auth-jwt-principal-claim",
      "CLAIM",
      "sub",
      "JWT claim naming the principal",
      (r) => r.trim(),
    ),
    authMtlsIdentity: boolSpec(
      "auth-mtls-identity",
      false,
      "without a token, the client certificate's URI SAN (else CN) is the principal",
    ),
    tlsCert: optSpec("tls-cert", "FILE", "PEM certificate chain; enables TLS", parseReadableFile),
    tlsKey: optSpec("tls-key", "FILE", "PEM private key of --tls-cert", parseReadableFile),
    tlsClientCa: optSpec(
      "tls-client-ca",
      "FILE",
      "PEM CA bundle; clients must present a certificate it signed (mutual TLS)",
      parseReadableFile,
    ),
    tlsReloadIntervalMs: intSpec(
      "tls-reload-interval-ms",
      10_000,
      0,
      "how often the TLS files are checked and reloaded when changed (0 = never)",
    ),
    aerospikeUser: optSpec("aerospike-user", "USER", "Aerospike user name", (r) => r.trim()),
    aerospikePasswordFile: optSpec(
      "aerospike-password-file",
      "FILE",
      "file holding the Aerospike user's password",
      parseReadableFile,
    ),
    aerospikeTlsCa: optSpec(
      "aerospike-tls-ca",
      "FILE",
      "PEM CA bundle for Aerospike's certificate; enables TLS towards Aerospike",
      parseReadableFile,
    ),
    aerospikeTlsName: optSpec(
      "aerospike-tls-name",
      "NAME",
      "TLS name of the Aerospike nodes",
      (r) => r.trim(),
    ),
    aerospikeTlsCert: optSpec(
      "aerospike-tls-cert",
      "FILE",
      "PEM client certificate for Aerospike mutual TLS",
      parseReadableFile,
    ),
    aerospikeTlsKey: optSpec(
      "aerospike-tls-key",
      "FILE",
      "PEM private key of --aerospike-tls-cert",
      parseReadableFile,
    ),
    metricsListen: optSpec(
      "metrics-listen",
      "HOST:PORT",
      "serve Prometheus /metrics over HTTP here (unset = off)",
      (raw) => parseHostPort(raw),
    ),
    tracing: boolSpec(
      "tracing",
      false,
      "span per call continuing the caller's W3C traceparent; logged, and echoed in trailers",
    ),
  };

/** Settings that must be given together or that need another one; checked after parsing. */
function checkCombinations(c: GatewayConfig): void {
  const fail = (setting: string, message: string): never => {
    throw new ConfigError(setting, `invalid ${setting}: ${message}`);
  };
  if ((c.tlsCert === undefined) !== (c.tlsKey === undefined)) {
    fail("--tls-key", "--tls-cert and --tls-key go together");
  }
  if (c.tlsClientCa !== undefined && c.tlsCert === undefined) {
    fail("--tls-client-ca", "mutual TLS needs --tls-cert and --tls-key");
  }
  if (c.authMtlsIdentity && c.tlsClientCa === undefined) {
    fail("--auth-mtls-identity", "needs --tls-client-ca (mutual TLS)");
  }
  if ((c.aerospikeTlsCert === undefined) !== (c.aerospikeTlsKey === undefined)) {
    fail("--aerospike-tls-key", "--aerospike-tls-cert and --aerospike-tls-key go together");
  }
  if ((c.aerospikeUser === undefined) !== (c.aerospikePasswordFile === undefined)) {
    fail("--aerospike-password-file", "--aerospike-user and --aerospike-password-file go together");
  }
  if (c.auth) {
    if (c.authGrantsFile === undefined) fail("--auth-grants-file", "required with --auth");
    if (c.authTokensFile === undefined && c.authJwks === undefined && !c.authMtlsIdentity) {
      fail("--auth", "needs --auth-tokens-file, --auth-jwks or --auth-mtls-identity");
    }
  }
}

/** The raw text of each setting, by config key, as collected from flags or the environment. */
export type RawSettings = Partial<Record<keyof GatewayConfig, string>>;

/** Collects `--flag value`, `--flag=value`, `--flag` and `--no-flag` (booleans) from argv. */
export function parseFlags(argv: readonly string[]): RawSettings {
  const byFlag = new Map(
    Object.entries(SERVE_OPTIONS).map(([key, s]) => [
      s.flag,
      { key: key as keyof GatewayConfig, spec: s },
    ]),
  );
  const raw: RawSettings = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith("--")) throw new ConfigError(arg, `unexpected argument "${arg}"`);
    const eq = arg.indexOf("=");
    let name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    let value = eq === -1 ? undefined : arg.slice(eq + 1);
    let entry = byFlag.get(name);
    if (entry === undefined && name.startsWith("no-") && value === undefined) {
      entry = byFlag.get(name.slice(3));
      if (entry?.spec.boolean) {
        name = name.slice(3);
        value = "false";
      } else entry = undefined;
    }
    if (entry === undefined) throw new ConfigError(`--${name}`, `unknown option --${name}`);
    if (value === undefined) {
      if (entry.spec.boolean) value = "true";
      else {
        value = argv[++i];
        if (value === undefined) throw new ConfigError(`--${name}`, `--${name} needs a value`);
      }
    }
    raw[entry.key] = value;
  }
  return raw;
}

/** Loads and validates the configuration: flags win over environment variables, which win over defaults. */
export function loadConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): GatewayConfig {
  const flags = parseFlags(argv);
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(SERVE_OPTIONS) as [
    keyof GatewayConfig,
    OptionSpec<unknown>,
  ][]) {
    const fromFlag = flags[key];
    const fromEnv = env[s.env];
    const raw = fromFlag ?? (fromEnv === undefined || fromEnv === "" ? undefined : fromEnv);
    const source =
      fromFlag !== undefined ? `--${s.flag}` : raw !== undefined ? s.env : `--${s.flag}`;
    try {
      out[key] = s.parse(raw);
    } catch (err) {
      throw new ConfigError(source, `invalid ${source}: ${(err as Error).message}`);
    }
  }
  const config = out as unknown as GatewayConfig;
  if (config.defaultTimeoutMs > config.maxTimeoutMs) {
    throw new ConfigError(
      "--default-timeout-ms",
      `invalid --default-timeout-ms: ${config.defaultTimeoutMs} exceeds --max-timeout-ms ${config.maxTimeoutMs}`,
    );
  }
  checkCombinations(config);
  return config;
}

/** Renders the option list of `aerogate serve --help`: each flag with its default and environment variable. */
export function serveHelp(): string {
  const lines = ["Usage: aerogate serve [options]", "", "Starts the gRPC gateway.", "", "Options:"];
  for (const s of Object.values(SERVE_OPTIONS) as OptionSpec<unknown>[]) {
    const head = s.boolean ? `--${s.flag}[=BOOL], --no-${s.flag}` : `--${s.flag} ${s.arg}`;
    const def = s.default === undefined ? "unset" : s.default;
    lines.push(`  ${head}`, `      ${s.description}`, `      default: ${def}; env: ${s.env}`);
  }
  lines.push("  --help", "      show this help");
  return `${lines.join("\n")}\n`;
}

import { checkMeshCombinations, MESH_OPTIONS, type MeshConfig } from "./config-mesh.js";
import {
  ConfigError,
  type HostPort,
  intSpec,
  type OptionSpec,
  parseBoolean,
  parseHostList,
  parseHostPort,
  parseNamespaces,
  spec,
} from "./config-parse.js";
import { TASK_POLL_INTERVAL_OPTION, type TaskConfig } from "./config-task.js";
import { isLogLevel, LOG_LEVELS, type LogLevel } from "./log.js";

export type { MeshConfig } from "./config-mesh.js";
export {
  ConfigError,
  type HostPort,
  type OptionSpec,
  parseBoolean,
  parseHostList,
  parseHostPort,
  parseInteger,
  parseNamespaces,
  parseReadableFile,
} from "./config-parse.js";

/** The gateway's whole configuration, validated at start (flags > environment > defaults). */
export interface GatewayConfig extends MeshConfig, TaskConfig {
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
}

const MIB = 1024 * 1024;

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
    taskPollIntervalMs: TASK_POLL_INTERVAL_OPTION,
    ...MESH_OPTIONS,
  };

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
  checkMeshCombinations(config);
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

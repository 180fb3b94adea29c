/** Severity levels of the structured logger, lowest first. */
export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;

/** A severity level name of the structured logger; `silent` turns logging off. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Extra key/value pairs attached to one log line. */
export type LogFields = Readonly<Record<string, unknown>>;

/** A structured logger that writes one JSON object per line. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** Returns a logger that adds `bindings` to every line it writes. */
  child(bindings: LogFields): Logger;
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Lines below this level are dropped; default `info`. */
  readonly level?: LogLevel;
  /** Where each finished line (with its trailing newline) goes; default process.stdout. */
  readonly write?: (line: string) => void;
  /** Fields added to every line. */
  readonly bindings?: LogFields;
}

/** Tells whether a string names a log level. */
export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/** Turns a value into something JSON.stringify keeps: errors become name/message/stack, bigints strings. */
export function toLoggable(value: unknown): unknown {
  if (value instanceof Error) {
    const out: Record<string, unknown> = { name: value.name, message: value.message };
    if (value.stack !== undefined) out.stack = value.stack;
    if (value.cause !== undefined) out.cause = toLoggable(value.cause);
    return out;
  }
  if (typeof value === "bigint") return value.toString();
  return value;
}

/** Formats one log line as JSON text ending in a newline. */
export function formatLogLine(
  level: Exclude<LogLevel, "silent">,
  msg: string,
  bindings: LogFields,
  fields: LogFields | undefined,
  now: Date = new Date(),
): string {
  const record: Record<string, unknown> = { time: now.toISOString(), level, msg };
  for (const [k, v] of Object.entries(bindings)) record[k] = toLoggable(v);
  if (fields !== undefined) {
    for (const [k, v] of Object.entries(fields)) record[k] = toLoggable(v);
  }
  return `${JSON.stringify(record, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))}\n`;
}

/** Creates a JSON-lines logger writing to stdout (or to `options.write`). */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level ?? "info");
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const bindings = options.bindings ?? {};
  const emit = (level: Exclude<LogLevel, "silent">, msg: string, fields?: LogFields) => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    write(formatLogLine(level, msg, bindings, fields));
  };
  return {
    debug: (msg, fields) => emit("debug", msg, fields),
    info: (msg, fields) => emit("info", msg, fields),
    warn: (msg, fields) => emit("warn", msg, fields),
    error: (msg, fields) => emit("error", msg, fields),
    child: (more) => createLogger({ ...options, write, bindings: { ...bindings, ...more } }),
  };
}

/** A logger that drops everything; handy in tests. */
export const silentLogger: Logger = createLogger({ level: "silent" });

/** A parsed info command line. */
export interface InfoCommand {
  /** The exact command string as received (echoed before the tab). */
  readonly raw: string;
  /** The command name: text before the first `:` or `/`. */
  readonly name: string;
  /** `/`-separated arguments (`namespace/test` → `["test"]`). */
  readonly args: readonly string[];
  /** `key=value` parameters after `:` (`;`-separated). */
  readonly params: ReadonlyMap<string, string>;
  /** The raw text after `:` (empty if none). */
  readonly paramText: string;
}

/** Answers one info command with its value (without the name and tab). */
export type InfoHandler = (cmd: InfoCommand) => string;

/** The reply for a command nobody handles. */
export const UNRECOGNIZED = "ERROR:4:unrecognized command";

/** Parses one info command line. */
export function parseInfoCommand(raw: string): InfoCommand {
  const colon = raw.indexOf(":");
  const head = colon < 0 ? raw : raw.slice(0, colon);
  const paramText = colon < 0 ? "" : raw.slice(colon + 1);
  const [name = "", ...args] = head.split("/");
  const params = new Map<string, string>();
  for (const part of paramText.split(";")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    if (eq < 0) params.set(part, "");
    else params.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return { raw, name, args, params, paramText };
}

/**
 * The table of info commands: name → handler.
 *
 * Other parts of the embedded server (UDF, secondary indexes, jobs) add their commands with
 * {@link InfoRegistry.register}.
 */
export class InfoRegistry {
  private readonly handlers = new Map<string, InfoHandler>();
  private summaryNames: readonly string[] = [];

  /** Adds or replaces the handler of a command name. */
  register(name: string, handler: InfoHandler): void {
    this.handlers.set(name, handler);
  }

  /** Sets the commands answered, in order, for an empty request. */
  setSummary(names: readonly string[]): void {
    this.summaryNames = names;
  }

  /** The value for one command (never throws; errors become `ERROR:` values). */
  answer(raw: string): string {
    const cmd = parseInfoCommand(raw);
    const handler = this.handlers.get(cmd.name);
    if (handler === undefined) return UNRECOGNIZED;
    try {
      return handler(cmd);
    } catch {
      return "ERROR::internal error";
    }
  }

  /** Answers a whole info request body (one command per line) with the response body text. */
  respond(body: string): string {
    const lines = body.split("\n");
    if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    if (lines.length === 0) {
      return this.summaryNames.map((n) => `${n}\t${this.answer(n)}\n`).join("");
    }
    return lines.map((line) => `${line}\t${this.answer(line)}\n`).join("");
  }
}

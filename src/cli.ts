import { ConfigError, loadConfig, serveHelp } from "./config.js";

/** The top-level usage text of the `aerogate` command. */
export const USAGE = `Usage: aerogate <command> [options]

Commands:
  serve      start the gRPC gateway (see: aerogate serve --help)
  embedded   start only the embedded Aerospike-compatible server (see: aerogate embedded --help)

Options:
  --help     show this help
`;

/** Where the CLI writes: stdout for help, stderr for problems. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Tells whether argv asks for help. */
function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes("--help") || argv.includes("-h");
}

/**
 * Runs the `aerogate` command line and resolves with the exit code: 0 on success or help, 2 for bad
 * usage or an invalid setting (the message names it), 1 when the server fails.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    (command === undefined ? io.err : io.out)(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === "serve") {
    if (wantsHelp(rest)) {
      io.out(serveHelp());
      return 0;
    }
    let config: ReturnType<typeof loadConfig>;
    try {
      config = loadConfig(rest);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      io.err(`aerogate serve: ${err.message}\n`);
      return 2;
    }
    const { runServe } = await import("./main.js");
    return runServe(config);
  }
  if (command === "embedded") {
    const { runEmbedded } = await import("./embedded/main.js");
    const code: unknown = await runEmbedded([...rest]);
    return typeof code === "number" ? code : 0;
  }
  io.err(`aerogate: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}

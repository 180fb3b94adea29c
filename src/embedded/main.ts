import { startEmbeddedServer } from "./server/embedded-server.js";

/** Parsed command-line options of `aerogate embedded`. */
export interface EmbeddedArgs {
  readonly port: number;
  readonly host: string;
  readonly namespaces: string[];
  readonly help: boolean;
}

/** The help text of `aerogate embedded`. */
export const EMBEDDED_HELP = `Usage: aerogate embedded [--port N] [--host ADDR] [--namespace NAME]...

Runs a single-node Aerospike-compatible server (wire protocol of Aerospike 8.1.2) that any
Aerospike client can use. Data lives in memory and is lost when the server stops.

Options:
  --port N          TCP port to listen on (default 3000; 0 picks a free port)
  --host ADDR       address to bind (default 127.0.0.1)
  --namespace NAME  namespace to serve; repeat for several (default: test)
  --help            show this help
`;

/** Parses `aerogate embedded` arguments; throws an Error with a user-facing message. */
export function parseEmbeddedArgs(argv: readonly string[]): EmbeddedArgs {
  let port = 3000;
  let host = "127.0.0.1";
  const namespaces: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split("=", 2) : [arg];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--help":
      case "-h":
        help = true;
        break;
      case "--port": {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n > 65535) throw new Error(`invalid port "${v}"`);
        port = n;
        break;
      }
      case "--host":
        host = value();
        break;
      case "--namespace": {
        const v = value();
        if (!/^[^\s:;/]{1,31}$/.test(v)) throw new Error(`invalid namespace "${v}"`);
        namespaces.push(v);
        break;
      }
      default:
        throw new Error(`unknown option "${arg}"`);
    }
  }
  return { port, host, namespaces: namespaces.length > 0 ? namespaces : ["test"], help };
}

/**
 * Runs `aerogate embedded`: starts the server and keeps it running until SIGINT or SIGTERM.
 * Resolves to the process exit code (0 after a clean stop or `--help`, 2 on bad arguments,
 * 1 when the server cannot start).
 */
export async function runEmbedded(argv: string[]): Promise<number> {
  let args: EmbeddedArgs;
  try {
    args = parseEmbeddedArgs(argv);
  } catch (e) {
    process.stderr.write(`aerogate embedded: ${(e as Error).message}\n\n${EMBEDDED_HELP}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(EMBEDDED_HELP);
    return 0;
  }
  let server: Awaited<ReturnType<typeof startEmbeddedServer>>;
  try {
    server = await startEmbeddedServer({
      port: args.port,
      host: args.host,
      namespaces: args.namespaces,
      inline: true,
    });
  } catch (e) {
    process.stderr.write(`aerogate embedded: cannot start: ${(e as Error).message}\n`);
    return 1;
  }
  process.stdout.write(
    `aerogate embedded: listening on ${server.host}:${server.port} (node ${server.nodeName}, ` +
      `namespaces ${args.namespaces.join(", ")})\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await server.close();
  return 0;
}

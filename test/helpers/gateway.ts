import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../../src/config.js";
import { createLogger, type Logger } from "../../src/log.js";
import { type RunningGateway, startGateway } from "../../src/main.js";
import { GrpcTestClient } from "./grpc-client.js";

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** A gateway started inside the test process, with a client pointed at it. */
export interface TestGateway {
  readonly gateway: RunningGateway;
  /** `host:port` the gateway listens on. */
  readonly address: string;
  readonly client: GrpcTestClient;
  /** Every log line the gateway wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  /** Closes the client and stops the gateway (and its embedded server). */
  stop(): Promise<void>;
}

/** Creates a logger that keeps parsed lines in `sink` (and echoes them when AEROGATE_TEST_LOG is set). */
export function capturingLogger(sink: Record<string, unknown>[]): Logger {
  return createLogger({
    level: "debug",
    write: (line) => {
      sink.push(JSON.parse(line) as Record<string, unknown>);
      if (process.env.AEROGATE_TEST_LOG) process.stdout.write(line);
    },
  });
}

/**
 * Starts the real gateway in-process on a free loopback port. `args` are `aerogate serve` flags; the
 * environment applies as in production, so `AEROSPIKE_HOSTS=host:3000` points the suite at a real cluster,
 * and without it the embedded server is started.
 */
export async function startTestGateway(args: readonly string[] = []): Promise<TestGateway> {
  const config = loadConfig(["--listen", "127.0.0.1:0", "--shutdown-grace-ms", "2000", ...args]);
  const logs: Record<string, unknown>[] = [];
  const gateway = await startGateway(config, capturingLogger(logs));
  const client = new GrpcTestClient(gateway.address.address);
  return {
    gateway,
    address: gateway.address.address,
    client,
    logs,
    async stop() {
      client.close();
      await gateway.stop();
    },
  };
}

/** A gateway running as a child process through `bin/aerogate.js`. */
export interface SpawnedGateway {
  readonly child: ChildProcess;
  /** `host:port` from the `"msg":"listening"` log line. */
  readonly address: string;
  /** Every JSON line the child wrote to stdout so far. */
  readonly logs: Record<string, unknown>[];
  /** Everything the child wrote to stderr so far. */
  stderr(): string;
  /** Resolves with the exit code (or signal name) once the child exits. */
  readonly exited: Promise<number | string>;
  /** Kills the child with SIGKILL if it is still running. */
  kill(): void;
}

/** Returns the path of the `aerogate` bin; it needs `npm run build` (dist/) first. */
export function aerogateBin(): string {
  if (!existsSync(join(REPO_ROOT, "dist/src/cli.js"))) {
    throw new Error(
      "dist/src/cli.js is missing: run `npm run build` before the child-process tests",
    );
  }
  return join(REPO_ROOT, "bin/aerogate.js");
}

/** Runs `node bin/aerogate.js <args>` and waits for its `"msg":"listening"` line (or its exit). */
export async function spawnGateway(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<SpawnedGateway> {
  const child = spawn(process.execPath, [aerogateBin(), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | string>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const address = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on("line", (line) => {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === "listening") resolve(String(entry.address));
      } catch {
        // Not a log line; ignore.
      }
    });
    exited.then((code) =>
      reject(new Error(`gateway exited (${code}) before listening:\n${stderr}`)),
    );
  });
  return {
    child,
    address,
    logs,
    stderr: () => stderr,
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}

/** Runs `node bin/aerogate.js <args>` to completion and returns its exit code and output. */
export function runAerogate(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [aerogateBin(), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createInterface } from "node:readline";

/**
 * Builds the gateway (`tsc -p tsconfig.build.json`, so dist/ matches the sources) and starts it in
 * its own process (bench/gateway-child.mjs, the compiled code as production runs it) with the given
 * `aerogate serve` arguments; resolves with the address it listens on. `nodeFlags` go to the
 * child's node (e.g. `--cpu-prof`); `env` is added to this process's.
 */
export async function spawnBenchGateway(
  gatewayArgs: readonly string[],
  options: { nodeFlags?: readonly string[]; env?: Readonly<Record<string, string>> } = {},
): Promise<{ address: string; child: ChildProcess }> {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
    stdio: "inherit",
  });
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), "bench/gateway-child.mjs"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...options.env, GATEWAY_ARGS: JSON.stringify(gatewayArgs) },
  });
  const address = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
      if (line.startsWith("{")) resolve((JSON.parse(line) as { address: string }).address);
    });
    child.on("exit", (code) => reject(new Error(`gateway exited with ${code}`)));
  });
  return { address, child };
}

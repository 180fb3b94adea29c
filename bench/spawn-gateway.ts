import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

/**
 * Starts the gateway in its own process (bench/gateway-child.ts under vite-node, so no build is
 * needed) with the given `aerogate serve` arguments, and resolves with the address it listens on.
 * `nodeFlags` go to the child's node (e.g. `--cpu-prof`); `env` is added to this process's.
 */
export async function spawnBenchGateway(
  gatewayArgs: readonly string[],
  options: { nodeFlags?: readonly string[]; env?: Readonly<Record<string, string>> } = {},
): Promise<{ address: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeFlags ?? []),
      "node_modules/vite-node/vite-node.mjs",
      "bench/gateway-child.ts",
    ],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, ...options.env, GATEWAY_ARGS: JSON.stringify(gatewayArgs) },
    },
  );
  const address = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
      if (line.startsWith("{")) resolve((JSON.parse(line) as { address: string }).address);
    });
    child.on("exit", (code) => reject(new Error(`gateway exited with ${code}`)));
  });
  return { address, child };
}

import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, type SpawnedGateway, spawnGateway } from "../../helpers/gateway.js";

/** Runs bin/healthcheck.js and resolves with its exit code and output. */
function healthcheck(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, "bin/healthcheck.js"), ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.on("exit", (code) => resolve({ code, out }));
  });
}

let gw: SpawnedGateway;
beforeAll(async () => {
  gw = await spawnGateway(["serve", "--listen", "127.0.0.1:0", "--metrics-listen", "127.0.0.1:0"]);
}, 30_000);
afterAll(() => gw?.kill());

describe("aerogate serve in a container's shoes", () => {
  it("says at start that authentication is off", () => {
    const line = gw.logs.find((l) => String(l.msg).startsWith("authentication disabled"));
    expect(line).toMatchObject({ level: "warn", auth: false });
    expect(gw.logs.find((l) => l.msg === "listening")).toMatchObject({ tls: "off" });
  });

  it("passes the gRPC health check when SERVING, and the liveness check", async () => {
    expect(await healthcheck([gw.address])).toMatchObject({ code: 0, out: "SERVING\n" });
    expect(await healthcheck([gw.address, "aerogate.liveness"])).toMatchObject({ code: 0 });
    expect((await healthcheck([gw.address, "no.such.Service"])).code).toBe(1);
  });

  it("reads the address from AEROGATE_LISTEN with a wildcard host", async () => {
    const port = gw.address.split(":").at(-1) as string;
    expect((await healthcheck([], { AEROGATE_LISTEN: `0.0.0.0:${port}` })).code).toBe(0);
  });

  it("fails the health check when nothing listens", async () => {
    expect((await healthcheck(["127.0.0.1:1"])).code).toBe(1);
  });

  it("serves /metrics on its own port", async () => {
    const address = String(gw.logs.find((l) => l.msg === "listening")?.metricsAddress);
    const res = await fetch(`http://${address}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("grpc_server_handled_total");
    expect((await fetch(`http://${address}/other`)).status).toBe(404);
  });
});

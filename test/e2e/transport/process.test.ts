import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  Health,
  HealthCheckResponse_ServingStatus as ServingStatus,
} from "../../../gen/ts/grpc/health/v1/health_pb.js";
import { REPO_ROOT, runAerogate, spawnGateway } from "../../helpers/gateway.js";
import { GrpcTestClient } from "../../helpers/grpc-client.js";

beforeAll(() => {
  // `npm test` builds first; a bare `vitest run` of this file builds when dist/ is missing.
  if (!existsSync(join(REPO_ROOT, "dist/src/cli.js"))) {
    spawnSync(
      process.execPath,
      [join(REPO_ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
      {
        cwd: REPO_ROOT,
        stdio: "inherit",
      },
    );
  }
});

describe("aerogate serve as a process", () => {
  it("ends an open server stream cleanly on SIGTERM and exits 0", async () => {
    const gw = await spawnGateway([
      "serve",
      "--listen",
      "127.0.0.1:0",
      "--shutdown-grace-ms",
      "5000",
    ]);
    const client = new GrpcTestClient(gw.address);
    try {
      expect(gw.logs.filter((l) => l.msg === "listening")).toHaveLength(1);
      const stream = client.serverStream(Health.method.watch, { service: "" });
      const statuses: ServingStatus[] = [];
      const reading = (async () => {
        try {
          for await (const m of stream) {
            statuses.push(m.status);
            if (statuses.length === 1) gw.child.kill("SIGTERM");
          }
        } catch {
          // The final status is checked below.
        }
      })();
      await reading;
      const status = await stream.status;
      expect([0, 14]).toContain(status.code);
      expect(statuses.at(-1)).toBe(ServingStatus.NOT_SERVING);
      expect(await gw.exited).toBe(0);
      expect(gw.logs.some((l) => l.msg === "stopped")).toBe(true);
    } finally {
      client.close();
      gw.kill();
    }
  });

  it("serves NOT_SERVING while Aerospike is unreachable, and still stops on SIGINT", async () => {
    const gw = await spawnGateway([
      "serve",
      "--listen",
      "127.0.0.1:0",
      "--aerospike-hosts",
      "127.0.0.1:1",
    ]);
    const client = new GrpcTestClient(gw.address);
    try {
      const { response } = await client.unary(
        Health.method.check,
        { service: "" },
        { timeoutMs: 5000 },
      );
      expect(response.status).toBe(ServingStatus.NOT_SERVING);
      gw.child.kill("SIGINT");
      expect(await gw.exited).toBe(0);
    } finally {
      client.close();
      gw.kill();
    }
  });
});

describe("aerogate serve shutdown escalation", () => {
  it("a second signal cuts calls that hold the drain, and the process still exits 0", async () => {
    const gw = await spawnGateway([
      "serve",
      "--listen",
      "127.0.0.1:0",
      "--shutdown-grace-ms",
      "120000",
    ]);
    const client = new GrpcTestClient(gw.address);
    try {
      // A call whose request never completes keeps tryShutdown waiting for the whole grace period.
      const held = client.client.makeClientStreamRequest<Buffer, Buffer>(
        "/aerogate.v1.RecordService/Get",
        (b) => b,
        (b) => b,
        () => {},
      );
      held.on("error", () => {});
      await client.unary(Health.method.check, { service: "" }, { timeoutMs: 5000 });
      gw.child.kill("SIGTERM");
      while (!gw.logs.some((l) => l.msg === "shutting down")) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 200));
      gw.child.kill("SIGTERM");
      expect(await gw.exited).toBe(0);
      expect(gw.logs.some((l) => l.msg === "second signal, stopping now")).toBe(true);
      expect(gw.logs.find((l) => l.msg === "stopped")?.drained).toBe(false);
    } finally {
      client.close();
      gw.kill();
    }
  });
});

describe("aerogate CLI", () => {
  it("prints the command list for --help", async () => {
    const r = await runAerogate(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("serve");
    expect(r.stdout).toContain("embedded");
  });

  it("lists every serve option with its default and environment variable", async () => {
    const r = await runAerogate(["serve", "--help"]);
    expect(r.code).toBe(0);
    for (const text of [
      "--listen HOST:PORT",
      "AEROGATE_LISTEN",
      "127.0.0.1:50051",
      "--aerospike-hosts",
      "AEROSPIKE_HOSTS",
    ]) {
      expect(r.stdout).toContain(text);
    }
  });

  it("delegates embedded --help", async () => {
    const r = await runAerogate(["embedded", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toBe("");
  });

  it.each([
    [["serve", "--listen", "nope"], {}, "--listen"],
    [["serve"], { AEROGATE_MAX_BATCH_ENTRIES: "lots" }, "AEROGATE_MAX_BATCH_ENTRIES"],
    [["serve", "--no-such-option"], {}, "--no-such-option"],
  ] as const)("exits non-zero naming the bad setting: %j %j", async (args, env, setting) => {
    const r = await runAerogate(args, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(setting);
  });

  it("rejects an unknown command", async () => {
    const r = await runAerogate(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("frobnicate");
  });
});

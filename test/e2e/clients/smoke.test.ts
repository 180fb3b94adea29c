import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import {
  create,
  type DescMessage,
  fromBinary,
  type MessageShape,
  toBinary,
} from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TaskService } from "../../../gen/ts/aerogate/v1/task_pb.js";
import {
  Health,
  HealthCheckResponse_ServingStatus,
} from "../../../gen/ts/grpc/health/v1/health_pb.js";

const root = resolve(import.meta.dirname, "../../..");

/** Starts the built gateway on a free loopback port and resolves with the address it logs. */
async function startGateway(): Promise<{ proc: ChildProcess; address: string }> {
  const proc = spawn("node", ["bin/aerogate.js", "serve", "--listen", "127.0.0.1:0"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: proc.stdout! });
  const exited = once(proc, "exit").then(() => {
    throw new Error('the gateway exited before logging "listening"');
  });
  const listening = (async () => {
    for await (const line of lines) {
      try {
        const entry = JSON.parse(line) as { msg?: unknown; address?: unknown };
        if (entry.msg === "listening" && typeof entry.address === "string") return entry.address;
      } catch {
        // Not a JSON log line.
      }
    }
    throw new Error('the gateway closed stdout before logging "listening"');
  })();
  const address = await Promise.race([listening, exited]);
  // Keep draining stdout so the gateway never blocks on a full pipe.
  proc.stdout!.resume();
  return { proc, address };
}

/** Calls one unary method of a protobuf-es service descriptor through a plain grpc-js client. */
function unary<I extends DescMessage, O extends DescMessage>(
  client: grpc.Client,
  method: { name: string; parent: { typeName: string }; input: I; output: O },
  request: MessageShape<I>,
): Promise<MessageShape<O>> {
  const path = `/${method.parent.typeName}/${method.name}`;
  return new Promise((res, rej) => {
    client.makeUnaryRequest(
      path,
      (msg: MessageShape<I>) => Buffer.from(toBinary(method.input, msg)),
      (buf: Buffer) => fromBinary(method.output, buf),
      request,
      new grpc.Metadata(),
      { deadline: Date.now() + 10_000 },
      (err, value) => (err ? rej(err) : res(value as MessageShape<O>)),
    );
  });
}

describe("TypeScript client smoke", () => {
  let gateway: { proc: ChildProcess; address: string };
  let client: grpc.Client;

  beforeAll(async () => {
    gateway = await startGateway();
    client = new grpc.Client(gateway.address, grpc.credentials.createInsecure());
  });

  afterAll(async () => {
    client?.close();
    if (gateway && gateway.proc.exitCode === null) {
      const exited = once(gateway.proc, "exit");
      gateway.proc.kill("SIGTERM");
      const timer = setTimeout(() => gateway.proc.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
    }
  });

  it("Health/Check answers SERVING", async () => {
    const check = Health.method.check;
    const response = await unary(client, check, create(check.input));
    expect(response.status).toBe(HealthCheckResponse_ServingStatus.SERVING);
  });

  it("an unimplemented RPC answers UNIMPLEMENTED naming the method", async () => {
    // Every RPC of the contract gets implemented over time, so the probe uses a method outside the
    // contract (on TaskService's path), sent with generated messages.
    const listTasks = TaskService.method.listTasks;
    const probe = {
      name: "NoSuchMethod",
      parent: listTasks.parent,
      input: listTasks.input,
      output: listTasks.output,
    };
    const err = await unary(client, probe, create(listTasks.input)).then(
      () => undefined,
      (e: grpc.ServiceError) => e,
    );
    expect(err?.code).toBe(grpc.status.UNIMPLEMENTED);
    expect(err?.details).toContain("NoSuchMethod");
  });
});

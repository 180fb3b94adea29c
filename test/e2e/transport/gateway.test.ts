import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Health,
  HealthCheckResponse_ServingStatus as ServingStatus,
} from "../../../gen/ts/grpc/health/v1/health_pb.js";
import * as v1 from "../../../gen/ts/grpc/reflection/v1/reflection_pb.js";
import * as v1alpha from "../../../gen/ts/grpc/reflection/v1alpha/reflection_pb.js";
import { loadConfig } from "../../../src/config.js";
import { silentLogger } from "../../../src/log.js";
import { AEROGATE_SERVICES, createServices } from "../../../src/services/index.js";
import { startTestGateway, type TestGateway } from "../../helpers/gateway.js";
import { expectCallError, type GrpcTestClient } from "../../helpers/grpc-client.js";

/** Sends one reflection request over a fresh stream and returns the decoded response. */
async function reflect(
  client: GrpcTestClient,
  version: typeof v1 | typeof v1alpha,
  request: Parameters<typeof create<typeof v1.ServerReflectionRequestSchema>>[1],
) {
  const call = client.bidiRaw(
    `/${version.ServerReflection.typeName}/${version.ServerReflection.methods[0]?.name}`,
    { timeoutMs: 10_000 },
  );
  const first = new Promise<Buffer>((resolve, reject) => {
    call.once("data", resolve);
    call.once("error", reject);
  });
  call.write(
    Buffer.from(
      toBinary(v1.ServerReflectionRequestSchema, create(v1.ServerReflectionRequestSchema, request)),
    ),
  );
  const bytes = await first;
  call.end();
  return fromBinary(v1.ServerReflectionResponseSchema, bytes);
}

/** Polls Health/Check until it reports SERVING (the Aerospike connection may still be starting). */
async function waitServing(client: GrpcTestClient, service = ""): Promise<ServingStatus> {
  let status = ServingStatus.UNKNOWN;
  for (let i = 0; i < 100 && status !== ServingStatus.SERVING; i++) {
    status = (await client.unary(Health.method.check, { service }, { timeoutMs: 5000 })).response
      .status;
    if (status !== ServingStatus.SERVING) await new Promise((r) => setTimeout(r, 200));
  }
  return status;
}

describe("gateway over gRPC", () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw?.stop();
  });

  it("logs one listening line with the bound address", () => {
    const lines = gw.logs.filter((l) => l.msg === "listening");
    expect(lines).toHaveLength(1);
    expect(lines[0]?.address).toBe(gw.address);
    expect(gw.address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(gw.address).not.toBe("127.0.0.1:0");
  });

  it("Health/Check answers SERVING overall and per service once Aerospike is connected", async () => {
    expect(await waitServing(gw.client)).toBe(ServingStatus.SERVING);
    expect(await waitServing(gw.client, "aerogate.v1.RecordService")).toBe(ServingStatus.SERVING);
  });

  it("Health/Check answers NOT_FOUND for an unknown service", async () => {
    const err = await expectCallError(
      gw.client.unary(Health.method.check, { service: "no.Such" }, { timeoutMs: 5000 }),
    );
    expect(err.code).toBe(5);
  });

  it("Health/Watch sends the current status at once", async () => {
    const ac = new AbortController();
    const stream = gw.client.serverStream(
      Health.method.watch,
      { service: "" },
      { signal: ac.signal },
    );
    for await (const msg of stream) {
      expect([ServingStatus.SERVING, ServingStatus.NOT_SERVING]).toContain(msg.status);
      break;
    }
    ac.abort();
    expect((await stream.status).code).toBe(1);
  });

  it.each([
    ["v1", v1],
    ["v1alpha", v1alpha],
  ] as const)("reflection %s lists every aerogate service", async (_name, version) => {
    const res = await reflect(gw.client, version, {
      messageRequest: { case: "listServices", value: "" },
    });
    expect(res.messageResponse.case).toBe("listServicesResponse");
    const names =
      res.messageResponse.case === "listServicesResponse"
        ? res.messageResponse.value.service.map((s) => s.name)
        : [];
    for (const service of AEROGATE_SERVICES) expect(names).toContain(service.typeName);
    expect(names).toContain("grpc.health.v1.Health");
  });

  it("reflection returns a service's file with its dependencies", async () => {
    const res = await reflect(gw.client, v1, {
      messageRequest: { case: "fileContainingSymbol", value: "aerogate.v1.BatchService" },
    });
    expect(res.messageResponse.case).toBe("fileDescriptorResponse");
    const files =
      res.messageResponse.case === "fileDescriptorResponse"
        ? res.messageResponse.value.fileDescriptorProto.map((b) =>
            fromBinary(FileDescriptorProtoSchema, b),
          )
        : [];
    expect(files[0]?.name).toBe("aerogate/v1/batch.proto");
    expect(files[0]?.service.map((s) => s.name)).toEqual(["BatchService"]);
    expect(files.map((f) => f.name)).toContain("aerogate/v1/types.proto");
  });

  it("answers UNIMPLEMENTED, naming the RPC, for every RPC without an implementation", async () => {
    const registrations = createServices({
      aerospike: gw.gateway.aerospike,
      config: loadConfig([], {}),
      log: silentLogger,
    });
    for (const { service, impl } of registrations) {
      for (const method of service.methods) {
        if (impl[method.localName] !== undefined) continue;
        const call =
          method.methodKind === "unary"
            ? gw.client.unary(method, {}, { timeoutMs: 5000 })
            : gw.client.serverStream(method, {}, { timeoutMs: 5000 }).collect();
        const err = await expectCallError(call);
        expect(err.code, `${service.typeName}/${method.name}`).toBe(12);
        expect(err.details).toContain(`${service.typeName}.${method.name}`);
        const details = err.statusDetails();
        expect(details?.errorInfo?.domain).toBe("aerogate");
        expect(details?.errorInfo?.reason).toBe("NOT_IMPLEMENTED");
      }
    }
  });

  it("registers every RPC of every aerogate service", () => {
    const registered = createServices({
      aerospike: gw.gateway.aerospike,
      config: loadConfig([], {}),
      log: silentLogger,
    }).map((r) => r.service.typeName);
    expect(registered.sort()).toEqual(AEROGATE_SERVICES.map((s) => s.typeName).sort());
  });

  it("answers INVALID_ARGUMENT with status details for a malformed payload, and keeps serving", async () => {
    const garbage = new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]);
    const err = await expectCallError(
      gw.client.unaryRaw("/aerogate.v1.RecordService/Get", garbage, { timeoutMs: 5000 }),
    );
    expect(err.code).toBe(3);
    expect(err.statusDetails()?.errorInfo?.reason).toBe("MALFORMED_REQUEST");
    const streamStatus = await gw.client.serverStreamRaw(
      "/aerogate.v1.TaskService/WatchTask",
      garbage,
      {
        timeoutMs: 5000,
      },
    );
    expect(streamStatus.code).toBe(3);
    const health = await gw.client.unary(Health.method.check, { service: "" }, { timeoutMs: 5000 });
    expect(health.response.status).toBeDefined();
  });

  it("echoes the caller's x-request-id, or sends a fresh one, in the trailers", async () => {
    const err = await expectCallError(
      gw.client.unaryRaw("/aerogate.v1.RecordService/Get", new Uint8Array([0xff]), {
        timeoutMs: 5000,
        metadata: { "x-request-id": "req-42" },
      }),
    );
    expect(err.metadata.get("x-request-id")).toEqual(["req-42"]);
    const ok = await gw.client.unary(Health.method.check, { service: "" }, { timeoutMs: 5000 });
    expect(String(ok.trailers.get("x-request-id")[0])).toMatch(/^[0-9a-f-]{36}$/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecordService } from "../../../gen/ts/aerogate/v1/record_pb.js";
import {
  Health,
  HealthCheckResponse_ServingStatus,
} from "../../../gen/ts/grpc/health/v1/health_pb.js";
import { startTestGateway, type TestGateway } from "../../helpers/gateway.js";
import { expectCallError } from "../../helpers/grpc-client.js";

describe("gateway smoke", () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw?.stop();
  });

  it("answers Health/Check", async () => {
    const { response } = await gw.client.unary(
      Health.method.check,
      { service: "" },
      { timeoutMs: 5000 },
    );
    expect([
      HealthCheckResponse_ServingStatus.SERVING,
      HealthCheckResponse_ServingStatus.NOT_SERVING,
    ]).toContain(response.status);
  });

  it("answers UNIMPLEMENTED naming the RPC", async () => {
    const err = await expectCallError(
      gw.client.unary(RecordService.method.get, {}, { timeoutMs: 5000 }),
    );
    expect(err.code).toBe(12);
    expect(err.details).toContain("aerogate.v1.RecordService.Get");
    expect(err.statusDetails()?.errorInfo?.domain).toBe("aerogate");
  });
});

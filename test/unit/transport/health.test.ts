import { describe, expect, it } from "vitest";
import { Health } from "../../../gen/ts/grpc/health/v1/health_pb.js";
import { createHandlerContext } from "../../../src/context.js";
import { Code } from "../../../src/errors.js";
import {
  HealthState,
  healthService,
  LIVENESS_SERVICE,
  ServingStatus,
} from "../../../src/transport/health.js";

describe("HealthState", () => {
  it("starts NOT_SERVING for the overall and every named service; liveness SERVING", () => {
    const s = new HealthState(["a.A", "b.B"]);
    expect(s.entries()).toEqual([
      ["", ServingStatus.NOT_SERVING],
      ["a.A", ServingStatus.NOT_SERVING],
      ["b.B", ServingStatus.NOT_SERVING],
      [LIVENESS_SERVICE, ServingStatus.SERVING],
    ]);
    s.setAll(ServingStatus.NOT_SERVING);
    expect(s.get(LIVENESS_SERVICE)).toBe(ServingStatus.SERVING);
    expect(s.get("c.C")).toBeUndefined();
  });

  it("notifies subscribers only on change", () => {
    const s = new HealthState(["a.A"]);
    const seen: [string, ServingStatus][] = [];
    const off = s.subscribe((svc, st) => seen.push([svc, st]));
    s.setAll(ServingStatus.SERVING);
    s.set("a.A", ServingStatus.SERVING);
    off();
    s.set("", ServingStatus.NOT_SERVING);
    expect(seen).toEqual([
      ["", ServingStatus.SERVING],
      ["a.A", ServingStatus.SERVING],
    ]);
  });
});

describe("health service", () => {
  const state = new HealthState(["a.A"], ServingStatus.SERVING);
  const impl = healthService(state).impl;

  it("Check answers the status, and NOT_FOUND for an unknown service", async () => {
    const ctx = createHandlerContext();
    expect(await impl.check?.({ service: "a.A" }, ctx)).toEqual({ status: ServingStatus.SERVING });
    await expect(
      Promise.resolve().then(() => impl.check?.({ service: "x" }, ctx)),
    ).rejects.toMatchObject({
      code: Code.NotFound,
    });
  });

  it("Watch yields the current status, then each change, until the signal aborts", async () => {
    const ac = new AbortController();
    const ctx = createHandlerContext({ signal: ac.signal });
    const stream = impl.watch?.({ service: "a.A" }, ctx) as AsyncIterable<{
      status: ServingStatus;
    }>;
    const it = stream[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual({ status: ServingStatus.SERVING });
    const next = it.next();
    state.set("a.A", ServingStatus.NOT_SERVING);
    expect((await next).value).toEqual({ status: ServingStatus.NOT_SERVING });
    const end = it.next();
    ac.abort();
    expect((await end).done).toBe(true);
  });

  it("Watch of an unknown service says SERVICE_UNKNOWN and keeps the stream open", async () => {
    const ac = new AbortController();
    const stream = impl.watch?.(
      { service: "later" },
      createHandlerContext({ signal: ac.signal }),
    ) as AsyncIterable<{
      status: ServingStatus;
    }>;
    const it = stream[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual({ status: ServingStatus.SERVICE_UNKNOWN });
    ac.abort();
    expect((await it.next()).done).toBe(true);
  });

  it("List reports every service", async () => {
    const res = (await impl.list?.({}, createHandlerContext())) as {
      statuses: Record<string, unknown>;
    };
    expect(Object.keys(res.statuses).sort()).toEqual(["", "a.A", LIVENESS_SERVICE]);
  });

  it("is the grpc.health.v1.Health service", () => {
    expect(healthService(state).service.typeName).toBe(Health.typeName);
  });
});

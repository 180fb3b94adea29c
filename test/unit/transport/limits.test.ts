import { describe, expect, it } from "vitest";
import { RecordService } from "../../../gen/ts/aerogate/v1/record_pb.js";
import { createHandlerContext } from "../../../src/context.js";
import { AerogateError, Code } from "../../../src/errors.js";
import { type CallGuard, type GuardedCall, runGuards } from "../../../src/transport/call-guard.js";
import { createLoadShedder } from "../../../src/transport/load-shedder.js";
import { createRateLimitGuard, TokenBucket } from "../../../src/transport/rate-limiter.js";

function call(
  principal?: string,
  address = "10.0.0.1:5555",
  path = "/aerogate.v1.RecordService/Get",
): GuardedCall {
  return {
    method: RecordService.method.get,
    path,
    request: {},
    ctx: createHandlerContext(),
    peer: { address, certificate: undefined },
    principal,
    logFields: {},
  };
}

async function refusal(guard: CallGuard, c: GuardedCall): Promise<AerogateError | undefined> {
  try {
    await guard(c);
    return undefined;
  } catch (err) {
    return err as AerogateError;
  }
}

describe("TokenBucket", () => {
  it("starts full, refills at the rate, and says how long to wait", () => {
    const b = new TokenBucket(2, 3, 0);
    expect([b.take(0), b.take(0), b.take(0)]).toEqual([0, 0, 0]);
    expect(b.take(0)).toBe(500);
    expect(b.take(250)).toBe(250);
    expect(b.take(500)).toBe(0);
    expect(b.isFull(500)).toBe(false);
    expect(b.isFull(2000)).toBe(true);
    expect(b.take(100_000)).toBe(0);
  });
});

describe("rate limit guard", () => {
  it("limits each principal on its own and answers RESOURCE_EXHAUSTED with RetryInfo", async () => {
    let now = 0;
    const guard = createRateLimitGuard({ ratePerSecond: 10, burst: 2, now: () => now });
    expect(await refusal(guard, call("a"))).toBeUndefined();
    expect(await refusal(guard, call("a"))).toBeUndefined();
    const err = await refusal(guard, call("a"));
    expect(err).toMatchObject({
      code: Code.ResourceExhausted,
      reason: "RATE_LIMITED",
      retryDelayMs: 100,
    });
    expect(await refusal(guard, call("b"))).toBeUndefined();
    now = 100;
    expect(await refusal(guard, call("a"))).toBeUndefined();
  });

  it("keys unauthenticated calls by peer host", async () => {
    const guard = createRateLimitGuard({ ratePerSecond: 1, burst: 1, now: () => 0 });
    expect(await refusal(guard, call(undefined, "10.0.0.1:1"))).toBeUndefined();
    expect(await refusal(guard, call(undefined, "10.0.0.1:2"))).toBeDefined();
    expect(await refusal(guard, call(undefined, "10.0.0.2:1"))).toBeUndefined();
  });
});

describe("load shedder", () => {
  it("refuses at once with UNAVAILABLE over the limit, and frees slots on release", async () => {
    const shedder = createLoadShedder({ maxConcurrentCalls: 2, isAvailable: () => true });
    const r1 = await shedder.guard(call());
    const r2 = await shedder.guard(call());
    expect(shedder.inFlight()).toBe(2);
    expect(await refusal(shedder.guard, call())).toMatchObject({
      code: Code.Unavailable,
      reason: "OVERLOADED",
    });
    r1?.();
    r1?.();
    expect(shedder.inFlight()).toBe(1);
    expect(await refusal(shedder.guard, call())).toBeUndefined();
    r2?.();
  });

  it("sheds database calls while Aerospike is unreachable, with RetryInfo", async () => {
    let up = false;
    const shedder = createLoadShedder({
      maxConcurrentCalls: 0,
      isAvailable: () => up,
      needsDatabase: (p) => !p.startsWith("/aerogate.v1.ExpressionService/"),
    });
    const err = await refusal(shedder.guard, call());
    expect(err).toMatchObject({
      code: Code.Unavailable,
      reason: "AEROSPIKE_UNAVAILABLE",
      retryDelayMs: 1000,
    });
    expect(
      await refusal(
        shedder.guard,
        call(undefined, "x:1", "/aerogate.v1.ExpressionService/CheckExpression"),
      ),
    ).toBeUndefined();
    up = true;
    expect(await refusal(shedder.guard, call())).toBeUndefined();
  });
});

describe("runGuards", () => {
  it("runs guards in order and releases earlier ones when a later one refuses", async () => {
    const log: string[] = [];
    const take =
      (name: string): CallGuard =>
      () => {
        log.push(`take ${name}`);
        return () => log.push(`release ${name}`);
      };
    const refuse: CallGuard = () => {
      throw new AerogateError(Code.PermissionDenied, "no");
    };
    await expect(
      runGuards([take("a"), take("b"), refuse, take("c")], call()),
    ).rejects.toMatchObject({
      code: Code.PermissionDenied,
    });
    expect(log).toEqual(["take a", "take b", "release b", "release a"]);
    log.length = 0;
    const release = await runGuards([take("a"), take("b")], call());
    release();
    expect(log).toEqual(["take a", "take b", "release b", "release a"]);
  });
});

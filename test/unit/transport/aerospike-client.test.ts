import { describe, expect, it } from "vitest";
import {
  AerospikeHandle,
  clientConfig,
  formatHosts,
  retryDelay,
} from "../../../src/aerospike/client.js";
import { Code } from "../../../src/errors.js";
import { silentLogger } from "../../../src/log.js";

describe("aerospike client lifecycle", () => {
  it("configures seeds and a breaker that per-record errors cannot trip", () => {
    const config = clientConfig({
      hosts: [
        { host: "10.0.0.1", port: 3000 },
        { host: "::1", port: 3100 },
      ],
      log: silentLogger,
    });
    expect(config.hosts).toEqual([
      { addr: "10.0.0.1", port: 3000 },
      { addr: "::1", port: 3100 },
    ]);
    // The C client accepts at most 100 errors per tend iteration; this is that ratio over a long window.
    expect((config.maxErrorRate ?? 0) / (config.errorRateWindow ?? 1)).toBe(100);
  });

  it("formats hosts for logs", () => {
    expect(
      formatHosts([
        { host: "a", port: 1 },
        { host: "::1", port: 2 },
      ]),
    ).toBe("a:1,[::1]:2");
  });

  it.each([
    [1, 1000],
    [2, 2000],
    [4, 8000],
    [5, 10_000],
    [100, 10_000],
  ])("waits before retry after attempt %d: %d ms", (attempt, ms) => {
    expect(retryDelay(1000, attempt)).toBe(ms);
  });

  it("answers UNAVAILABLE with a retry delay while not connected", () => {
    const handle = new AerospikeHandle();
    expect(handle.isConnected()).toBe(false);
    expect(() => handle.current()).toThrow(expect.objectContaining({ code: Code.Unavailable }));
    try {
      handle.current();
    } catch (err) {
      expect((err as { retryDelayMs?: number }).retryDelayMs).toBeGreaterThan(0);
    }
  });
});

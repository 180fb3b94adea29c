import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/config.js";

const FILE = join(tmpdir(), `aerogate-config-mesh-${process.pid}.pem`);
writeFileSync(FILE, "x");

/** Returns the setting a ConfigError names, or "ok". */
function settingOf(argv: string[], env: Record<string, string> = {}): string {
  try {
    loadConfig(argv, env);
    return "ok";
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).setting;
  }
}

describe("mesh settings", () => {
  it("defaults to auth off, no TLS, no metrics listener, no tracing, shedding on", () => {
    const c = loadConfig([], {});
    expect(c.auth).toBe(false);
    expect(c.tlsCert).toBeUndefined();
    expect(c.metricsListen).toBeUndefined();
    expect(c.tracing).toBe(false);
    expect(c.rateLimitRps).toBe(0);
    expect(c.maxConcurrentCalls).toBe(2000);
    expect(c.tlsReloadIntervalMs).toBe(10_000);
    expect(c.authJwtPrincipalClaim).toBe("sub");
  });

  it("reads them from flags and the environment", () => {
    const c = loadConfig(
      [
        "--auth",
        "--auth-grants-file",
        FILE,
        "--auth-tokens-file",
        FILE,
        "--metrics-listen",
        "0.0.0.0:9464",
      ],
      {
        AEROGATE_RATE_LIMIT_RPS: "50",
        AEROGATE_TLS_CERT: FILE,
        AEROGATE_TLS_KEY: FILE,
        AEROGATE_TRACING: "on",
      },
    );
    expect(c.auth).toBe(true);
    expect(c.metricsListen).toEqual({ host: "0.0.0.0", port: 9464 });
    expect(c.rateLimitRps).toBe(50);
    expect(c.tlsCert).toBe(FILE);
    expect(c.tracing).toBe(true);
    expect(loadConfig(["--auth-jwks", "https://issuer.example/jwks.json"], {}).authJwks).toBe(
      "https://issuer.example/jwks.json",
    );
  });

  it.each([
    [["--tls-cert", "/nonexistent/cert.pem"], "--tls-cert"],
    [["--tls-cert", FILE], "--tls-key"],
    [["--tls-client-ca", FILE], "--tls-client-ca"],
    [["--tls-cert", FILE, "--tls-key", FILE, "--auth-mtls-identity"], "--auth-mtls-identity"],
    [["--auth"], "--auth-grants-file"],
    [["--auth", "--auth-grants-file", FILE], "--auth"],
    [["--aerospike-user", "u"], "--aerospike-password-file"],
    [["--aerospike-tls-ca", FILE, "--aerospike-tls-cert", FILE], "--aerospike-tls-key"],
    [["--rate-limit-rps", "-1"], "--rate-limit-rps"],
    [["--metrics-listen", "nope"], "--metrics-listen"],
    [["--auth-jwks", "/nonexistent/jwks.json"], "--auth-jwks"],
  ])("names the bad setting: %j", (argv, setting) => {
    expect(settingOf(argv)).toBe(setting);
  });

  it("accepts consistent combinations", () => {
    expect(
      settingOf([
        "--tls-cert",
        FILE,
        "--tls-key",
        FILE,
        "--tls-client-ca",
        FILE,
        "--auth",
        "--auth-mtls-identity",
        "--auth-grants-file",
        FILE,
        "--aerospike-user",
        "u",
        "--aerospike-password-file",
        FILE,
        "--aerospike-tls-ca",
        FILE,
      ]),
    ).toBe("ok");
  });
});

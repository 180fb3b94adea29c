import { describe, expect, it } from "vitest";
import {
  ConfigError,
  loadConfig,
  parseHostList,
  parseHostPort,
  SERVE_OPTIONS,
  serveHelp,
} from "../../../src/config.js";

describe("parseHostPort", () => {
  it.each([
    ["127.0.0.1:50051", { host: "127.0.0.1", port: 50051 }],
    ["0.0.0.0:0", { host: "0.0.0.0", port: 0 }],
    ["localhost:1", { host: "localhost", port: 1 }],
    ["[::1]:8080", { host: "::1", port: 8080 }],
    [" example.org:65535 ", { host: "example.org", port: 65535 }],
  ])("%s", (raw, expected) => {
    expect(parseHostPort(raw)).toEqual(expected);
  });

  it.each([["nohost"], [":80"], ["h:65536"], ["h:-1"], ["h:12a"], ["::1:80"], [""]])(
    "rejects %j",
    (raw) => {
      expect(() => parseHostPort(raw)).toThrow();
    },
  );
});

describe("parseHostList", () => {
  it("reads seeds, defaulting the port to 3000", () => {
    expect(parseHostList("10.0.0.1:3000, 10.0.0.2:3100,db")).toEqual([
      { host: "10.0.0.1", port: 3000 },
      { host: "10.0.0.2", port: 3100 },
      { host: "db", port: 3000 },
    ]);
  });
  it("rejects port 0 and empty lists", () => {
    expect(() => parseHostList("a:0")).toThrow();
    expect(() => parseHostList(" , ")).toThrow();
  });
});

describe("loadConfig", () => {
  it("uses the defaults", () => {
    const c = loadConfig([], {});
    expect(c.listen).toEqual({ host: "127.0.0.1", port: 50051 });
    expect(c.aerospikeHosts).toBeUndefined();
    expect(c.reflection).toBe(true);
    expect(c.logLevel).toBe("info");
    expect(c.embeddedNamespaces).toEqual(["test"]);
    expect(c.defaultTimeoutMs).toBeLessThanOrEqual(c.maxTimeoutMs);
  });

  it("prefers flags over environment over defaults", () => {
    const env = {
      AEROGATE_LISTEN: "0.0.0.0:7000",
      AEROSPIKE_HOSTS: "10.0.0.1:3000,10.0.0.2:3000",
      AEROGATE_MAX_BATCH_ENTRIES: "10",
      AEROGATE_REFLECTION: "false",
    };
    const c = loadConfig(["--listen=127.0.0.1:0", "--max-batch-entries", "20"], env);
    expect(c.listen).toEqual({ host: "127.0.0.1", port: 0 });
    expect(c.maxBatchEntries).toBe(20);
    expect(c.reflection).toBe(false);
    expect(c.aerospikeHosts).toEqual([
      { host: "10.0.0.1", port: 3000 },
      { host: "10.0.0.2", port: 3000 },
    ]);
  });

  it("reads boolean flags in every form", () => {
    expect(loadConfig(["--no-reflection"], {}).reflection).toBe(false);
    expect(loadConfig(["--reflection"], { AEROGATE_REFLECTION: "0" }).reflection).toBe(true);
    expect(loadConfig(["--reflection=off"], {}).reflection).toBe(false);
  });

  it("treats an empty AEROSPIKE_HOSTS as unset", () => {
    expect(loadConfig([], { AEROSPIKE_HOSTS: "" }).aerospikeHosts).toBeUndefined();
  });

  it.each([
    [["--listen", "nope"], {}, "--listen"],
    [[], { AEROGATE_LISTEN: "nope" }, "AEROGATE_LISTEN"],
    [["--max-batch-entries", "0"], {}, "--max-batch-entries"],
    [[], { AEROGATE_SHUTDOWN_GRACE_MS: "soon" }, "AEROGATE_SHUTDOWN_GRACE_MS"],
    [["--log-level", "loud"], {}, "--log-level"],
    [["--aerospike-hosts", "a:b"], {}, "--aerospike-hosts"],
    [["--embedded-namespaces", "bad name"], {}, "--embedded-namespaces"],
    [["--frobnicate"], {}, "--frobnicate"],
    [["--listen"], {}, "--listen"],
    [["serve"], {}, "serve"],
    [["--default-timeout-ms", "9000", "--max-timeout-ms", "1000"], {}, "--default-timeout-ms"],
  ] as const)("names the bad setting: %j %j", (argv, env, setting) => {
    let caught: unknown;
    try {
      loadConfig(argv, env);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).setting).toBe(setting);
    expect((caught as ConfigError).message).toContain(setting);
  });
});

describe("serveHelp", () => {
  it("lists every option with its default and environment variable", () => {
    const help = serveHelp();
    for (const spec of Object.values(SERVE_OPTIONS)) {
      expect(help).toContain(`--${spec.flag}`);
      expect(help).toContain(spec.env);
      if (spec.default !== undefined) expect(help).toContain(`default: ${spec.default}`);
    }
    expect(help).toContain("--listen HOST:PORT");
    expect(help).toContain("AEROGATE_LISTEN");
    expect(help).toContain("127.0.0.1:50051");
    expect(help).toContain("AEROSPIKE_HOSTS");
  });
});

import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clientConfig } from "../../../src/aerospike/client.js";
import { loadConfig } from "../../../src/config.js";
import { silentLogger } from "../../../src/log.js";
import { aerospikeSecurity } from "../../../src/main.js";

describe("TLS and credentials towards Aerospike", () => {
  it("passes TLS files, the TLS name on every seed, and the user and password to the client", () => {
    const config = clientConfig({
      hosts: [{ host: "10.0.0.1", port: 4333 }],
      log: silentLogger,
      tls: { caFile: "/ca.pem", tlsName: "aero", certFile: "/c.pem", keyFile: "/k.pem" },
      credentials: { user: "gw", password: "s3cret" },
    });
    expect(config.hosts).toEqual([{ addr: "10.0.0.1", port: 4333, tlsname: "aero" }]);
    expect(config.tls).toEqual({
      enable: true,
      cafile: "/ca.pem",
      certfile: "/c.pem",
      keyfile: "/k.pem",
    });
    expect(config.user).toBe("gw");
    expect(config.password).toBe("s3cret");
  });

  it("leaves TLS and credentials out when not configured", () => {
    const config = clientConfig({ hosts: [{ host: "h", port: 3000 }], log: silentLogger });
    expect(config.tls).toBeUndefined();
    expect(config.user).toBeUndefined();
  });

  it("reads the password file (without its trailing newline) from the serve options", () => {
    const dir = tmpdir();
    const pw = join(dir, `aerogate-pw-${process.pid}`);
    const ca = join(dir, `aerogate-ca-${process.pid}.pem`);
    writeFileSync(pw, "hunter2\n");
    writeFileSync(ca, "x");
    const c = loadConfig(
      ["--aerospike-user", "gw", "--aerospike-password-file", pw, "--aerospike-tls-ca", ca],
      { AEROGATE_AEROSPIKE_TLS_NAME: "aero" },
    );
    expect(aerospikeSecurity(c)).toEqual({
      tls: { caFile: ca, tlsName: "aero" },
      credentials: { user: "gw", password: "hunter2" },
    });
    expect(aerospikeSecurity(loadConfig([], {}))).toEqual({});
  });
});

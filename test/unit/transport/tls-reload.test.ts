import { copyFileSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log.js";
import { ReloadingServerCredentials, readTlsFiles } from "../../../src/transport/tls.js";
import { issueCert, makeCa, scratchDir } from "../../e2e/mesh/helpers.js";

const dir = scratchDir("aerogate-tls-unit-");
afterAll(() => dir.remove());

describe("ReloadingServerCredentials", () => {
  it("applies changed files, ignores unchanged ones, and keeps the old pair while the new one is inconsistent", () => {
    const ca = makeCa(dir, "ca");
    const a = issueCert(dir, ca, "a", "a", "DNS:localhost");
    const b = issueCert(dir, ca, "b", "b", "DNS:localhost");
    const certFile = dir.file("tls.crt", "");
    const keyFile = dir.file("tls.key", "");
    copyFileSync(a.certFile, certFile);
    copyFileSync(a.keyFile, keyFile);
    const lines: string[] = [];
    const creds = new ReloadingServerCredentials(
      { certFile, keyFile, clientCaFile: ca.certFile },
      createLogger({ level: "debug", write: (l) => lines.push(l) }),
    );
    expect(creds._isSecure()).toBe(true);
    expect(creds._getConstructorOptions()).toMatchObject({
      requestCert: true,
      rejectUnauthorized: true,
    });
    const updates: unknown[] = [];
    creds._addWatcher((options) => updates.push(options));
    expect(creds.reload()).toBe(false);

    copyFileSync(b.certFile, certFile);
    expect(creds.reload()).toBe(false);
    expect(lines.some((l) => l.includes("tls files not reloaded"))).toBe(true);
    expect(updates).toEqual([]);

    copyFileSync(b.keyFile, keyFile);
    expect(creds.reload()).toBe(true);
    expect(updates).toHaveLength(1);
    expect(creds._getSecureContextOptions()?.cert).toEqual(
      readTlsFiles({ certFile, keyFile }).cert,
    );
    expect(creds._equals(creds)).toBe(true);
  });

  it("refuses to start from unreadable or mismatched files", () => {
    const bad = dir.file("bad.pem", "not a pem");
    expect(() => readTlsFiles({ certFile: bad, keyFile: bad })).toThrow();
    writeFileSync(bad, "");
    expect(
      () =>
        new ReloadingServerCredentials(
          { certFile: bad, keyFile: bad },
          createLogger({ level: "silent" }),
        ),
    ).toThrow();
  });
});

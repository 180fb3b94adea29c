import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecordService } from "../../../gen/ts/aerogate/v1/record_pb.js";
import { createAuthGuard } from "../../../src/auth/auth-guard.js";
import {
  type Authenticator,
  bearerToken,
  certificatePrincipal,
  createAuthenticator,
  parseTokenFile,
} from "../../../src/auth/authenticator.js";
import { parseGrantTable } from "../../../src/auth/grants.js";
import { createHandlerContext } from "../../../src/context.js";
import { AerogateError, Code } from "../../../src/errors.js";
import type { GuardedCall } from "../../../src/transport/call-guard.js";

const TOKEN = "static-token-0123456789abcdef";
let dir: string;
let sign: (claims: Record<string, unknown>, exp?: number | string) => Promise<string>;
let auth: Authenticator;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "aerogate-auth-"));
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwks = join(dir, "jwks.json");
  writeFileSync(
    jwks,
    JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: "a", alg: "RS256" }] }),
  );
  sign = (claims, exp = "5m") =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: "a" })
      .setIssuer("iss")
      .setAudience("aud")
      .setExpirationTime(exp)
      .sign(privateKey);
  auth = createAuthenticator({
    tokens: parseTokenFile(`svc ${TOKEN}`),
    jwt: { jwks, issuer: "iss", audience: "aud", principalClaim: "sub" },
    mtlsIdentity: true,
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the authenticator and returns the principal or the refusal reason. */
async function outcome(authorization: string | undefined, cn?: string, altNames: string[] = []) {
  try {
    const p = await auth({
      authorization,
      certificate:
        cn === undefined && altNames.length === 0
          ? undefined
          : { commonName: cn, altNames, fingerprint256: "" },
    });
    return `${p.method}:${p.name}`;
  } catch (err) {
    expect(AerogateError.is(err) && err.code).toBe(Code.Unauthenticated);
    return (err as AerogateError).reason;
  }
}

describe("authenticator", () => {
  it("parses token files and rejects bad lines", () => {
    expect([...parseTokenFile("# c\n\n a  0123456789abcdefX \nb 0123456789abcdefY\n")]).toEqual([
      ["0123456789abcdefX", "a"],
      ["0123456789abcdefY", "b"],
    ]);
    expect(() => parseTokenFile("a b c", "f")).toThrow(/f:1/);
    expect(() => parseTokenFile("a short", "f")).toThrow(/at least 16/);
  });

  it("reads bearer headers strictly", () => {
    expect(bearerToken("Bearer abc.def-ghi")).toBe("abc.def-ghi");
    expect(bearerToken("bearer   xyz==")).toBe("xyz==");
    for (const bad of ["Basic abc", "Bearer", "Bearer a b", "abc"]) {
      expect(() => bearerToken(bad)).toThrow(/malformed/);
    }
  });

  it("names a certificate by its URI SAN, else its CN", () => {
    expect(
      certificatePrincipal({
        commonName: "cn",
        altNames: ["DNS:x", "URI:spiffe://a/b"],
        fingerprint256: "",
      }),
    ).toBe("spiffe://a/b");
    expect(
      certificatePrincipal({ commonName: "cn", altNames: ["DNS:x"], fingerprint256: "" }),
    ).toBe("cn");
  });

  it("accepts static tokens, valid JWTs and certificates", async () => {
    expect(await outcome(`Bearer ${TOKEN}`)).toBe("token:svc");
    expect(await outcome(`Bearer ${await sign({ sub: "alice" })}`)).toBe("jwt:alice");
    expect(await outcome(undefined, "orders")).toBe("mtls:orders");
    // A token wins over the certificate.
    expect(await outcome(`Bearer ${TOKEN}`, "orders")).toBe("token:svc");
  });

  it("refuses missing, malformed, unknown, expired and unnamed credentials", async () => {
    expect(await outcome(undefined)).toBe("MISSING_CREDENTIALS");
    expect(await outcome("Token x")).toBe("MALFORMED_CREDENTIALS");
    expect(await outcome("Bearer not-a-known-token")).toBe("INVALID_TOKEN");
    expect(
      await outcome(`Bearer ${await sign({ sub: "alice" }, Math.floor(Date.now() / 1000) - 10)}`),
    ).toBe("TOKEN_EXPIRED");
    expect(await outcome(`Bearer ${await sign({ name: "no-sub" })}`)).toBe("INVALID_TOKEN");
    const jwt = await sign({ sub: "alice" });
    const [h, p] = jwt.split(".");
    expect(await outcome(`Bearer ${h}.${p}.AAAA`)).toBe("INVALID_TOKEN");
  });
});

describe("auth guard", () => {
  it("sets the principal and refuses a write outside the grants with PERMISSION_DENIED", async () => {
    const guard = createAuthGuard({
      authenticate: async () => ({ name: "svc", method: "token" }),
      grants: () => parseGrantTable(JSON.stringify({ principals: { svc: { read: ["test"] } } })),
    });
    const call = (method: GuardedCall["method"]): GuardedCall => ({
      method,
      path: "",
      request: { key: { namespace: "test", set: "s" } },
      ctx: createHandlerContext(),
      peer: { address: "127.0.0.1:1", certificate: undefined },
      principal: undefined,
      logFields: {},
    });
    const ok = call(RecordService.method.get);
    await guard(ok);
    expect(ok.principal).toBe("svc");
    expect(ok.logFields).toEqual({ principal: "svc", authMethod: "token" });
    await expect(guard(call(RecordService.method.put))).rejects.toMatchObject({
      code: Code.PermissionDenied,
      reason: "PERMISSION_DENIED",
      metadata: { principal: "svc", right: "write", namespace: "test", set: "s" },
    });
  });
});

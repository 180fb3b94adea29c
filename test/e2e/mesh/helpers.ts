import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";
import { GrpcTestClient } from "../../helpers/grpc-client.js";

/** A scratch directory removed by `remove()`. */
export interface ScratchDir {
  readonly path: string;
  file(name: string, content: string | Buffer): string;
  remove(): void;
}

/** Makes a scratch directory under the OS temp dir. */
export function scratchDir(prefix = "aerogate-mesh-"): ScratchDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    file(name, content) {
      const p = join(path, name);
      writeFileSync(p, content);
      return p;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** Runs openssl with arguments; throws with its stderr on failure. */
function openssl(args: string[], cwd: string): void {
  execFileSync("openssl", args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
}

/** PEM paths of a generated certificate authority. */
export interface TestCa {
  readonly name: string;
  readonly certFile: string;
  readonly keyFile: string;
}

/** Generates a self-signed CA (EC P-256) in `dir`, at test time. */
export function makeCa(dir: ScratchDir, name: string): TestCa {
  const keyFile = join(dir.path, `${name}.key`);
  const certFile = join(dir.path, `${name}.crt`);
  openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", keyFile], dir.path);
  openssl(
    [
      "req",
      "-x509",
      "-new",
      "-key",
      keyFile,
      "-sha256",
      "-days",
      "2",
      "-subj",
      `/CN=${name}`,
      "-out",
      certFile,
    ],
    dir.path,
  );
  return { name, certFile, keyFile };
}

/** Issues a leaf certificate signed by `ca`, with CN and SANs (e.g. `DNS:localhost,IP:127.0.0.1`). */
export function issueCert(
  dir: ScratchDir,
  ca: TestCa,
  name: string,
  cn: string,
  san: string,
): { certFile: string; keyFile: string } {
  const keyFile = join(dir.path, `${name}.key`);
  const csr = join(dir.path, `${name}.csr`);
  const certFile = join(dir.path, `${name}.crt`);
  const ext = dir.file(`${name}.ext`, `subjectAltName=${san}\n`);
  openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", keyFile], dir.path);
  openssl(["req", "-new", "-key", keyFile, "-subj", `/CN=${cn}`, "-out", csr], dir.path);
  openssl(
    [
      "x509",
      "-req",
      "-in",
      csr,
      "-CA",
      ca.certFile,
      "-CAkey",
      ca.keyFile,
      "-CAcreateserial",
      "-days",
      "2",
      "-sha256",
      "-extfile",
      ext,
      "-out",
      certFile,
    ],
    dir.path,
  );
  return { certFile, keyFile };
}

/** A gRPC test client over custom channel credentials (TLS, mutual TLS). */
export function clientWith(
  address: string,
  credentials: grpc.ChannelCredentials,
  options: grpc.ChannelOptions = {},
): GrpcTestClient {
  const client = new GrpcTestClient(address);
  client.client.close();
  (client as { client: grpc.Client }).client = new grpc.Client(address, credentials, options);
  return client;
}

/** A JWT signer and its public JWKS, generated at test time. */
export interface TestIssuer {
  readonly jwks: { keys: unknown[] };
  sign(
    claims: JWTPayload,
    options?: { expiresIn?: string | number; issuer?: string; audience?: string },
  ): Promise<string>;
}

/** Generates an ES256 key pair and returns a signer plus the JWKS holding its public key. */
export async function makeIssuer(
  kid: string,
  issuer: string,
  audience: string,
): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };
  return {
    jwks: { keys: [jwk] },
    sign: (claims, options = {}) => {
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: "ES256", kid })
        .setIssuedAt()
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience ?? audience)
        .setExpirationTime(options.expiresIn ?? "10m");
      return jwt.sign(privateKey);
    },
  };
}

/** Request metadata carrying a bearer token. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

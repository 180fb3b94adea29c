import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JWTVerifyGetKey,
  jwtVerify,
} from "jose";
import { AerogateError, Code } from "../errors.js";
import type { PeerCertificate } from "../transport/call-guard.js";

/** How a caller proved who it is. */
export type AuthMethod = "token" | "jwt" | "mtls";

/** An authenticated caller. */
export interface Principal {
  readonly name: string;
  readonly method: AuthMethod;
}

/** What a caller presented: the `authorization` header and the verified client certificate. */
export interface PresentedCredentials {
  readonly authorization: string | undefined;
  readonly certificate: PeerCertificate | undefined;
}

/** Verifies JWTs: the key set plus the expected issuer and audience. */
export interface JwtSettings {
  /** A JWKS file path, or an `http(s)://` URL fetched (and cached) by jose. */
  readonly jwks: string;
  readonly issuer?: string;
  readonly audience?: string;
  /** The claim naming the principal; default `sub`. */
  readonly principalClaim?: string;
}

/** Options of {@link createAuthenticator}; at least one way to authenticate must be set. */
export interface AuthenticatorOptions {
  /** Static bearer tokens by principal (see {@link parseTokenFile}). */
  readonly tokens?: ReadonlyMap<string, string>;
  readonly jwt?: JwtSettings;
  /** Accept a verified client certificate's identity when no token is sent. */
  readonly mtlsIdentity?: boolean;
}

/** Turns presented credentials into a principal, or throws UNAUTHENTICATED. */
export type Authenticator = (credentials: PresentedCredentials) => Promise<Principal>;

/** Builds an UNAUTHENTICATED error; the message never says which part of a token was wrong. */
export function unauthenticated(message: string, reason: string): AerogateError {
  return new AerogateError(Code.Unauthenticated, message, { reason });
}

/**
 * Parses a static token file: one `<principal> <token>` pair per line; blank lines and `#` comments are
 * skipped. Returns principal by token.
 */
export function parseTokenFile(text: string, source = "tokens"): Map<string, string> {
  const byToken = new Map<string, string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const m = /^(\S+)\s+(\S+)$/.exec(line);
    if (m === null) throw new Error(`${source}:${i + 1}: expected "<principal> <token>"`);
    const [, principal, token] = m as unknown as [string, string, string];
    if (token.length < 16)
      throw new Error(`${source}:${i + 1}: tokens must be at least 16 characters`);
    byToken.set(token, principal);
  });
  return byToken;
}

/** Reads a static token file (see {@link parseTokenFile}). */
export function loadTokenFile(path: string): Map<string, string> {
  return parseTokenFile(readFileSync(path, "utf8"), path);
}

/** Hashes a token so lookups compare digests, not the secret itself. */
function digest(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Loads the key set: a URL is fetched lazily by jose, a path is read now. */
export function jwksFrom(location: string): JWTVerifyGetKey {
  if (/^https?:\/\//i.test(location)) return createRemoteJWKSet(new URL(location));
  const doc = JSON.parse(readFileSync(location, "utf8")) as Parameters<typeof createLocalJWKSet>[0];
  return createLocalJWKSet(doc);
}

/** The principal a client certificate stands for: its first URI SAN (e.g. SPIFFE id), else its CN. */
export function certificatePrincipal(cert: PeerCertificate): string | undefined {
  const uri = cert.altNames.find((n) => n.startsWith("URI:"));
  return uri !== undefined ? uri.slice(4) : cert.commonName;
}

/** Extracts the token of an `authorization: Bearer <token>` header; throws on any other shape. */
export function bearerToken(header: string): string {
  const m = /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)$/i.exec(header.trim());
  if (m === null) {
    throw unauthenticated("malformed authorization header", "MALFORMED_CREDENTIALS");
  }
  return m[1] as string;
}

/** Verifies a JWT and names its principal; expired or badly signed tokens are UNAUTHENTICATED. */
async function verifyJwt(
  token: string,
  keys: JWTVerifyGetKey,
  settings: JwtSettings,
): Promise<Principal> {
  try {
    const { payload } = await jwtVerify(token, keys, {
      ...(settings.issuer === undefined ? {} : { issuer: settings.issuer }),
      ...(settings.audience === undefined ? {} : { audience: settings.audience }),
    });
    const name = payload[settings.principalClaim ?? "sub"];
    if (typeof name !== "string" || name === "") {
      throw unauthenticated("token names no principal", "INVALID_TOKEN");
    }
    return { name, method: "jwt" };
  } catch (err) {
    if (AerogateError.is(err)) throw err;
    if (err instanceof errors.JWTExpired) throw unauthenticated("token expired", "TOKEN_EXPIRED");
    throw new AerogateError(Code.Unauthenticated, "invalid token", {
      reason: "INVALID_TOKEN",
      cause: err,
    });
  }
}

/**
 * Creates the authenticator: a bearer token is looked up among the static tokens, else verified as a JWT;
 * without a token, a verified client certificate's identity is accepted when `mtlsIdentity` is on.
 */
export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const byDigest = new Map<string, string>();
  for (const [token, principal] of options.tokens ?? []) byDigest.set(digest(token), principal);
  const jwt = options.jwt;
  const keys = jwt === undefined ? undefined : jwksFrom(jwt.jwks);
  return async ({ authorization, certificate }) => {
    if (authorization !== undefined) {
      const token = bearerToken(authorization);
      const name = byDigest.get(digest(token));
      if (name !== undefined) return { name, method: "token" };
      if (jwt !== undefined && keys !== undefined && token.split(".").length === 3) {
        return verifyJwt(token, keys, jwt);
      }
      throw unauthenticated("invalid token", "INVALID_TOKEN");
    }
    if (options.mtlsIdentity && certificate !== undefined) {
      const name = certificatePrincipal(certificate);
      if (name !== undefined && name !== "") return { name, method: "mtls" };
    }
    throw unauthenticated("credentials required", "MISSING_CREDENTIALS");
  };
}

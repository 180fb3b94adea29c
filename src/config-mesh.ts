import {
  boolSpec,
  ConfigError,
  type HostPort,
  intSpec,
  type OptionSpec,
  optSpec,
  parseHostPort,
  parseReadableFile,
  spec,
} from "./config-parse.js";

/** The service-mesh settings of the gateway: limits, authentication, TLS, metrics and tracing. */
export interface MeshConfig {
  /** Most calls handled at once; more are refused with UNAVAILABLE (0 = no limit). */
  readonly maxConcurrentCalls: number;
  /** Calls a second per principal (token bucket); 0 = no rate limit. */
  readonly rateLimitRps: number;
  /** Burst of the per-principal token bucket; 0 = the rate (at least 1). */
  readonly rateLimitBurst: number;
  /** Authenticate and authorize every call; off only when configured so. */
  readonly auth: boolean;
  /** File of `<principal> <token>` lines (static bearer tokens). */
  readonly authTokensFile: string | undefined;
  /** JSON file of each principal's read/write/admin/tasks/udf grants. */
  readonly authGrantsFile: string | undefined;
  /** JWKS file or URL verifying JWT bearer tokens. */
  readonly authJwks: string | undefined;
  readonly authJwtIssuer: string | undefined;
  readonly authJwtAudience: string | undefined;
  /** The JWT claim naming the principal. */
  readonly authJwtPrincipalClaim: string;
  /** Accept the client certificate's identity (URI SAN, else CN) as the principal. */
  readonly authMtlsIdentity: boolean;
  /** PEM certificate chain of the gRPC listener; TLS is on when set. */
  readonly tlsCert: string | undefined;
  readonly tlsKey: string | undefined;
  /** PEM CA bundle; when set, clients must present a certificate it signed (mutual TLS). */
  readonly tlsClientCa: string | undefined;
  /** How often the TLS files and the grants file are checked for changes, ms (0 = never). */
  readonly tlsReloadIntervalMs: number;
  /** Aerospike user (security-enabled clusters). */
  readonly aerospikeUser: string | undefined;
  /** File holding the Aerospike user's password. */
  readonly aerospikePasswordFile: string | undefined;
  /** PEM CA bundle to verify Aerospike's TLS certificate; TLS towards Aerospike is on when set. */
  readonly aerospikeTlsCa: string | undefined;
  /** The TLS name Aerospike nodes present (their certificate's name). */
  readonly aerospikeTlsName: string | undefined;
  /** PEM client certificate and key for Aerospike mutual TLS. */
  readonly aerospikeTlsCert: string | undefined;
  readonly aerospikeTlsKey: string | undefined;
  /** Address of the Prometheus `/metrics` HTTP listener; unset = no metrics listener. */
  readonly metricsListen: HostPort | undefined;
  /** Start a span per call (W3C traceparent) and log it. */
  readonly tracing: boolean;
}

/** Parses a JWKS location: an http(s) URL, or a readable file. */
function parseJwks(raw: string): string {
  return /^https?:\/\//i.test(raw.trim()) ? raw.trim() : parseReadableFile(raw);
}

/** The mesh options of `aerogate serve`, in help order (merged into SERVE_OPTIONS). */
export const MESH_OPTIONS: { readonly [K in keyof MeshConfig]: OptionSpec<MeshConfig[K]> } = {
  maxConcurrentCalls: intSpec(
    "max-concurrent-calls",
    2000,
    0,
    "calls handled at once by the gateway; more are refused with UNAVAILABLE (0 = no limit)",
  ),
  rateLimitRps: intSpec(
    "rate-limit-rps",
    0,
    0,
    "calls a second per principal, else RESOURCE_EXHAUSTED with RetryInfo (0 = no limit)",
  ),
  rateLimitBurst: intSpec(
    "rate-limit-burst",
    0,
    0,
    "calls a principal may burst after idling (0 = the rate)",
  ),
  auth: boolSpec(
    "auth",
    false,
    "authenticate and authorize every call (off = development only; logged at start)",
  ),
  authTokensFile: optSpec(
    "auth-tokens-file",
    "FILE",
    "static bearer tokens, one `<principal> <token>` line each",
    parseReadableFile,
  ),
  authGrantsFile: optSpec(
    "auth-grants-file",
    "FILE",
    'JSON grants: {"principals":{"<name>":{"read":["ns","ns/set"],"write":[],"admin":["*"],"tasks":[],"udf":[]}}}',
    parseReadableFile,
  ),
  authJwks: optSpec(
    "auth-jwks",
    "FILE|URL",
    "JWKS verifying JWT bearer tokens (file path or https URL)",
    parseJwks,
  ),
  authJwtIssuer: optSpec("auth-jwt-issuer", "ISS", "required JWT issuer (iss)", (r) => r.trim()),
  authJwtAudience: optSpec("auth-jwt-audience", "AUD", "required JWT audience (aud)", (r) =>
    r.trim(),
  ),
  authJwtPrincipalClaim: spec(
    "auth-jwt-principal-claim",
    "CLAIM",
    "sub",
    "JWT claim naming the principal",
    (r) => r.trim(),
  ),
  authMtlsIdentity: boolSpec(
    "auth-mtls-identity",
    false,
    "without a token, the client certificate's URI SAN (else CN) is the principal",
  ),
  tlsCert: optSpec("tls-cert", "FILE", "PEM certificate chain; enables TLS", parseReadableFile),
  tlsKey: optSpec("tls-key", "FILE", "PEM private key of --tls-cert", parseReadableFile),
  tlsClientCa: optSpec(
    "tls-client-ca",
    "FILE",
    "PEM CA bundle; clients must present a certificate it signed (mutual TLS)",
    parseReadableFile,
  ),
  tlsReloadIntervalMs: intSpec(
    "tls-reload-interval-ms",
    10_000,
    0,
    "how often the TLS files and the grants file are checked and reloaded when changed (0 = never)",
  ),
  aerospikeUser: optSpec("aerospike-user", "USER", "Aerospike user name", (r) => r.trim()),
  aerospikePasswordFile: optSpec(
    "aerospike-password-file",
    "FILE",
    "file holding the Aerospike user's password",
    parseReadableFile,
  ),
  aerospikeTlsCa: optSpec(
    "aerospike-tls-ca",
    "FILE",
    "PEM CA bundle for Aerospike's certificate; enables TLS towards Aerospike",
    parseReadableFile,
  ),
  aerospikeTlsName: optSpec("aerospike-tls-name", "NAME", "TLS name of the Aerospike nodes", (r) =>
    r.trim(),
  ),
  aerospikeTlsCert: optSpec(
    "aerospike-tls-cert",
    "FILE",
    "PEM client certificate for Aerospike mutual TLS",
    parseReadableFile,
  ),
  aerospikeTlsKey: optSpec(
    "aerospike-tls-key",
    "FILE",
    "PEM private key of --aerospike-tls-cert",
    parseReadableFile,
  ),
  metricsListen: optSpec(
    "metrics-listen",
    "HOST:PORT",
    "serve Prometheus /metrics over HTTP here (unset = off)",
    (raw) => parseHostPort(raw),
  ),
  tracing: boolSpec(
    "tracing",
    false,
    "span per call continuing the caller's W3C traceparent; logged, and echoed in trailers",
  ),
};

/** Settings that must be given together or that need another one; checked after parsing. */
export function checkMeshCombinations(c: MeshConfig): void {
  const fail = (setting: string, message: string): never => {
    throw new ConfigError(setting, `invalid ${setting}: ${message}`);
  };
  if ((c.tlsCert === undefined) !== (c.tlsKey === undefined)) {
    fail("--tls-key", "--tls-cert and --tls-key go together");
  }
  if (c.tlsClientCa !== undefined && c.tlsCert === undefined) {
    fail("--tls-client-ca", "mutual TLS needs --tls-cert and --tls-key");
  }
  if (c.authMtlsIdentity && c.tlsClientCa === undefined) {
    fail("--auth-mtls-identity", "needs --tls-client-ca (mutual TLS)");
  }
  if ((c.aerospikeTlsCert === undefined) !== (c.aerospikeTlsKey === undefined)) {
    fail("--aerospike-tls-key", "--aerospike-tls-cert and --aerospike-tls-key go together");
  }
  if ((c.aerospikeUser === undefined) !== (c.aerospikePasswordFile === undefined)) {
    fail("--aerospike-password-file", "--aerospike-user and --aerospike-password-file go together");
  }
  if (c.auth) {
    if (c.authGrantsFile === undefined) fail("--auth-grants-file", "required with --auth");
    if (c.authTokensFile === undefined && c.authJwks === undefined && !c.authMtlsIdentity) {
      fail("--auth", "needs --auth-tokens-file, --auth-jwks or --auth-mtls-identity");
    }
  }
}

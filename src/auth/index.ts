import { readFileSync } from "node:fs";
import type { GatewayConfig } from "../config.js";
import type { Logger } from "../log.js";
import type { CallGuard } from "../transport/call-guard.js";
import { createAuthGuard } from "./auth-guard.js";
import { type AuthMethod, createAuthenticator, loadTokenFile } from "./authenticator.js";
import { type GrantTable, parseGrantTable } from "./grants.js";

/** The auth guard of a running gateway and the clean-up of its file watching. */
export interface AuthSetup {
  readonly guard: CallGuard;
  /** Stops re-reading the grants file. */
  close(): void;
}

/**
 * Keeps a grants table in step with its file: re-read every `intervalMs` (0 = never); a file that no longer
 * parses keeps the previous grants in force, with a warning.
 */
export function watchGrants(
  path: string,
  intervalMs: number,
  log: Logger,
): { current: () => GrantTable; close: () => void } {
  let text = readFileSync(path, "utf8");
  let table = parseGrantTable(text, path);
  const check = () => {
    try {
      const next = readFileSync(path, "utf8");
      if (next === text) return;
      table = parseGrantTable(next, path);
      text = next;
      log.info("grants reloaded", { principals: table.size });
    } catch (err) {
      log.warn("grants file not reloaded, keeping the previous grants", {
        err: err instanceof Error ? err.message : String(err),
      });
    }
  };
  const timer = intervalMs > 0 ? setInterval(check, intervalMs) : undefined;
  timer?.unref();
  return { current: () => table, close: () => clearInterval(timer) };
}

/**
 * Builds the authentication/authorization guard from the configuration, or returns undefined when auth is
 * off. Logs which way it went at start: a warning when every caller is let through with every right.
 */
export function authGuardFromConfig(config: GatewayConfig, log: Logger): AuthSetup | undefined {
  if (!config.auth) {
    log.warn("authentication disabled: every caller may read, write and administer everything", {
      auth: false,
    });
    return undefined;
  }
  const grantsFile = config.authGrantsFile as string;
  const grants = watchGrants(grantsFile, config.tlsReloadIntervalMs, log);
  const tokens =
    config.authTokensFile === undefined ? undefined : loadTokenFile(config.authTokensFile);
  const methods: AuthMethod[] = [];
  if (tokens !== undefined) methods.push("token");
  if (config.authJwks !== undefined) methods.push("jwt");
  if (config.authMtlsIdentity) methods.push("mtls");
  const authenticate = createAuthenticator({
    ...(tokens === undefined ? {} : { tokens }),
    ...(config.authJwks === undefined
      ? {}
      : {
          jwt: {
            jwks: config.authJwks,
            principalClaim: config.authJwtPrincipalClaim,
            ...(config.authJwtIssuer === undefined ? {} : { issuer: config.authJwtIssuer }),
            ...(config.authJwtAudience === undefined ? {} : { audience: config.authJwtAudience }),
          },
        }),
    mtlsIdentity: config.authMtlsIdentity,
  });
  log.info("authentication enabled", { auth: true, methods, principals: grants.current().size });
  return { guard: createAuthGuard({ authenticate, grants: grants.current }), close: grants.close };
}

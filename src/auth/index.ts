import type { GatewayConfig } from "../config.js";
import type { Logger } from "../log.js";
import type { CallGuard } from "../transport/call-guard.js";
import { createAuthGuard } from "./auth-guard.js";
import { type AuthMethod, createAuthenticator, loadTokenFile } from "./authenticator.js";
import { loadGrantTable } from "./grants.js";

/**
 * Builds the authentication/authorization guard from the configuration, or returns undefined when auth is
 * off. Logs which way it went at start: a warning when every caller is let through with every right.
 */
export function authGuardFromConfig(config: GatewayConfig, log: Logger): CallGuard | undefined {
  if (!config.auth) {
    log.warn("authentication disabled: every caller may read, write and administer everything", {
      auth: false,
    });
    return undefined;
  }
  const grantsFile = config.authGrantsFile as string;
  const grants = loadGrantTable(grantsFile);
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
  log.info("authentication enabled", { auth: true, methods, principals: grants.size });
  return createAuthGuard({ authenticate, grants: () => grants });
}

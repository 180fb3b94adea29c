import { AerogateError, Code } from "../errors.js";
import type { CallGuard } from "../transport/call-guard.js";
import { describeAccess, requiredAccess } from "./access.js";
import type { Authenticator } from "./authenticator.js";
import { allows, type GrantTable, NO_GRANTS } from "./grants.js";

/** Options of {@link createAuthGuard}. */
export interface AuthGuardOptions {
  readonly authenticate: Authenticator;
  /** The rights of each principal; principals missing from it hold none. */
  readonly grants: () => GrantTable;
}

/**
 * Creates the guard that authenticates every call (UNAUTHENTICATED when credentials are missing or invalid)
 * and checks the principal's grants against what the request touches (PERMISSION_DENIED), before the handler
 * runs and so before anything reaches the database. Sets the call's principal and logs it with every line.
 */
export function createAuthGuard(options: AuthGuardOptions): CallGuard {
  return async (call) => {
    const principal = await options.authenticate({
      authorization: call.ctx.requestMetadata.authorization,
      certificate: call.peer.certificate,
    });
    call.principal = principal.name;
    call.logFields.principal = principal.name;
    call.logFields.authMethod = principal.method;
    const grants = options.grants().get(principal.name) ?? NO_GRANTS;
    for (const access of requiredAccess(call.method, call.request)) {
      if (!allows(grants, access)) {
        throw new AerogateError(
          Code.PermissionDenied,
          `principal "${principal.name}" lacks ${describeAccess(access)}`,
          {
            reason: "PERMISSION_DENIED",
            metadata: {
              principal: principal.name,
              right: access.right,
              namespace: access.namespace,
              ...(access.set === undefined ? {} : { set: access.set }),
            },
          },
        );
      }
    }
    return undefined;
  };
}

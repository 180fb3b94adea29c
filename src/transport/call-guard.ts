import type { DescMethod } from "@bufbuild/protobuf";
import type { HandlerContext } from "../context.js";
import type { LogFields } from "../log.js";

/** The identity a verified client certificate carries (mutual TLS). */
export interface PeerCertificate {
  /** The subject's common name, when it has one. */
  readonly commonName: string | undefined;
  /** Subject alternative names as written by Node, e.g. `URI:spiffe://cluster/ns/a/sa/b`, `DNS:svc`. */
  readonly altNames: readonly string[];
  /** SHA-256 fingerprint, colon-separated hex. */
  readonly fingerprint256: string;
}

/** Who is calling, as the transport sees it. */
export interface PeerInfo {
  /** The remote address, `ip:port`. */
  readonly address: string;
  /** The verified client certificate, or undefined without mutual TLS. */
  readonly certificate: PeerCertificate | undefined;
}

/**
 * One call as the guards see it, after its request was decoded and before its handler runs. Guards may set
 * `principal` (who is calling) and add `logFields` that every log line of the call then carries.
 */
export interface GuardedCall {
  readonly method: DescMethod;
  /** `/<package>.<Service>/<Method>`. */
  readonly path: string;
  readonly request: unknown;
  readonly ctx: HandlerContext;
  readonly peer: PeerInfo;
  principal: string | undefined;
  readonly logFields: Record<string, unknown>;
}

/**
 * A check run before the handler (authentication, authorization, rate limits, load shedding). It throws an
 * AerogateError to refuse the call, or returns a release function run once the call has ended.
 */
export type CallGuard = (
  call: GuardedCall,
) => Promise<(() => void) | undefined> | (() => void) | undefined;

/** Told when calls start and end, e.g. to count them in metrics. */
export interface CallObserver {
  /** A call was accepted by the transport (before the guards run). */
  started(path: string, streaming: boolean): void;
  /** A call ended with a status code after `seconds`. */
  finished(path: string, code: number, seconds: number, streaming: boolean): void;
}

/** Runs guards in order; if one refuses, releases what the earlier ones took and rethrows. */
export async function runGuards(
  guards: readonly CallGuard[],
  call: GuardedCall,
): Promise<() => void> {
  const releases: (() => void)[] = [];
  const releaseAll = () => {
    for (const release of releases.splice(0).reverse()) release();
  };
  try {
    for (const guard of guards) {
      const release = await guard(call);
      if (release !== undefined) releases.push(release);
    }
  } catch (err) {
    releaseAll();
    throw err;
  }
  return releaseAll;
}

/** Returns the call's logger fields as set by the guards (a copy, for `log.child`). */
export function guardLogFields(call: GuardedCall): LogFields {
  return { ...call.logFields };
}

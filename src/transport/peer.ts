import type { ServerUnaryCall } from "@grpc/grpc-js";
import type { PeerCertificate, PeerInfo } from "./call-guard.js";

/** The parts of a grpc-js server call that tell who is calling. */
export type PeerSource = Pick<ServerUnaryCall<unknown, unknown>, "getPeer" | "getAuthContext">;

/** Splits Node's `subjectaltname` text (`DNS:a, URI:spiffe://x`) into its entries. */
export function splitAltNames(text: string | undefined): string[] {
  if (text === undefined || text === "") return [];
  return text.split(/,\s*/).filter((n) => n !== "");
}

/** Reads the caller's address and, under mutual TLS, its verified certificate's identity. */
export function peerInfo(call: PeerSource): PeerInfo {
  let certificate: PeerCertificate | undefined;
  try {
    const cert = call.getAuthContext()?.sslPeerCertificate;
    if (cert !== undefined) {
      const cn = cert.subject?.CN;
      certificate = {
        commonName: Array.isArray(cn) ? cn[0] : cn,
        altNames: splitAltNames(cert.subjectaltname),
        fingerprint256: cert.fingerprint256,
      };
    }
  } catch {
    // A call whose connection is already gone has no auth context; treat it as having no certificate.
  }
  return { address: call.getPeer(), certificate };
}

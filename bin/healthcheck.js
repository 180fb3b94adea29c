#!/usr/bin/env node
// Health probe for containers: calls grpc.health.v1.Health/Check on the gateway and exits 0 only when it
// answers SERVING (1 on anything else). Usage: node bin/healthcheck.js [HOST:PORT] [SERVICE]
// The address defaults to AEROGATE_LISTEN with a wildcard host replaced by 127.0.0.1. When AEROGATE_TLS_CERT
// is set the probe speaks TLS without verifying the server (it only asks about health), presenting
// AEROGATE_HEALTHCHECK_CERT/AEROGATE_HEALTHCHECK_KEY (default: the server's own pair) when mTLS is on.
import { readFileSync } from "node:fs";
import * as grpc from "@grpc/grpc-js";

const SERVING = 1;
const TIMEOUT_MS = Number(process.env.AEROGATE_HEALTHCHECK_TIMEOUT_MS ?? 3000);

/** Picks the address to probe. */
function target() {
  const given = process.argv[2] ?? process.env.AEROGATE_LISTEN ?? "127.0.0.1:50051";
  return given.replace(/^(0\.0\.0\.0|\[::\]|::)(?=:\d+$)/, "127.0.0.1");
}

/** Builds the channel credentials: plaintext, or TLS (with a client pair for mutual TLS). */
function credentials() {
  const serverCert = process.env.AEROGATE_TLS_CERT;
  if (serverCert === undefined || serverCert === "") return grpc.credentials.createInsecure();
  const mutual = (process.env.AEROGATE_TLS_CLIENT_CA ?? "") !== "";
  const certFile = process.env.AEROGATE_HEALTHCHECK_CERT ?? serverCert;
  const keyFile = process.env.AEROGATE_HEALTHCHECK_KEY ?? process.env.AEROGATE_TLS_KEY;
  return grpc.credentials.createSsl(
    null,
    mutual && keyFile ? readFileSync(keyFile) : null,
    mutual && keyFile ? readFileSync(certFile) : null,
    { rejectUnauthorized: false, checkServerIdentity: () => undefined },
  );
}

/** Encodes HealthCheckRequest{service}: field 1, length-delimited. */
function encodeRequest(service) {
  const name = Buffer.from(service, "utf8");
  if (name.length === 0) return Buffer.alloc(0);
  if (name.length > 127) throw new Error("service name too long");
  return Buffer.concat([Buffer.from([0x0a, name.length]), name]);
}

/** Decodes HealthCheckResponse.status (field 1, varint); 0 when absent. */
function decodeStatus(bytes) {
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    if (bytes[i] === 0x08) return bytes[i + 1];
  }
  return 0;
}

const client = new grpc.Client(target(), credentials());
client.makeUnaryRequest(
  "/grpc.health.v1.Health/Check",
  (b) => b,
  (b) => b,
  encodeRequest(process.argv[3] ?? ""),
  { deadline: Date.now() + TIMEOUT_MS },
  (err, response) => {
    client.close();
    if (err) {
      process.stderr.write(`unhealthy: ${err.message}\n`);
      process.exit(1);
    }
    const status = decodeStatus(response);
    process.stdout.write(status === SERVING ? "SERVING\n" : `not serving (status ${status})\n`);
    process.exit(status === SERVING ? 0 : 1);
  },
);

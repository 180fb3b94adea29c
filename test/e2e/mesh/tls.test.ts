import { copyFileSync, readFileSync } from "node:fs";
import type { PeerCertificate } from "node:tls";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecordService } from "../../../gen/ts/aerogate/v1/record_pb.js";
import { Verb } from "../../../gen/ts/aerogate/v1/types_pb.js";
import { Health } from "../../../gen/ts/grpc/health/v1/health_pb.js";
import { startTestGateway, type TestGateway } from "../../helpers/gateway.js";
import { expectCallError, type GrpcTestClient } from "../../helpers/grpc-client.js";
import { freshKey, v } from "../services/helpers.js";
import {
  clientWith,
  issueCert,
  makeCa,
  type ScratchDir,
  scratchDir,
  type TestCa,
} from "./helpers.js";

const SPIFFE = "spiffe://cluster.test/ns/shop/sa/orders";
const SET = "mesh_tls";

let dir: ScratchDir;
let ca: TestCa;
let strangerCa: TestCa;
let serverFiles: { certFile: string; keyFile: string };
let gw: TestGateway;
const clients: GrpcTestClient[] = [];

/** Opens a TLS client; `seen` records the CN of every server certificate it is shown. */
function tlsClient(
  clientCert?: { certFile: string; keyFile: string },
  seen?: string[],
): GrpcTestClient {
  const creds = grpc.credentials.createSsl(
    readFileSync(ca.certFile),
    clientCert === undefined ? null : readFileSync(clientCert.keyFile),
    clientCert === undefined ? null : readFileSync(clientCert.certFile),
    {
      checkServerIdentity: (_host: string, cert: PeerCertificate) => {
        seen?.push(String(cert.subject.CN));
        return undefined;
      },
    },
  );
  const c = clientWith(gw.address, creds);
  clients.push(c);
  return c;
}

function put(client: GrpcTestClient, key = freshKey(SET)) {
  return client.unary(RecordService.method.put, { key, bins: { n: v.int(7) }, verb: Verb.UPSERT });
}

beforeAll(async () => {
  dir = scratchDir();
  ca = makeCa(dir, "mesh-ca");
  strangerCa = makeCa(dir, "stranger-ca");
  const first = issueCert(dir, ca, "server-1", "gateway-1", "DNS:localhost,IP:127.0.0.1");
  serverFiles = {
    certFile: dir.file("server.crt", readFileSync(first.certFile)),
    keyFile: dir.file("server.key", readFileSync(first.keyFile)),
  };
  gw = await startTestGateway([
    "--tls-cert",
    serverFiles.certFile,
    "--tls-key",
    serverFiles.keyFile,
    "--tls-client-ca",
    ca.certFile,
    "--tls-reload-interval-ms",
    "100",
    "--auth",
    "--auth-mtls-identity",
    "--auth-grants-file",
    dir.file(
      "grants.json",
      JSON.stringify({ principals: { [SPIFFE]: { read: ["test"], write: ["test"] } } }),
    ),
  ]);
}, 30_000);
afterAll(async () => {
  for (const c of clients) c.close();
  await gw?.stop();
  dir?.remove();
});

describe("TLS and mutual TLS on the listener", () => {
  it("logs mTLS in the listening line", () => {
    expect(gw.logs.find((l) => l.msg === "listening")).toMatchObject({ tls: "mtls" });
  });

  it("refuses a client without a certificate", async () => {
    const err = await expectCallError(put(tlsClient()));
    expect(grpc.status[err.code]).toBe("UNAVAILABLE");
  });

  it("refuses a plaintext client", async () => {
    const err = await expectCallError(
      gw.client.unary(Health.method.check, { service: "" }, { timeoutMs: 3000 }),
    );
    expect(["UNAVAILABLE", "DEADLINE_EXCEEDED"]).toContain(grpc.status[err.code]);
  });

  it("refuses a certificate from another CA", async () => {
    const stranger = issueCert(dir, strangerCa, "stranger", "stranger", `URI:${SPIFFE}`);
    const err = await expectCallError(put(tlsClient(stranger)));
    expect(grpc.status[err.code]).toBe("UNAVAILABLE");
  });

  it("takes the principal from the client certificate's URI SAN", async () => {
    const orders = issueCert(dir, ca, "orders", "orders", `URI:${SPIFFE}`);
    const r = await put(tlsClient(orders), freshKey(SET));
    expect(r.response.generation).toBe(1);
    const nobody = issueCert(dir, ca, "nobody", "nobody", "DNS:nobody.test");
    const err = await expectCallError(put(tlsClient(nobody)));
    expect(grpc.status[err.code]).toBe("PERMISSION_DENIED");
  });

  it("rotates its certificate without a restart or dropping open calls", async () => {
    const orders = issueCert(dir, ca, "orders-2", "orders", `URI:${SPIFFE}`);
    const seenBefore: string[] = [];
    const old = tlsClient(orders, seenBefore);
    await put(old);
    expect(seenBefore).toEqual(["gateway-1"]);
    // A stream held open across the rotation.
    const watch = old.serverStream(Health.method.watch, { service: "" });
    const iterator = watch[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);

    const second = issueCert(dir, ca, "server-2", "gateway-2", "DNS:localhost,IP:127.0.0.1");
    copyFileSync(second.keyFile, serverFiles.keyFile);
    copyFileSync(second.certFile, serverFiles.certFile);
    const deadline = Date.now() + 10_000;
    while (!gw.logs.some((l) => l.msg === "tls certificates reloaded") && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(gw.logs.some((l) => l.msg === "tls certificates reloaded")).toBe(true);

    const seenAfter: string[] = [];
    await put(tlsClient(orders, seenAfter));
    expect(seenAfter).toEqual(["gateway-2"]);
    // The old connection still works, and its stream is still open.
    await put(old);
    expect(seenBefore).toEqual(["gateway-1"]);
    watch.cancel();
    const end = await iterator.next().catch((e: unknown) => e);
    expect(String((end as Error).message ?? "")).toMatch(/CANCELLED|Cancelled/i);
  });
});

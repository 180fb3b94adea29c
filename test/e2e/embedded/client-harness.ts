import Aerospike from "aerospike";
import { type EmbeddedServer, startEmbeddedServer } from "../../../src/embedded/index.js";

/** A running embedded server with a connected official client. */
export interface Harness {
  readonly server: EmbeddedServer;
  readonly client: Aerospike.Client;
}

/** The client configuration used by the fixture recorder (retries and circuit breaker off). */
export function clientConfig(port: number): Aerospike.ConfigOptions {
  const t = { totalTimeout: 10000, maxRetries: 0 };
  return {
    hosts: [{ addr: "127.0.0.1", port }],
    log: { level: -1 },
    maxErrorRate: 0,
    policies: {
      read: t,
      write: t,
      operate: t,
      remove: t,
      apply: t,
      batch: { totalTimeout: 20000, maxRetries: 0 },
      scan: { totalTimeout: 30000, maxRetries: 0 },
      query: { totalTimeout: 30000, maxRetries: 0 },
      info: { timeout: 10000 },
    },
  } as Aerospike.ConfigOptions;
}

/** Starts an embedded server on a free port and connects the official client to it. */
export async function startHarness(namespaces?: string[]): Promise<Harness> {
  const server = await startEmbeddedServer(namespaces ? { port: 0, namespaces } : { port: 0 });
  const client = await Aerospike.connect(clientConfig(server.port));
  return { server, client };
}

/** Closes the client, then the server. */
export async function stopHarness(h: Harness | undefined): Promise<void> {
  if (h === undefined) return;
  await h.client.close();
  await h.server.close();
}

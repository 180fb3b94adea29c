import type { NamespaceOption } from "./inline-server.js";
import { startInlineServer } from "./inline-server.js";
import { startThreadedServer } from "./threaded-server.js";

/** Options of {@link startEmbeddedServer}. */
export interface EmbeddedServerOptions {
  /** TCP port; 0 (default) picks a free one. */
  readonly port?: number;
  /** Address to bind; default 127.0.0.1. */
  readonly host?: string;
  /** Namespaces to serve (name or `{ name, defaultTtl }`); default `["test"]`. */
  readonly namespaces?: readonly NamespaceOption[];
  /** Cluster name reported by `cluster-name`; default "embedded". */
  readonly clusterName?: string;
  /** Interval of the expired-record sweep in ms; default 1000 (0 disables it). */
  readonly sweepIntervalMs?: number;
  /**
   * Run on the calling thread instead of a worker thread. Only safe when the official Node
   * client is not used on the same thread (it blocks the thread while connecting).
   */
  readonly inline?: boolean;
}

/** A running embedded server. */
export interface EmbeddedServer {
  /** The bound port. */
  readonly port: number;
  /** The bound address. */
  readonly host: string;
  /** The node name the server reports in `node` info. */
  readonly nodeName: string;
  /** Stops accepting, closes every connection and stops the server. */
  close(): Promise<void>;
}

/**
 * Starts a single-node Aerospike-compatible server and resolves once it listens.
 *
 * By default it runs in its own worker thread, so the official Node client (which blocks its
 * thread while connecting) can live in the same process. Any Aerospike client can connect to
 * `host:port`.
 */
export async function startEmbeddedServer(
  options: EmbeddedServerOptions = {},
): Promise<EmbeddedServer> {
  const { inline, ...rest } = options;
  if (inline === true) {
    const { defaultExtensions } = await import("../default-extensions.js");
    const s = await startInlineServer({ ...rest, extensions: defaultExtensions() });
    return { port: s.port, host: s.host, nodeName: s.nodeName, close: () => s.close() };
  }
  return startThreadedServer(rest);
}

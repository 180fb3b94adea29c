import { createServer, type Server, type Socket } from "node:net";
import { type Extensions, emptyExtensions } from "../commands/extensions.js";
import { registerCoreCommands } from "../info/core-commands.js";
import { InfoRegistry } from "../info/registry.js";
import { newIdentity, type ServerIdentity } from "../info/server-identity.js";
import { newStats } from "../info/stats.js";
import { type Clock, systemClock } from "../store/clock.js";
import type { NamespaceConfig } from "../store/namespace.js";
import { Store } from "../store/store.js";
import { Connection } from "./connection.js";
import type { ServerContext } from "./frame-handler.js";

/** A namespace to serve: a name, or a name with its default TTL (seconds, 0 = never expire). */
export type NamespaceOption = string | { readonly name: string; readonly defaultTtl?: number };

/** Options of {@link startInlineServer}. */
export interface InlineServerOptions {
  /** TCP port; 0 (default) picks a free one. */
  readonly port?: number;
  /** Address to bind; default 127.0.0.1. */
  readonly host?: string;
  /** Namespaces to serve; default `["test"]`. */
  readonly namespaces?: readonly NamespaceOption[];
  /** Cluster name reported by `cluster-name`; default "embedded". */
  readonly clusterName?: string;
  /** Interval of the expired-record sweep in ms; default 1000 (0 disables it). */
  readonly sweepIntervalMs?: number;
  /** Time source (Unix ms); default the wall clock. */
  readonly clock?: Clock;
  /** Plug-ins (expressions, HLL, scans, UDFs); default none. */
  readonly extensions?: Extensions;
}

/** An embedded server running on the calling thread. */
export interface InlineServer {
  /** The bound port. */
  readonly port: number;
  readonly host: string;
  /** The node name the server reports. */
  readonly nodeName: string;
  /** The record store (for tests and tools). */
  readonly store: Store;
  /** Stops accepting, closes every connection and the sweep timer. */
  close(): Promise<void>;
}

function namespaceConfigs(options: readonly NamespaceOption[]): NamespaceConfig[] {
  return options.map((o) =>
    typeof o === "string"
      ? { name: o, defaultTtl: 0 }
      : { name: o.name, defaultTtl: o.defaultTtl ?? 0 },
  );
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const addr = server.address();
      resolve(typeof addr === "object" && addr !== null ? addr.port : port);
    });
  });
}

/**
 * Starts the server on the calling thread and resolves once it listens.
 *
 * Only for callers that do not use the official Node client in the same thread (that client
 * blocks its thread while connecting); everyone else uses `startEmbeddedServer`.
 */
export async function startInlineServer(options: InlineServerOptions = {}): Promise<InlineServer> {
  const host = options.host ?? "127.0.0.1";
  const clock = options.clock ?? systemClock;
  const store = new Store(namespaceConfigs(options.namespaces ?? ["test"]), clock);
  const extensions = options.extensions ?? emptyExtensions();
  const identity: ServerIdentity = newIdentity(
    host,
    options.port ?? 0,
    options.clusterName ?? "embedded",
  );
  const stats = newStats();
  const info = new InfoRegistry();
  registerCoreCommands(info, { store, identity, stats });
  for (const plugin of extensions.infoPlugins) plugin(info, store);
  const ctx: ServerContext = { store, extensions, stats, info };

  const connections = new Set<Connection>();
  const server = createServer((socket: Socket) => {
    stats.clientConnections++;
    stats.connectionsOpened++;
    const conn = new Connection(socket, ctx);
    connections.add(conn);
    socket.on("close", () => {
      stats.clientConnections--;
      stats.connectionsClosed++;
      connections.delete(conn);
    });
  });
  const port = await listen(server, options.port ?? 0, host);
  identity.port = port;
  const sweepMs = options.sweepIntervalMs ?? 1000;
  const timer = sweepMs > 0 ? setInterval(() => store.sweep(), sweepMs) : undefined;
  timer?.unref();

  return {
    port,
    host,
    nodeName: identity.nodeName,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        if (timer !== undefined) clearInterval(timer);
        for (const c of connections) c.close();
        server.close(() => resolve());
      }),
  };
}

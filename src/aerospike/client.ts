import Aerospike from "aerospike";
import { AerogateError, Code } from "../errors.js";
import type { Logger } from "../log.js";

/** One Aerospike seed node. */
export interface AerospikeHost {
  readonly host: string;
  readonly port: number;
}

/** TLS towards the Aerospike nodes: PEM files and the name the nodes' certificates carry. */
export interface AerospikeTls {
  readonly caFile: string;
  /** The TLS name of the nodes (set on every seed). */
  readonly tlsName?: string;
  /** Client certificate and key, for clusters that require mutual TLS. */
  readonly certFile?: string;
  readonly keyFile?: string;
}

/** Credentials of a security-enabled cluster. */
export interface AerospikeCredentials {
  readonly user: string;
  readonly password: string;
}

/** Options of {@link connectAerospike}. */
export interface AerospikeConnectOptions {
  readonly hosts: readonly AerospikeHost[];
  readonly log: Logger;
  /** Timeout of the initial connection to each seed, ms; default 1000. */
  readonly connectTimeoutMs?: number;
  readonly tls?: AerospikeTls;
  readonly credentials?: AerospikeCredentials;
}

/** The client's command and connection counters, for metrics. */
export interface AerospikeStats {
  readonly connected: boolean;
  readonly commandsInFlight: number;
  readonly commandsQueued: number;
  readonly nodes: readonly {
    readonly name: string;
    readonly syncInUse: number;
    readonly syncInPool: number;
    readonly asyncInUse: number;
    readonly asyncInPool: number;
  }[];
}

/** A connected Aerospike client plus its lifecycle: connectivity check and close. */
export interface AerospikeConnection {
  /** The official client; only code under src/aerospike/ touches it. */
  readonly client: Aerospike.Client;
  /** Tells whether the client is connected to at least one healthy node. */
  isConnected(): boolean;
  /** The client's command and connection counters. */
  stats(): AerospikeStats;
  /** Closes the client; safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Builds the client configuration: the seeds (with their TLS name), TLS files and credentials when
 * configured, and no circuit breaker on per-record error bursts.
 */
export function clientConfig(options: AerospikeConnectOptions): Aerospike.ConfigOptions {
  const tls = options.tls;
  const tlsName = tls?.tlsName;
  return {
    hosts: options.hosts.map((h) =>
      tlsName === undefined
        ? { addr: h.host, port: h.port }
        : { addr: h.host, port: h.port, tlsname: tlsName },
    ),
    ...(tls === undefined
      ? {}
      : {
          tls: {
            enable: true,
            cafile: tls.caFile,
            ...(tls.certFile === undefined ? {} : { certfile: tls.certFile }),
            ...(tls.keyFile === undefined ? {} : { keyfile: tls.keyFile }),
          },
        }),
    ...(options.credentials === undefined
      ? {}
      : { user: options.credentials.user, password: options.credentials.password }),
    // Per-record outcomes (not found, generation, filtered out) are data, never a reason to trip the breaker.
    // The C client rejects maxErrorRate 0 (it wants 1..100 errors per tend), so allow the most it accepts,
    // spread over a long window so bursts are absorbed.
    maxErrorRate: 10_000,
    errorRateWindow: 100,
    connTimeoutMs: options.connectTimeoutMs ?? 1000,
    log: { level: Aerospike.log.OFF },
  };
}

/** Formats seeds as `host:port,host:port`, the form used in logs and config. */
export function formatHosts(hosts: readonly AerospikeHost[]): string {
  return hosts
    .map((h) => (h.host.includes(":") ? `[${h.host}]:${h.port}` : `${h.host}:${h.port}`))
    .join(",");
}

/** Connects to an Aerospike cluster; rejects when no seed answers. */
export async function connectAerospike(
  options: AerospikeConnectOptions,
): Promise<AerospikeConnection> {
  const client = await Aerospike.connect(clientConfig(options));
  let closed = false;
  options.log.info("aerospike connected", { hosts: formatHosts(options.hosts) });
  return {
    client,
    isConnected: () => !closed && client.isConnected(true),
    stats: () => statsOf(client, !closed && client.isConnected(true)),
    close: async () => {
      if (closed) return;
      closed = true;
      client.close(false);
    },
  };
}

/** Reads the client's counters into the gateway's metrics shape. */
function statsOf(client: Aerospike.Client, connected: boolean): AerospikeStats {
  const raw = client.stats();
  return {
    connected,
    commandsInFlight: raw.commands.inFlight,
    commandsQueued: raw.commands.queued,
    nodes: raw.nodes.map((n) => ({
      name: n.name,
      syncInUse: n.syncConnections.inUse,
      syncInPool: n.syncConnections.inPool,
      asyncInUse: n.asyncConnections.inUse,
      asyncInPool: n.asyncConnections.inPool,
    })),
  };
}

/** Options of {@link connectWithRetry}. */
export interface RetryConnectOptions extends AerospikeConnectOptions {
  /** Stops retrying when aborted. */
  readonly signal: AbortSignal;
  /** Delay before the second attempt, ms, doubling up to 10 s; default 1000. */
  readonly retryDelayMs?: number;
}

/** The wait after failed attempt `attempt` (1-based): `base` doubling each time, at most 10 s. */
export function retryDelay(base: number, attempt: number): number {
  return Math.min(base * 2 ** Math.min(attempt - 1, 20), 10_000);
}

/**
 * Connects, retrying until it works or `signal` aborts; resolves undefined when aborted. Lets the gateway
 * start (health NOT_SERVING) while the cluster is still unreachable.
 */
export async function connectWithRetry(
  options: RetryConnectOptions,
): Promise<AerospikeConnection | undefined> {
  for (let attempt = 1; !options.signal.aborted; attempt++) {
    try {
      const connection = await connectAerospike(options);
      if (!options.signal.aborted) return connection;
      await connection.close();
      return undefined;
    } catch (err) {
      options.log.warn("aerospike connect failed", {
        hosts: formatHosts(options.hosts),
        attempt,
        err: err instanceof Error ? err.message : String(err),
      });
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, retryDelay(options.retryDelayMs ?? 1000, attempt));
      function done() {
        clearTimeout(timer);
        options.signal.removeEventListener("abort", done);
        resolve();
      }
      options.signal.addEventListener("abort", done, { once: true });
    });
  }
  return undefined;
}

/**
 * Holds the current connection for services: `current()` returns it, or throws UNAVAILABLE (retryable) while
 * the gateway is still connecting or already closing.
 */
export class AerospikeHandle {
  #connection: AerospikeConnection | undefined;

  /** Sets (or clears) the live connection. */
  set(connection: AerospikeConnection | undefined): void {
    this.#connection = connection;
  }

  /** Returns the live connection or undefined. */
  peek(): AerospikeConnection | undefined {
    return this.#connection;
  }

  /** Returns the live connection, or throws UNAVAILABLE with RetryInfo when there is none. */
  current(): AerospikeConnection {
    if (this.#connection === undefined) {
      throw new AerogateError(Code.Unavailable, "not connected to Aerospike", {
        reason: "AEROSPIKE_UNAVAILABLE",
        retryDelayMs: 1000,
      });
    }
    return this.#connection;
  }

  /** Tells whether there is a connection and it reaches at least one node. */
  isConnected(): boolean {
    return this.#connection?.isConnected() ?? false;
  }
}

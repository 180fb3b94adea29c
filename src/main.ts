import { readFileSync } from "node:fs";
import {
  type AerospikeConnectOptions,
  type AerospikeCredentials,
  AerospikeHandle,
  type AerospikeHost,
  type AerospikeTls,
  connectWithRetry,
  formatHosts,
} from "./aerospike/client.js";
import { authGuardFromConfig } from "./auth/index.js";
import type { GatewayConfig, HostPort } from "./config.js";
import { type EmbeddedServer, startEmbeddedServer } from "./embedded/index.js";
import { createLogger, type Logger } from "./log.js";
import { attachMetrics } from "./metrics/hooks.js";
import { type MetricsServer, startMetricsServer } from "./metrics/http-server.js";
import { createGatewayMetrics, type GatewayMetrics } from "./metrics/metrics.js";
import { createServices } from "./services/index.js";
import type { CallGuard } from "./transport/call-guard.js";
import { ServingStatus } from "./transport/health.js";
import { createLoadShedder, type LoadShedder } from "./transport/load-shedder.js";
import { createRateLimitGuard } from "./transport/rate-limiter.js";
import { type BoundAddress, createGatewayServer, type GatewayServer } from "./transport/server.js";

/** How often health follows Aerospike connectivity, ms. */
const HEALTH_POLL_MS = 1000;

/** A running gateway: its address, server, and how to stop it. */
export interface RunningGateway {
  readonly address: BoundAddress;
  readonly server: GatewayServer;
  readonly aerospike: AerospikeHandle;
  /** The Aerospike seeds in use (the embedded server's address when it was started). */
  readonly aerospikeHosts: readonly HostPort[];
  /** The Prometheus listener, when `--metrics-listen` is set. */
  readonly metrics: MetricsServer | undefined;
  /** Drains (within the configured grace, or `graceMs`) and releases everything; safe to call twice. */
  stop(graceMs?: number): Promise<void>;
  /** Cuts all calls at once; `stop()` still finishes the clean-up. */
  forceStop(): void;
}

/** Starts the embedded server on a free loopback port. */
async function startEmbedded(config: GatewayConfig, log: Logger): Promise<EmbeddedServer> {
  const embedded = await startEmbeddedServer({
    port: 0,
    host: "127.0.0.1",
    namespaces: [...config.embeddedNamespaces],
  });
  log.info("embedded aerospike started", {
    address: `127.0.0.1:${embedded.port}`,
    namespaces: config.embeddedNamespaces,
  });
  return embedded;
}

/** The TLS and credential options of the Aerospike client, from the configuration. */
export function aerospikeSecurity(
  config: GatewayConfig,
): Pick<AerospikeConnectOptions, "tls" | "credentials"> {
  const out: { tls?: AerospikeTls; credentials?: AerospikeCredentials } = {};
  if (config.aerospikeTlsCa !== undefined) {
    out.tls = {
      caFile: config.aerospikeTlsCa,
      ...(config.aerospikeTlsName === undefined ? {} : { tlsName: config.aerospikeTlsName }),
      ...(config.aerospikeTlsCert === undefined ? {} : { certFile: config.aerospikeTlsCert }),
      ...(config.aerospikeTlsKey === undefined ? {} : { keyFile: config.aerospikeTlsKey }),
    };
  }
  if (config.aerospikeUser !== undefined && config.aerospikePasswordFile !== undefined) {
    out.credentials = {
      user: config.aerospikeUser,
      password: readFileSync(config.aerospikePasswordFile, "utf8").replace(/\r?\n$/, ""),
    };
  }
  return out;
}

/** Services whose calls never reach Aerospike, so they are served while it is unreachable. */
const DATABASE_FREE = ["/aerogate.v1.ExpressionService/"];

/** Builds the guards run before every application call: auth, then the rate limit, then load shedding. */
function callGuards(
  config: GatewayConfig,
  aerospike: AerospikeHandle,
  log: Logger,
): { guards: CallGuard[]; shedder: LoadShedder; close: () => void } {
  const guards: CallGuard[] = [];
  const auth = authGuardFromConfig(config, log);
  if (auth !== undefined) guards.push(auth.guard);
  if (config.rateLimitRps > 0) {
    guards.push(
      createRateLimitGuard({
        ratePerSecond: config.rateLimitRps,
        ...(config.rateLimitBurst > 0 ? { burst: config.rateLimitBurst } : {}),
      }),
    );
  }
  const shedder = createLoadShedder({
    maxConcurrentCalls: config.maxConcurrentCalls,
    isAvailable: () => aerospike.isConnected(),
    needsDatabase: (path) => !DATABASE_FREE.some((prefix) => path.startsWith(prefix)),
  });
  guards.push(shedder.guard);
  return { guards, shedder, close: () => auth?.close() };
}

/**
 * Starts the gateway: the embedded store when no Aerospike hosts are configured, the Aerospike client
 * (retrying in the background while unreachable; health stays NOT_SERVING), then the gRPC server. Logs one
 * `"msg":"listening"` line with the bound address once it accepts calls.
 */
export async function startGateway(config: GatewayConfig, log: Logger): Promise<RunningGateway> {
  const embedded =
    config.aerospikeHosts === undefined ? await startEmbedded(config, log) : undefined;
  const hosts: AerospikeHost[] =
    embedded === undefined
      ? [...(config.aerospikeHosts ?? [])]
      : [{ host: "127.0.0.1", port: embedded.port }];
  const aerospike = new AerospikeHandle();
  const { guards, shedder, close: closeGuards } = callGuards(config, aerospike, log);
  const metrics: GatewayMetrics | undefined =
    config.metricsListen === undefined
      ? undefined
      : createGatewayMetrics({
          aerospikeStats: () => aerospike.peek()?.stats(),
          callsInFlight: () => shedder.inFlight(),
        });
  const server = createGatewayServer({
    services: createServices({ aerospike, config, log }),
    log,
    reflection: config.reflection,
    limits: config,
    guards,
    ...(metrics === undefined ? {} : { observer: metrics.observer }),
    tracing: config.tracing,
    ...(config.tlsCert === undefined || config.tlsKey === undefined
      ? {}
      : {
          tls: {
            certFile: config.tlsCert,
            keyFile: config.tlsKey,
            ...(config.tlsClientCa === undefined ? {} : { clientCaFile: config.tlsClientCa }),
            reloadIntervalMs: config.tlsReloadIntervalMs,
          },
        }),
  });

  const connecting = new AbortController();
  const updateHealth = () => {
    if (server.shutdownSignal.aborted) return;
    server.health.setAll(
      aerospike.isConnected() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING,
    );
  };
  const connected = connectWithRetry({
    hosts,
    log,
    signal: connecting.signal,
    ...aerospikeSecurity(config),
  }).then((connection) => {
    aerospike.set(connection);
    updateHealth();
  });
  // The first attempt usually succeeds at once; waiting for it makes health SERVING when "listening" is logged.
  await Promise.race([connected, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  const poll = setInterval(updateHealth, HEALTH_POLL_MS);
  poll.unref();

  let address: BoundAddress;
  let metricsServer: MetricsServer | undefined;
  try {
    address = await server.listen(config.listen.host, config.listen.port);
    if (metrics !== undefined && config.metricsListen !== undefined) {
      metricsServer = await startMetricsServer(
        metrics,
        config.metricsListen.host,
        config.metricsListen.port,
        log,
      );
    }
  } catch (err) {
    server.forceShutdown();
    closeGuards();
    clearInterval(poll);
    connecting.abort();
    await connected.catch(() => {});
    await aerospike.peek()?.close();
    await embedded?.close();
    throw err;
  }
  updateHealth();
  const detachMetrics = metrics === undefined ? () => {} : attachMetrics(metrics);
  log.info("listening", {
    address: address.address,
    aerospikeHosts: formatHosts(hosts),
    tls: config.tlsCert === undefined ? "off" : config.tlsClientCa === undefined ? "tls" : "mtls",
    ...(metricsServer === undefined ? {} : { metricsAddress: metricsServer.address }),
  });

  let stopping: Promise<void> | undefined;
  return {
    address,
    server,
    aerospike,
    aerospikeHosts: hosts,
    metrics: metricsServer,
    forceStop: () => server.forceShutdown(),
    stop(graceMs = config.shutdownGraceMs) {
      stopping ??= (async () => {
        clearInterval(poll);
        connecting.abort();
        const drained = await server.shutdown(graceMs);
        closeGuards();
        detachMetrics();
        await metricsServer?.close();
        await connected.catch(() => {});
        await aerospike.peek()?.close();
        aerospike.set(undefined);
        await embedded?.close();
        log.info("stopped", { drained });
      })();
      return stopping;
    },
  };
}

/** Extra time, beyond the grace period, that closing the Aerospike client and embedded server may take. */
const CLEANUP_MARGIN_MS = 3000;

/**
 * Runs `aerogate serve` until SIGTERM or SIGINT: the first signal drains within the grace period, a second
 * one cuts every call at once. A signal during start-up stops the gateway as soon as it is up. Resolves
 * with the process exit code.
 */
export async function runServe(config: GatewayConfig): Promise<number> {
  const log = createLogger({ level: config.logLevel });
  let signals = 0;
  let gateway: RunningGateway | undefined;
  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => {
    finish = resolve;
  });
  const stop = (gw: RunningGateway) => {
    const watchdog = setTimeout(() => {
      log.error("clean-up did not finish in time", { graceMs: config.shutdownGraceMs });
      finish(1);
    }, config.shutdownGraceMs + CLEANUP_MARGIN_MS);
    watchdog.unref();
    gw.stop().then(
      () => finish(0),
      (err: unknown) => {
        log.error("shutdown failed", { err });
        finish(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals === 1) {
      log.info("shutting down", { signal, graceMs: config.shutdownGraceMs });
      if (gateway !== undefined) stop(gateway);
    } else {
      log.warn("second signal, stopping now", { signal });
      gateway?.forceStop();
    }
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  // SIGHUP re-reads the TLS files at once (they are also polled every --tls-reload-interval-ms).
  process.on("SIGHUP", () => {
    log.info("SIGHUP: reloading tls files", { reloaded: gateway?.server.reloadTls() ?? false });
  });
  try {
    gateway = await startGateway(config, log);
  } catch (err) {
    log.error("start failed", { err });
    return 1;
  }
  if (signals > 0) stop(gateway);
  return done;
}

import { setMaxListeners } from "node:events";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { DescService } from "@bufbuild/protobuf";
import { Server, ServerCredentials } from "@grpc/grpc-js";
import type { ServiceRegistration } from "../context.js";
import { AerogateError, Code } from "../errors.js";
import type { Logger } from "../log.js";
import type { CallGuard, CallObserver } from "./call-guard.js";
import type { CallEnvironment } from "./handler-wrapper.js";
import { HEALTH_SERVICE, HealthState, healthService, ServingStatus } from "./health.js";
import { bindReflection, REFLECTION_SERVICES } from "./reflection.js";
import { createReflectionIndex } from "./reflection-index.js";
import { grpcServerOptions, type TransportLimits } from "./server-options.js";
import { bindService } from "./service-definition.js";
import { ReloadingServerCredentials, type TlsFiles } from "./tls.js";

/** TLS of the listener: PEM files, re-read every `reloadIntervalMs` (0 = never). */
export interface ListenerTls extends TlsFiles {
  readonly reloadIntervalMs: number;
}

/** Options of {@link createGatewayServer}. */
export interface GatewayServerOptions {
  /** The application services; methods without a handler answer UNIMPLEMENTED. */
  readonly services: readonly ServiceRegistration[];
  readonly log: Logger;
  /** Serve grpc.reflection v1 and v1alpha; default true. */
  readonly reflection?: boolean;
  /** HTTP/2 limits; grpc-js defaults when absent. */
  readonly limits?: TransportLimits;
  /** Checks run before every application handler (not health or reflection): auth, rate limit, shedding. */
  readonly guards?: readonly CallGuard[];
  /** Told when calls start and end (metrics). */
  readonly observer?: CallObserver;
  /** Start a server span per call from the caller's `traceparent`. */
  readonly tracing?: boolean;
  /** Serve TLS (mutual TLS when a client CA is set); plaintext when absent. */
  readonly tls?: ListenerTls;
}

/** The address a server listens on, with the port actually bound. */
export interface BoundAddress {
  readonly host: string;
  readonly port: number;
  /** `host:port`, with IPv6 hosts in brackets. */
  readonly address: string;
}

/** A running gateway gRPC server: listen, report health, drain and stop. */
export interface GatewayServer {
  /** Serving status of `""` and every registered service (health and reflection excluded). */
  readonly health: HealthState;
  /** Aborted when draining starts; streams end when it fires. */
  readonly shutdownSignal: AbortSignal;
  /** Binds `host:port` (port 0 picks a free one) and starts serving. */
  listen(host: string, port: number): Promise<BoundAddress>;
  /**
   * Drains: health turns NOT_SERVING, streams are told to finish, `tryShutdown` runs; after `graceMs` the
   * remaining calls are cut with `forceShutdown`. Resolves true when the drain finished in time.
   */
  shutdown(graceMs: number): Promise<boolean>;
  /** Cuts every call and connection at once. */
  forceShutdown(): void;
  /** Re-reads the TLS files now (they are also polled); true when new ones were applied. */
  reloadTls(): boolean;
}

/** Formats `host:port`, bracketing IPv6 hosts. */
export function formatAddress(host: string, port: number): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The reason streams are aborted with when the server drains. */
export function shuttingDownError(): AerogateError {
  return new AerogateError(Code.Unavailable, "server shutting down", {
    reason: "SHUTTING_DOWN",
    retryDelayMs: 0,
  });
}

/** Creates the gateway gRPC server with health, reflection and every registered service bound. */
export function createGatewayServer(options: GatewayServerOptions): GatewayServer {
  const { log } = options;
  const draining = new AbortController();
  // Every open stream listens for the drain; that is one listener per call, not a leak.
  setMaxListeners(0, draining.signal);
  const shared = {
    shutdown: draining.signal,
    log,
    ...(options.observer === undefined ? {} : { observer: options.observer }),
    tracing: options.tracing ?? false,
  };
  const env: CallEnvironment = { ...shared, guards: options.guards ?? [] };
  const server = new Server(options.limits === undefined ? {} : grpcServerOptions(options.limits));
  const appServices: DescService[] = options.services.map((s) => s.service);
  const health = new HealthState(appServices.map((s) => s.typeName));
  const credentials =
    options.tls === undefined
      ? ServerCredentials.createInsecure()
      : new ReloadingServerCredentials(options.tls, log);
  if (credentials instanceof ReloadingServerCredentials) {
    credentials.watch(options.tls?.reloadIntervalMs ?? 0);
  }

  for (const registration of options.services) {
    const bound = bindService(registration, env);
    server.addService(bound.definition, bound.implementation);
  }
  // Probes must work without credentials, so health runs without the guards.
  const boundHealth = bindService(healthService(health), shared);
  server.addService(boundHealth.definition, boundHealth.implementation);
  if (options.reflection ?? true) {
    const index = createReflectionIndex([...appServices, HEALTH_SERVICE, ...REFLECTION_SERVICES]);
    for (const bound of bindReflection(index, draining.signal, log)) {
      server.addService(bound.definition, bound.implementation);
    }
  }

  let stopping: Promise<boolean> | undefined;
  let forced = false;
  return {
    health,
    shutdownSignal: draining.signal,
    listen(host, port) {
      return new Promise((resolve, reject) => {
        server.bindAsync(formatAddress(host, port), credentials, (err, bound) => {
          if (err) reject(err);
          else resolve({ host, port: bound, address: formatAddress(host, bound) });
        });
      });
    },
    shutdown(graceMs) {
      stopping ??= (async () => {
        if (credentials instanceof ReloadingServerCredentials) credentials.unwatch();
        health.setAll(ServingStatus.NOT_SERVING);
        // Let health watchers send NOT_SERVING before their streams are told to end.
        await nextTurn();
        draining.abort(shuttingDownError());
        let timer: NodeJS.Timeout | undefined;
        const drained = await Promise.race([
          new Promise<boolean>((resolve) =>
            server.tryShutdown((err) => resolve(err === undefined)),
          ),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(false), graceMs);
          }),
        ]);
        clearTimeout(timer);
        if (!drained) {
          log.warn("grace period over, cutting remaining calls", { graceMs });
          server.forceShutdown();
        }
        return drained && !forced;
      })();
      return stopping;
    },
    reloadTls: () =>
      credentials instanceof ReloadingServerCredentials ? credentials.reload() : false,
    forceShutdown() {
      forced = true;
      if (credentials instanceof ReloadingServerCredentials) credentials.unwatch();
      health.setAll(ServingStatus.NOT_SERVING);
      if (!draining.signal.aborted) draining.abort(shuttingDownError());
      server.forceShutdown();
    },
  };
}

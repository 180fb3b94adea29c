import type { DescService } from "@bufbuild/protobuf";
import {
  Health,
  type HealthCheckRequest,
  type HealthCheckResponse,
  HealthCheckResponse_ServingStatus as ServingStatus,
} from "../../gen/ts/grpc/health/v1/health_pb.js";
import { defineService, type HandlerContext, type ServiceRegistration } from "../context.js";
import { AerogateError, Code } from "../errors.js";

export { ServingStatus };

/**
 * A health "service" that is SERVING for as long as the process answers at all, whatever Aerospike does and
 * even while draining: for liveness probes, which should restart a wedged process, not one whose database
 * is away.
 */
export const LIVENESS_SERVICE = "aerogate.liveness";

/** Called whenever one service's serving status changes. */
export type HealthListener = (service: string, status: ServingStatus) => void;

/**
 * The serving status of the server ("" = overall) and of each registered service, settable by the app and
 * observed by `grpc.health.v1.Health`.
 */
export class HealthState {
  readonly #statuses = new Map<string, ServingStatus>();
  readonly #listeners = new Set<HealthListener>();

  /**
   * Creates the state with `""` and every named service at `initial` (NOT_SERVING by default), plus
   * {@link LIVENESS_SERVICE}, which stays SERVING.
   */
  constructor(services: readonly string[], initial: ServingStatus = ServingStatus.NOT_SERVING) {
    for (const name of ["", ...services]) this.#statuses.set(name, initial);
    this.#statuses.set(LIVENESS_SERVICE, ServingStatus.SERVING);
  }

  /** Returns a service's status, or undefined for a service the server does not know. */
  get(service: string): ServingStatus | undefined {
    return this.#statuses.get(service);
  }

  /** Sets one service's status and tells watchers when it changed. */
  set(service: string, status: ServingStatus): void {
    if (this.#statuses.get(service) === status) return;
    this.#statuses.set(service, status);
    for (const listener of this.#listeners) listener(service, status);
  }

  /** Sets the overall status and every service's status at once (liveness excepted). */
  setAll(status: ServingStatus): void {
    for (const service of [...this.#statuses.keys()]) {
      if (service !== LIVENESS_SERVICE) this.set(service, status);
    }
  }

  /** Returns every known service with its status. */
  entries(): [string, ServingStatus][] {
    return [...this.#statuses.entries()];
  }

  /** Subscribes to status changes; returns the unsubscribe function. */
  subscribe(listener: HealthListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** Resolves on the next `wake()` or when the signal aborts, whichever comes first. */
function nextWake(signal: AbortSignal): { promise: Promise<void>; wake: () => void } {
  let wake = () => {};
  const promise = new Promise<void>((resolve) => {
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve();
    };
    wake = done;
    signal.addEventListener("abort", done, { once: true });
  });
  return { promise, wake };
}

/** Streams the status of one service: the current one at once, then every change, until the call ends. */
async function* watchStatus(
  state: HealthState,
  request: HealthCheckRequest,
  ctx: HandlerContext,
): AsyncGenerator<Partial<HealthCheckResponse>> {
  let pending = nextWake(ctx.signal);
  const unsubscribe = state.subscribe((service) => {
    if (service === request.service) pending.wake();
  });
  try {
    let last = state.get(request.service) ?? ServingStatus.SERVICE_UNKNOWN;
    yield { status: last };
    while (!ctx.signal.aborted) {
      await pending.promise;
      pending = nextWake(ctx.signal);
      const now = state.get(request.service) ?? ServingStatus.SERVICE_UNKNOWN;
      if (now !== last && !ctx.signal.aborted) {
        last = now;
        yield { status: now };
      }
    }
  } finally {
    unsubscribe();
  }
}

/** Builds the `grpc.health.v1.Health` service (Check, Watch, List) over a HealthState. */
export function healthService(state: HealthState): ServiceRegistration {
  return defineService(Health, {
    check: (request) => {
      const status = state.get(request.service);
      if (status === undefined) {
        throw new AerogateError(Code.NotFound, `unknown service "${request.service}"`, {
          reason: "SERVICE_UNKNOWN",
        });
      }
      return { status };
    },
    watch: (request, ctx) => watchStatus(state, request, ctx),
    list: () => ({
      statuses: Object.fromEntries(state.entries().map(([name, status]) => [name, { status }])),
    }),
  });
}

/** The health service's descriptor, for reflection's service list. */
export const HEALTH_SERVICE: DescService = Health;

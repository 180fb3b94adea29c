import { randomUUID } from "node:crypto";
import type { Metadata, ServerUnaryCall } from "@grpc/grpc-js";
import { createHandlerContext, type HandlerContext, type RequestMetadata } from "../context.js";
import { AerogateError, Code } from "../errors.js";
import type { Logger } from "../log.js";
import { type CallSpan, startCallSpan } from "../tracing/otel-span.js";

/** The metadata key that carries the request id, both ways. */
export const REQUEST_ID_KEY = "x-request-id";

const REQUEST_ID_PATTERN = /^[\w.:@/+=-]{1,128}$/;

/** Flattens grpc-js metadata into a plain object: repeated values joined by ", ", binary values base64. */
export function metadataToObject(metadata: Metadata): RequestMetadata {
  const out: Record<string, string> = {};
  for (const [key, values] of Object.entries(metadata.toJSON())) {
    out[key] = values
      .map((v) => (typeof v === "string" ? v : Buffer.from(v).toString("base64")))
      .join(", ");
  }
  return out;
}

/** Picks the caller's request id when it is short and printable, else makes a fresh one. */
export function pickRequestId(metadata: RequestMetadata): string {
  const sent = metadata[REQUEST_ID_KEY];
  return sent !== undefined && REQUEST_ID_PATTERN.test(sent) ? sent : randomUUID();
}

/** Converts a grpc-js deadline (Date, epoch ms, or Infinity) to epoch ms, or undefined when there is none. */
export function deadlineMs(deadline: Date | number): number | undefined {
  const ms = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(ms) ? ms : undefined;
}

/** The reason a call's signal is aborted with when the caller's deadline passes. */
export function deadlineExceededError(): AerogateError {
  return new AerogateError(Code.DeadlineExceeded, "deadline exceeded", {
    reason: "DEADLINE_EXCEEDED",
  });
}

/** The reason a call's signal is aborted with when the client cancels. */
export function cancelledError(): AerogateError {
  return new AerogateError(Code.Canceled, "call cancelled by the client", { reason: "CANCELLED" });
}

/** The parts of a grpc-js server call (unary or streaming) that a call scope reads. */
export type SurfaceCall = Pick<
  ServerUnaryCall<unknown, unknown>,
  "metadata" | "getPath" | "getDeadline" | "cancelled" | "on" | "removeListener"
>;

/** A HandlerContext bound to a live grpc-js call, plus the clean-up to run when the call ends. */
export interface CallScope {
  readonly ctx: HandlerContext;
  /** The call's server span when tracing is on. */
  readonly span: CallSpan | undefined;
  /** Releases the deadline timer and listeners; call exactly once when the call ends. */
  dispose(): void;
}

/**
 * Opens the context of one call: its signal aborts on the deadline (DEADLINE_EXCEEDED), on client cancel
 * (CANCELLED) and when `shutdown` aborts (its reason, e.g. UNAVAILABLE "server shutting down").
 */
export function openCallScope(
  call: SurfaceCall,
  shutdown: AbortSignal,
  log: Logger,
  tracing = false,
): CallScope {
  const requestMetadata = metadataToObject(call.metadata);
  const requestId = pickRequestId(requestMetadata);
  const method = call.getPath();
  const span = tracing ? startCallSpan(method, requestMetadata.traceparent) : undefined;
  const deadline = deadlineMs(call.getDeadline());
  const controller = new AbortController();
  const abort = (reason: unknown) => {
    if (!controller.signal.aborted) controller.abort(reason);
  };
  const onCancelled = () =>
    abort(
      deadline !== undefined && Date.now() >= deadline ? deadlineExceededError() : cancelledError(),
    );
  const onShutdown = () => abort(shutdown.reason);
  call.on("cancelled", onCancelled);
  if (shutdown.aborted) onShutdown();
  else shutdown.addEventListener("abort", onShutdown, { once: true });
  // setTimeout holds at most 2^31-1 ms; longer deadlines are left to grpc-js, which cancels the call.
  const remaining = deadline === undefined ? undefined : deadline - Date.now();
  const timer =
    remaining !== undefined && remaining < 2 ** 31
      ? setTimeout(() => abort(deadlineExceededError()), Math.max(0, remaining))
      : undefined;
  const ctx = createHandlerContext({
    signal: controller.signal,
    ...(deadline === undefined ? {} : { deadline }),
    method,
    requestMetadata,
    requestId,
    log: log.child(
      span === undefined
        ? { method, requestId }
        : {
            method,
            requestId,
            traceId: span.context.traceId,
            spanId: span.context.spanId,
            ...(span.parentSpanId === undefined ? {} : { parentSpanId: span.parentSpanId }),
          },
    ),
  });
  return {
    ctx,
    span,
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      shutdown.removeEventListener("abort", onShutdown);
      call.removeListener("cancelled", onCancelled);
    },
  };
}

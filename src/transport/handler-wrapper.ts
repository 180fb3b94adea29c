import { once, setMaxListeners } from "node:events";
import { performance } from "node:perf_hooks";
import { create, type DescMethod, toBinary } from "@bufbuild/protobuf";
import {
  type handleServerStreamingCall,
  type handleUnaryCall,
  Metadata,
  type ServerWritableStream,
  type StatusObject,
  type sendUnaryData,
} from "@grpc/grpc-js";
import { type AnyHandler, EncodedResponse, type HandlerContext } from "../context.js";
import { AerogateError, Code, codeName, invalidArgument, toAerogateError } from "../errors.js";
import type { Logger } from "../log.js";
import { formatTraceparent, type ServerSpan } from "../tracing/traceparent.js";
import { admit, finishCall, NOTHING_TO_RELEASE, unwrapRefusal } from "./call-admission.js";
import { type CallScope, openCallScope, REQUEST_ID_KEY, type SurfaceCall } from "./call-context.js";
import type { CallGuard, CallObserver } from "./call-guard.js";
import { MalformedRequest, passThroughSerializer } from "./codec.js";
import type { PeerSource } from "./peer.js";
import { encodeStatusDetails } from "./status-details.js";

/** What every wrapped handler shares: the server's shutdown signal, logger, guards and observer. */
export interface CallEnvironment {
  /** Aborted (with an UNAVAILABLE reason) when the server starts draining; streams end when it fires. */
  readonly shutdown: AbortSignal;
  readonly log: Logger;
  /** Checks run, in order, after the request is decoded and before the handler (auth, limits). */
  readonly guards?: readonly CallGuard[];
  /** Told when each call starts and ends (metrics). */
  readonly observer?: CallObserver;
  /** Start a server span per call (W3C traceparent), log it, and return its `traceparent`. */
  readonly tracing?: boolean;
}

/** A signal that never aborts, for calls that shutdown should let finish (unary calls drain naturally). */
const NEVER = new AbortController().signal;
// Every open unary call listens on it; it never fires, so the listener count is no leak.
setMaxListeners(0, NEVER);

/**
 * Builds the trailers every call ends with: the request id, the server span's `traceparent` when tracing,
 * plus the status details for failures.
 */
export function responseTrailers(
  requestId: string,
  err?: AerogateError,
  span?: ServerSpan,
): Metadata {
  const md = new Metadata();
  md.set(REQUEST_ID_KEY, requestId);
  if (span !== undefined) md.set("traceparent", formatTraceparent(span.context));
  if (err !== undefined) {
    md.set("grpc-status-details-bin", Buffer.from(encodeStatusDetails(err)));
  }
  return md;
}

/** Builds the grpc-js status object (code, message, trailers with details) for a failed call. */
export function errorStatus(
  err: AerogateError,
  requestId: string,
  span?: ServerSpan,
): StatusObject {
  return {
    code: err.code as number,
    details: err.message,
    metadata: responseTrailers(requestId, err, span),
  };
}

/**
 * Decides what a failed call reports. When the call's signal has fired, a handler's AbortError (or any
 * non-gateway error) stands for the abort reason: DEADLINE_EXCEEDED, CANCELLED or server shutdown.
 */
export function failureOf(err: unknown, signal: AbortSignal): AerogateError {
  if (!AerogateError.is(err) && signal.aborted && AerogateError.is(signal.reason)) {
    return signal.reason;
  }
  return toAerogateError(err);
}

/** Logs a failed call: unexpected errors in full at error level, expected statuses at debug level. */
function logFailure(ctx: HandlerContext, err: AerogateError): void {
  if (err.code === Code.Internal || err.code === Code.Unknown || err.code === Code.DataLoss) {
    ctx.log.error("call failed", { code: codeName(err.code), err: err.cause ?? err });
  } else if (err.code === Code.Unauthenticated || err.code === Code.PermissionDenied) {
    ctx.log.info("call refused", { code: codeName(err.code), reason: err.reason });
  } else {
    ctx.log.debug("call failed", { code: codeName(err.code), message: err.message });
  }
}

/** Rejects with the signal's reason as soon as it aborts, else settles like `promise`. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(err);
      },
    );
  });
}

/** A promise that rejects with the signal's reason once it aborts (and never settles otherwise). */
function rejectOnAbort(signal: AbortSignal): Promise<never> {
  const p = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
  // Observed by the race it joins; this keeps a rejection after the stream ended from being unhandled.
  p.catch(() => {});
  return p;
}

/** Returns the decoded request, or throws INVALID_ARGUMENT when the payload was not valid protobuf. */
function requestOf(request: unknown, method: DescMethod): unknown {
  if (request instanceof MalformedRequest) {
    throw invalidArgument(
      `request is not a valid ${method.input.typeName}: ${String((request.cause as Error)?.message ?? request.cause)}`,
      [],
      "MALFORMED_REQUEST",
    );
  }
  return request;
}

/** Encodes a handler's response (a message, its init shape, or bytes it encoded) to protobuf bytes. */
function encodeResponse(method: DescMethod, response: unknown): Uint8Array {
  if (response instanceof EncodedResponse) return response.bytes;
  // biome-ignore lint/suspicious/noExplicitAny: init shapes are checked by the typed handler signatures.
  return toBinary(method.output, create(method.output, response as any));
}

/** Runs a unary handler to completion, never leaving the call without a status; resolves with the code. */
async function runUnary(
  call: SurfaceCall & PeerSource & { request: unknown },
  respond: sendUnaryData<Buffer>,
  method: DescMethod,
  handler: AnyHandler,
  scope: CallScope,
  env: CallEnvironment,
): Promise<number> {
  let ctx = scope.ctx;
  let release = NOTHING_TO_RELEASE;
  let bytes: Uint8Array;
  try {
    const request = requestOf(call.request, method);
    ({ ctx, release } = await admit(call, method, request, ctx, env.guards ?? []));
    const response = await untilAborted(
      Promise.resolve().then(() => handler(request, ctx)),
      ctx.signal,
    );
    bytes = encodeResponse(method, response);
  } catch (caught) {
    release();
    const [thrown, callCtx] = unwrapRefusal(caught, ctx);
    ctx = callCtx;
    const err = failureOf(thrown, ctx.signal);
    logFailure(ctx, err);
    if (call.cancelled) return Code.Canceled;
    respond(errorStatus(err, ctx.requestId, scope.span));
    return err.code;
  }
  release();
  if (call.cancelled) return Code.Canceled;
  respond(
    null,
    passThroughSerializer(bytes),
    responseTrailers(ctx.requestId, undefined, scope.span),
  );
  return Code.Ok;
}

/** Wraps a connect-style unary handler `(req, ctx) => res` as a grpc-js unary handler. */
export function wrapUnary(
  method: DescMethod,
  handler: AnyHandler,
  env: CallEnvironment,
): handleUnaryCall<unknown, Buffer> {
  return (call, callback) => {
    const started = performance.now();
    const scope = openCallScope(call, NEVER, env.log, env.tracing);
    env.observer?.started(scope.ctx.method, false);
    runUnary(call, callback, method, handler, scope, env)
      .catch((err: unknown) => {
        env.log.error("unary wrapper failed", { err });
        return Code.Internal;
      })
      .then((code) => finishCall(env.observer, scope, started, code, false))
      .finally(() => scope.dispose());
  };
}

/** Runs a server-streaming handler, writing with flow control and ending with a status; resolves with the code. */
async function runServerStreaming(
  call: ServerWritableStream<unknown, Buffer>,
  method: DescMethod,
  handler: AnyHandler,
  scope: CallScope,
  env: CallEnvironment,
): Promise<number> {
  let ctx = scope.ctx;
  let release = NOTHING_TO_RELEASE;
  let iterator: AsyncIterator<unknown> | undefined;
  try {
    const request = requestOf(call.request, method);
    ({ ctx, release } = await admit(call, method, request, ctx, env.guards ?? []));
    const iterable = handler(request, ctx) as AsyncIterable<unknown>;
    iterator = iterable[Symbol.asyncIterator]();
    // One abort listener for the whole stream rather than one per message.
    const aborted = rejectOnAbort(ctx.signal);
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next.done) {
        iterator = undefined;
        break;
      }
      const bytes = encodeResponse(method, next.value);
      if (!call.write(passThroughSerializer(bytes))) {
        await once(call, "drain", { signal: ctx.signal });
      }
    }
  } catch (caught) {
    // Ask an abandoned generator to run its finally blocks; it may be suspended, so don't wait.
    iterator?.return?.()?.catch(() => {});
    release();
    const [thrown, callCtx] = unwrapRefusal(caught, ctx);
    ctx = callCtx;
    const err = failureOf(thrown, ctx.signal);
    logFailure(ctx, err);
    if (call.cancelled) return Code.Canceled;
    call.emit("error", errorStatus(err, ctx.requestId, scope.span));
    return err.code;
  }
  release();
  if (call.cancelled) return Code.Canceled;
  call.end(responseTrailers(ctx.requestId, undefined, scope.span));
  return Code.Ok;
}

/** Wraps a connect-style server-streaming handler (`async function*`) as a grpc-js streaming handler. */
export function wrapServerStreaming(
  method: DescMethod,
  handler: AnyHandler,
  env: CallEnvironment,
): handleServerStreamingCall<unknown, Buffer> {
  return (call) => {
    const started = performance.now();
    const scope = openCallScope(call, env.shutdown, env.log, env.tracing);
    env.observer?.started(scope.ctx.method, true);
    runServerStreaming(call, method, handler, scope, env)
      .catch((err: unknown) => {
        env.log.error("stream wrapper failed", { err });
        return Code.Internal;
      })
      .then((code) => finishCall(env.observer, scope, started, code, true))
      .finally(() => scope.dispose());
  };
}

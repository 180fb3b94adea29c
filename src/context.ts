import { randomUUID } from "node:crypto";
import type { DescMessage, DescService, MessageInitShape, MessageShape } from "@bufbuild/protobuf";
import type { GenService, GenServiceMethods } from "@bufbuild/protobuf/codegenv2";
import { type Logger, silentLogger } from "./log.js";

/** Request metadata as a plain object: lower-case keys; repeated values joined by ", "; `-bin` values base64. */
export type RequestMetadata = Readonly<Record<string, string>>;

/**
 * The context every handler receives next to its request (the shape of connect-es's HandlerContext):
 * cancellation, the caller's deadline, metadata, a request id and a logger. It knows nothing of grpc-js, so
 * services can be called in tests without a server.
 */
export interface HandlerContext {
  /** Aborted when the deadline passes, the client cancels, or the server shuts down; `reason` says which. */
  readonly signal: AbortSignal;
  /** Milliseconds left until the caller's deadline, or undefined when the caller set none. */
  timeoutMs(): number | undefined;
  /** The full method path, e.g. `/aerogate.v1.RecordService/Get`. */
  readonly method: string;
  /** The request metadata (headers) sent by the caller. */
  readonly requestMetadata: RequestMetadata;
  /** The id of this call (the caller's `x-request-id`, or a fresh one); echoed back in `x-request-id`. */
  readonly requestId: string;
  /** A logger bound to this call's method and request id. */
  readonly log: Logger;
}

/**
 * A response a handler encoded itself: the protobuf bytes of the method's output message, which
 * the transport sends as they are (for hot paths where building message objects costs too much).
 */
export class EncodedResponse {
  constructor(readonly bytes: Uint8Array) {}
}

/** A unary handler: takes the request, resolves to the response (a message or its init shape). */
export type UnaryHandler<I extends DescMessage, O extends DescMessage> = (
  request: MessageShape<I>,
  ctx: HandlerContext,
) => Promise<MessageInitShape<O> | EncodedResponse> | MessageInitShape<O> | EncodedResponse;

/** A server-streaming handler: an async generator yielding responses; returning ends the call with OK. */
export type ServerStreamingHandler<I extends DescMessage, O extends DescMessage> = (
  request: MessageShape<I>,
  ctx: HandlerContext,
) => AsyncIterable<MessageInitShape<O> | EncodedResponse>;

/** The handler type that fits one method of a generated service. */
export type MethodHandler<M extends GenServiceMethods[string]> = M["methodKind"] extends "unary"
  ? UnaryHandler<M["input"], M["output"]>
  : M["methodKind"] extends "server_streaming"
    ? ServerStreamingHandler<M["input"], M["output"]>
    : never;

/** An implementation of a generated service: one handler per method, keyed by the method's local name. */
export type ServiceImpl<S extends GenServiceMethods> = { [K in keyof S]: MethodHandler<S[K]> };

/** Any handler, with the message types erased; what the transport stores. */
// biome-ignore lint/suspicious/noExplicitAny: the registry erases request/response types on purpose.
export type AnyHandler = (request: any, ctx: HandlerContext) => unknown;

/**
 * Decodes a method's request bytes into what its handler takes instead of the decoded message
 * (e.g. a lazy view of a large request); throwing marks the request malformed.
 */
export type RequestDecoder = (bytes: Uint8Array) => unknown;

/** A service plus its (possibly partial) implementation; missing methods answer UNIMPLEMENTED. */
export interface ServiceRegistration {
  readonly service: DescService;
  readonly impl: Readonly<Partial<Record<string, AnyHandler>>>;
  /** Request decoders replacing protobuf decoding, by method local name. */
  readonly decoders?: Readonly<Partial<Record<string, RequestDecoder>>>;
}

/**
 * Pairs a generated service with a partial implementation, checking the handler types. A method
 * given a decoder receives what the decoder returns (its handler casts its request type).
 */
export function defineService<S extends GenServiceMethods>(
  service: GenService<S>,
  impl: Partial<ServiceImpl<S>>,
  decoders?: Partial<Record<keyof S, RequestDecoder>>,
): ServiceRegistration {
  return {
    service: service as unknown as DescService,
    impl: impl as Record<string, AnyHandler>,
    ...(decoders === undefined ? {} : { decoders: decoders as Record<string, RequestDecoder> }),
  };
}

/** Options of {@link createHandlerContext}. */
export interface HandlerContextInit {
  readonly signal?: AbortSignal;
  /** Absolute deadline in epoch milliseconds. */
  readonly deadline?: number;
  readonly method?: string;
  readonly requestMetadata?: RequestMetadata;
  readonly requestId?: string;
  readonly log?: Logger;
}

/** Creates a HandlerContext; the transport uses it per call, tests use it to call services directly. */
export function createHandlerContext(init: HandlerContextInit = {}): HandlerContext {
  const deadline = init.deadline;
  return {
    signal: init.signal ?? new AbortController().signal,
    timeoutMs: () => (deadline === undefined ? undefined : Math.max(0, deadline - Date.now())),
    method: init.method ?? "",
    requestMetadata: init.requestMetadata ?? {},
    requestId: init.requestId ?? randomUUID(),
    log: init.log ?? silentLogger,
  };
}

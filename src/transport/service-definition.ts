import type { DescMethod, DescService } from "@bufbuild/protobuf";
import type {
  MethodDefinition,
  ServiceDefinition,
  UntypedHandleCall,
  UntypedServiceImplementation,
} from "@grpc/grpc-js";
import type { AnyHandler, RequestDecoder, ServiceRegistration } from "../context.js";
import { completeImpl } from "../services/unimplemented.js";
import { passThroughSerializer, requestDeserializer } from "./codec.js";
import { type CallEnvironment, wrapServerStreaming, wrapUnary } from "./handler-wrapper.js";

/** Returns the HTTP/2 path of a method: `/<package>.<Service>/<Method>`. */
export function methodPath(method: DescMethod): string {
  return `/${method.parent.typeName}/${method.name}`;
}

/**
 * Builds the grpc-js definition of one method from its descriptor; handlers encode responses
 * themselves. `decode` replaces protobuf decoding of the request (see {@link RequestDecoder}).
 */
export function methodDefinition(
  method: DescMethod,
  decode?: RequestDecoder,
): MethodDefinition<unknown, Buffer> {
  return {
    path: methodPath(method),
    requestStream:
      method.methodKind === "client_streaming" || method.methodKind === "bidi_streaming",
    responseStream:
      method.methodKind === "server_streaming" || method.methodKind === "bidi_streaming",
    requestSerialize: (value: unknown) =>
      passThroughSerializer(value instanceof Uint8Array ? value : new Uint8Array()),
    requestDeserialize: requestDeserializer(method.input, decode),
    responseSerialize: passThroughSerializer,
    responseDeserialize: (bytes: Buffer) => bytes,
    originalName: method.localName,
  };
}

/** Wraps one connect-style handler for grpc-js according to its method kind. */
function wrapHandler(
  method: DescMethod,
  handler: AnyHandler,
  env: CallEnvironment,
): UntypedHandleCall {
  switch (method.methodKind) {
    case "unary":
      return wrapUnary(method, handler, env) as UntypedHandleCall;
    case "server_streaming":
      return wrapServerStreaming(method, handler, env) as UntypedHandleCall;
    default:
      throw new Error(`${methodPath(method)}: ${method.methodKind} methods are not supported`);
  }
}

/** A grpc-js service definition and its implementation, ready for `server.addService`. */
export interface BoundService {
  readonly definition: ServiceDefinition;
  readonly implementation: UntypedServiceImplementation;
}

/** Binds a registration to grpc-js: every method of the service, unimplemented ones answering UNIMPLEMENTED. */
export function bindService(registration: ServiceRegistration, env: CallEnvironment): BoundService {
  const impl = completeImpl(registration);
  const definition: Record<string, MethodDefinition<unknown, Buffer>> = {};
  const implementation: UntypedServiceImplementation = {};
  for (const method of registration.service.methods) {
    const handler = impl[method.localName];
    if (handler === undefined) continue;
    definition[method.localName] = methodDefinition(
      method,
      registration.decoders?.[method.localName],
    );
    implementation[method.localName] = wrapHandler(method, handler, env);
  }
  return { definition, implementation };
}

/** Returns the fully-qualified names of registered services, e.g. `aerogate.v1.RecordService`. */
export function serviceNames(services: readonly DescService[]): string[] {
  return services.map((s) => s.typeName);
}

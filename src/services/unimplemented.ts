import type { DescMethod, DescService } from "@bufbuild/protobuf";
import type { AnyHandler, ServiceRegistration } from "../context.js";
import { AerogateError, Code } from "../errors.js";

/** The error an RPC without an implementation answers with; the message names the RPC. */
export function unimplementedError(method: DescMethod): AerogateError {
  return new AerogateError(
    Code.Unimplemented,
    `${method.parent.typeName}.${method.name} is not implemented yet`,
    { reason: "NOT_IMPLEMENTED", metadata: { rpc: `${method.parent.typeName}/${method.name}` } },
  );
}

/** Returns a handler of the right kind (unary or streaming) that fails with UNIMPLEMENTED. */
export function unimplementedHandler(method: DescMethod): AnyHandler {
  if (method.methodKind === "unary") {
    return async () => {
      throw unimplementedError(method);
    };
  }
  // biome-ignore lint/correctness/useYield: the stream ends with the error before yielding anything.
  return async function* () {
    throw unimplementedError(method);
  };
}

/** Returns a registration of `service` whose every method answers UNIMPLEMENTED. */
export function unimplementedService(service: DescService): ServiceRegistration {
  return { service, impl: {} };
}

/** Fills every method missing from a registration with an UNIMPLEMENTED handler. */
export function completeImpl(registration: ServiceRegistration): Record<string, AnyHandler> {
  const impl: Record<string, AnyHandler> = {};
  for (const method of registration.service.methods) {
    impl[method.localName] = registration.impl[method.localName] ?? unimplementedHandler(method);
  }
  return impl;
}

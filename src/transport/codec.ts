import { type DescMessage, fromBinary } from "@bufbuild/protobuf";

/**
 * What the request deserializer returns when the payload is not valid protobuf. grpc-js would turn a throwing
 * deserializer into a bare INTERNAL; returning this marker lets the handler wrapper answer INVALID_ARGUMENT
 * with full status details instead.
 */
export class MalformedRequest {
  constructor(readonly cause: unknown) {}
}

/**
 * Returns a deserializer for request payloads that never throws (see {@link MalformedRequest}):
 * protobuf decoding of `schema`, or the service's own `decode` for the method.
 */
export function requestDeserializer(
  schema: DescMessage,
  decode?: (bytes: Uint8Array) => unknown,
): (bytes: Buffer) => unknown {
  return (bytes) => {
    try {
      return decode === undefined ? fromBinary(schema, bytes) : decode(bytes);
    } catch (err) {
      return new MalformedRequest(err);
    }
  };
}

/** Wraps already-encoded protobuf bytes as a Buffer without copying; the handler wrapper encodes itself. */
export function passThroughSerializer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

import type { ServerOptions } from "@grpc/grpc-js";

/** The HTTP/2 and gRPC limits of the server, in config units (bytes, milliseconds, counts). */
export interface TransportLimits {
  readonly maxReceiveMessageBytes: number;
  readonly maxSendMessageBytes: number;
  readonly keepaliveTimeMs: number;
  readonly keepaliveTimeoutMs: number;
  /** 0 = connections live forever. */
  readonly maxConnectionAgeMs: number;
  /** 0 = no limit on the grace given to calls on an aged connection. */
  readonly maxConnectionAgeGraceMs: number;
  /** 0 = grpc-js default (no limit). */
  readonly maxConcurrentStreams: number;
}

/** Maps transport limits to grpc-js channel options; zero means "leave the grpc-js default". */
export function grpcServerOptions(limits: TransportLimits): ServerOptions {
  const options: ServerOptions = {
    "grpc.max_receive_message_length": limits.maxReceiveMessageBytes,
    "grpc.max_send_message_length": limits.maxSendMessageBytes,
    "grpc.keepalive_time_ms": limits.keepaliveTimeMs,
    "grpc.keepalive_timeout_ms": limits.keepaliveTimeoutMs,
  };
  if (limits.maxConnectionAgeMs > 0)
    options["grpc.max_connection_age_ms"] = limits.maxConnectionAgeMs;
  if (limits.maxConnectionAgeGraceMs > 0) {
    options["grpc.max_connection_age_grace_ms"] = limits.maxConnectionAgeGraceMs;
  }
  if (limits.maxConcurrentStreams > 0) {
    options["grpc.max_concurrent_streams"] = limits.maxConcurrentStreams;
  }
  return options;
}

/**
 * A small bridge between the generated protobuf-es descriptors of `@aerogate/proto` and
 * `@grpc/grpc-js`: unary and server-streaming calls on any generated service method, and the
 * `google.rpc.ErrorInfo` of a failed call. Copy it into an application, or use any other gRPC transport
 * for protobuf-es (for example Connect's `createGrpcTransport`).
 */
import {
  create,
  type DescMessage,
  fromBinary,
  type MessageInitShape,
  type MessageShape,
  toBinary,
} from "@bufbuild/protobuf";
import { anyUnpack } from "@bufbuild/protobuf/wkt";
import * as grpc from "@grpc/grpc-js";
import { type ErrorInfo, ErrorInfoSchema } from "../../../gen/ts/google/rpc/error_details_pb.js";
import { StatusSchema } from "../../../gen/ts/google/rpc/status_pb.js";

/** A method descriptor as the generated `Service.method.x` gives it. */
export interface Method<I extends DescMessage, O extends DescMessage> {
  readonly name: string;
  readonly parent: { readonly typeName: string };
  readonly input: I;
  readonly output: O;
}

/** Per-call options: a deadline in milliseconds from now. */
export interface CallOptions {
  readonly timeoutMs?: number;
}

/** The grpc-js call options for a relative deadline. */
function deadline(options: CallOptions): grpc.CallOptions {
  return options.timeoutMs === undefined ? {} : { deadline: Date.now() + options.timeoutMs };
}

/** The gRPC path of a method, e.g. `/aerogate.v1.RecordService/Get`. */
function path(method: Method<DescMessage, DescMessage>): string {
  return `/${method.parent.typeName}/${method.name}`;
}

/** Opens a plaintext client to a gateway at `host:port`. */
export function connect(address: string): grpc.Client {
  return new grpc.Client(address, grpc.credentials.createInsecure());
}

/** Calls a unary method; rejects with grpc-js's `ServiceError` when the call fails. */
export function unary<I extends DescMessage, O extends DescMessage>(
  client: grpc.Client,
  method: Method<I, O>,
  request: MessageInitShape<I>,
  options: CallOptions = {},
): Promise<MessageShape<O>> {
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(
      path(method),
      (message: MessageShape<I>) => Buffer.from(toBinary(method.input, message)),
      (bytes: Buffer) => fromBinary(method.output, bytes),
      create(method.input, request),
      new grpc.Metadata(),
      deadline(options),
      (err, response) => (err ? reject(err) : resolve(response as MessageShape<O>)),
    );
  });
}

/** Calls a server-streaming method and yields its messages; throws `ServiceError` on a non-OK end. */
export async function* serverStream<I extends DescMessage, O extends DescMessage>(
  client: grpc.Client,
  method: Method<I, O>,
  request: MessageInitShape<I>,
  options: CallOptions = {},
): AsyncGenerator<MessageShape<O>> {
  const call = client.makeServerStreamRequest(
    path(method),
    (message: MessageShape<I>) => Buffer.from(toBinary(method.input, message)),
    (bytes: Buffer) => fromBinary(method.output, bytes),
    create(method.input, request),
    new grpc.Metadata(),
    deadline(options),
  );
  try {
    for await (const message of call as AsyncIterable<MessageShape<O>>) yield message;
  } finally {
    call.cancel();
  }
}

/** The `google.rpc.ErrorInfo` in a failed call's `grpc-status-details-bin` trailer, if any. */
export function errorInfo(err: unknown): ErrorInfo | undefined {
  const metadata = (err as Partial<grpc.ServiceError> | undefined)?.metadata;
  const raw = metadata?.get("grpc-status-details-bin")[0];
  if (raw === undefined || typeof raw === "string") return undefined;
  for (const detail of fromBinary(StatusSchema, raw).details) {
    const info = anyUnpack(detail, ErrorInfoSchema);
    if (info !== undefined) return info;
  }
  return undefined;
}

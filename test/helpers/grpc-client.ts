import {
  create,
  type DescMessage,
  type DescService,
  fromBinary,
  type MessageInitShape,
  type MessageShape,
  toBinary,
} from "@bufbuild/protobuf";
import { anyUnpack } from "@bufbuild/protobuf/wkt";
import * as grpc from "@grpc/grpc-js";
import {
  type BadRequest,
  BadRequestSchema,
  type ErrorInfo,
  ErrorInfoSchema,
  type RetryInfo,
  RetryInfoSchema,
} from "../../gen/ts/google/rpc/error_details_pb.js";
import { type Status, StatusSchema } from "../../gen/ts/google/rpc/status_pb.js";

/** A method descriptor as the generated `Service.method.x` gives it. */
export interface MethodRef<I extends DescMessage, O extends DescMessage> {
  readonly name: string;
  readonly parent: DescService;
  readonly input: I;
  readonly output: O;
}

/** Per-call options: a relative deadline, request metadata, an abort signal. */
export interface TestCallOptions {
  readonly timeoutMs?: number;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

/** The decoded `grpc-status-details-bin` of a failed call. */
export interface StatusDetails {
  readonly status: Status;
  readonly errorInfo: ErrorInfo | undefined;
  readonly badRequest: BadRequest | undefined;
  readonly retryInfo: RetryInfo | undefined;
}

/** A non-OK call outcome with its code, message, trailers and decoded details. */
export class GrpcCallError extends Error {
  override readonly name = "GrpcCallError";
  constructor(
    readonly code: grpc.status,
    readonly details: string,
    readonly metadata: grpc.Metadata,
  ) {
    super(`${grpc.status[code]}: ${details}`);
  }

  /** Decodes `grpc-status-details-bin`, or undefined when absent. */
  statusDetails(): StatusDetails | undefined {
    return decodeStatusDetails(this.metadata);
  }
}

/** Decodes the `google.rpc.Status` in a call's trailers (ErrorInfo, BadRequest and RetryInfo unpacked). */
export function decodeStatusDetails(metadata: grpc.Metadata): StatusDetails | undefined {
  const raw = metadata.get("grpc-status-details-bin")[0];
  if (raw === undefined || typeof raw === "string") return undefined;
  const status = fromBinary(StatusSchema, raw);
  const find = <D extends DescMessage>(schema: D) => {
    for (const any of status.details) {
      const unpacked = anyUnpack(any, schema);
      if (unpacked !== undefined) return unpacked;
    }
    return undefined;
  };
  return {
    status,
    errorInfo: find(ErrorInfoSchema),
    badRequest: find(BadRequestSchema),
    retryInfo: find(RetryInfoSchema),
  };
}

/** A server stream being read: its messages, then its final status. */
export interface TestServerStream<O extends DescMessage> extends AsyncIterable<MessageShape<O>> {
  /** Resolves with the final status (code, details, trailers) once the call ends, whatever the code. */
  readonly status: Promise<grpc.StatusObject>;
  /** Response headers, once they arrive. */
  readonly headers: Promise<grpc.Metadata>;
  /** Cancels the call from the client side. */
  cancel(): void;
  /** Reads every message; rejects with GrpcCallError on a non-OK end. */
  collect(): Promise<MessageShape<O>[]>;
}

/** The outcome of a unary call that succeeded. */
export interface UnaryResult<O extends DescMessage> {
  readonly response: MessageShape<O>;
  readonly trailers: grpc.Metadata;
}

const identity = (b: Buffer) => b;

/** Builds call options with a deadline. */
function callOptions(options: TestCallOptions): grpc.CallOptions {
  return options.timeoutMs === undefined ? {} : { deadline: Date.now() + options.timeoutMs };
}

/** Builds grpc-js metadata from a plain object. */
function toMetadata(values: Readonly<Record<string, string>> | undefined): grpc.Metadata {
  const md = new grpc.Metadata();
  for (const [k, v] of Object.entries(values ?? {})) md.set(k, v);
  return md;
}

/**
 * A gRPC test client built from the protobuf-es descriptors (no proto-loader): call any method of any
 * generated service, or send raw bytes to a path.
 */
export class GrpcTestClient {
  readonly client: grpc.Client;

  constructor(readonly address: string) {
    this.client = new grpc.Client(address, grpc.credentials.createInsecure());
  }

  /** Calls a unary method and resolves with the response and trailers; rejects with GrpcCallError. */
  unary<I extends DescMessage, O extends DescMessage>(
    method: MethodRef<I, O>,
    request: MessageInitShape<I>,
    options: TestCallOptions = {},
  ): Promise<UnaryResult<O>> {
    const bytes = toBinary(method.input, create(method.input, request));
    return this.unaryRaw(`/${method.parent.typeName}/${method.name}`, bytes, options).then(
      ({ response, trailers }) => ({ response: fromBinary(method.output, response), trailers }),
    );
  }

  /** Sends raw request bytes to a unary path; resolves with the raw response bytes and trailers. */
  unaryRaw(
    path: string,
    bytes: Uint8Array,
    options: TestCallOptions = {},
  ): Promise<{ response: Buffer; trailers: grpc.Metadata }> {
    return new Promise((resolve, reject) => {
      let status: (s: grpc.StatusObject) => void = () => {};
      const trailers = new Promise<grpc.Metadata>((res) => {
        status = (s) => res(s.metadata);
      });
      const call = this.client.makeUnaryRequest<Buffer, Buffer>(
        path,
        identity,
        identity,
        Buffer.from(bytes),
        toMetadata(options.metadata),
        callOptions(options),
        (err, response) => {
          if (err) reject(new GrpcCallError(err.code, err.details, err.metadata));
          // grpc-js runs this callback before it emits "status", which carries the trailers.
          else trailers.then((md) => resolve({ response: response as Buffer, trailers: md }));
        },
      );
      call.on("status", status);
      options.signal?.addEventListener("abort", () => call.cancel(), { once: true });
    });
  }

  /** Opens a server-streaming call. */
  serverStream<I extends DescMessage, O extends DescMessage>(
    method: MethodRef<I, O>,
    request: MessageInitShape<I>,
    options: TestCallOptions = {},
  ): TestServerStream<O> {
    const call = this.client.makeServerStreamRequest<Buffer, Buffer>(
      `/${method.parent.typeName}/${method.name}`,
      identity,
      identity,
      Buffer.from(toBinary(method.input, create(method.input, request))),
      toMetadata(options.metadata),
      callOptions(options),
    );
    options.signal?.addEventListener("abort", () => call.cancel(), { once: true });
    call.on("error", () => {});
    const status = new Promise<grpc.StatusObject>((resolve) => call.on("status", resolve));
    const headers = new Promise<grpc.Metadata>((resolve) => call.on("metadata", resolve));
    const iterate = async function* () {
      for await (const chunk of call as AsyncIterable<Buffer>)
        yield fromBinary(method.output, chunk);
    };
    const stream: TestServerStream<O> = {
      status,
      headers,
      cancel: () => call.cancel(),
      [Symbol.asyncIterator]: () => iterate()[Symbol.asyncIterator](),
      async collect() {
        const out: MessageShape<O>[] = [];
        try {
          for await (const m of iterate()) out.push(m);
        } catch {
          // The final status below says why.
        }
        const s = await status;
        if (s.code !== grpc.status.OK) throw new GrpcCallError(s.code, s.details, s.metadata);
        return out;
      },
    };
    return stream;
  }

  /**
   * Opens a server-streaming call with raw request bytes; resolves with the final status.
   * `onMessage` sees each raw response message as it arrives.
   */
  serverStreamRaw(
    path: string,
    bytes: Uint8Array,
    options: TestCallOptions & { readonly onMessage?: (message: Buffer) => void } = {},
  ): Promise<grpc.StatusObject> {
    const call = this.client.makeServerStreamRequest<Buffer, Buffer>(
      path,
      identity,
      identity,
      Buffer.from(bytes),
      toMetadata(options.metadata),
      callOptions(options),
    );
    call.on("data", options.onMessage ?? (() => {}));
    call.on("error", () => {});
    return new Promise((resolve) => call.on("status", resolve));
  }

  /** Opens a bidi stream with raw bytes both ways (used for reflection). */
  bidiRaw(path: string, options: TestCallOptions = {}): grpc.ClientDuplexStream<Buffer, Buffer> {
    return this.client.makeBidiStreamRequest<Buffer, Buffer>(
      path,
      identity,
      identity,
      toMetadata(options.metadata),
      callOptions(options),
    );
  }

  /** Closes the channel. */
  close(): void {
    this.client.close();
  }
}

/** Runs a call expected to fail and returns its GrpcCallError; throws when it succeeds. */
export async function expectCallError(promise: Promise<unknown>): Promise<GrpcCallError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof GrpcCallError) return err;
    throw err;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

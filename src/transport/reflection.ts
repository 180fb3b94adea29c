import {
  create,
  type DescMessage,
  type DescService,
  fromBinary,
  type MessageInitShape,
  toBinary,
} from "@bufbuild/protobuf";
import type { ServerDuplexStream, UntypedServiceImplementation } from "@grpc/grpc-js";
import * as v1 from "../../gen/ts/grpc/reflection/v1/reflection_pb.js";
import * as v1alpha from "../../gen/ts/grpc/reflection/v1alpha/reflection_pb.js";
import { Code } from "../errors.js";
import type { Logger } from "../log.js";
import { passThroughSerializer } from "./codec.js";
import { filesToSend, type ReflectionIndex } from "./reflection-index.js";
import { methodDefinition } from "./service-definition.js";

/** The two reflection services grpcurl, buf curl and Postman ask for. */
export const REFLECTION_SERVICES: readonly DescService[] = [
  v1.ServerReflection,
  v1alpha.ServerReflection,
];

/** The request fields v1 and v1alpha share (their messages are field-for-field the same). */
type ReflectionRequest = v1.ServerReflectionRequest | v1alpha.ServerReflectionRequest;

/** The response body of a reflection request, in the field names v1 and v1alpha share. */
type ResponseBody =
  | { case: "fileDescriptorResponse"; value: { fileDescriptorProto: Uint8Array[] } }
  | { case: "listServicesResponse"; value: { service: { name: string }[] } }
  | {
      case: "allExtensionNumbersResponse";
      value: { baseTypeName: string; extensionNumber: number[] };
    }
  | { case: "errorResponse"; value: { errorCode: number; errorMessage: string } };

/** Builds a reflection error response body. */
function errorBody(code: Code, message: string): ResponseBody {
  return { case: "errorResponse", value: { errorCode: code, errorMessage: message } };
}

/** Answers one reflection request from the index; `sent` tracks the files this stream already sent. */
export function answerReflection(
  index: ReflectionIndex,
  request: ReflectionRequest,
  sent: Set<string>,
): ResponseBody {
  const req = request.messageRequest;
  switch (req.case) {
    case "listServices":
      return {
        case: "listServicesResponse",
        value: { service: index.serviceNames.map((name) => ({ name })) },
      };
    case "fileByFilename": {
      const file = index.fileByName(req.value);
      return file === undefined
        ? errorBody(Code.NotFound, `file not found: ${req.value}`)
        : {
            case: "fileDescriptorResponse",
            value: { fileDescriptorProto: filesToSend(file, sent) },
          };
    }
    case "fileContainingSymbol": {
      const file = index.fileContainingSymbol(req.value);
      return file === undefined
        ? errorBody(Code.NotFound, `symbol not found: ${req.value}`)
        : {
            case: "fileDescriptorResponse",
            value: { fileDescriptorProto: filesToSend(file, sent) },
          };
    }
    case "fileContainingExtension": {
      const { containingType, extensionNumber } = req.value;
      const file = index.fileContainingExtension(containingType, extensionNumber);
      return file === undefined
        ? errorBody(Code.NotFound, `extension not found: ${containingType}(${extensionNumber})`)
        : {
            case: "fileDescriptorResponse",
            value: { fileDescriptorProto: filesToSend(file, sent) },
          };
    }
    case "allExtensionNumbersOfType": {
      const numbers = index.extensionNumbers(req.value);
      return numbers === undefined
        ? errorBody(Code.NotFound, `type not found: ${req.value}`)
        : {
            case: "allExtensionNumbersResponse",
            value: { baseTypeName: req.value, extensionNumber: numbers },
          };
    }
    default:
      return errorBody(Code.InvalidArgument, "empty reflection request");
  }
}

/** Builds the bidi-streaming handler of one reflection version. */
function reflectionHandler(
  requestSchema: DescMessage,
  responseSchema: DescMessage,
  index: ReflectionIndex,
  shutdown: AbortSignal,
  log: Logger,
) {
  return (call: ServerDuplexStream<unknown, Buffer>) => {
    const sent = new Set<string>();
    const finish = () => {
      if (!call.cancelled && call.writable) call.end();
    };
    const onShutdown = () => finish();
    shutdown.addEventListener("abort", onShutdown, { once: true });
    call.on("data", (payload: unknown) => {
      try {
        const request = fromBinary(requestSchema, payload as Uint8Array) as ReflectionRequest;
        const body = answerReflection(index, request, sent);
        // v1 and v1alpha share this shape field for field.
        const init = { originalRequest: request, messageResponse: body };
        const response = create(responseSchema, init as MessageInitShape<DescMessage>);
        call.write(passThroughSerializer(toBinary(responseSchema, response)));
      } catch (err) {
        log.debug("bad reflection request", { err });
        call.emit("error", { code: Code.InvalidArgument, details: "malformed reflection request" });
      }
    });
    call.on("end", finish);
    call.on("error", () => {});
    call.on("close", () => shutdown.removeEventListener("abort", onShutdown));
  };
}

/** A reflection service ready for `server.addService`. */
export interface BoundReflection {
  readonly definition: Record<string, ReturnType<typeof methodDefinition>>;
  readonly implementation: UntypedServiceImplementation;
}

/** Binds reflection v1 and v1alpha over one index; requests are decoded by the handler, not by grpc-js. */
export function bindReflection(
  index: ReflectionIndex,
  shutdown: AbortSignal,
  log: Logger,
): BoundReflection[] {
  const versions = [
    {
      service: v1.ServerReflection,
      req: v1.ServerReflectionRequestSchema,
      res: v1.ServerReflectionResponseSchema,
    },
    {
      service: v1alpha.ServerReflection,
      req: v1alpha.ServerReflectionRequestSchema,
      res: v1alpha.ServerReflectionResponseSchema,
    },
  ];
  return versions.map(({ service, req, res }) => {
    const method = service.methods[0]!;
    const definition = {
      ...methodDefinition(method),
      requestDeserialize: (bytes: Buffer) => bytes,
    };
    return {
      definition: { [method.localName]: definition },
      implementation: { [method.localName]: reflectionHandler(req, res, index, shutdown, log) },
    };
  });
}

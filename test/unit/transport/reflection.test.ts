import { create, fromBinary } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import { describe, expect, it } from "vitest";
import { Health } from "../../../gen/ts/grpc/health/v1/health_pb.js";
import { ServerReflectionRequestSchema } from "../../../gen/ts/grpc/reflection/v1/reflection_pb.js";
import { AEROGATE_SERVICES } from "../../../src/services/index.js";
import { answerReflection, REFLECTION_SERVICES } from "../../../src/transport/reflection.js";
import { createReflectionIndex } from "../../../src/transport/reflection-index.js";

const index = createReflectionIndex([...AEROGATE_SERVICES, Health, ...REFLECTION_SERVICES]);

/** Asks the index one question, decoding any file descriptors in the answer. */
function ask(
  req: Parameters<typeof create<typeof ServerReflectionRequestSchema>>[1],
  sent = new Set<string>(),
) {
  const body = answerReflection(index, create(ServerReflectionRequestSchema, req), sent);
  const files =
    body.case === "fileDescriptorResponse"
      ? body.value.fileDescriptorProto.map((b) => fromBinary(FileDescriptorProtoSchema, b).name)
      : [];
  return { body, files };
}

describe("reflection", () => {
  it("lists every aerogate service plus health and reflection", () => {
    const { body } = ask({ messageRequest: { case: "listServices", value: "" } });
    expect(body.case).toBe("listServicesResponse");
    const names = body.case === "listServicesResponse" ? body.value.service.map((s) => s.name) : [];
    for (const s of AEROGATE_SERVICES) expect(names).toContain(s.typeName);
    expect(names).toContain("grpc.health.v1.Health");
    expect(names).toContain("grpc.reflection.v1.ServerReflection");
    expect(names).toContain("grpc.reflection.v1alpha.ServerReflection");
  });

  it.each([
    ["aerogate.v1.RecordService", "aerogate/v1/record.proto"],
    ["aerogate.v1.RecordService.Get", "aerogate/v1/record.proto"],
    ["aerogate.v1.GetRequest", "aerogate/v1/record.proto"],
    ["aerogate.v1.GetRequest.key", "aerogate/v1/record.proto"],
    ["aerogate.v1.Key", "aerogate/v1/types.proto"],
    ["aerogate.v1.Verb", "aerogate/v1/types.proto"],
    ["aerogate.v1.VERB_UPSERT", "aerogate/v1/types.proto"],
    ["grpc.health.v1.Health", "grpc/health/v1/health.proto"],
    ["google.protobuf.Empty", "google/protobuf/empty.proto"],
  ])("finds the file containing %s", (symbol, file) => {
    const { files } = ask({ messageRequest: { case: "fileContainingSymbol", value: symbol } });
    expect(files[0]).toBe(file);
  });

  it("sends a file with its transitive dependencies, each once per stream", () => {
    const sent = new Set<string>();
    const first = ask(
      { messageRequest: { case: "fileByFilename", value: "aerogate/v1/record.proto" } },
      sent,
    );
    expect(first.files[0]).toBe("aerogate/v1/record.proto");
    expect(first.files).toContain("aerogate/v1/types.proto");
    expect(new Set(first.files).size).toBe(first.files.length);
    const again = ask(
      { messageRequest: { case: "fileByFilename", value: "aerogate/v1/types.proto" } },
      sent,
    );
    expect(again.files).toEqual(["aerogate/v1/types.proto"]);
  });

  it.each([
    [{ case: "fileContainingSymbol", value: "no.such.Symbol" }],
    [{ case: "fileByFilename", value: "nope.proto" }],
    [{ case: "allExtensionNumbersOfType", value: "no.such.Type" }],
  ] as const)("answers NOT_FOUND for %j", (messageRequest) => {
    const { body } = ask({ messageRequest });
    expect(body).toMatchObject({ case: "errorResponse", value: { errorCode: 5 } });
  });

  it("reports no extensions for a known message", () => {
    const { body } = ask({
      messageRequest: { case: "allExtensionNumbersOfType", value: "aerogate.v1.Key" },
    });
    expect(body).toEqual({
      case: "allExtensionNumbersResponse",
      value: { baseTypeName: "aerogate.v1.Key", extensionNumber: [] },
    });
  });
});

import {
  createRegistry,
  type DescFile,
  type DescService,
  type Registry,
  toBinary,
} from "@bufbuild/protobuf";
import { nestedTypes } from "@bufbuild/protobuf/reflect";
import { FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";

/** The files, symbols and services that server reflection answers about. */
export interface ReflectionIndex {
  /** Fully-qualified names of every service the server exposes. */
  readonly serviceNames: readonly string[];
  /** Looks a file up by its proto path, e.g. `aerogate/v1/record.proto`. */
  fileByName(name: string): DescFile | undefined;
  /** Finds the file that defines a symbol: a service, method, message, field, enum, enum value or extension. */
  fileContainingSymbol(symbol: string): DescFile | undefined;
  /** Finds the file that defines extension `number` of message `typeName`. */
  fileContainingExtension(typeName: string, number: number): DescFile | undefined;
  /** Lists the extension numbers declared for a message, or undefined if the message is unknown. */
  extensionNumbers(typeName: string): number[] | undefined;
  /** Every indexed file with its transitive dependencies. */
  readonly files: readonly DescFile[];
}

/** Collects a file and everything it imports, dependencies first. */
export function withDependencies(roots: readonly DescFile[]): DescFile[] {
  const seen = new Map<string, DescFile>();
  const visit = (file: DescFile) => {
    if (seen.has(file.proto.name)) return;
    seen.set(file.proto.name, file);
    for (const dep of file.dependencies) visit(dep);
  };
  for (const root of roots) visit(root);
  return [...seen.values()];
}

/** Resolves a symbol through the registry, also accepting `Service.Method`, `Message.field` and enum values. */
function lookupSymbol(
  registry: Registry,
  files: readonly DescFile[],
  symbol: string,
): DescFile | undefined {
  const direct = registry.get(symbol);
  if (direct !== undefined) return direct.file;
  const dot = symbol.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const parent = symbol.slice(0, dot);
  const member = symbol.slice(dot + 1);
  const outer = registry.get(parent);
  if (outer?.kind === "service" && outer.methods.some((m) => m.name === member)) return outer.file;
  if (outer?.kind === "message" && outer.fields.some((f) => f.name === member)) return outer.file;
  if (outer?.kind === "enum" && outer.values.some((v) => v.name === member)) return outer.file;
  // Enum values are scoped like their enum's siblings, e.g. `aerogate.v1.VERB_UPSERT`.
  for (const file of files) {
    for (const type of nestedTypes(file)) {
      if (type.kind !== "enum") continue;
      const scope = type.parent?.typeName ?? file.proto.package;
      if (scope === parent && type.values.some((v) => v.name === member)) return file;
    }
  }
  return undefined;
}

/** Builds the reflection index of a set of services (their files and all dependencies). */
export function createReflectionIndex(services: readonly DescService[]): ReflectionIndex {
  const files = withDependencies(services.map((s) => s.file));
  const byName = new Map(files.map((f) => [f.proto.name, f]));
  const registry = createRegistry(...files);
  return {
    serviceNames: services.map((s) => s.typeName),
    files,
    fileByName: (name) => byName.get(name),
    fileContainingSymbol: (symbol) => lookupSymbol(registry, files, symbol),
    fileContainingExtension(typeName, number) {
      const message = registry.getMessage(typeName);
      return message === undefined ? undefined : registry.getExtensionFor(message, number)?.file;
    },
    extensionNumbers(typeName) {
      if (registry.getMessage(typeName) === undefined) return undefined;
      const numbers: number[] = [];
      for (const file of files) {
        for (const ext of file.extensions) {
          if (ext.extendee.typeName === typeName) numbers.push(ext.number);
        }
      }
      return numbers;
    },
  };
}

/** Encodes a file as a serialized FileDescriptorProto, the unit reflection sends. */
export function encodeFile(file: DescFile): Uint8Array {
  return toBinary(FileDescriptorProtoSchema, file.proto);
}

/**
 * Returns the encoded descriptors of `file` and its transitive dependencies that this stream has not sent yet
 * (the requested file always, first), recording them in `sent`.
 */
export function filesToSend(file: DescFile, sent: Set<string>): Uint8Array[] {
  const out: Uint8Array[] = [encodeFile(file)];
  sent.add(file.proto.name);
  for (const dep of withDependencies([file])) {
    if (sent.has(dep.proto.name)) continue;
    sent.add(dep.proto.name);
    out.push(encodeFile(dep));
  }
  return out;
}

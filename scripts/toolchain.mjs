// Pinned code generators and test toolchains, installed on demand from the package registries into
// repo-local directories: Go plugins into .tools/bin (go install), protoc and protoc-gen-grpc-java into
// .tools/bin (Maven Central), Python packages into .venv (PyPI). Used by gen.mjs and test-clients.mjs.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The repository root. */
export const root = resolve(dirname(new URL(import.meta.url).pathname), "..");

/** Directories under gen/ that the generators own completely (removed and rewritten on each run). */
export const GENERATED_DIRS = [
  "gen/ts",
  "gen/go/aerogate",
  "gen/java/src/main/java",
  "gen/python/aerogate",
];

/** The repo-local directory that holds the installed generator executables. */
export const toolBin = join(root, ".tools", "bin");

/** The repo-local Python virtual environment. */
export const venv = join(root, ".venv");

/** The Python interpreter inside the repo-local virtual environment. */
export const venvPython = join(
  venv,
  process.platform === "win32" ? "Scripts/python.exe" : "bin/python",
);

/**
 * The exact generator versions. grpc-java's runtime in gen/java/pom.xml and test/clients/java/pom.xml
 * must equal `grpcJava`, protobuf-java must equal `protoc`; the Python runtime floor in
 * gen/python/pyproject.toml follows the protoc bundled in grpcio-tools.
 */
export const PINS = Object.freeze({
  protocGenGo: "v1.36.12",
  protocGenGoGrpc: "v1.6.2",
  protoc: "4.36.2",
  grpcJava: "1.83.1",
  grpcioTools: "1.85.1",
});

/** Runs a command in the repository root with inherited output and throws when it fails. */
export function run(cmd, args, opts = {}) {
  execFileSync(cmd, args, { cwd: root, stdio: "inherit", ...opts });
}

/** Reads the version a stamp file records for an installed tool, or undefined. */
function stamped(name) {
  const file = join(toolBin, `.${name}.version`);
  return existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
}

/** Records the version of an installed tool. */
function stamp(name, version) {
  writeFileSync(join(toolBin, `.${name}.version`), `${version}\n`);
}

/** Installs protoc-gen-go and protoc-gen-go-grpc at their pinned versions into .tools/bin. */
export function ensureGoPlugins() {
  mkdirSync(toolBin, { recursive: true });
  const plugins = [
    ["protoc-gen-go", "google.golang.org/protobuf/cmd/protoc-gen-go", PINS.protocGenGo],
    ["protoc-gen-go-grpc", "google.golang.org/grpc/cmd/protoc-gen-go-grpc", PINS.protocGenGoGrpc],
  ];
  for (const [name, pkg, version] of plugins) {
    if (stamped(name) === version && existsSync(join(toolBin, name))) continue;
    console.log(`gen: installing ${pkg}@${version}`);
    run("go", ["install", `${pkg}@${version}`], { env: { ...process.env, GOBIN: toolBin } });
    stamp(name, version);
  }
}

/** Maven Central's os/arch classifier for native protoc executables on this machine. */
export function mavenClassifier() {
  const os = { linux: "linux", darwin: "osx", win32: "windows" }[process.platform];
  const arch = { x64: "x86_64", arm64: "aarch_64" }[process.arch];
  if (!os || !arch)
    throw new Error(`no protoc build on Maven Central for ${process.platform}/${process.arch}`);
  return `${os}-${arch}`;
}

/** Fetches protoc and protoc-gen-grpc-java executables from Maven Central into .tools/bin. */
export function ensureJavaPlugins() {
  mkdirSync(toolBin, { recursive: true });
  const classifier = mavenClassifier();
  const tools = [
    ["protoc", "com.google.protobuf", "protoc", PINS.protoc],
    ["protoc-gen-grpc-java", "io.grpc", "protoc-gen-grpc-java", PINS.grpcJava],
  ];
  for (const [name, group, artifact, version] of tools) {
    if (stamped(name) === version && existsSync(join(toolBin, name))) continue;
    console.log(`gen: fetching ${group}:${artifact}:${version}:exe:${classifier}`);
    run("mvn", [
      "-q",
      "-B",
      "-Dstyle.color=never",
      "dependency:copy",
      `-Dartifact=${group}:${artifact}:${version}:exe:${classifier}`,
      `-DoutputDirectory=${toolBin}`,
    ]);
    const target = join(toolBin, name);
    renameSync(join(toolBin, `${artifact}-${version}-${classifier}.exe`), target);
    chmodSync(target, 0o755);
    stamp(name, version);
  }
}

/** Returns the requirement specs (`name==version`) that the venv does not satisfy exactly. */
function missingPythonPackages(specs) {
  if (!existsSync(venvPython)) return specs;
  const probe = [
    "import importlib.metadata as m, sys",
    "for spec in sys.argv[1:]:",
    "    name, _, want = spec.partition('==')",
    "    try:",
    "        have = m.version(name)",
    "    except m.PackageNotFoundError:",
    "        have = None",
    "    if have != want:",
    "        print(spec)",
  ].join("\n");
  const r = spawnSync(venvPython, ["-c", probe, ...specs], { encoding: "utf8" });
  if (r.status !== 0) return specs;
  return r.stdout.split("\n").filter((line) => line.length > 0);
}

/** Creates .venv when missing and pip-installs the given exact `name==version` requirements into it. */
export function ensureVenv(specs) {
  if (!existsSync(venvPython)) {
    console.log("venv: creating .venv");
    run("python3", ["-m", "venv", venv]);
  }
  const missing = missingPythonPackages(specs);
  if (missing.length === 0) return;
  console.log(`pip: installing ${missing.join(" ")}`);
  run(venvPython, ["-m", "pip", "install", "-q", "--disable-pip-version-check", ...specs]);
}

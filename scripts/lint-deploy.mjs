#!/usr/bin/env node
// Lints the container and deployment files: dockerfilelint on the Dockerfile, the Kubernetes manifests
// against the API schemas shipped in `kubernetes-models` (Istio's in `@kubernetes-models/istio`), and the
// rules this project relies on: native gRPC probes, resource requests, `appProtocol: grpc`, a PDB and an HPA
// aimed at the Deployment, and Istio/Envoy connection settings equal to the gateway's own flags.
// Exits 1 listing every problem; prints "deploy lint: ok" otherwise.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as istioNetworking from "@kubernetes-models/istio/networking.istio.io/v1beta1";
import * as istioSecurity from "@kubernetes-models/istio/security.istio.io/v1beta1";
import * as appsV1 from "kubernetes-models/apps/v1";
import * as autoscalingV2 from "kubernetes-models/autoscaling/v2";
import * as policyV1 from "kubernetes-models/policy/v1";
import * as coreV1 from "kubernetes-models/v1";
import { parseAllDocuments } from "yaml";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const problems = [];
const fail = (where, message) => problems.push(`${where}: ${message}`);

/** Model classes by apiVersion, for schema validation. */
const MODELS = {
  v1: coreV1,
  "apps/v1": appsV1,
  "policy/v1": policyV1,
  "autoscaling/v2": autoscalingV2,
  "networking.istio.io/v1beta1": istioNetworking,
  "security.istio.io/v1beta1": istioSecurity,
};

/** Reads every YAML document of a file. */
function documents(file) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  for (const d of docs) for (const e of d.errors) fail(relative(root, file), `YAML: ${e.message}`);
  return docs.map((d) => d.toJS()).filter((d) => d !== null && d !== undefined);
}

/** Validates one manifest against its Kubernetes (or Istio) schema. */
function validateSchema(where, doc) {
  if (doc.apiVersion?.startsWith("kustomize.config.k8s.io/")) return;
  const Model = MODELS[doc.apiVersion]?.[doc.kind];
  if (Model === undefined) {
    fail(where, `no schema for ${doc.apiVersion} ${doc.kind}`);
    return;
  }
  try {
    new Model(doc).validate();
  } catch (err) {
    fail(where, `${doc.kind} ${doc.metadata?.name}: ${err.message}`);
  }
}

/** Lints the Dockerfile with dockerfilelint and checks its gRPC health check. */
function lintDockerfile() {
  const bin = join(root, "node_modules", ".bin", "dockerfilelint");
  const r = spawnSync(bin, ["-o", "json", "Dockerfile"], { cwd: root, encoding: "utf8" });
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    fail("Dockerfile", `dockerfilelint did not run: ${r.stderr || r.error?.message || r.status}`);
    return;
  }
  for (const file of report.files ?? []) {
    for (const issue of file.issues ?? []) fail("Dockerfile", `line ${issue.line}: ${issue.title}`);
  }
  const text = readFileSync(join(root, "Dockerfile"), "utf8");
  if (!/^HEALTHCHECK\b[\s\S]*bin\/healthcheck\.js/m.test(text)) {
    fail("Dockerfile", "needs a HEALTHCHECK through bin/healthcheck.js (the gRPC health service)");
  }
}

/** Reads `--flag=value` arguments of the gateway container. */
function flagsOf(container) {
  const flags = new Map();
  for (const arg of container.args ?? []) {
    const m = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(arg);
    if (m) flags.set(m[1], m[2] ?? "true");
  }
  return flags;
}

/** Parses an Istio/Envoy duration (`300s`, `1.5s`, `200ms`, `5m`) to milliseconds. */
function durationMs(text) {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(String(text));
  if (!m) return Number.NaN;
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2]];
}

/** Checks the Deployment's probes, resources and the flags the mesh settings must mirror. */
function checkDeployment(where, d) {
  const containers = d.spec?.template?.spec?.containers ?? [];
  const gw = containers.find((c) => c.name === "aerogate");
  if (gw === undefined) return fail(where, "no container named aerogate");
  for (const probe of ["readinessProbe", "livenessProbe"]) {
    if (gw[probe]?.grpc?.port === undefined) fail(where, `${probe} must be a native gRPC probe`);
  }
  if (gw.livenessProbe?.grpc?.service !== "aerogate.liveness") {
    fail(
      where,
      "livenessProbe must ask for service aerogate.liveness (not the Aerospike-bound status)",
    );
  }
  if (gw.resources?.requests?.cpu === undefined || gw.resources?.requests?.memory === undefined) {
    fail(where, "cpu and memory requests are required");
  }
  const flags = flagsOf(gw);
  const grace = Number(flags.get("shutdown-grace-ms") ?? 10_000);
  if ((d.spec.template.spec.terminationGracePeriodSeconds ?? 30) * 1000 <= grace) {
    fail(where, "terminationGracePeriodSeconds must exceed --shutdown-grace-ms");
  }
  return flags;
}

/** Checks that a mesh setting equals the gateway flag it mirrors. */
function same(where, what, actualMs, flags, flag) {
  const want = Number(flags.get(flag));
  if (!Number.isFinite(want)) return fail(where, `the Deployment does not set --${flag}`);
  if (actualMs !== want) fail(where, `${what} is ${actualMs} ms but --${flag} is ${want} ms`);
}

/** Checks the Istio DestinationRule against the gateway flags. */
function checkDestinationRule(where, dr, flags) {
  const pool = dr.spec?.trafficPolicy?.connectionPool ?? {};
  same(
    where,
    "tcp.maxConnectionDuration",
    durationMs(pool.tcp?.maxConnectionDuration),
    flags,
    "max-connection-age-ms",
  );
  same(
    where,
    "tcp.tcpKeepalive.time",
    durationMs(pool.tcp?.tcpKeepalive?.time),
    flags,
    "keepalive-time-ms",
  );
  same(
    where,
    "tcp.tcpKeepalive.interval",
    durationMs(pool.tcp?.tcpKeepalive?.interval),
    flags,
    "keepalive-timeout-ms",
  );
  if (!(durationMs(pool.http?.idleTimeout) < Number(flags.get("max-connection-age-ms")))) {
    fail(where, "http.idleTimeout must be below --max-connection-age-ms");
  }
  if (pool.http?.maxConcurrentStreams !== Number(flags.get("max-concurrent-streams"))) {
    fail(where, "http.maxConcurrentStreams must equal --max-concurrent-streams");
  }
}

/** Checks the Envoy example's upstream HTTP/2 settings against the gateway flags. */
function checkEnvoy(where, cfg, flags) {
  const cluster = cfg.static_resources?.clusters?.find((c) => c.name === "aerogate");
  if (cluster === undefined) return fail(where, "no cluster named aerogate");
  const opts =
    cluster.typed_extension_protocol_options?.[
      "envoy.extensions.upstreams.http.v3.HttpProtocolOptions"
    ];
  const common = opts?.common_http_protocol_options ?? {};
  const h2 = opts?.explicit_http_config?.http2_protocol_options ?? {};
  same(
    where,
    "max_connection_duration",
    durationMs(common.max_connection_duration),
    flags,
    "max-connection-age-ms",
  );
  same(
    where,
    "connection_keepalive.interval",
    durationMs(h2.connection_keepalive?.interval),
    flags,
    "keepalive-time-ms",
  );
  same(
    where,
    "connection_keepalive.timeout",
    durationMs(h2.connection_keepalive?.timeout),
    flags,
    "keepalive-timeout-ms",
  );
  if (h2.max_concurrent_streams !== Number(flags.get("max-concurrent-streams"))) {
    fail(where, "max_concurrent_streams must equal --max-concurrent-streams");
  }
  if (cluster.health_checks?.[0]?.grpc_health_check === undefined)
    fail(where, "use a gRPC health check");
}

/** Lints every manifest under deploy/. */
function lintManifests() {
  const byKind = new Map();
  for (const dir of ["deploy/kubernetes", "deploy/istio"]) {
    for (const name of readdirSync(join(root, dir))
      .filter((n) => /\.ya?ml$/.test(n))
      .sort()) {
      const file = join(root, dir, name);
      for (const doc of documents(file)) {
        const where = `${dir}/${name}`;
        validateSchema(where, doc);
        byKind.set(doc.kind, [...(byKind.get(doc.kind) ?? []), { where, doc }]);
      }
    }
  }
  const [deployment] = byKind.get("Deployment") ?? [];
  if (deployment === undefined) return fail("deploy/kubernetes", "no Deployment");
  const flags = checkDeployment(deployment.where, deployment.doc) ?? new Map();
  const name = deployment.doc.metadata.name;
  const service = (byKind.get("Service") ?? [])[0];
  if (!service?.doc.spec.ports?.some((p) => p.appProtocol === "grpc")) {
    fail(
      service?.where ?? "deploy/kubernetes",
      "a Service port with appProtocol: grpc is required",
    );
  }
  const pdb = (byKind.get("PodDisruptionBudget") ?? [])[0];
  if (pdb === undefined) fail("deploy/kubernetes", "no PodDisruptionBudget");
  const hpa = (byKind.get("HorizontalPodAutoscaler") ?? [])[0];
  if (hpa?.doc.spec.scaleTargetRef?.name !== name) {
    fail(
      hpa?.where ?? "deploy/kubernetes",
      `a HorizontalPodAutoscaler must target Deployment ${name}`,
    );
  }
  const dr = (byKind.get("DestinationRule") ?? [])[0];
  if (dr === undefined) fail("deploy/istio", "no DestinationRule");
  else checkDestinationRule(dr.where, dr.doc, flags);
  const [envoy] = documents(join(root, "deploy/envoy/envoy.yaml"));
  checkEnvoy("deploy/envoy/envoy.yaml", envoy ?? {}, flags);
}

lintDockerfile();
lintManifests();
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`deploy lint: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log("deploy lint: ok");

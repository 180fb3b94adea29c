import { citrusleafSeconds } from "../store/clock.js";
import type { Namespace } from "../store/namespace.js";
import type { Store } from "../store/store.js";
import type { InfoCommand, InfoRegistry } from "./registry.js";
import { N_PARTITIONS, replicasValue } from "./replicas.js";
import { BUILD, EDITION, FEATURES, type ServerIdentity } from "./server-identity.js";
import type { ServerStats } from "./stats.js";

/** What the core info commands read from. */
export interface InfoContext {
  readonly store: Store;
  readonly identity: ServerIdentity;
  readonly stats: ServerStats;
}

const NOT_FOUND_NS = "ERROR:20:namespace not found";

function kv(pairs: [string, string | number | boolean][], sep = ";"): string {
  return pairs.map(([k, v]) => `${k}=${v}`).join(sep);
}

function citrusleafMs(unixMs: number): number {
  return unixMs === 0 ? 0 : unixMs - 1262304000000;
}

/** The `statistics` value: a plausible subset of a real node's counters. */
export function statisticsValue(ctx: InfoContext): string {
  const { identity, stats, store } = ctx;
  const objects = store.all().reduce((n, ns) => n + ns.size, 0);
  return kv([
    ["failed_best_practices", false],
    ["cluster_size", 1],
    ["cluster_key", identity.clusterKey],
    ["cluster_generation", 1],
    ["cluster_principal", identity.nodeName],
    ["cluster_min_compatibility_id", 15],
    ["cluster_max_compatibility_id", 15],
    ["cluster_integrity", true],
    ["cluster_is_member", true],
    ["cluster_duplicate_nodes", "null"],
    ["cluster_clock_skew_stop_writes_sec", 0],
    ["cluster_clock_skew_ms", 0],
    ["cluster_clock_skew_outliers", "null"],
    ["uptime", Math.floor((Date.now() - identity.startMs) / 1000)],
    ["objects", objects],
    ["tombstones", 0],
    ["info_queue", 0],
    ["rw_in_progress", 0],
    ["proxy_in_progress", 0],
    ["client_connections", stats.clientConnections],
    ["client_connections_opened", stats.connectionsOpened],
    ["client_connections_closed", stats.connectionsClosed],
    ["info_complete", stats.infoComplete],
    ["demarshal_error", stats.demarshalError],
    ["batch_index_complete", stats.batchIndexComplete],
    ["batch_index_error", 0],
    ["paxos_principal", identity.nodeName],
    ["migrate_allowed", true],
    ["migrate_partitions_remaining", 0],
  ]);
}

/** The `namespace/<ns>` value: statistics and configuration of one namespace. */
export function namespaceValue(ns: Namespace, ctx: InfoContext): string {
  const now = ctx.store.clock();
  let dataBytes = 0;
  let nonExpirable = 0;
  for (const r of ns.allRecords()) {
    dataBytes += r.bins.dataSize();
    if (r.voidTime === 0) nonExpirable++;
  }
  const s = ctx.stats;
  return kv([
    ["ns_cluster_size", 1],
    ["effective_replication_factor", 1],
    ["objects", ns.size],
    ["tombstones", 0],
    ["master_objects", ns.size],
    ["master_tombstones", 0],
    ["prole_objects", 0],
    ["prole_tombstones", 0],
    ["non_replica_objects", 0],
    ["dead_partitions", 0],
    ["unavailable_partitions", 0],
    ["stop_writes", false],
    ["hwm_breached", false],
    ["current_time", citrusleafSeconds(now)],
    ["non_expirable_objects", nonExpirable],
    ["expired_objects", 0],
    ["evicted_objects", 0],
    ["truncate_lut", citrusleafMs(ns.truncateLutMs)],
    ["truncating", false],
    ["data_used_bytes", dataBytes],
    ["client_read_success", s.readSuccess],
    ["client_read_error", s.readError],
    ["client_read_not_found", s.readNotFound],
    ["client_write_success", s.writeSuccess],
    ["client_write_error", s.writeError],
    ["client_delete_success", s.deleteSuccess],
    ["client_delete_not_found", s.deleteNotFound],
    ["allow-ttl-without-nsup", false],
    ["default-read-touch-ttl-pct", 0],
    ["default-ttl", ns.config.defaultTtl],
    ["nsup-period", 120],
    ["replication-factor", 1],
    ["strong-consistency", false],
    ["storage-engine", "memory"],
  ]);
}

/** The `sets` entries of one namespace (each terminated by `;`). */
export function setsValue(ns: Namespace): string {
  return ns
    .setNames()
    .map(([set, info]) => {
      const entry = kv(
        [
          ["ns", ns.name],
          ["set", set],
          ["objects", info.objects],
          ["tombstones", 0],
          ["data_used_bytes", 0],
          ["truncate_lut", citrusleafMs(info.truncateLutMs)],
          ["sindexes", 0],
          ["index_populating", false],
          ["truncating", false],
          ["default-read-touch-ttl-pct", 0],
          ["default-ttl", ns.config.defaultTtl],
          ["disable-eviction", false],
          ["enable-index", false],
          ["stop-writes-count", 0],
          ["stop-writes-size", 0],
        ],
        ":",
      );
      return `${entry};`;
    })
    .join("");
}

// lut is nanoseconds since the Unix epoch; absent = now.
function truncateCutoffMs(cmd: InfoCommand, nowMs: number): number | undefined {
  const lut = cmd.params.get("lut");
  if (lut === undefined || lut === "" || lut === "0") return nowMs;
  if (!/^\d+$/.test(lut)) return undefined;
  return Number(BigInt(lut) / 1000000n);
}

function truncate(cmd: InfoCommand, ctx: InfoContext, wholeNamespace: boolean): string {
  const nsName = cmd.params.get("namespace");
  if (nsName === undefined || nsName === "") return "ERROR:4:namespace is required";
  const ns = ctx.store.namespace(nsName);
  if (ns === undefined) return NOT_FOUND_NS;
  const cutoff = truncateCutoffMs(cmd, ctx.store.clock());
  if (cutoff === undefined) return "ERROR:4:bad lut";
  const set = wholeNamespace ? undefined : cmd.params.get("set");
  ns.truncate(set === "" ? undefined : set, cutoff);
  return "ok";
}

/** Registers the tend, identity, namespace and truncate info commands. */
export function registerCoreCommands(registry: InfoRegistry, ctx: InfoContext): void {
  const { identity, store } = ctx;
  const nsNames = () => store.all().map((n) => n.name);
  const fixed: [string, () => string][] = [
    ["node", () => identity.nodeName],
    ["build", () => BUILD],
    ["edition", () => EDITION],
    ["version", () => `${EDITION} build ${BUILD}`],
    ["status", () => "ok"],
    ["compatibility-id", () => "15"],
    ["features", () => FEATURES],
    ["partition-generation", () => "0"],
    ["peers-generation", () => "0"],
    ["rebalance-generation", () => "0"],
    ["cluster-name", () => identity.clusterName],
    ["cluster-stable", () => identity.clusterKey],
    ["partitions", () => String(N_PARTITIONS)],
    ["replicas", () => replicasValue(nsNames())],
    ["replicas-all", () => replicasValue(nsNames())],
    ["replicas-master", () => replicasValue(nsNames())],
    ["peers-clear-std", () => `0,${identity.port},[]`],
    ["peers-clear-alt", () => `0,${identity.port},[]`],
    ["peers-tls-std", () => "0,,[]"],
    ["service-clear-std", () => `${identity.host}:${identity.port}`],
    ["services", () => ""],
    ["services-alumni", () => ""],
    ["namespaces", () => nsNames().join(";")],
    ["statistics", () => statisticsValue(ctx)],
    [
      "rack-ids",
      () =>
        nsNames()
          .map((n) => `${n}:0`)
          .join(";"),
    ],
    ["build_os", () => "debian12"],
    ["build_arch", () => "x86_64"],
    ["build_sha", () => ""],
    ["build_ee_sha", () => ""],
    ["build_time", () => new Date(identity.startMs).toUTCString()],
    ["release", () => `edition=${EDITION};version=${BUILD};os=debian12;arch=x86_64;sha=;ee-sha=`],
  ];
  for (const [name, value] of fixed) registry.register(name, () => value());
  registry.register("user-agent-set", () => "ok");
  registry.register("namespace", (cmd) => {
    const ns = store.namespace(cmd.args[0] ?? "");
    return ns === undefined ? NOT_FOUND_NS : namespaceValue(ns, ctx);
  });
  registry.register("sets", (cmd) => {
    if (cmd.args.length === 0) return store.all().map(setsValue).join("");
    const ns = store.namespace(cmd.args[0] ?? "");
    if (ns === undefined) return NOT_FOUND_NS;
    const set = cmd.args[1];
    if (set === undefined) return setsValue(ns);
    return setsValue(ns)
      .split(";")
      .filter((e) => e.includes(`:set=${set}:`))
      .map((e) => `${e};`)
      .join("");
  });
  registry.register("get-config", (cmd) => {
    const ctxName = cmd.params.get("context");
    if (ctxName !== "namespace") return "ERROR::unsupported context";
    const ns = store.namespace(cmd.params.get("id") ?? "");
    if (ns === undefined) return NOT_FOUND_NS;
    return kv([
      ["allow-ttl-without-nsup", false],
      ["default-ttl", ns.config.defaultTtl],
      ["nsup-period", 120],
      ["replication-factor", 1],
      ["strong-consistency", false],
      ["storage-engine", "memory"],
    ]);
  });
  registry.register("truncate", (cmd) => truncate(cmd, ctx, false));
  registry.register("truncate-namespace", (cmd) => truncate(cmd, ctx, true));
  registry.setSummary([
    "features",
    "node",
    "compatibility-id",
    "edition",
    "build_ee_sha",
    "build_sha",
    "build_arch",
    "build_time",
    "build_os",
    "build",
    "version",
    "statistics",
    "services-alumni",
    "services",
    "partition-generation",
  ]);
}

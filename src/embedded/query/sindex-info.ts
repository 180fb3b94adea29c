import type { InfoCommand, InfoRegistry } from "../info/registry.js";
import type { Store } from "../store/store.js";
import { ParticleType } from "../wire/particle.js";
import { IndexCollection } from "./index-filter.js";
import {
  parseCollection,
  parseKeyType,
  type SindexDef,
  type SindexRegistry,
} from "./sindex-registry.js";

const COLLECTION_NAMES = ["default", "list", "mapkeys", "mapvalues"];

function param(cmd: InfoCommand, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = cmd.params.get(n);
    if (v !== undefined && v !== "") return v;
  }
  return undefined;
}

/** Parses `sindex-create` parameters into a definition, or the error reply. */
export function parseCreate(cmd: InfoCommand, store: Store, nowMs: number): SindexDef | string {
  const namespace = param(cmd, "namespace", "ns");
  const name = param(cmd, "indexname");
  if (namespace === undefined || name === undefined)
    return "ERROR:4:missing namespace or indexname";
  if (store.namespace(namespace) === undefined) return "ERROR:20:namespace not found";
  let bin = param(cmd, "bin");
  let typeText = param(cmd, "type");
  const indexData = param(cmd, "indexdata");
  if (indexData !== undefined) {
    const [b, t] = indexData.split(",");
    bin = b;
    typeText = t;
  }
  const keyType = parseKeyType(typeText);
  const collection = parseCollection(param(cmd, "indextype"));
  if (bin === undefined || keyType === undefined || collection === undefined) {
    return "ERROR:4:bad bin, type or indextype";
  }
  return {
    namespace,
    name,
    setName: param(cmd, "set"),
    bin,
    keyType,
    collection,
    context: param(cmd, "context"),
    createdMs: nowMs,
  };
}

function countEntries(def: SindexDef, store: Store): number {
  const ns = store.namespace(def.namespace);
  if (ns === undefined) return 0;
  const want =
    def.collection !== IndexCollection.DEFAULT
      ? undefined
      : def.keyType === "NUMERIC"
        ? ParticleType.INTEGER
        : def.keyType === "STRING"
          ? ParticleType.STRING
          : ParticleType.BLOB;
  let n = 0;
  for (const r of ns.allRecords()) {
    if (def.setName !== undefined && r.setName !== def.setName) continue;
    const p = r.bins.get(def.bin);
    if (p !== undefined && (want === undefined || p.type === want)) n++;
  }
  return n;
}

function describe(def: SindexDef): string {
  return [
    `ns=${def.namespace}`,
    `indexname=${def.name}`,
    `set=${def.setName ?? "NULL"}`,
    `bin=${def.bin}`,
    `type=${def.keyType.toLowerCase()}`,
    `indextype=${COLLECTION_NAMES[def.collection] ?? "default"}`,
    `context=${def.context ?? "NULL"}`,
    "exp=NULL",
    "state=RW",
  ].join(":");
}

function stats(def: SindexDef, store: Store, nowMs: number): string {
  const entries = countEntries(def, store);
  const per = entries > 0 ? 1 : 0;
  return (
    `entries=${entries};used_bytes=16777216;entries_per_bval=${per};entries_per_rec=${per};` +
    `load_pct=100;load_time=${Math.max(0, nowMs - def.createdMs)};stat_gc_recs=0`
  );
}

/**
 * Registers the secondary-index info commands: `sindex-create`, `sindex-delete`, `sindex-exists`,
 * `sindex-list`, `sindex` / `sindex/<ns>` / `sindex/<ns>/<name>` (stats with `load_pct=100`, which
 * the Node client's IndexJob waits for) and `sindex-stat`.
 */
export function registerSindexCommands(
  registry: InfoRegistry,
  store: Store,
  sindexes: SindexRegistry,
): void {
  registry.register("sindex-create", (cmd) => {
    const def = parseCreate(cmd, store, store.clock());
    if (typeof def === "string") return def;
    sindexes.create(def);
    return "ok";
  });
  registry.register("sindex-delete", (cmd) => {
    const namespace = param(cmd, "namespace", "ns");
    const name = param(cmd, "indexname");
    if (namespace === undefined || name === undefined)
      return "ERROR:4:missing namespace or indexname";
    sindexes.delete(namespace, name);
    return "ok";
  });
  registry.register("sindex-exists", (cmd) => {
    const namespace = param(cmd, "namespace", "ns") ?? "";
    const name = param(cmd, "indexname") ?? "";
    return sindexes.get(namespace, name) === undefined ? "false" : "true";
  });
  registry.register("sindex-list", (cmd) => {
    const namespace = param(cmd, "namespace", "ns");
    return sindexes
      .list(namespace)
      .map((d) => `${describe(d)};`)
      .join("");
  });
  const statOrList = (namespace: string | undefined, name: string | undefined): string => {
    if (name === undefined) {
      return sindexes
        .list(namespace)
        .map((d) => `${describe(d)};`)
        .join("");
    }
    const def = sindexes.get(namespace ?? "", name);
    if (def === undefined) return "ERROR:201:no index";
    return stats(def, store, store.clock());
  };
  registry.register("sindex", (cmd) => statOrList(cmd.args[0], cmd.args[1]));
  registry.register("sindex-stat", (cmd) =>
    statOrList(param(cmd, "namespace", "ns"), param(cmd, "indexname")),
  );
}

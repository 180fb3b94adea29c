import { randomBytes } from "node:crypto";

/** The build this server reports (`build` info); 8.1.2.0 unlocks every client code path. */
export const BUILD = "8.1.2.0";

/** The edition string of a Community server. */
export const EDITION = "Aerospike Community Edition";

/** The features a real 8.1.2 CE server advertises. */
export const FEATURES =
  "batch-any;batch-index;blob-bits;cdt-index;cdt-list;cdt-map;cluster-stable;float;geo;" +
  "sindex-exists;peers;pipelining;pquery;pscans;query-show;relaxed-sc;replicas;replicas-all;" +
  "replicas-master;replicas-max;truncate-namespace;udf";

/** Who this server is: node name, cluster name, service address, start time. */
export interface ServerIdentity {
  /** Upper-case hex node id, like a real server prints it. */
  readonly nodeName: string;
  readonly clusterName: string;
  /** Hex cluster key reported by `statistics` and `cluster-stable`. */
  readonly clusterKey: string;
  readonly host: string;
  port: number;
  readonly startMs: number;
}

/** A fresh identity with a random node id (`BB9` prefix + 12 hex digits, as real nodes look). */
export function newIdentity(host: string, port: number, clusterName: string): ServerIdentity {
  const rnd = randomBytes(8).toString("hex").toUpperCase();
  return {
    nodeName: `BB9${rnd.slice(0, 12)}`,
    clusterName,
    clusterKey: rnd.slice(4, 16).replace(/^0+/, "") || "1",
    host,
    port,
    startMs: Date.now(),
  };
}

import { IndexCollection, type IndexKeyType } from "./index-filter.js";

/** A secondary-index definition, as created by `sindex-create`. */
export interface SindexDef {
  readonly namespace: string;
  readonly name: string;
  /** Set the index covers; undefined = whole namespace. */
  readonly setName: string | undefined;
  readonly bin: string;
  readonly keyType: IndexKeyType;
  /** One of {@link IndexCollection}. */
  readonly collection: number;
  /** Base64 CDT context, if the index is on a nested element. */
  readonly context: string | undefined;
  readonly createdMs: number;
}

/** What a query asks for: used to find the index that serves it. */
export interface SindexLookup {
  readonly namespace: string;
  readonly setName: string | undefined;
  readonly indexName: string | undefined;
  readonly bin: string;
  readonly keyType: IndexKeyType;
  readonly collection: number;
}

/**
 * The secondary indexes of a server, by namespace and name.
 *
 * Indexes hold no entries of their own: a query evaluates the index predicate on the records of
 * the requested partitions, which gives the same result set as a maintained index.
 */
export class SindexRegistry {
  private readonly byNs = new Map<string, Map<string, SindexDef>>();

  /** Adds an index; an existing index of the same name is kept (the server answers `ok`). */
  create(def: SindexDef): void {
    let m = this.byNs.get(def.namespace);
    if (m === undefined) {
      m = new Map();
      this.byNs.set(def.namespace, m);
    }
    if (!m.has(def.name)) m.set(def.name, def);
  }

  /** Removes an index; returns whether it existed. */
  delete(namespace: string, name: string): boolean {
    return this.byNs.get(namespace)?.delete(name) ?? false;
  }

  /** The index called `name` in `namespace`. */
  get(namespace: string, name: string): SindexDef | undefined {
    return this.byNs.get(namespace)?.get(name);
  }

  /** Every index, or those of one namespace. */
  list(namespace?: string): SindexDef[] {
    if (namespace !== undefined) return [...(this.byNs.get(namespace)?.values() ?? [])];
    return [...this.byNs.values()].flatMap((m) => [...m.values()]);
  }

  /** The index that serves a query, or undefined (the query fails with INDEX_NOT_FOUND). */
  find(q: SindexLookup): SindexDef | undefined {
    const candidates = this.list(q.namespace).filter(
      (d) => d.setName === undefined || d.setName === q.setName,
    );
    if (q.indexName !== undefined) {
      const d = candidates.find((c) => c.name === q.indexName);
      return d !== undefined && d.keyType === q.keyType ? d : undefined;
    }
    const matching = candidates.filter(
      (d) => d.bin === q.bin && d.keyType === q.keyType && d.collection === q.collection,
    );
    return matching.find((d) => d.setName !== undefined) ?? matching[0];
  }
}

/** Parses the `indextype=` info value (default DEFAULT); undefined when unknown. */
export function parseCollection(text: string | undefined): number | undefined {
  switch ((text ?? "DEFAULT").toUpperCase()) {
    case "DEFAULT":
    case "NONE":
      return IndexCollection.DEFAULT;
    case "LIST":
      return IndexCollection.LIST;
    case "MAPKEYS":
      return IndexCollection.MAPKEYS;
    case "MAPVALUES":
      return IndexCollection.MAPVALUES;
    default:
      return undefined;
  }
}

/** Parses the `type=` info value; undefined when unknown. */
export function parseKeyType(text: string | undefined): IndexKeyType | undefined {
  switch ((text ?? "").toUpperCase()) {
    case "NUMERIC":
      return "NUMERIC";
    case "STRING":
      return "STRING";
    case "BLOB":
      return "BLOB";
    case "GEO2DSPHERE":
      return "GEO2DSPHERE";
    default:
      return undefined;
  }
}

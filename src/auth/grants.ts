import { readFileSync } from "node:fs";

/** A right a principal can hold over a namespace (optionally one set of it). */
export type Right = "read" | "write" | "admin" | "tasks" | "udf";

/** Every right, in the order the grants file lists them. */
export const RIGHTS: readonly Right[] = ["read", "write", "admin", "tasks", "udf"];

/** What one call needs: a right over a namespace and set; `"*"` stands for every namespace. */
export interface Access {
  readonly right: Right;
  readonly namespace: string;
  /** The set, or undefined when the access covers the whole namespace. */
  readonly set?: string;
}

/** One scope a right was granted over: a namespace (or `*`) and, optionally, one set of it. */
export interface Scope {
  readonly namespace: string;
  readonly set: string | undefined;
}

/** The rights of one principal: for each right, the scopes it holds it over. */
export type Grants = Readonly<Record<Right, readonly Scope[]>>;

/** Rights that imply others: admin covers everything; write covers read. */
const IMPLIED_BY: Readonly<Record<Right, readonly Right[]>> = {
  read: ["read", "write", "admin"],
  write: ["write", "admin"],
  admin: ["admin"],
  tasks: ["tasks", "admin"],
  udf: ["udf", "admin"],
};

/** Parses a scope written as `ns`, `ns/set` or `*`. */
export function parseScope(text: string): Scope {
  const slash = text.indexOf("/");
  const namespace = slash === -1 ? text : text.slice(0, slash);
  const set = slash === -1 ? undefined : text.slice(slash + 1);
  if (namespace === "" || set === "") throw new Error(`invalid scope "${text}"`);
  if (namespace === "*" && set !== undefined) throw new Error(`invalid scope "${text}"`);
  return { namespace, set };
}

/** Tells whether a granted scope covers the namespace and set of an access. */
export function scopeCovers(scope: Scope, access: Access): boolean {
  if (scope.namespace === "*") return true;
  if (scope.namespace !== access.namespace) return false;
  return scope.set === undefined || scope.set === access.set;
}

/** Tells whether grants allow one access (admin implies every right, write implies read). */
export function allows(grants: Grants, access: Access): boolean {
  return IMPLIED_BY[access.right].some((right) =>
    grants[right].some((scope) => scopeCovers(scope, access)),
  );
}

/** Grants with no right at all. */
export const NO_GRANTS: Grants = { read: [], write: [], admin: [], tasks: [], udf: [] };

/** Builds grants from the JSON shape `{ "read": ["ns", "ns/set"], "write": [...], "admin": ["*"] }`. */
export function grantsFromJson(value: unknown, where: string): Grants {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Error(`${where}: expected an object of rights`);
  }
  const out: Record<Right, Scope[]> = { read: [], write: [], admin: [], tasks: [], udf: [] };
  for (const [key, scopes] of Object.entries(value)) {
    if (!(RIGHTS as readonly string[]).includes(key)) {
      throw new Error(`${where}: unknown right "${key}" (expected ${RIGHTS.join(", ")})`);
    }
    if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== "string")) {
      throw new Error(`${where}.${key}: expected a list of "ns", "ns/set" or "*"`);
    }
    out[key as Right] = (scopes as string[]).map(parseScope);
  }
  return out;
}

/** The grants of every principal, by principal name. */
export type GrantTable = ReadonlyMap<string, Grants>;

/**
 * Parses a grants document: `{ "principals": { "<name>": { "read": [...], "write": [...], ... } } }`.
 * Principals are token names, JWT subjects, or client-certificate identities.
 */
export function parseGrantTable(text: string, source = "grants"): GrantTable {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new Error(`${source}: not valid JSON: ${(err as Error).message}`);
  }
  const principals = (doc as { principals?: unknown } | null)?.principals;
  if (principals === null || typeof principals !== "object" || Array.isArray(principals)) {
    throw new Error(`${source}: expected { "principals": { "<name>": { "read": [...] } } }`);
  }
  const table = new Map<string, Grants>();
  for (const [name, value] of Object.entries(principals as Record<string, unknown>)) {
    table.set(name, grantsFromJson(value, `${source}: principals.${name}`));
  }
  return table;
}

/** Reads and parses a grants file. */
export function loadGrantTable(path: string): GrantTable {
  return parseGrantTable(readFileSync(path, "utf8"), path);
}

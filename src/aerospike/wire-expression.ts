import Aerospike from "aerospike";

/**
 * Expressions handed to the client in their compiled (base64 wire) form.
 *
 * The binding compiles an expression array on every command that carries it, at about 8 µs per
 * array entry (a 10-bin type probe costs ~80 µs): for a 200-row batch with a type probe or a
 * filter per row that was most of the gateway's CPU. The binding also takes the base64 of the
 * compiled expression wherever it takes an array (filters, expression operations), so each
 * distinct expression is compiled once and its wire form reused.
 */

/** Distinct expressions kept compiled; the oldest is dropped beyond this. */
export const WIRE_CACHE_ENTRIES = 4096;

/** Expressions whose identity key is longer than this are compiled on every use, never kept. */
const MAX_KEY_CHARS = 16_384;

const byContent = new Map<string, string>();
const byIdentity = new WeakMap<object, string>();

// An unconnected client: compiling needs the binding, not a cluster.
let compiler: { expressionToBase64(exp: unknown): string } | undefined;

function compile(exp: readonly unknown[]): string {
  compiler ??= new Aerospike.Client({
    hosts: "127.0.0.1:3000",
    log: { level: Aerospike.log.OFF },
  } as never) as never;
  return (compiler as { expressionToBase64(exp: unknown): string }).expressionToBase64(exp);
}

/**
 * A text that differs whenever two expression arrays could compile differently: every value is
 * tagged with its kind (a FLOAT 3.0 held in an `Aerospike.Double` differs from the integer 3, a
 * Buffer from a string, a Map from an object), and objects carry their class name.
 */
export function expressionKey(v: unknown): string {
  switch (typeof v) {
    case "number":
      return Object.is(v, -0) ? "n-0" : `n${v}`;
    case "bigint":
      return `b${v}`;
    case "string":
      return JSON.stringify(v);
    case "boolean":
      return v ? "T" : "F";
    case "undefined":
      return "U";
    case "object": {
      if (v === null) return "N";
      if (v instanceof Uint8Array) {
        const hex = Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("hex");
        return `${Buffer.isBuffer(v) ? "x" : "u"}${hex};`;
      }
      if (Array.isArray(v)) {
        let out = "[";
        for (const e of v) out += `${expressionKey(e)},`;
        return `${out}]`;
      }
      if (v instanceof Map) {
        return `M[${[...v].map(([k, e]) => `${expressionKey(k)}:${expressionKey(e)}`).join(",")}]`;
      }
      let out = `${(v as object).constructor?.name ?? "O"}{`;
      for (const k of Object.keys(v)) {
        out += `${JSON.stringify(k)}:${expressionKey((v as Record<string, unknown>)[k])},`;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`unexpected ${typeof v} in an expression`);
  }
}

/**
 * The compiled wire form (base64) of a client expression array, from the cache when the same
 * array object or an identical expression was compiled before.
 */
export function wireExpression(exp: readonly unknown[]): string {
  const known = byIdentity.get(exp);
  if (known !== undefined) return known;
  const key = expressionKey(exp);
  let wire = byContent.get(key);
  if (wire === undefined) {
    wire = compile(exp);
    if (key.length <= MAX_KEY_CHARS) {
      if (byContent.size >= WIRE_CACHE_ENTRIES) {
        byContent.delete(byContent.keys().next().value as string);
      }
      byContent.set(key, wire);
    }
  }
  byIdentity.set(exp, wire);
  return wire;
}

/** How many compiled expressions the content cache holds (for tests). */
export function wireCacheSize(): number {
  return byContent.size;
}

const byName = new Map<string, string>();

/**
 * The wire form of an expression the caller names (e.g. `binType:<bin>`), built and compiled
 * only the first time: the fast path for the type probes every typed read carries.
 */
export function namedWireExpression(name: string, build: () => readonly unknown[]): string {
  let wire = byName.get(name);
  if (wire === undefined) {
    wire = wireExpression(build());
    if (byName.size >= WIRE_CACHE_ENTRIES) byName.delete(byName.keys().next().value as string);
    byName.set(name, wire);
  }
  return wire;
}

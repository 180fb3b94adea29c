import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Aerospike from "aerospike";
import { readTranscript } from "../../unit/embedded/fixtures.js";

/** A recorded client call and what the client reported. */
export interface Step {
  readonly n: number;
  readonly step: string;
  readonly call: string;
  readonly args: unknown[];
  readonly result: { ok?: unknown; error?: { code: number; message: string } };
}

/** The step lines of a transcript. */
export function readSteps(scenario: string): Step[] {
  return readTranscript(scenario).filter((l) => l.kind === "step") as unknown as Step[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

// biome-ignore lint/suspicious/noExplicitAny: walking the client module by recorded path names
const AS: any = Aerospike;

function resolvePath(path: string): { fn: unknown; self: unknown } {
  let self: unknown;
  // biome-ignore lint/suspicious/noExplicitAny: dynamic lookup of client functions
  let cur: any = AS;
  for (const part of path.split(".")) {
    self = cur;
    cur = cur?.[part];
  }
  return { fn: cur, self };
}

/** Builds the client value a recorded argument stands for (tags of the fixture README). */
export function decodeArg(v: Json, inCallForm = false): unknown {
  if (Array.isArray(v)) {
    if (inCallForm) return buildCall(v);
    return v.map((x) => decodeArg(x));
  }
  if (v === null || typeof v !== "object") return v;
  if ("$key" in v) {
    const k = v.$key as { ns: string; set: string | null; key: Json };
    return new Aerospike.Key(k.ns, k.set, decodeArg(k.key) as string);
  }
  if ("$bytes" in v) return Buffer.from(v.$bytes as string, "hex");
  if ("$bigint" in v) return BigInt(v.$bigint as string);
  if ("$double" in v) return new Aerospike.Double(v.$double as number);
  if ("$float" in v) return Number(v.$float);
  if ("$geojson" in v) return new Aerospike.GeoJSON(v.$geojson as string);
  if ("$hll" in v) return new Aerospike.HyperLogLog(Buffer.from(v.$hll as string, "hex"));
  if ("$undefined" in v) return undefined;
  if ("$function" in v) return () => undefined;
  if ("$const" in v) return v.value;
  if ("$map" in v)
    return new Map(
      (v.$map as Json[][]).map(([k, x]) => [decodeArg(k as Json), decodeArg(x as Json)]),
    );
  if ("$list" in v) return (v.$list as Json[]).map((x) => decodeArg(x, true));
  if ("$build" in v) return buildCall(v.$build as Json[]);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = decodeArg(x, inCallForm);
  return out;
}

function buildCall(form: Json[]): unknown {
  const [path, ...rawArgs] = form as [string, ...Json[]];
  const args = rawArgs.map((a) => decodeArg(a, true));
  if (path.startsWith("new ")) {
    const { fn } = resolvePath(path.slice(4));
    return new (fn as new (...a: unknown[]) => unknown)(...args);
  }
  if (path.startsWith(".")) {
    const [target, ...rest] = args;
    // biome-ignore lint/suspicious/noExplicitAny: method call on a built value
    return (target as any)[path.slice(1)](...rest);
  }
  const { fn, self } = resolvePath(path);
  return (fn as (...a: unknown[]) => unknown).apply(self, args);
}

/** Encodes what the client returned the way the recorder did. */
export function encodeResult(v: unknown): unknown {
  if (v === undefined) return { $undefined: true };
  if (v === null) return null;
  if (typeof v === "bigint") {
    return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(v)
      : { $bigint: v.toString() };
  }
  if (typeof v === "number" && !Number.isFinite(v)) return { $float: String(v) };
  if (Buffer.isBuffer(v)) return { $bytes: v.toString("hex") };
  if (isKeyLike(v)) {
    return {
      $key: {
        ns: v.ns,
        set: v.set ?? null,
        key: encodeResult(v.key),
        digest: v.digest?.toString("hex"),
      },
    };
  }
  if (v instanceof Aerospike.Record) {
    return {
      key: encodeResult(v.key),
      bins: encodeResult(v.bins),
      gen: encodeResult(v.gen),
      ttl: encodeResult(v.ttl),
    };
  }
  if (v instanceof Map) return { $map: [...v].map(([k, x]) => [encodeResult(k), encodeResult(x)]) };
  if (Array.isArray(v)) return v.map(encodeResult);
  if (typeof v === "object") {
    const out: Record<string, unknown> = {};
    // JSON.stringify in the recorder dropped undefined properties.
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = encodeResult(x);
    return out;
  }
  return v;
}

function isKeyLike(
  v: unknown,
): v is { ns: string; set?: string | null; key: unknown; digest?: Buffer } {
  return (
    v instanceof Aerospike.Key ||
    (typeof v === "object" && v !== null && "ns" in v && "digest" in v && Buffer.isBuffer(v.digest))
  );
}

/**
 * Replaces record TTLs that count down (> 0) by a marker, so runs a second apart compare equal,
 * and HLL values by plain bytes (the recorder had the client report HLL bins as HyperLogLog).
 */
export function normalizeTtls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalizeTtls);
  if (v === null || typeof v !== "object") return v;
  if ("$hll" in v) return { $bytes: (v as { $hll: string }).$hll };
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    out[k] =
      k === "ttl" && typeof x === "number" && x > 0
        ? Math.abs(x) > 2
          ? `~${Math.round(x / 10)}`
          : "short"
        : normalizeTtls(x);
  }
  return out;
}

// Calls this runner does not drive (scans and queries stream through their own API).
const UNSUPPORTED_CALL = /^(Scan|Query|Job)\./;

/** Whether the runner cannot replay a step through the client. */
export function needsPlugin(step: Step): boolean {
  return UNSUPPORTED_CALL.test(step.call);
}

/** Digests of every key a step's arguments mention. */
export function digestsOf(step: Step): string[] {
  return [...JSON.stringify(step.args).matchAll(/"digest":"([0-9a-f]{40})"/g)].map(
    (m) => m[1] as string,
  );
}

/** Runs one recorded call against a connected client; returns `{ok}` or `{error: {code}}`. */
export async function runStep(
  client: Aerospike.Client,
  step: Step,
): Promise<{ ok?: unknown; error?: { code: number } }> {
  const args = step.args.map((a) => decodeArg(a as Json));
  if (step.call === "sleep") {
    await new Promise((r) => setTimeout(r, args[0] as number));
    return { ok: "slept" };
  }
  const method = step.call.replace(/^client\./, "");
  if (method === "udfRegister" || method === "udfRemove") return udfJob(client, method, step);
  try {
    // biome-ignore lint/suspicious/noExplicitAny: calling the recorded client method by name
    const value = await (client as any)[method](...args);
    return { ok: encodeResult(value) };
  } catch (e) {
    return { error: { code: (e as { code: number }).code } };
  }
}

/** Registers or removes a UDF module like the recorder did: from its recorded source, then waits. */
async function udfJob(
  client: Aerospike.Client,
  method: "udfRegister" | "udfRemove",
  step: Step,
): Promise<{ ok?: unknown; error?: { code: number } }> {
  const name = step.args[0] as string;
  try {
    if (method === "udfRegister") {
      const note = readTranscript(scenarioOf(step))
        .filter((l) => l.kind === "note")
        .map((l) => l.data as { filename?: string; source?: string })
        .find((d) => d?.filename === name);
      const dir = mkdtempSync(join(tmpdir(), "aerogate-udf-"));
      const path = join(dir, name);
      writeFileSync(path, note?.source ?? "");
      await (await client.udfRegister(path)).wait(10);
      return { ok: "registered" };
    }
    await (await client.udfRemove(name)).wait(10);
    return { ok: "removed" };
  } catch (e) {
    return { error: { code: (e as { code: number }).code } };
  }
}

function scenarioOf(step: Step): string {
  return (step as unknown as { scenario: string }).scenario;
}

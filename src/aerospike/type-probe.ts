import Aerospike from "aerospike";
import { namedWireExpression } from "./wire-expression.js";

const { exp } = Aerospike;

/** Bins whose particle types one probe expression packs (5 bits each, exact within 2^53). */
export const BINS_PER_PROBE = 10;

/** Particle types fit in 5 bits (the largest, GEOJSON, is 23). */
const BASE = 32;

/**
 * One expression computing the particle types of up to {@link BINS_PER_PROBE} bins packed into
 * one integer (type of bin k times 32^k; a missing bin is 0). One read op per ten bins costs far
 * less than one op per bin.
 */
export function packedTypeProbe(bins: readonly string[]): unknown {
  const terms = bins.map((b, k) =>
    k === 0 ? exp.binType(b) : exp.mul(exp.binType(b), exp.int(BASE ** k)),
  );
  return terms.length === 1 ? terms[0] : exp.add(...(terms as never[]));
}

/** Unpacks the particle types of a {@link packedTypeProbe} result, in bin order. */
export function unpackTypes(packed: unknown, count: number): number[] {
  const v = typeof packed === "bigint" ? Number(packed) : typeof packed === "number" ? packed : 0;
  const out: number[] = [];
  let rest = v;
  for (let k = 0; k < count; k++) {
    out.push(rest % BASE);
    rest = Math.floor(rest / BASE);
  }
  return out;
}

/** The name of the i-th probe result entry (a control character no bin name uses). */
export function probeName(i: number): string {
  return `\u0002${i}`;
}

/** Client read operations probing the particle types of `bins`, ten bins per operation. */
export function typeProbeOps(bins: readonly string[]): unknown[] {
  const ops: unknown[] = [];
  for (let i = 0; i * BINS_PER_PROBE < bins.length; i++) {
    const group = bins.slice(i * BINS_PER_PROBE, (i + 1) * BINS_PER_PROBE);
    const wire = namedWireExpression(
      `probe:${JSON.stringify(group)}`,
      () => packedTypeProbe(group) as unknown[],
    ) as never;
    ops.push(exp.operations.read(probeName(i), wire, 0));
  }
  return ops;
}

/** Reads the particle types of `bins` back from the bins object a probe returned. */
export function probedTypes(
  bins: readonly string[],
  result: Readonly<Record<string, unknown>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i * BINS_PER_PROBE < bins.length; i++) {
    const group = bins.slice(i * BINS_PER_PROBE, (i + 1) * BINS_PER_PROBE);
    const types = unpackTypes(result[probeName(i)], group.length);
    group.forEach((b, k) => {
      out[b] = types[k] as number;
    });
  }
  return out;
}

/** Whether a bins-object entry is the result of one of a command's first `probes` probes. */
function isProbeName(name: string, probes: number): boolean {
  for (let i = 0; i < probes; i++) if (name === probeName(i)) return true;
  return false;
}

/**
 * Client read operations for "all bins, plus the particle types of `hinted`" in one command:
 * a read op without a bin name reads every bin (the client sets GET_ALL for it), and the probe
 * ops report under names no bin uses.
 */
export function readAllWithProbeOps(hinted: readonly string[]): unknown[] {
  return [Aerospike.operations.read(""), ...typeProbeOps(hinted)];
}

/**
 * Splits what a {@link readAllWithProbeOps} command returned into the record's bins and the
 * particle types of the hinted bins present in it.
 */
export function splitProbed(
  hinted: readonly string[],
  result: Readonly<Record<string, unknown>>,
): { bins: Record<string, unknown>; particles: Record<string, number> } {
  const probes = Math.ceil(hinted.length / BINS_PER_PROBE);
  const bins: Record<string, unknown> = {};
  for (const name of Object.keys(result)) {
    // Only the probe names this command used: other bins starting with U+0002 stay bins.
    if (!isProbeName(name, probes)) bins[name] = result[name];
  }
  return { bins, particles: probedTypes(hinted, result) };
}

/** Sets {@link ProbeHints} remembers. */
export const HINT_SETS = 1024;
/** Bins per set {@link ProbeHints} remembers (three probe operations). */
export const HINT_BINS = 3 * BINS_PER_PROBE;

const NO_BINS: readonly string[] = [];

/**
 * Which bins of a set held values whose particle type the client hides (integral numbers, JSON
 * object text, msgpack-looking buffers), learned from earlier all-bins reads. An all-bins read
 * probes the hinted bins' types in the same command; only bins outside the hint need a second
 * command. Bounded: {@link HINT_SETS} sets, {@link HINT_BINS} bins each (oldest dropped first).
 */
export class ProbeHints {
  private readonly sets = new Map<string, string[]>();

  constructor(
    private readonly maxSets = HINT_SETS,
    private readonly maxBins = HINT_BINS,
  ) {}

  /** The hinted bins of a set (empty when nothing was learned). */
  binsOf(namespace: string, set: string): readonly string[] {
    return this.sets.get(`${namespace}\u0000${set}`) ?? NO_BINS;
  }

  /** Adds bins seen holding ambiguous values in a set. */
  learn(namespace: string, set: string, bins: readonly string[]): void {
    const id = `${namespace}\u0000${set}`;
    const known = this.sets.get(id);
    const fresh = bins.filter((b) => known === undefined || !known.includes(b));
    if (fresh.length === 0) return;
    if (known === undefined && this.sets.size >= this.maxSets) {
      this.sets.delete(this.sets.keys().next().value as string);
    }
    // A new array, so commands built from the old hint keep decoding with the bins they probed.
    const next = [...(known ?? []), ...fresh];
    this.sets.set(id, next.slice(Math.max(0, next.length - this.maxBins)));
  }
}

/** The gateway's hints, shared by every call. */
export const probeHints = new ProbeHints();

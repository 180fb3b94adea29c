import Aerospike from "aerospike";

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
    ops.push(exp.operations.read(probeName(i), packedTypeProbe(group) as never, 0));
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

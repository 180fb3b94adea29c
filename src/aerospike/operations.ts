import Aerospike from "aerospike";
import { FieldError, fieldPath } from "../mapping/field-error.js";
import type { AsValue, HllFlags, Op } from "../mapping/model.js";
import { type CompiledExpression, compileExpression } from "./expressions.js";
import { probedTypes, typeProbeOps } from "./type-probe.js";
import { fromClientValue, ParticleType, toClientValue } from "./values.js";
import { namedWireExpression, wireExpression } from "./wire-expression.js";

const { operations, hll, exp } = Aerospike;

/** A client operation as `client.operate` and batch records take it. */
export type ClientOperation = InstanceType<typeof Aerospike.operations.Operation>;

/** Reads one operation's result back out of the bins object the client returned. */
type Decoder = (bins: Readonly<Record<string, unknown>>) => AsValue | undefined;

/** Client operations for a domain operation list plus how to read each result by position. */
export interface OperationPlan {
  readonly ops: ClientOperation[];
  /** One decoder per input operation; undefined for operations without a result. */
  readonly decoders: readonly (Decoder | undefined)[];
  /** For each input `get`, the bin it read (to fill the response record's bins). */
  readonly readBins: readonly (string | undefined)[];
}

/** Particle types a typed bin read is tried with, with the exp helper reading that type. */
const TYPED_READS: readonly (readonly [number, (bin: string) => unknown])[] = [
  [ParticleType.INTEGER, exp.binInt],
  [ParticleType.FLOAT, exp.binFloat],
  [ParticleType.STRING, exp.binStr],
  [ParticleType.BLOB, exp.binBlob],
  [ParticleType.BOOL, exp.binBool],
  [ParticleType.LIST, exp.binList],
  [ParticleType.MAP, exp.binMap],
  [ParticleType.GEOJSON, exp.binGeo],
  [ParticleType.HLL, exp.binHll],
];

// Names for synthetic result entries start with a control character no caller uses in bin names.
const SYNTHETIC_PREFIX = "\u0001";

/** Static result types of the HLL operations that return a value. */
const HLL_RESULT: Readonly<Record<string, number>> = {
  hllAdd: ParticleType.INTEGER,
  hllRefreshCount: ParticleType.INTEGER,
  hllGetCount: ParticleType.INTEGER,
  hllGetUnionCount: ParticleType.INTEGER,
  hllGetIntersectCount: ParticleType.INTEGER,
  hllGetSimilarity: ParticleType.FLOAT,
  hllGetUnion: ParticleType.HLL,
  hllDescribe: ParticleType.LIST,
};

function hllWriteFlags(f: HllFlags): number {
  const w = hll.writeFlags;
  return (
    (f.createOnly ? w.CREATE_ONLY : 0) |
    (f.updateOnly ? w.UPDATE_ONLY : 0) |
    (f.noFail ? w.NO_FAIL : 0) |
    (f.allowFold ? w.ALLOW_FOLD : 0)
  );
}

function sketches(list: readonly Uint8Array[]): unknown[] {
  return list.map((s) => new Aerospike.HyperLogLog(Buffer.from(s)));
}

/**
 * Decodes a result value with a statically known particle type. The client turns FLOAT 1.0 into
 * the number 1 and a raw list into a Buffer; the known type restores both.
 */
function typed(particle: number | undefined, js: unknown): AsValue | undefined {
  if (js === undefined) return undefined;
  if (particle === ParticleType.LIST && Array.isArray(js)) {
    return { type: "list", value: js.map((e) => fromClientValue(e)) };
  }
  return fromClientValue(js, particle);
}

// A literal value entry; the binding converts it like a bin value (BigInt, HLL and all).
function literal(v: AsValue): unknown[] {
  return [{ op: 128, value: toClientValue(v) }];
}

// Whether the client's write operation can carry the value as the same particle (it rejects
// BigInt and takes an HLL object for a map).
function needsExpressionWrite(v: AsValue): boolean {
  if (v.type === "hll") return true;
  return (
    v.type === "int" &&
    (v.value > BigInt(Number.MAX_SAFE_INTEGER) || v.value < -BigInt(Number.MAX_SAFE_INTEGER))
  );
}

function nativeResponseName(op: Op): string {
  return "bin" in op ? op.bin : "";
}

class Namer {
  private n = 0;
  constructor(private readonly taken: ReadonlySet<string>) {}
  next(): string {
    for (;;) {
      const name = `${SYNTHETIC_PREFIX}${(this.n++).toString(36)}`;
      if (!this.taken.has(name)) return name;
    }
  }
}

/**
 * Plans the client operations for an ordered domain operation list so that every result can be
 * read back by position, although the client reports one value per bin name (the last one):
 *
 * - `get` reads the bin and, in the same atomic command, its particle type (`exp.binType`), so a
 *   FLOAT 3.0, a GeoJSON or a raw list decode exactly. When a later operation reports under the
 *   same bin name, the bin is instead read with one typed expression read per particle type
 *   (EVAL_NO_FAIL), each under a synthetic name; only the matching one returns a value.
 * - `select_from` reports under a synthetic name, its type taken from the expression text.
 * - HLL reads report under the bin name, or as the equivalent expression read under a synthetic
 *   name when a later operation reports under the same bin.
 * - `hll_refresh_count` followed by another operation on the bin reports the estimate read right
 *   after it (an expression read under a synthetic name).
 * - `hll_add` followed by a write on the same bin (which reports nil under the bin name) cannot
 *   keep its count of changed registers: INVALID_ARGUMENT naming the operation (a documented
 *   limitation; reads after it are fine, they move to synthetic names).
 *
 * `path` is the field path of the operation list (e.g. `entries[2].operations`).
 */
export function planOperations(
  list: readonly Op[],
  path: string,
  touchTtl: number | undefined,
): OperationPlan {
  const fast = planPlainReads(list);
  if (fast !== undefined) return fast;
  const taken = new Set(list.map(nativeResponseName));
  const namer = new Namer(taken);
  // Bins whose counted HLL adds must keep the native name: reads of them go synthetic.
  const counted = new Set(list.filter((o) => o.op === "hllAdd").map(nativeResponseName));
  // Built back to front: whether an op's native entry survives depends on the names after it.
  const laterNames = new Set<string>();
  const chunks: ClientOperation[][] = [];
  const decoders: (Decoder | undefined)[] = [];
  const readBins: (string | undefined)[] = [];
  for (let i = list.length - 1; i >= 0; i--) {
    const op = list[i] as Op;
    const at = fieldPath(path, i);
    const { ops, decoder, names } = planOne(op, at, laterNames, counted, namer, touchTtl);
    chunks[i] = ops;
    decoders[i] = decoder;
    readBins[i] = op.op === "read" ? op.bin : undefined;
    for (const n of names) laterNames.add(n);
  }
  return { ops: chunks.flat(), decoders, readBins };
}

/**
 * The common projection case — only `get`s, each of a different bin — read with one packed type
 * probe per ten bins instead of one probe per bin. Undefined when the list is anything else.
 */
function planPlainReads(list: readonly Op[]): OperationPlan | undefined {
  const bins: string[] = [];
  for (const op of list) {
    if (op.op !== "read" || op.bin.startsWith("\u0002")) return undefined;
    bins.push(op.bin);
  }
  if (new Set(bins).size !== bins.length) return undefined;
  let cache: { from: object; types: Record<string, number> } | undefined;
  const typesOf = (result: Readonly<Record<string, unknown>>) => {
    if (cache?.from !== result) cache = { from: result, types: probedTypes(bins, result) };
    return cache.types;
  };
  return {
    ops: [...bins.map((b) => operations.read(b)), ...(typeProbeOps(bins) as ClientOperation[])],
    decoders: bins.map((bin) => (result) => {
      const js = result[bin];
      if (js === undefined || js === null) return { type: "nil" };
      return fromClientValue(js, typesOf(result)[bin]);
    }),
    readBins: bins,
  };
}

interface PlannedOp {
  readonly ops: ClientOperation[];
  readonly decoder: Decoder | undefined;
  /** The names this op's entries report under. */
  readonly names: readonly string[];
}

function planOne(
  op: Op,
  at: string,
  later: ReadonlySet<string>,
  counted: ReadonlySet<string>,
  namer: Namer,
  touchTtl: number | undefined,
): PlannedOp {
  const plain = (o: ClientOperation): PlannedOp => ({
    ops: [o],
    decoder: undefined,
    names: [nativeResponseName(op)],
  });
  switch (op.op) {
    case "write":
      if (needsExpressionWrite(op.value)) {
        return plain(
          exp.operations.write(
            op.bin,
            wireExpression(literal(op.value)) as never,
            exp.expWriteFlags.DEFAULT,
          ),
        );
      }
      return plain(operations.write(op.bin, toClientValue(op.value) as never));
    case "add":
      if (needsExpressionWrite(op.value)) {
        throw FieldError.of(
          fieldPath(at, "add"),
          "add takes integers within ±2^53 (the aerospike client cannot send a larger increment)",
        );
      }
      return plain(operations.add(op.bin, toClientValue(op.value) as never));
    case "append":
      return plain(operations.append(op.bin, op.value));
    case "prepend":
      return plain(operations.prepend(op.bin, op.value));
    case "touch":
      return plain(operations.touch(touchTtl as never));
    case "delete":
      return plain(operations.delete());
    case "read":
      return planRead(op.bin, later.has(op.bin) || counted.has(op.bin), namer);
    case "expRead": {
      const compiled = compileExpression(
        op.expression,
        fieldPath(at, "select_from.expression.ael"),
      );
      const name = namer.next();
      const flags = op.ignoreEvalFailure ? exp.expReadFlags.EVAL_NO_FAIL : exp.expReadFlags.DEFAULT;
      return {
        ops: [exp.operations.read(name, wireExpression(compiled.exp) as never, flags)],
        decoder: (bins) => typed(compiled.particle, bins[name]),
        names: [name],
      };
    }
    case "expWrite": {
      const field = { insert: "insert_from", update: "update_from", upsert: "upsert_from" }[
        op.mode
      ];
      const compiled: CompiledExpression = compileExpression(
        op.expression,
        fieldPath(at, `${field}.expression.ael`),
      );
      const f = exp.expWriteFlags;
      const flags =
        (op.mode === "insert" ? f.CREATE_ONLY : op.mode === "update" ? f.UPDATE_ONLY : 0) |
        (op.ignoreOpFailure ? f.POLICY_NO_FAIL : 0) |
        (op.ignoreEvalFailure ? f.EVAL_NO_FAIL : 0) |
        (op.deleteIfNull ? f.ALLOW_DELETE : 0);
      return plain(exp.operations.write(op.bin, wireExpression(compiled.exp) as never, flags));
    }
    case "hllInit":
      return plain(
        hll.init(op.bin, op.indexBits, op.minhashBits).withPolicy({
          writeFlags: hllWriteFlags(op.flags),
        }) as ClientOperation,
      );
    case "hllAdd":
      return planHllWriteWithResult(op, at, later, () =>
        hll
          .add(
            op.bin,
            op.values.map(toClientValue) as never,
            op.indexBits ?? -1,
            op.minhashBits ?? -1,
          )
          .withPolicy({ writeFlags: hllWriteFlags(op.flags) }),
      );
    case "hllRefreshCount":
      if (later.has(op.bin)) {
        // The refreshed count equals the estimate read right after it, under a name of its own.
        const name = namer.next();
        return {
          ops: [
            hll.refreshCount(op.bin) as ClientOperation,
            exp.operations.read(
              name,
              namedWireExpression(`hllCount:${op.bin}`, () =>
                exp.hll.getCount(exp.binHll(op.bin)),
              ) as never,
              0,
            ),
          ],
          decoder: (bins) => typed(ParticleType.INTEGER, bins[name]),
          names: [op.bin, name],
        };
      }
      return planHllWriteWithResult(op, at, later, () => hll.refreshCount(op.bin));
    case "hllSetUnion":
      return plain(
        hll.setUnion(op.bin, sketches(op.sketches) as never).withPolicy({
          writeFlags: hllWriteFlags(op.flags),
        }) as ClientOperation,
      );
    case "hllFold":
      return plain(hll.fold(op.bin, op.indexBits) as ClientOperation);
    case "hllGetCount":
      return planHllRead(
        op.bin,
        op.op,
        later.has(op.bin) || counted.has(op.bin),
        namer,
        () => hll.getCount(op.bin),
        () => exp.hll.getCount(exp.binHll(op.bin)),
      );
    case "hllDescribe":
      return planHllRead(
        op.bin,
        op.op,
        later.has(op.bin) || counted.has(op.bin),
        namer,
        () => hll.describe(op.bin),
        () => exp.hll.describe(exp.binHll(op.bin)),
      );
    case "hllGetUnion":
    case "hllGetUnionCount":
    case "hllGetIntersectCount":
    case "hllGetSimilarity": {
      const list = sketches(op.sketches) as never;
      const native = {
        hllGetUnion: () => hll.getUnion(op.bin, list),
        hllGetUnionCount: () => hll.getUnionCount(op.bin, list),
        hllGetIntersectCount: () => hll.getIntersectCount(op.bin, list),
        hllGetSimilarity: () => hll.getSimilarity(op.bin, list),
      }[op.op];
      const viaExp = {
        hllGetUnion: () => exp.hll.getUnion(exp.binHll(op.bin), exp.list(list)),
        hllGetUnionCount: () => exp.hll.getUnionCount(exp.binHll(op.bin), exp.list(list)),
        hllGetIntersectCount: () => exp.hll.getIntersectCount(exp.binHll(op.bin), exp.list(list)),
        hllGetSimilarity: () => exp.hll.getSimilarity(exp.binHll(op.bin), exp.list(list)),
      }[op.op];
      return planHllRead(
        op.bin,
        op.op,
        later.has(op.bin) || counted.has(op.bin),
        namer,
        native,
        viaExp,
      );
    }
  }
}

function planRead(bin: string, synthetic: boolean, namer: Namer): PlannedOp {
  if (!synthetic) {
    const probe = namer.next();
    return {
      ops: [
        operations.read(bin),
        exp.operations.read(
          probe,
          namedWireExpression(`binType:${bin}`, () => exp.binType(bin)) as never,
          exp.expReadFlags.DEFAULT,
        ),
      ],
      decoder: (bins) => {
        // A missing bin reads as nil, as the server reports it.
        if (bins[bin] === undefined || bins[bin] === null) return { type: "nil" };
        return fromClientValue(bins[bin], bins[probe] as number | undefined);
      },
      names: [bin, probe],
    };
  }
  const names = TYPED_READS.map(() => namer.next());
  return {
    ops: TYPED_READS.map(([particle, read], k) =>
      exp.operations.read(
        names[k] as string,
        namedWireExpression(`typed:${particle}:${bin}`, () => read(bin) as unknown[]) as never,
        exp.expReadFlags.EVAL_NO_FAIL,
      ),
    ),
    decoder: (bins) => {
      for (let k = 0; k < TYPED_READS.length; k++) {
        const js = bins[names[k] as string];
        if (js !== undefined && js !== null) return fromClientValue(js, TYPED_READS[k]?.[0]);
      }
      return { type: "nil" };
    },
    names,
  };
}

function planHllRead(
  bin: string,
  kind: string,
  synthetic: boolean,
  namer: Namer,
  native: () => unknown,
  viaExp: () => unknown,
): PlannedOp {
  const particle = HLL_RESULT[kind];
  if (!synthetic) {
    return {
      ops: [native() as ClientOperation],
      decoder: (bins) => typed(particle, bins[bin]),
      names: [bin],
    };
  }
  const name = namer.next();
  return {
    ops: [
      exp.operations.read(
        name,
        wireExpression(viaExp() as unknown[]) as never,
        exp.expReadFlags.DEFAULT,
      ),
    ],
    decoder: (bins) => typed(particle, bins[name]),
    names: [name],
  };
}

function planHllWriteWithResult(
  op: { readonly op: string; readonly bin: string },
  at: string,
  later: ReadonlySet<string>,
  build: () => unknown,
): PlannedOp {
  if (later.has(op.bin)) {
    throw FieldError.of(
      at,
      `a later operation on bin "${op.bin}" reports under the same name, and the aerospike ` +
        "client keeps one result per bin name; move this operation last for its bin or split the list",
    );
  }
  const particle = HLL_RESULT[op.op];
  return {
    ops: [build() as ClientOperation],
    decoder: (bins) => typed(particle, bins[op.bin]),
    names: [op.bin],
  };
}

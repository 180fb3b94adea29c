import { AelError } from "./ael-error.js";
import type { Node, PathPart, PathValue } from "./ast.js";
import { hllCall, hllResultType } from "./compile-hll.js";
import {
  type AelReturnType,
  type AelType,
  CallSystem,
  CtxType,
  ExpType,
  ListOp,
  MapOp,
  Op,
  ReturnType,
} from "./exp-codes.js";
import {
  binEntry,
  binExistsEntry,
  type CdtContext,
  type ClientValue,
  callEntry,
  type ExpEntry,
  fixed,
  intEntry,
  smallInt,
  stringEntry,
  valueEntry,
} from "./exp-entries.js";

type PathNode = Extract<Node, { kind: "path" }>;

/** What the path compiler needs from the expression compiler. */
export interface ExpressionEmitter {
  emit(node: Node, want: AelType | undefined): ExpEntry[];
}

interface PathShape {
  /** The selectors, without the `[]`/`{}` designators. */
  readonly parts: readonly PathPart[];
  /** Type named by a designator right after the bin, e.g. `$.bin.[]`. */
  readonly binHint?: AelType;
  /** Type named by a designator right after the last selector, e.g. `$.bin.[0].{}`. */
  readonly lastHint?: AelType;
}

const SINGLE_PARTS = new Set(["listIndex", "listRank", "mapKey", "mapIndex", "mapRank"]);

function shapeOf(node: PathNode): PathShape {
  const parts: PathPart[] = [];
  let binHint: AelType | undefined;
  let lastHint: AelType | undefined;
  for (const part of node.parts) {
    if (part.kind === "listDesignator" || part.kind === "mapDesignator") {
      const hint = part.kind === "listDesignator" ? "LIST" : "MAP";
      if (parts.length === 0) binHint = hint;
      else lastHint = hint;
      continue;
    }
    lastHint = undefined;
    parts.push(part);
  }
  return {
    parts,
    ...(binHint === undefined ? {} : { binHint }),
    ...(lastHint === undefined ? {} : { lastHint }),
  };
}

function isListPart(part: PathPart): boolean {
  return part.kind.startsWith("list");
}

function isSingle(part: PathPart): boolean {
  return SINGLE_PARTS.has(part.kind);
}

/** The type a path expression produces, or undefined when only its context can tell. */
export function pathType(node: PathNode): AelType | undefined {
  const { parts, binHint, lastHint } = shapeOf(node);
  const fn = node.fn;
  if (fn?.kind === "cast") return fn.to;
  if (fn?.kind === "exists") return "BOOL";
  if (fn?.kind === "count") return "INT";
  if (fn?.kind === "hll") return hllResultType(fn.name);
  const explicit = fn?.kind === "get" ? fn.type : undefined;
  const last = parts.at(-1);
  if (last === undefined) return explicit ?? binHint;
  const returnType = fn?.kind === "get" ? (fn.returnType ?? "VALUE") : "VALUE";
  return resultType(last, returnType, explicit ?? lastHint);
}

function resultType(
  last: PathPart,
  returnType: AelReturnType,
  valueType: AelType | undefined,
): AelType | undefined {
  const single = isSingle(last);
  switch (returnType) {
    case "COUNT":
      return "INT";
    case "EXISTS":
      return "BOOL";
    case "INDEX":
    case "REVERSE_INDEX":
    case "RANK":
    case "REVERSE_RANK":
      return single ? "INT" : "LIST";
    case "KEY":
    case "VALUE":
      return single ? valueType : "LIST";
    case "KEY_VALUE":
    case "ORDERED_MAP":
    case "UNORDERED_MAP":
      return "MAP";
    case "NONE":
      return undefined;
  }
}

function pathValueEntry(value: PathValue): ExpEntry[] {
  return typeof value === "bigint" ? intEntry(value) : stringEntry(value);
}

function pathClientValue(value: PathValue): ClientValue {
  if (typeof value === "string") return value;
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value;
}

function contextItem(part: PathPart): readonly [number, ClientValue] {
  switch (part.kind) {
    case "listIndex":
      return [CtxType.LIST_INDEX, part.index];
    case "listRank":
      return [CtxType.LIST_RANK, part.rank];
    case "listValue":
      return [CtxType.LIST_VALUE, pathClientValue(part.value)];
    case "mapKey":
      return [CtxType.MAP_KEY, pathClientValue(part.key)];
    case "mapIndex":
      return [CtxType.MAP_INDEX, part.index];
    case "mapRank":
      return [CtxType.MAP_RANK, part.rank];
    case "mapValue":
      return [CtxType.MAP_VALUE, pathClientValue(part.value)];
    default:
      throw new AelError(
        "Only single-element selectors can be followed by further path elements",
        part.pos,
      );
  }
}

interface Operation {
  readonly opcode: number;
  readonly params: ExpEntry[][];
  readonly inverted: boolean;
}

function optional(count: number | undefined): ExpEntry[][] {
  return count === undefined ? [] : [smallInt(count)];
}

function optionalValue(value: PathValue | undefined): ExpEntry[][] {
  return value === undefined ? [] : [pathValueEntry(value)];
}

function operationOf(part: PathPart): Operation {
  const plain = { inverted: false };
  switch (part.kind) {
    case "listIndex":
      return { ...plain, opcode: ListOp.GET_BY_INDEX, params: [smallInt(part.index)] };
    case "listRank":
      return { ...plain, opcode: ListOp.GET_BY_RANK, params: [smallInt(part.rank)] };
    case "listValue":
      return { ...plain, opcode: ListOp.GET_ALL_BY_VALUE, params: [pathValueEntry(part.value)] };
    case "listIndexRange":
      return {
        inverted: part.inverted,
        opcode: ListOp.GET_BY_INDEX_RANGE,
        params: [smallInt(part.start), ...optional(part.count)],
      };
    case "listRankRange":
      return {
        inverted: part.inverted,
        opcode: ListOp.GET_BY_RANK_RANGE,
        params: [smallInt(part.start), ...optional(part.count)],
      };
    case "listValueList":
      return {
        inverted: part.inverted,
        opcode: ListOp.GET_BY_VALUE_LIST,
        params: [valueEntry(part.values.map(pathClientValue))],
      };
    case "listValueRange":
      return {
        inverted: part.inverted,
        opcode: ListOp.GET_BY_VALUE_INTERVAL,
        params: [pathValueEntry(part.begin), ...optionalValue(part.end)],
      };
    case "listRankRelative":
      return {
        inverted: part.inverted,
        opcode: ListOp.GET_BY_VALUE_REL_RANK_RANGE,
        params: [pathValueEntry(part.value), smallInt(part.rank), ...optional(part.count)],
      };
    case "mapKey":
      return { ...plain, opcode: MapOp.GET_BY_KEY, params: [pathValueEntry(part.key)] };
    case "mapIndex":
      return { ...plain, opcode: MapOp.GET_BY_INDEX, params: [smallInt(part.index)] };
    case "mapRank":
      return { ...plain, opcode: MapOp.GET_BY_RANK, params: [smallInt(part.rank)] };
    case "mapValue":
      return { ...plain, opcode: MapOp.GET_ALL_BY_VALUE, params: [pathValueEntry(part.value)] };
    case "mapIndexRange":
      return {
        inverted: part.inverted,
        opcode: MapOp.GET_BY_INDEX_RANGE,
        params: [smallInt(part.start), ...optional(part.count)],
      };
    case "mapRankRange":
      return {
        inverted: part.inverted,
        opcode: MapOp.GET_BY_RANK_RANGE,
        params: [smallInt(part.start), ...optional(part.count)],
      };
    case "mapKeyList":
      return {
        inverted: part.inverted,
        opcode: MapOp.GET_BY_KEY_LIST,
        params: [valueEntry(part.keys.map(pathClientValue))],
      };
    case "mapKeyRange":
      return {
        inverted: part.inverted,
        opcode: MapOp.GET_BY_KEY_INTERVAL,
        params: [pathValueEntry(part.begin), ...optionalValue(part.end)],
      };
    case "mapValueList":
      return {
        inverted: part.inverted,
        opcode: MapOp.GET_BY_VALUE_LIST,
        params: [valueEntry(part.values.map(pathClientValue))],
      };
    case "mapValueRange":
      return {
        inverted: part.inverted,
        opcode: MapOp.GET_BY_VALUE_INTERVAL,
        params: [pathValueEntry(part.begin), ...optionalValue(part.end)],
      };
    case "mapRankRelative":
      return {
        inverted: part.inverted,
        opcode: MapOp.GET_BY_VALUE_REL_RANK_RANGE,
        params: [pathValueEntry(part.value), smallInt(part.rank), ...optional(part.count)],
      };
    case "mapIndexRelative":
      return {
        inverted: part.inverted,
        opcode: MapOp.GET_BY_KEY_REL_INDEX_RANGE,
        params: [pathValueEntry(part.key), smallInt(part.index), ...optional(part.count)],
      };
    case "listDesignator":
    case "mapDesignator":
      throw new AelError("A type designator is not a selector", part.pos);
  }
}

/**
 * A CDT read of the last selector, with the earlier selectors as its context:
 * `[CALL, rtype, CDT, [ctx-eval?, [opcode, returnType, ...params]], bin]`.
 */
function cdtRead(
  node: PathNode,
  parts: readonly PathPart[],
  returnType: AelReturnType,
  valueType: AelType,
): ExpEntry[] {
  const last = parts.at(-1) as PathPart;
  const lastIsList = isListPart(last);
  if (
    lastIsList &&
    (returnType === "KEY" || returnType === "KEY_VALUE" || returnType.endsWith("_MAP"))
  ) {
    throw new AelError(`Return type ${returnType} applies to maps only`, last.pos);
  }
  if (returnType === "NONE")
    throw new AelError("Return type NONE does not produce a value", last.pos);
  const rtype = resultType(last, returnType, valueType) ?? valueType;
  const operation = operationOf(last);
  const code = ReturnType[returnType] | (operation.inverted ? ReturnType.INVERTED : 0);
  const bin = binEntry(isListPart(parts[0] as PathPart) ? ExpType.LIST : ExpType.MAP, node.bin);
  const ctx: CdtContext | null =
    parts.length > 1 ? { items: parts.slice(0, -1).map(contextItem) } : null;
  return callEntry(
    ExpType[rtype],
    CallSystem.CDT,
    operation.opcode,
    [smallInt(code), ...operation.params],
    bin,
    ctx,
  );
}

function sizeOf(container: "LIST" | "MAP", subject: ExpEntry[]): ExpEntry[] {
  const opcode = container === "LIST" ? ListOp.SIZE : MapOp.SIZE;
  return callEntry(ExpType.INT, CallSystem.CDT, opcode, [], subject, null);
}

/** Whether the path ends in a value selector (`[=v]`, `{=v}`), which yields a list. */
export function endsInValueSelector(node: Node): boolean {
  if (node.kind !== "path" || node.fn !== undefined) return false;
  const last = shapeOf(node).parts.at(-1);
  return last?.kind === "listValue" || last?.kind === "mapValue";
}

/** Compiles a `$.bin…` path; `want` is the type its context expects (used when unstated). */
export function compilePath(
  node: PathNode,
  want: AelType | undefined,
  emitter: ExpressionEmitter,
): ExpEntry[] {
  const { parts, binHint, lastHint } = shapeOf(node);
  const fn = node.fn;
  const last = parts.at(-1);
  const readAs = (type: AelType) =>
    last === undefined ? binEntry(ExpType[type], node.bin) : cdtRead(node, parts, "VALUE", type);

  switch (fn?.kind) {
    case "cast":
      // asInt() reads a float and converts it; asFloat() reads an int.
      return fixed(
        fn.to === "INT" ? Op.TO_INT : Op.TO_FLOAT,
        readAs(fn.to === "INT" ? "FLOAT" : "INT"),
      );
    case "exists":
      return last === undefined ? binExistsEntry(node.bin) : cdtRead(node, parts, "EXISTS", "BOOL");
    case "count":
      if (last === undefined)
        return sizeOf(
          binHint === "MAP" ? "MAP" : "LIST",
          binEntry(ExpType[binHint ?? "LIST"], node.bin),
        );
      if (isSingle(last)) {
        const container = lastHint === "MAP" ? "MAP" : "LIST";
        return sizeOf(container, cdtRead(node, parts, "VALUE", container));
      }
      return cdtRead(node, parts, "COUNT", "INT");
    case "hll":
      return hllCall(fn.name, readAs("HLL"), fn.arg, emitter, fn.pos);
    default: {
      const explicit = fn?.kind === "get" ? fn.type : undefined;
      if (last === undefined) {
        if (fn?.kind === "get" && fn.returnType !== undefined) {
          throw new AelError("get(return: …) applies to list and map selectors", fn.pos);
        }
        return binEntry(ExpType[explicit ?? binHint ?? want ?? "INT"], node.bin);
      }
      const returnType = fn?.kind === "get" ? (fn.returnType ?? "VALUE") : "VALUE";
      const valueType = explicit ?? lastHint ?? (isSingle(last) ? want : undefined) ?? "INT";
      return cdtRead(node, parts, returnType, valueType);
    }
  }
}

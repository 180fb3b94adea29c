/**
 * Parsing of HLL op payloads and arguments with the server's rules: the payload array, bit counts
 * (-1 = unset), write flags allowed per op, element lists and HLL value lists.
 */

import { HLL_HEADER_SIZE, HllOpCode, HllWriteFlag } from "./constants.js";
import { canonicalElement } from "./element.js";
import {
  listHeader,
  msgpackKind,
  readBytesPayload,
  readInt64,
  readListItems,
  readUint64,
  skipElement,
} from "./msgpack-reader.js";
import type { HllOp, HllOpKind } from "./op-types.js";
import {
  hllParticleSize,
  isValidBitCombination,
  isValidIndexBits,
  isValidMinhashBits,
} from "./sketch.js";

/** Bit count value meaning "not given" (the server's 0xFF sentinel). */
export const UNSET_BITS = 0xff;

/** Arguments of one HLL op after parsing. */
export interface ParsedHllArgs {
  indexBits: number;
  minhashBits: number;
  flags: bigint;
  /** Canonical msgpack bytes of each element (add / may_contain). */
  elements: Uint8Array[];
  /** HLL particle bytes of each HLL argument, type byte removed. */
  hlls: Uint8Array[];
}

type ArgParser = (arg: Uint8Array, out: ParsedHllArgs) => boolean;

function parseIndexBits(arg: Uint8Array, out: ParsedHllArgs): boolean {
  const v = readInt64(arg);
  if (v === undefined || (v !== -1n && !isValidIndexBits(Number(v)))) {
    return false;
  }
  out.indexBits = v === -1n ? UNSET_BITS : Number(v);
  return true;
}

function parseMinhashBits(arg: Uint8Array, out: ParsedHllArgs): boolean {
  const v = readInt64(arg);
  if (v === undefined) {
    return false;
  }
  if (v === -1n) {
    out.minhashBits = UNSET_BITS;
    return true;
  }
  const q = Number(v);
  if (v < 0n || v > 64n || !isValidMinhashBits(q)) {
    return false;
  }
  if (out.indexBits !== UNSET_BITS && !isValidBitCombination(out.indexBits, q)) {
    return false;
  }
  out.minhashBits = q;
  return true;
}

function flagParser(allowed: number): ArgParser {
  return (arg, out) => {
    const v = readUint64(arg);
    if (v === undefined || (v & ~BigInt(allowed) & 0xffffffffffffffffn) !== 0n) {
      return false;
    }
    const both = BigInt(HllWriteFlag.CREATE_ONLY | HllWriteFlag.UPDATE_ONLY);
    if ((v & both) === both) {
      return false;
    }
    out.flags = v;
    return true;
  };
}

function parseElements(arg: Uint8Array, out: ParsedHllArgs): boolean {
  const items = readListItems(arg);
  if (items === undefined || items.length === 0) {
    return false;
  }
  for (const item of items) {
    const kind = msgpackKind(item[0]);
    if (kind === "list" || kind === "map") {
      return false;
    }
    const canonical = canonicalElement(item);
    if (canonical === undefined) {
      return false;
    }
    out.elements.push(canonical);
  }
  return true;
}

function parseHlls(arg: Uint8Array, out: ParsedHllArgs): boolean {
  let items: Uint8Array[] | undefined = [arg];
  if (msgpackKind(arg[0]) === "list") {
    items = readListItems(arg);
    if (items === undefined || items.length === 0) {
      return false;
    }
  }
  for (const item of items) {
    const payload = readBytesPayload(item);
    // The first payload byte is the Aerospike type byte (normally 18); the server skips it unchecked.
    if (payload === undefined || payload.length < HLL_HEADER_SIZE + 1) {
      return false;
    }
    const hll = payload.subarray(1);
    const p = hll[1]!;
    const q = hll[2]!;
    if (hll[0] !== 0 || !isValidIndexBits(p) || !isValidMinhashBits(q)) {
      return false;
    }
    if (hll.length !== hllParticleSize(p, q)) {
      return false;
    }
    out.hlls.push(hll);
  }
  return true;
}

function parseHllsForIntersect(arg: Uint8Array, out: ParsedHllArgs): boolean {
  if (!parseHlls(arg, out)) {
    return false;
  }
  if (out.hlls.length <= 2) {
    return true;
  }
  const q = out.hlls[0]![2]!;
  return q !== 0 && out.hlls.every((h) => h[2] === q);
}

/** Argument grammar of one op code: accepted argument counts and the parser of each position. */
interface OpGrammar {
  readonly minArgs: number;
  readonly parsers: readonly ArgParser[];
}

const { CREATE_ONLY, UPDATE_ONLY, NO_FAIL, ALLOW_FOLD } = HllWriteFlag;

const MODIFY_GRAMMAR: Readonly<Record<number, OpGrammar>> = {
  [HllOpCode.INIT]: {
    minArgs: 0,
    parsers: [parseIndexBits, parseMinhashBits, flagParser(CREATE_ONLY | UPDATE_ONLY | NO_FAIL)],
  },
  [HllOpCode.ADD]: {
    minArgs: 1,
    parsers: [parseElements, parseIndexBits, parseMinhashBits, flagParser(CREATE_ONLY | NO_FAIL)],
  },
  [HllOpCode.SET_UNION]: {
    minArgs: 1,
    parsers: [parseHlls, flagParser(CREATE_ONLY | UPDATE_ONLY | NO_FAIL | ALLOW_FOLD)],
  },
  [HllOpCode.REFRESH_COUNT]: { minArgs: 0, parsers: [] },
  [HllOpCode.FOLD]: { minArgs: 1, parsers: [parseIndexBits] },
};

const READ_GRAMMAR: Readonly<Record<number, OpGrammar>> = {
  [HllOpCode.GET_COUNT]: { minArgs: 0, parsers: [] },
  [HllOpCode.GET_UNION]: { minArgs: 1, parsers: [parseHlls] },
  [HllOpCode.GET_UNION_COUNT]: { minArgs: 1, parsers: [parseHlls] },
  [HllOpCode.GET_INTERSECT_COUNT]: { minArgs: 1, parsers: [parseHllsForIntersect] },
  [HllOpCode.GET_SIMILARITY]: { minArgs: 1, parsers: [parseHllsForIntersect] },
  [HllOpCode.DESCRIBE]: { minArgs: 0, parsers: [] },
  [HllOpCode.MAY_CONTAIN]: { minArgs: 1, parsers: [parseElements] },
};

/** Whether `code` is an op code of the given kind (modify 0–4, read 50–56). */
export function isKnownOpCode(kind: HllOpKind, code: number): boolean {
  const table = kind === "modify" ? MODIFY_GRAMMAR : READ_GRAMMAR;
  return Object.hasOwn(table, code);
}

/**
 * Parses an op's arguments against its grammar. Returns undefined (→ PARAMETER) on a wrong argument
 * count or any invalid argument.
 */
export function parseHllArgs(op: HllOp): ParsedHllArgs | undefined {
  const grammar = (op.kind === "modify" ? MODIFY_GRAMMAR : READ_GRAMMAR)[op.code];
  if (grammar === undefined || op.malformed) {
    return undefined;
  }
  const n = op.args.length;
  if (n < grammar.minArgs || n > grammar.parsers.length) {
    return undefined;
  }
  const out: ParsedHllArgs = {
    indexBits: UNSET_BITS,
    minhashBits: UNSET_BITS,
    flags: 0n,
    elements: [],
    hlls: [],
  };
  for (let i = 0; i < n; i++) {
    if (!grammar.parsers[i]!(op.args[i]!, out)) {
      return undefined;
    }
  }
  return out;
}

/**
 * Decodes an HLL op payload (the msgpack `[op_code, args…]` value of a wire op of type 15 or 16).
 * Returns undefined (→ PARAMETER) when the payload is not a non-empty array starting with an op code
 * of that kind; arguments that cannot be split only mark the op `malformed`.
 */
export function decodeHllOpPayload(kind: HllOpKind, payload: Uint8Array): HllOp | undefined {
  const head = listHeader(payload);
  if (head === undefined || head.count === 0) {
    return undefined;
  }
  const codeEnd = skipElement(payload, head.size);
  const code = codeEnd === undefined ? undefined : readUint64(payload.subarray(head.size, codeEnd));
  if (code === undefined || code > 0xffn || !isKnownOpCode(kind, Number(code))) {
    return undefined;
  }
  const items = readListItems(payload);
  if (items === undefined) {
    return { kind, code: Number(code), args: [], malformed: true };
  }
  return { kind, code: Number(code), args: items.slice(1) };
}

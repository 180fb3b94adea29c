import type { Namespace } from "../store/namespace.js";
import type { Store } from "../store/store.js";
import type { AsMsg } from "../wire/as-msg.js";
import { FieldType, Info1, Info2, Info3 } from "../wire/as-msg-constants.js";
import { WireError } from "../wire/errors.js";
import { ResultCode } from "../wire/result-codes.js";
import { type IndexFilter, parseIndexRange } from "./index-filter.js";
import { N_PARTITIONS } from "./partition.js";

/** A partition to resume strictly after a digest. */
export interface ResumePoint {
  readonly pid: number;
  readonly digest: Buffer;
}

/** UDF fields of a scan/query (UDF_OP 1 = aggregation, 2 = background). */
export interface ScanUdf {
  readonly op: number;
  readonly module: string;
  readonly fn: string;
}

/** A validated scan/query/background request (an as_msg without DIGEST). */
export interface ScanRequest {
  readonly msg: AsMsg;
  readonly ns: Namespace;
  /** SET field (undefined or "" = whole namespace). */
  readonly setName: string | undefined;
  readonly trid: bigint;
  /** Records per second (0 = unthrottled). */
  readonly rps: number;
  /** Partitions to scan in order: full ones and resumed ones, as requested. */
  readonly partitions: readonly number[];
  /** Resume digest per partition. */
  readonly resume: ReadonlyMap<number, Buffer>;
  /** MAX_RECORDS (0n = unlimited). */
  readonly maxRecords: bigint;
  readonly filter: Buffer | undefined;
  readonly index: IndexFilter | undefined;
  readonly indexName: string | undefined;
  /** INDEX_TYPE (collection) value, 0 when absent. */
  readonly indexCollection: number;
  readonly hasIndexContext: boolean;
  readonly hasIndexExpression: boolean;
  readonly udf: ScanUdf | undefined;
  /** A write job (info2 WRITE): runs in the background. */
  readonly background: boolean;
  readonly noBinData: boolean;
}

/** Either a parsed request or the result code to reject it with. */
export type ScanParse = { ok: true; req: ScanRequest } | { ok: false; code: number };

function parsePids(data: Buffer, seen: Set<number>, out: number[]): number {
  if (data.length === 0 || data.length % 2 !== 0 || data.length / 2 > N_PARTITIONS) {
    return ResultCode.PARAMETER;
  }
  for (let i = 0; i < data.length; i += 2) {
    const pid = data.readUInt16LE(i);
    if (pid >= N_PARTITIONS || seen.has(pid)) return ResultCode.PARAMETER;
    seen.add(pid);
    out.push(pid);
  }
  return ResultCode.OK;
}

function parseDigests(
  data: Buffer,
  seen: Set<number>,
  out: number[],
  resume: Map<number, Buffer>,
): number {
  if (data.length === 0 || data.length % 20 !== 0 || data.length / 20 > N_PARTITIONS) {
    return ResultCode.PARAMETER;
  }
  for (let i = 0; i < data.length; i += 20) {
    const digest = Buffer.from(data.subarray(i, i + 20));
    const pid = ((digest[0] as number) | ((digest[1] as number) << 8)) & (N_PARTITIONS - 1);
    if (seen.has(pid)) return ResultCode.PARAMETER;
    seen.add(pid);
    out.push(pid);
    resume.set(pid, digest);
  }
  return ResultCode.OK;
}

function readUint(data: Buffer, size: number): bigint | undefined {
  if (data.length !== size) return undefined;
  return size === 8 ? data.readBigUInt64BE(0) : BigInt(data.readUIntBE(0, size));
}

/**
 * Parses and validates a multi-record request like the reference server: unknown namespace 20;
 * bad field sizes, bad or repeated partition ids 4; a foreground request without PARTITION_DONE
 * or without any partition 16.
 */
export function parseScanRequest(msg: AsMsg, store: Store): ScanParse {
  const fail = (code: number): ScanParse => ({ ok: false, code });
  let nsName: string | undefined;
  let setName: string | undefined;
  let trid = 0n;
  let rps = 0;
  let maxRecords = 0n;
  let filter: Buffer | undefined;
  let index: IndexFilter | undefined;
  let indexName: string | undefined;
  let indexCollection = 0;
  let hasIndexContext = false;
  let hasIndexExpression = false;
  let udfOp: number | undefined;
  let udfModule: string | undefined;
  let udfFn: string | undefined;
  const seen = new Set<number>();
  const partitions: number[] = [];
  const resume = new Map<number, Buffer>();
  let sawPartitions = false;
  for (const f of msg.fields) {
    switch (f.type) {
      case FieldType.NAMESPACE:
        nsName = f.data.toString("utf8");
        break;
      case FieldType.SET:
        setName = f.data.toString("utf8");
        break;
      case FieldType.TRID: {
        const v = readUint(f.data, 8);
        if (v === undefined) return fail(ResultCode.PARAMETER);
        trid = v;
        break;
      }
      case FieldType.RECORDS_PER_SECOND: {
        const v = readUint(f.data, 4);
        if (v === undefined) return fail(ResultCode.PARAMETER);
        rps = Number(v);
        break;
      }
      case FieldType.SOCKET_TIMEOUT:
        if (f.data.length !== 4) return fail(ResultCode.PARAMETER);
        break;
      case FieldType.PID_ARRAY: {
        sawPartitions = true;
        const code = parsePids(f.data, seen, partitions);
        if (code !== ResultCode.OK) return fail(code);
        break;
      }
      case FieldType.DIGEST_ARRAY: {
        sawPartitions = true;
        const code = parseDigests(f.data, seen, partitions, resume);
        if (code !== ResultCode.OK) return fail(code);
        break;
      }
      case FieldType.MAX_RECORDS: {
        const v = readUint(f.data, 8);
        if (v === undefined) return fail(ResultCode.PARAMETER);
        maxRecords = v;
        break;
      }
      case FieldType.FILTER:
        filter = f.data;
        break;
      case FieldType.INDEX_RANGE:
        try {
          index = parseIndexRange(f.data);
        } catch (e) {
          return fail(e instanceof WireError ? e.resultCode : ResultCode.PARAMETER);
        }
        break;
      case FieldType.INDEX_NAME:
        indexName = f.data.toString("utf8");
        break;
      case FieldType.INDEX_TYPE:
        if (f.data.length !== 1) return fail(ResultCode.PARAMETER);
        indexCollection = f.data[0] as number;
        break;
      case FieldType.INDEX_CONTEXT:
        hasIndexContext = true;
        break;
      case FieldType.INDEX_EXPRESSION:
        hasIndexExpression = true;
        break;
      case FieldType.UDF_OP:
        if (f.data.length !== 1) return fail(ResultCode.PARAMETER);
        udfOp = f.data[0] as number;
        break;
      case FieldType.UDF_PACKAGE_NAME:
        udfModule = f.data.toString("utf8");
        break;
      case FieldType.UDF_FUNCTION:
        udfFn = f.data.toString("utf8");
        break;
    }
  }
  if (nsName === undefined || nsName === "") return fail(ResultCode.PARAMETER);
  const ns = store.namespace(nsName);
  if (ns === undefined) return fail(ResultCode.NAMESPACE);
  const background = (msg.info2 & Info2.WRITE) !== 0;
  if (!background) {
    if ((msg.info3 & Info3.PARTITION_DONE) === 0) return fail(ResultCode.UNSUPPORTED_FEATURE);
    if (!sawPartitions) return fail(ResultCode.UNSUPPORTED_FEATURE);
  } else if (!sawPartitions) {
    for (let pid = 0; pid < N_PARTITIONS; pid++) partitions.push(pid);
  }
  const udf =
    udfOp !== undefined || udfFn !== undefined
      ? { op: udfOp ?? 0, module: udfModule ?? "", fn: udfFn ?? "" }
      : undefined;
  return {
    ok: true,
    req: {
      msg,
      ns,
      setName,
      trid,
      rps,
      partitions,
      resume,
      maxRecords,
      filter,
      index,
      indexName,
      indexCollection,
      hasIndexContext,
      hasIndexExpression,
      udf,
      background,
      noBinData: (msg.info1 & Info1.GET_NOBINDATA) !== 0,
    },
  };
}

import type { InfoRegistry } from "../info/registry.js";
import type { Store } from "../store/store.js";
import type { AsMsg, MsgOp } from "../wire/as-msg.js";
import type { Particle } from "../wire/particle.js";
import type { WorkingRecord } from "./working-record.js";

/**
 * Outcome of a filter expression: 0 = passes, 27 = filtered out (false or unknown), any other
 * result code = the expression is invalid (e.g. 4 PARAMETER).
 */
export type FilterOutcome = number;

/**
 * Evaluates a filter expression (as_msg field 43, the packed expression bytes) against a record.
 *
 * Called only for records that exist. Must not modify the record.
 */
export type FilterEvaluator = (filter: Buffer, record: WorkingRecord) => FilterOutcome;

/** Outcome of one op: a result code, and for ops that produce a value, the value to return. */
export interface OpOutcome {
  /** 0 on success; otherwise the result code that aborts the whole command. */
  readonly code: number;
  /**
   * The entry to return for this op: a particle (NULL particle for nil), or undefined for no entry.
   * With RESPOND_ALL_OPS a missing entry is turned into a nil entry by the caller.
   */
  readonly result?: Particle | undefined;
}

/** What an op handler gets besides the op itself. */
export interface OpContext {
  /** The request header (info bits etc.). */
  readonly msg: AsMsg;
  /** The bin name of the op, decoded as UTF-8. */
  readonly binName: string;
  /** The record being read or modified (its bins are a private copy). */
  readonly record: WorkingRecord;
}

/**
 * Executes one op of a given wire op type (EXP_READ/EXP_MODIFY, HLL_READ/HLL_MODIFY,
 * CDT_READ/CDT_MODIFY, BIT_READ/BIT_MODIFY). A modify handler changes `ctx.record.bins`.
 */
export type OpHandler = (op: MsgOp, ctx: OpContext) => OpOutcome;

/**
 * Sends complete frames (proto header included, e.g. from `encodeFrame`) on a multi-record
 * command's connection; resolves when the socket can take more, rejects once it is closed.
 */
export type ReplySink = (frames: Buffer) => Promise<void>;

/** What a scan/query handler is given. */
export interface MultiRecordContext {
  readonly store: Store;
  readonly extensions: Extensions;
  /** Writes complete frames; resolves when the socket can take more. */
  readonly send: ReplySink;
  /** Aborted when the connection closes. */
  readonly signal: AbortSignal;
}

/** Runs an as_msg that has no DIGEST field (scan, query, background job) to completion. */
export type MultiRecordHandler = (msg: AsMsg, ctx: MultiRecordContext) => Promise<void>;

/** Result of a record UDF: result code and the op(s) to return (SUCCESS or FAILURE bin). */
export interface UdfOutcome {
  readonly code: number;
  readonly ops: readonly MsgOp[];
  /** Whether the UDF changed the record (the caller commits `record` then). */
  readonly wrote: boolean;
  /** Whether the UDF deleted the record. */
  readonly deleted: boolean;
  /** TTL the UDF set with `record.set_ttl` (request TTL semantics); the request's TTL if absent. */
  readonly ttl?: number | undefined;
}

/** Applies a record UDF (fields 30/31/32 of `msg`) to a working record. */
export type UdfExecutor = (msg: AsMsg, record: WorkingRecord) => UdfOutcome;

/**
 * Applies a record UDF like {@link UdfExecutor} without holding the event loop while the script
 * runs (other connections are served meanwhile).
 */
export type AsyncUdfExecutor = (msg: AsMsg, record: WorkingRecord) => Promise<UdfOutcome>;

/**
 * The plug-in points of the command layer. Modules that live outside `commands/` (expressions,
 * HLL, CDT, scans/queries, UDFs) register here; a missing plug-in makes the server answer like
 * a real server that rejects the request (PARAMETER for unknown ops and filters).
 */
export interface Extensions {
  /** Filter expressions (field 43). Absent: any request carrying a filter gets PARAMETER. */
  evaluateFilter: FilterEvaluator | undefined;
  /** Handlers by wire op type. */
  readonly ops: Map<number, OpHandler>;
  /** Scans, queries and background jobs. Absent: answered with PARAMETER + LAST. */
  multiRecord: MultiRecordHandler | undefined;
  /** Record UDFs. Absent: answered with PARAMETER. */
  udf: UdfExecutor | undefined;
  /** Record UDFs for single-record applies and background jobs; `udf` is used when absent. */
  udfAsync?: AsyncUdfExecutor | undefined;
  /** Extra info commands (UDF modules, secondary indexes, jobs), registered at start. */
  readonly infoPlugins: ((registry: InfoRegistry, store: Store) => void)[];
}

/** An empty set of extensions. */
export function emptyExtensions(): Extensions {
  return {
    evaluateFilter: undefined,
    ops: new Map(),
    multiRecord: undefined,
    udf: undefined,
    infoPlugins: [],
  };
}

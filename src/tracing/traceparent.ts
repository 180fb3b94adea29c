import { randomBytes } from "node:crypto";

/** A W3C trace context (`traceparent` header): trace id, parent span id and flags. */
export interface TraceContext {
  /** 32 lower-case hex digits, not all zero. */
  readonly traceId: string;
  /** 16 lower-case hex digits, not all zero. */
  readonly spanId: string;
  /** The trace flags byte; bit 0 = sampled. */
  readonly flags: number;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/**
 * Parses a `traceparent` header per W3C Trace Context level 1; returns undefined for anything invalid
 * (version ff, all-zero ids, wrong lengths, extra fields on version 00).
 */
export function parseTraceparent(header: string | undefined): TraceContext | undefined {
  if (header === undefined) return undefined;
  const m = TRACEPARENT.exec(header.trim());
  if (m === null) return undefined;
  const [, version, traceId, spanId, flags, rest] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  if (version === "ff" || (version === "00" && rest !== undefined)) return undefined;
  if (/^0+$/.test(traceId) || /^0+$/.test(spanId)) return undefined;
  return { traceId, spanId, flags: Number.parseInt(flags, 16) };
}

/** Formats a trace context as a version-00 `traceparent` header. */
export function formatTraceparent(ctx: TraceContext): string {
  return `00-${ctx.traceId}-${ctx.spanId}-${ctx.flags.toString(16).padStart(2, "0")}`;
}

/** Makes a random non-zero id of `bytes` bytes as hex. */
function randomId(bytes: number): string {
  for (;;) {
    const id = randomBytes(bytes).toString("hex");
    if (!/^0+$/.test(id)) return id;
  }
}

/** One server span of a call: its own context and the parent span it continues, if any. */
export interface ServerSpan {
  readonly context: TraceContext;
  readonly parentSpanId: string | undefined;
}

/**
 * Starts the server span of a call: continues the caller's trace (same trace id and flags, new span id) or
 * starts a new sampled trace when the caller sent no valid `traceparent`.
 */
export function startServerSpan(traceparent: string | undefined): ServerSpan {
  const parent = parseTraceparent(traceparent);
  return {
    context: {
      traceId: parent?.traceId ?? randomId(16),
      spanId: randomId(8),
      flags: parent?.flags ?? 1,
    },
    parentSpanId: parent?.spanId,
  };
}

import {
  type Context,
  type Span,
  type SpanContext,
  SpanKind,
  type SpanOptions,
  SpanStatusCode,
  type Tracer,
  type TracerProvider,
  trace,
} from "@opentelemetry/api";
import { afterEach, describe, expect, it } from "vitest";
import { startCallSpan } from "../../../src/tracing/otel-span.js";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT = "00f067aa0ba902b7";

interface Recorded {
  name: string;
  options: SpanOptions;
  parent: SpanContext | undefined;
  attributes: Record<string, unknown>;
  status: { code: SpanStatusCode } | undefined;
  ended: boolean;
}

/** A minimal recording SDK stand-in: each started span is kept with its parent, attributes and status. */
function recordingProvider(spans: Recorded[]): TracerProvider {
  const tracer = {
    startSpan(name: string, options: SpanOptions = {}, ctx?: Context): Span {
      const parent = ctx === undefined ? undefined : trace.getSpanContext(ctx);
      const rec: Recorded = {
        name,
        options,
        parent,
        attributes: {},
        status: undefined,
        ended: false,
      };
      spans.push(rec);
      const own: SpanContext = {
        traceId: parent?.traceId ?? "1".repeat(32),
        spanId: "abcdefabcdefabcd",
        traceFlags: 1,
      };
      const span = {
        spanContext: () => own,
        isRecording: () => true,
        setAttribute(k: string, v: unknown) {
          rec.attributes[k] = v;
          return span;
        },
        setStatus(s: { code: SpanStatusCode }) {
          rec.status = s;
          return span;
        },
        end() {
          rec.ended = true;
        },
      };
      return span as unknown as Span;
    },
  } as unknown as Tracer;
  return { getTracer: () => tracer };
}

afterEach(() => trace.disable());

describe("OpenTelemetry server spans", () => {
  it("without an SDK, still continues the caller's trace with an id of its own", () => {
    const span = startCallSpan("/aerogate.v1.RecordService/Get", `00-${TRACE}-${PARENT}-01`);
    expect(span.context.traceId).toBe(TRACE);
    expect(span.parentSpanId).toBe(PARENT);
    expect(span.context.spanId).not.toBe(PARENT);
    span.end(0);
  });

  it("with an SDK, records a SERVER span under the remote parent and ends it with the status", () => {
    const spans: Recorded[] = [];
    trace.setGlobalTracerProvider(recordingProvider(spans));
    const span = startCallSpan("/aerogate.v1.RecordService/Put", `00-${TRACE}-${PARENT}-01`);
    expect(span.context).toEqual({ traceId: TRACE, spanId: "abcdefabcdefabcd", flags: 1 });
    span.end(5);
    expect(spans).toHaveLength(1);
    const [rec] = spans as [Recorded];
    expect(rec.name).toBe("aerogate.v1.RecordService/Put");
    expect(rec.options.kind).toBe(SpanKind.SERVER);
    expect(rec.options.attributes).toMatchObject({
      "rpc.system": "grpc",
      "rpc.service": "aerogate.v1.RecordService",
      "rpc.method": "Put",
    });
    expect(rec.parent).toMatchObject({ traceId: TRACE, spanId: PARENT, isRemote: true });
    expect(rec.attributes["rpc.grpc.status_code"]).toBe(5);
    expect(rec.status?.code).toBe(SpanStatusCode.ERROR);
    expect(rec.ended).toBe(true);
  });
});

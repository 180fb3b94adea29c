import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import { parseTraceparent, type ServerSpan, startServerSpan } from "./traceparent.js";

/** A call's server span: its W3C context (for logs and trailers) and the OpenTelemetry span to end. */
export interface CallSpan extends ServerSpan {
  /** Ends the span with the call's gRPC status code. */
  end(code: number): void;
}

/** The tracer of the gateway; a no-op until the process registers an OpenTelemetry SDK. */
function tracer(): Tracer {
  return trace.getTracer("aerogate");
}

/**
 * Starts the server span of a call through `@opentelemetry/api`, continuing the caller's `traceparent`.
 * With an SDK registered in the process (e.g. `node --import` of an OTLP setup), the span is recorded and
 * exported and its ids are used; without one, the ids come from {@link startServerSpan} so logs and
 * trailers still carry a trace that continues the caller's.
 */
export function startCallSpan(path: string, traceparent: string | undefined): CallSpan {
  const parent = parseTraceparent(traceparent);
  const parentContext =
    parent === undefined
      ? ROOT_CONTEXT
      : trace.setSpanContext(ROOT_CONTEXT, {
          traceId: parent.traceId,
          spanId: parent.spanId,
          traceFlags: parent.flags & TraceFlags.SAMPLED,
          isRemote: true,
        });
  const m = /^\/([^/]+)\/([^/]+)$/.exec(path);
  const span = tracer().startSpan(
    path.replace(/^\//, ""),
    {
      kind: SpanKind.SERVER,
      attributes: {
        "rpc.system": "grpc",
        ...(m === null ? {} : { "rpc.service": m[1], "rpc.method": m[2] }),
      },
    },
    parentContext,
  );
  const own = span.isRecording()
    ? {
        context: {
          traceId: span.spanContext().traceId,
          spanId: span.spanContext().spanId,
          flags: span.spanContext().traceFlags,
        },
        parentSpanId: parent?.spanId,
      }
    : startServerSpan(traceparent);
  return {
    ...own,
    end(code) {
      span.setAttribute("rpc.grpc.status_code", code);
      if (code !== 0) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}

import { describe, expect, it } from "vitest";
import {
  formatTraceparent,
  parseTraceparent,
  startServerSpan,
} from "../../../src/tracing/traceparent.js";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const SPAN = "00f067aa0ba902b7";

describe("traceparent", () => {
  it("parses and formats version 00", () => {
    const ctx = parseTraceparent(`00-${TRACE}-${SPAN}-01`);
    expect(ctx).toEqual({ traceId: TRACE, spanId: SPAN, flags: 1 });
    expect(formatTraceparent(ctx as NonNullable<typeof ctx>)).toBe(`00-${TRACE}-${SPAN}-01`);
  });

  it("accepts future versions with extra fields", () => {
    expect(parseTraceparent(`01-${TRACE}-${SPAN}-00-extra`)).toEqual({
      traceId: TRACE,
      spanId: SPAN,
      flags: 0,
    });
  });

  it.each([
    undefined,
    "",
    `ff-${TRACE}-${SPAN}-01`,
    `00-${"0".repeat(32)}-${SPAN}-01`,
    `00-${TRACE}-${"0".repeat(16)}-01`,
    `00-${TRACE.toUpperCase()}-${SPAN}-01`,
    `00-${TRACE}-${SPAN}-01-extra`,
    `00-${TRACE.slice(1)}-${SPAN}-01`,
  ])("rejects %j", (header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });

  it("continues the caller's trace with a new span, or starts a sampled one", () => {
    const child = startServerSpan(`00-${TRACE}-${SPAN}-00`);
    expect(child.context.traceId).toBe(TRACE);
    expect(child.context.flags).toBe(0);
    expect(child.parentSpanId).toBe(SPAN);
    expect(child.context.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(child.context.spanId).not.toBe(SPAN);
    const root = startServerSpan("nonsense");
    expect(root.parentSpanId).toBeUndefined();
    expect(root.context.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(root.context.flags).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { createLogger, formatLogLine } from "../../../src/log.js";

describe("logger", () => {
  it("writes one JSON object per line with time, level, msg and fields", () => {
    const line = formatLogLine(
      "info",
      "listening",
      { svc: "x" },
      { address: "127.0.0.1:5" },
      new Date(0),
    );
    expect(line.endsWith("\n")).toBe(true);
    expect(line.trim().includes("\n")).toBe(false);
    expect(JSON.parse(line)).toEqual({
      time: "1970-01-01T00:00:00.000Z",
      level: "info",
      msg: "listening",
      svc: "x",
      address: "127.0.0.1:5",
    });
  });

  it("serializes errors and bigints", () => {
    const entry = JSON.parse(
      formatLogLine("error", "x", {}, { err: new Error("boom"), n: 2n ** 63n }),
    );
    expect(entry.err.message).toBe("boom");
    expect(entry.err.name).toBe("Error");
    expect(entry.n).toBe("9223372036854775808");
  });

  it("drops lines below the level and binds child fields", () => {
    const lines: string[] = [];
    const log = createLogger({ level: "warn", write: (l) => lines.push(l) });
    log.info("hidden");
    log.child({ requestId: "r1" }).warn("shown", { code: "INTERNAL" });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      msg: "shown",
      requestId: "r1",
      code: "INTERNAL",
    });
  });
});

import { afterAll, describe, expect, it } from "vitest";
import type { InlineServer } from "../../../src/embedded/server/inline-server.js";
import { replayOnRecordedClock, summarize } from "./replay-lib.js";

// Minimum number of exchanges equal to the recording (byte-identical, or equal modulo void
// times, node name and port; scan records in any order) per transcript. Known differences:
// region cell coverings of GeoJSON polygons/circles, time-based expression values (one of them
// varies with scheduling), scan paging resets. Job-status polls recorded as done are repeated
// until this server's job is done too (see replay-lib), so background jobs do not race the
// requests after them. Each run prints what differs.
const SCENARIOS: [string, number][] = [
  ["tend", 8],
  ["info", 38],
  ["kv-types", 100],
  ["write-policies", 72],
  ["operate", 70],
  ["batch", 79],
  ["filter-exp", 212],
  ["hll", 87],
  ["scan-query", 240],
  ["background", 112],
];

const servers: InlineServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

describe("replay of recorded transcripts", () => {
  it.each(SCENARIOS)("%s replies like the reference server", async (scenario, minEqual) => {
    const results = await replayOnRecordedClock(scenario, servers);
    const s = summarize(results);
    const diffs = results.filter((r) => r.verdict === "different");
    console.log(
      `replay ${scenario}: ${s.identical + s.equal}/${s.total} equal (${s.identical} byte-identical)` +
        diffs
          .slice(0, 40)
          .map((d) => `\n  - step ${d.exchange.step}: ${d.detail.slice(0, 400)}`)
          .join(""),
    );
    expect(s.identical + s.equal).toBeGreaterThanOrEqual(minEqual);
  });
});

import { afterAll, describe, expect, it } from "vitest";
import type { InlineServer } from "../../../src/embedded/server/inline-server.js";
import { decodeAsMsg } from "../../../src/embedded/wire/as-msg.js";
import { decodeAsMsgs } from "../../unit/embedded/fixtures.js";
import { type Exchange, type ExchangeResult, replayOnRecordedClock } from "./replay-lib.js";

const FILTER_FIELD = 43;
const EXP_OPS = new Set([7, 8]);
const GEOJSON = 23;
// Expression reads of clock values differ on every run (README: time-based expression values).
const TIME_STEPS = /value: (lastUpdate|voidTime|sinceUpdate|ttl)$/;

/** Whether a recorded request carries a filter expression or an EXP_READ/EXP_MODIFY op. */
function isExpressionExchange(ex: Exchange): boolean {
  if (ex.request.type !== 3) return false;
  try {
    const { msg } = decodeAsMsg(Buffer.from(ex.request.hex, "hex"), 0);
    return (
      msg.fields.some((f) => f.type === FILTER_FIELD) || msg.ops.some((o) => EXP_OPS.has(o.opType))
    );
  } catch {
    return false;
  }
}

// GeoJSON bins come back with the S2 cell ids the reference server computed; the embedded store
// keeps the value as written. Compare the JSON text only.
function withoutGeoCells(body: Buffer): string {
  return JSON.stringify(
    decodeAsMsgs(body).map((m) => ({
      rc: m.resultCode,
      gen: m.generation,
      ops: m.ops.map((o) => {
        let v = o.value;
        if (o.particleType === GEOJSON && v.length >= 3) v = v.subarray(3 + 8 * v.readUInt16BE(1));
        return [o.opType, o.particleType, o.name.toString("hex"), v.toString("hex")];
      }),
    })),
  );
}

type Outcome = "equal" | "equal-geo" | "clock" | "different";

function classify(r: ExchangeResult): Outcome {
  if (r.verdict !== "different") return "equal";
  if (TIME_STEPS.test(r.exchange.step ?? "")) return "clock";
  const want = Buffer.concat(r.exchange.responses.map((f) => Buffer.from(f.hex, "hex")));
  try {
    return withoutGeoCells(want) === withoutGeoCells(Buffer.concat(r.got))
      ? "equal-geo"
      : "different";
  } catch {
    return "different";
  }
}

const servers: InlineServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

describe("replay of recorded expression traffic", () => {
  it.each(["filter-exp", "operate"])(
    "%s: every expression exchange replies like the reference server",
    async (scenario) => {
      const results = await replayOnRecordedClock(scenario, servers);
      const exp = results.filter((r) => isExpressionExchange(r.exchange));
      const count: Record<Outcome, number> = { equal: 0, "equal-geo": 0, clock: 0, different: 0 };
      const diffs: string[] = [];
      for (const r of exp) {
        const c = classify(r);
        count[c]++;
        if (c === "different") diffs.push(`\n  - ${r.exchange.step}: ${r.detail.slice(0, 400)}`);
      }
      console.log(
        `replay ${scenario}: ${exp.length} expression exchanges: ${count.equal} equal, ` +
          `${count["equal-geo"]} equal except GeoJSON cell ids, ${count.clock} clock values, ` +
          `${count.different} different${diffs.join("")}`,
      );
      expect(exp.length).toBeGreaterThan(0);
      expect(count.different).toBe(0);
    },
  );
});

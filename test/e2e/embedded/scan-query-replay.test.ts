import { afterAll, describe, expect, it } from "vitest";
import { defaultExtensions } from "../../../src/embedded/default-extensions.js";
import {
  type InlineServer,
  startInlineServer,
} from "../../../src/embedded/server/inline-server.js";
import { decodeAsMsg } from "../../../src/embedded/wire/as-msg.js";
import { type ExchangeResult, replay } from "./replay-lib.js";

// Exchanges equal to the recording modulo times, job ids and counters, record order inside a
// stream and the state of the reference server (its other UDF modules and jobs).
const SCENARIOS: [string, number][] = [
  ["scan-query", 241],
  ["background", 112],
];

function messages(body: Buffer): string[] {
  const out: string[] = [];
  let off = 0;
  try {
    while (off < body.length) {
      const { msg, end } = decodeAsMsg(body, off);
      const digest = msg.fields.find((f) => f.type === 4)?.data.toString("hex") ?? "";
      const ops = msg.ops.map((o) => `${o.name.toString("utf8")}:${o.particleType}`).join(",");
      out.push(`${msg.resultCode}/${msg.info3 & 1}/${digest}/${ops}`);
      off = end;
    }
  } catch {
    out.push("undecodable");
  }
  return out;
}

function infoShape(body: Buffer): string {
  return body
    .toString("utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => {
      const [name = "", value = ""] = l.split("\t");
      return /^(ERROR|FAIL|error=)/.test(value) ? `${name}!${value.split(";")[0]}` : name;
    })
    .join("|");
}

/** Equal modulo void times, job ids, counters and record order inside a stream. */
function sameShape(r: ExchangeResult): boolean {
  if (r.verdict !== "different") return true;
  const want = r.exchange.responses.map((f) => Buffer.from(f.hex, "hex"));
  if (r.exchange.request.type === 1) {
    return infoShape(Buffer.concat(want)) === infoShape(Buffer.concat(r.got));
  }
  const a = want.flatMap(messages).sort();
  const b = r.got.flatMap(messages).sort();
  return a.length === b.length && a.every((m, i) => m === b[i]);
}

const servers: InlineServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

describe("replay of the scan-query and background transcripts", () => {
  it.each(SCENARIOS)("%s replies like the reference server", async (scenario, minEqual) => {
    const server = await startInlineServer({
      port: 0,
      extensions: defaultExtensions(),
      sweepIntervalMs: 0,
    });
    servers.push(server);
    const results = await replay(scenario, server.port, server.nodeName);
    const equal = results.filter(sameShape);
    const identical = results.filter((r) => r.verdict === "identical").length;
    const diffs = results.filter((r) => !sameShape(r));
    console.log(
      `replay ${scenario}: ${equal.length}/${results.length} equal (${identical} byte-identical)` +
        diffs
          .slice(0, 20)
          .map((d) => `\n  - step ${d.exchange.step}: ${d.detail.slice(0, 300)}`)
          .join(""),
    );
    expect(equal.length).toBeGreaterThanOrEqual(minEqual);
  });
});

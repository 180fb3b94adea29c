/**
 * The TypeScript participant of the cross-language check (run by scripts/test-clients.mjs through
 * vite-node): `write ADDRESS` writes the canonical record under xlang-ts; `read ADDRESS LANG...` reads
 * xlang-LANG for each LANG and compares it with the canonical record, printing `LANG ok` or
 * `LANG FAIL <differences>`, and exits 1 on any difference.
 */
import { RecordService } from "../../../gen/ts/aerogate/v1/record_pb.js";
import { Verb } from "../../../gen/ts/aerogate/v1/types_pb.js";
import { connect, unary } from "../../../clients/ts/examples/grpc-js.js";
import { canonicalBins, diffBins, xlangKey } from "./canon.js";

const [mode, address, ...languages] = process.argv.slice(2);
if (!address) throw new Error("usage: xlang.ts write|read ADDRESS [LANG...]");
const want = canonicalBins();
const client = connect(address);
let failed = false;
try {
  if (mode === "write") {
    await unary(
      client,
      RecordService.method.put,
      { key: xlangKey("ts"), bins: want, verb: Verb.REPLACE },
      { timeoutMs: 30_000 },
    );
    console.log("ts wrote xlang-ts");
  } else {
    for (const language of languages) {
      try {
        const got = await unary(
          client,
          RecordService.method.get,
          { key: xlangKey(language) },
          { timeoutMs: 30_000 },
        );
        const problems = diffBins(want, got.record?.bins ?? {});
        if (problems.length > 0) {
          console.log(`${language} FAIL ${problems.join("; ")}`);
          failed = true;
        } else {
          console.log(`${language} ok`);
        }
      } catch (err) {
        console.log(`${language} FAIL ${(err as Error).message}`);
        failed = true;
      }
    }
  }
} finally {
  client.close();
}
process.exit(failed ? 1 : 0);

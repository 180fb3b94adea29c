/**
 * The TypeScript example: writes a record through the aerogate gateway, reads it back and reads a
 * failed call's ErrorInfo. Run: `npx vite-node clients/ts/examples/quickstart.ts 127.0.0.1:50051`.
 */
import type * as grpc from "@grpc/grpc-js";
import { RecordService } from "../../../gen/ts/aerogate/v1/record_pb.js";
import { Verb } from "../../../gen/ts/aerogate/v1/types_pb.js";
import { connect, errorInfo, unary } from "./grpc-js.js";

/** Runs the example against the gateway at `address`, reporting through `log`. */
export async function main(address: string, log: (line: string) => void = console.log) {
  const client = connect(address);
  try {
    const key = {
      namespace: "test",
      set: "examples",
      userKey: { case: "stringValue" as const, value: "ts-example" },
    };
    const put = await unary(
      client,
      RecordService.method.put,
      {
        key,
        verb: Verb.REPLACE,
        bins: {
          name: { kind: { case: "stringValue", value: "Ada" } },
          visits: { kind: { case: "intValue", value: 2n ** 53n + 1n } }, // int64 is a bigint: exact
          score: { kind: { case: "doubleValue", value: 3.0 } },
        },
      },
      { timeoutMs: 10_000 },
    );
    log(`put generation=${put.generation}`);

    const got = await unary(client, RecordService.method.get, { key }, { timeoutMs: 10_000 });
    const bins = got.record?.bins ?? {};
    log(
      `name=${bins.name?.kind.value} visits=${bins.visits?.kind.value} ` +
        `score=${bins.score?.kind.value} (${bins.score?.kind.case})`,
    );

    const missing = { ...key, userKey: { case: "stringValue" as const, value: "no-such-key" } };
    try {
      await unary(client, RecordService.method.get, { key: missing }, { timeoutMs: 10_000 });
    } catch (err) {
      const info = errorInfo(err);
      log(
        `missing: code=${(err as grpc.ServiceError).code} reason=${info?.reason} ` +
          `result_code=${info?.metadata.result_code}`,
      );
    }
  } finally {
    client.close();
  }
}

// Run as a program (vite-node, tsx, or node on the compiled file), not when a test imports main().
if (!process.env.VITEST) {
  await main(process.argv.slice(2).find((arg) => /:\d+$/.test(arg)) ?? "127.0.0.1:50051");
}

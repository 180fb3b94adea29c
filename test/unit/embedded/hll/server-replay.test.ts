import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyExtensions } from "../../../../src/embedded/commands/extensions.js";
import { hllOpHandler } from "../../../../src/embedded/hll/index.js";
import {
  type InlineServer,
  startInlineServer,
} from "../../../../src/embedded/server/inline-server.js";
import { readMsgExchanges } from "../fixtures.js";

/**
 * Replays the recorded as_msg requests of `wire/hll.jsonl` against the embedded server with the HLL
 * op handler plugged in, and compares each reply's result code and ops (op type, particle type,
 * name, value) with the real server's. Generation and void time are not compared here (they belong
 * to the command layer).
 */

const exchanges = readMsgExchanges("hll");

/** Result code and ops of an as_msg body, ignoring generation, void time and transaction ttl. */
function summary(body: Buffer): { resultCode: number; ops: string[] } {
  const nFields = body.readUInt16BE(18);
  const nOps = body.readUInt16BE(20);
  let off = body[0]!;
  for (let i = 0; i < nFields; i++) off += 4 + body.readUInt32BE(off);
  const ops: string[] = [];
  for (let i = 0; i < nOps; i++) {
    const size = body.readUInt32BE(off);
    const nameLen = body[off + 7]!;
    const name = body.subarray(off + 8, off + 8 + nameLen).toString("utf8");
    const value = body.subarray(off + 8 + nameLen, off + 4 + size).toString("hex");
    ops.push(`${body[off + 4]}/${body[off + 5]} ${name} ${value}`);
    off += 4 + size;
  }
  return { resultCode: body[5]!, ops };
}

let server: InlineServer;
let socket: Socket;
let buffered = Buffer.alloc(0);
let waiter: (() => void) | undefined;

async function roundTrip(body: Buffer): Promise<Buffer> {
  const header = Buffer.alloc(8);
  header.writeBigUInt64BE(BigInt(body.length));
  header[0] = 2;
  header[1] = 3;
  socket.write(Buffer.concat([header, body]));
  for (;;) {
    if (buffered.length >= 8) {
      const len = Number(buffered.readBigUInt64BE(0) & 0xffffffffffffn);
      if (buffered.length >= 8 + len) {
        const reply = buffered.subarray(8, 8 + len);
        buffered = buffered.subarray(8 + len);
        return reply;
      }
    }
    await new Promise<void>((resolve) => {
      waiter = resolve;
    });
  }
}

beforeAll(async () => {
  const extensions = emptyExtensions();
  extensions.ops.set(15, hllOpHandler);
  extensions.ops.set(16, hllOpHandler);
  server = await startInlineServer({ port: 0, extensions, sweepIntervalMs: 0 });
  socket = connect(server.port, "127.0.0.1");
  socket.on("data", (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    waiter?.();
  });
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
});

afterAll(async () => {
  socket?.destroy();
  await server?.close();
});

describe("wire/hll.jsonl replayed against the embedded server with the HLL handler", () => {
  it("has the recorded exchanges to replay", () => {
    expect(exchanges.length).toBeGreaterThan(80);
  });

  it.each(exchanges.map((e, i) => [i, e.step, e] as const))("#%i %s", async (_i, _step, e) => {
    const reply = await roundTrip(e.request);
    expect(summary(reply)).toEqual(summary(e.response));
  });
});

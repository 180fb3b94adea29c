import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyExtensions } from "../../../../src/embedded/commands/extensions.js";
import { hllOpHandler } from "../../../../src/embedded/hll/index.js";
import {
  type InlineServer,
  startInlineServer,
} from "../../../../src/embedded/server/inline-server.js";
import { readMsgExchanges } from "../fixtures.js";
import { connectFrameSocket, type FrameSocket } from "../frame-socket.js";

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
let socket: FrameSocket;

async function roundTrip(body: Buffer): Promise<Buffer> {
  socket.send(3, body);
  const reply = await socket.next(10_000);
  if (reply === undefined) throw new Error("no reply from the server");
  return reply.body;
}

beforeAll(async () => {
  const extensions = emptyExtensions();
  extensions.ops.set(15, hllOpHandler);
  extensions.ops.set(16, hllOpHandler);
  server = await startInlineServer({ port: 0, extensions, sweepIntervalMs: 0 });
  socket = await connectFrameSocket(server.port);
});

afterAll(async () => {
  socket?.socket.destroy();
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

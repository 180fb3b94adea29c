import { describe, expect, it } from "vitest";
import { defaultExtensions } from "../../../../src/embedded/default-extensions.js";
import { registerCoreCommands } from "../../../../src/embedded/info/core-commands.js";
import { InfoRegistry } from "../../../../src/embedded/info/registry.js";
import { newIdentity } from "../../../../src/embedded/info/server-identity.js";
import { newStats } from "../../../../src/embedded/info/stats.js";
import { handleFrame, type ServerContext } from "../../../../src/embedded/server/frame-handler.js";
import { startInlineServer } from "../../../../src/embedded/server/inline-server.js";
import { Store } from "../../../../src/embedded/store/store.js";
import { decodeAsMsg } from "../../../../src/embedded/wire/as-msg.js";
import {
  decodeProtoHeader,
  FrameSplitter,
  PROTO_HEADER_SIZE,
} from "../../../../src/embedded/wire/proto.js";
import { readFrames, SCENARIOS } from "../fixtures.js";
import { connectFrameSocket } from "../frame-socket.js";

/** A small deterministic PRNG (mulberry32) so failures can be reproduced. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function serverContext(): ServerContext {
  const store = new Store([{ name: "test", defaultTtl: 0 }]);
  const info = new InfoRegistry();
  const stats = newStats();
  registerCoreCommands(info, { store, identity: newIdentity("127.0.0.1", 3000, "fuzz"), stats });
  return { store, extensions: defaultExtensions(), stats, info };
}

const SEEDS = SCENARIOS.flatMap((s) =>
  readFrames(s)
    .filter((f) => f.dir === "c2s")
    .map((f) => ({ type: f.type, body: Buffer.from(f.hex, "hex") })),
);

/** Mutates a body: bit flips, byte overwrites, big length fields, truncation, extension, splicing. */
function mutate(body: Buffer, r: () => number): Buffer {
  const out = Buffer.from(body);
  const n = 1 + Math.floor(r() * 4);
  let b = out;
  for (let i = 0; i < n; i++) {
    const pos = Math.floor(r() * Math.max(1, b.length));
    switch (Math.floor(r() * 7)) {
      case 0:
        if (b.length > 0) b[pos] = (b[pos] as number) ^ (1 << Math.floor(r() * 8));
        break;
      case 1:
        if (b.length > 0) b[pos] = Math.floor(r() * 256);
        break;
      case 2:
        if (b.length >= pos + 4)
          b.writeUInt32BE(
            [0xffffffff, 0x7fffffff, 0, 1, 0x10000][Math.floor(r() * 5)] as number,
            pos,
          );
        break;
      case 3:
        b = b.subarray(0, pos);
        break;
      case 4:
        b = Buffer.concat([
          b,
          Buffer.from(Array.from({ length: Math.floor(r() * 64) }, () => Math.floor(r() * 256))),
        ]);
        break;
      case 5: {
        const other = SEEDS[Math.floor(r() * SEEDS.length)]?.body ?? Buffer.alloc(0);
        b = Buffer.concat([b.subarray(0, pos), other.subarray(Math.floor(r() * other.length))]);
        break;
      }
      default:
        if (b.length >= pos + 2) b.writeUInt16BE(Math.floor(r() * 65536), pos);
    }
  }
  return b;
}

/** Why a reply frame is malformed, or undefined when it is fine. */
function checkReplyFrame(frame: Buffer): string | undefined {
  const h = decodeProtoHeader(frame, 0);
  if (h.version !== 2 || h.size !== frame.length - PROTO_HEADER_SIZE) return "bad proto header";
  if (h.type !== 3) return h.type === 1 ? undefined : `reply type ${h.type}`;
  const body = frame.subarray(PROTO_HEADER_SIZE);
  // The async client rejects as_msg frames shorter than a header.
  if (body.length < 22) return "short as_msg";
  try {
    let off = 0;
    while (off < body.length) {
      const { msg, end } = decodeAsMsg(body, off);
      // Result code 1 means a handler threw something other than a protocol error.
      if (msg.resultCode === 1) return "internal error";
      off = end;
    }
  } catch {
    return "undecodable reply";
  }
  return undefined;
}

function randomBytes(r: () => number, n: number): Buffer {
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(r() * 256);
  return b;
}

function randomBody(r: () => number): Buffer {
  return randomBytes(r, Math.floor(r() * 200));
}

describe("fuzzing the frame handler", () => {
  it("answers 100k random and mutated frames without throwing", async () => {
    const r = rng(12345);
    let ctx = serverContext();
    const problems: string[] = [];
    let replies = 0;
    let closes = 0;
    for (let i = 0; i < 100_000; i++) {
      // A fresh store now and then keeps info commands that scan every record cheap.
      if (i % 2000 === 0) ctx = serverContext();
      const seed = SEEDS[Math.floor(r() * SEEDS.length)] as { type: number; body: Buffer };
      const roll = r();
      const type = roll < 0.05 ? Math.floor(r() * 8) : seed.type;
      const body = roll < 0.15 ? randomBody(r) : mutate(seed.body, r);
      const action = handleFrame({ type, body }, ctx);
      if (action.kind === "close") {
        closes++;
        continue;
      }
      let frames: Buffer[];
      if (action.kind === "stream") {
        // Scans and queries stream their answer; collect it, and a stream must end.
        const streamed: Buffer[] = [];
        const outcome = await Promise.race([
          action
            .run(async (f) => void streamed.push(f), new AbortController().signal)
            .then(
              () => "done",
              () => "failed",
            ),
          new Promise<string>((resolve) => setTimeout(() => resolve("stuck"), 5000).unref()),
        ]);
        if (outcome === "stuck") problems.push(`frame ${i}: stream never ended`);
        if (outcome === "failed") {
          closes++;
          continue;
        }
        frames = streamed;
      } else {
        frames = action.frames;
      }
      replies++;
      for (const frame of frames) {
        const problem = checkReplyFrame(frame);
        if (problem !== undefined) problems.push(`frame ${i}: ${problem}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(replies + closes).toBe(100_000);
    // About 7 s on an idle machine: room for a loaded 2-core one.
  }, 180_000);

  it("splits 10k random byte streams into frames or rejects them, never throwing anything else", () => {
    const r = rng(777);
    for (let i = 0; i < 10_000; i++) {
      const s = new FrameSplitter(1 << 20);
      const seed = SEEDS[Math.floor(r() * SEEDS.length)] as { type: number; body: Buffer };
      const header = Buffer.from([2, seed.type, 0, 0, 0, 0, 0, 0]);
      header.writeUIntBE(seed.body.length, 2, 6);
      const stream = mutate(Buffer.concat([header, seed.body]), r);
      try {
        let off = 0;
        while (off < stream.length) {
          const n = 1 + Math.floor(r() * 50);
          s.push(stream.subarray(off, off + n));
          off += n;
        }
      } catch (e) {
        expect((e as Error).name).toBe("WireError");
      }
    }
  });
});

describe("fuzzing over sockets", () => {
  it("answers or closes every malformed frame, and keeps serving other connections", async () => {
    const server = await startInlineServer({
      port: 0,
      extensions: defaultExtensions(),
      sweepIntervalMs: 0,
    });
    const r = rng(99);
    try {
      const healthy = await connectFrameSocket(server.port);
      let answered = 0;
      let closed = 0;
      for (let round = 0; round < 60; round++) {
        const sockets = await Promise.all(
          Array.from({ length: 5 }, () => connectFrameSocket(server.port)),
        );
        await Promise.all(
          sockets.map(async (s) => {
            const seed = SEEDS[Math.floor(r() * SEEDS.length)] as { type: number; body: Buffer };
            const body = mutate(seed.body, r);
            const header = Buffer.from([r() < 0.05 ? 3 : 2, seed.type, 0, 0, 0, 0, 0, 0]);
            header.writeUIntBE(body.length, 2, 6);
            // Some frames announce more bytes than they carry; the client then hangs up.
            const cut = r() < 0.1 ? Math.floor(r() * body.length) : body.length;
            s.socket.write(Buffer.concat([header, body.subarray(0, cut)]));
            if (cut < body.length) s.socket.end();
            const frame = await s.next(5000);
            if (frame === undefined && !s.closed) throw new Error("connection stuck");
            if (frame === undefined) closed++;
            else answered++;
            s.socket.destroy();
          }),
        );
        // The long-lived connection keeps working throughout.
        healthy.socket.write(Buffer.from("02010000000000066275696c640a", "hex"));
        const reply = await healthy.next(5000);
        expect(reply).toBeDefined();
        expect(healthy.closed).toBe(false);
      }
      expect(answered + closed).toBe(300);
      expect(answered).toBeGreaterThan(200);
      healthy.socket.destroy();
    } finally {
      await server.close();
    }
  });
});

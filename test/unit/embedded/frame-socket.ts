import { connect, type Socket } from "node:net";
import {
  decodeProtoHeader,
  encodeProtoHeader,
  PROTO_HEADER_SIZE,
} from "../../../src/embedded/wire/proto.js";

/** One whole frame read from a socket: its proto type and body. */
export interface ReadFrame {
  readonly type: number;
  readonly body: Buffer;
}

/** A client socket that hands out whole frames (proto header decoded). */
export class FrameSocket {
  private buf = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  /** Whether the server closed the connection (or it failed). */
  closed = false;

  constructor(readonly socket: Socket) {
    socket.on("data", (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      for (const w of this.waiters.splice(0)) w();
    });
    socket.on("close", () => {
      this.closed = true;
      for (const w of this.waiters.splice(0)) w();
    });
    socket.on("error", () => undefined);
  }

  /** Sends a body in a frame of the given proto type. */
  send(type: number, body: Buffer): void {
    this.socket.write(Buffer.concat([encodeProtoHeader(type, body.length), body]));
  }

  /** The next whole frame, or undefined when the connection closed or `timeoutMs` passed first. */
  async next(timeoutMs: number): Promise<ReadFrame | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.buf.length >= PROTO_HEADER_SIZE) {
        const h = decodeProtoHeader(this.buf, 0);
        if (this.buf.length >= PROTO_HEADER_SIZE + h.size) {
          const body = this.buf.subarray(PROTO_HEADER_SIZE, PROTO_HEADER_SIZE + h.size);
          this.buf = this.buf.subarray(PROTO_HEADER_SIZE + h.size);
          return { type: h.type, body };
        }
      }
      if (this.closed || Date.now() > deadline) return undefined;
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }
}

/** Connects to a loopback port and wraps the socket. */
export async function connectFrameSocket(port: number): Promise<FrameSocket> {
  const s = connect(port, "127.0.0.1");
  await new Promise<void>((r, j) => s.once("connect", r).once("error", j));
  return new FrameSocket(s);
}

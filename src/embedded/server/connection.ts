import type { Socket } from "node:net";
import { WireError } from "../wire/errors.js";
import { type Frame, FrameSplitter } from "../wire/proto.js";
import { type FrameAction, handleFrame, type ServerContext } from "./frame-handler.js";

/** How long a partly received frame may wait for the rest before the connection is dropped. */
export const PARTIAL_FRAME_TIMEOUT_MS = 60_000;

/**
 * Serves one client connection: splits the byte stream into frames and answers them strictly in
 * order, one at a time. A framing error (bad version, absurd size) closes only this connection.
 */
export class Connection {
  private readonly socket: Socket;
  private readonly ctx: ServerContext;
  private readonly splitter = new FrameSplitter();
  private readonly queue: Frame[] = [];
  private busy = false;
  private closed = false;
  private readonly abort = new AbortController();
  private partialTimer: NodeJS.Timeout | undefined;

  constructor(socket: Socket, ctx: ServerContext) {
    this.socket = socket;
    this.ctx = ctx;
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("error", () => this.close());
    socket.on("close", () => this.close());
  }

  /** Closes the connection and aborts a running stream. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.partialTimer);
    this.abort.abort();
    this.queue.length = 0;
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    try {
      for (const f of this.splitter.push(chunk)) this.queue.push(f);
    } catch (e) {
      if (!(e instanceof WireError)) throw e;
      this.ctx.stats.demarshalError++;
      this.close();
      return;
    }
    // Idle connections are kept forever; only a frame left half-sent is given up on.
    clearTimeout(this.partialTimer);
    this.partialTimer =
      this.splitter.pending > 0
        ? setTimeout(() => this.close(), PARTIAL_FRAME_TIMEOUT_MS)
        : undefined;
    this.partialTimer?.unref();
    this.drain();
  }

  private drain(): void {
    while (!this.busy && !this.closed && this.queue.length > 0) {
      const frame = this.queue.shift() as Frame;
      const action = handleFrame(frame, this.ctx);
      this.perform(action);
    }
  }

  private perform(action: FrameAction): void {
    switch (action.kind) {
      case "reply":
        this.socket.write(Buffer.concat(action.frames));
        return;
      case "close":
        this.close();
        return;
      case "stream":
        this.busy = true;
        action
          .run((body) => this.send(body), this.abort.signal)
          .catch(() => this.close())
          .finally(() => {
            this.busy = false;
            this.drain();
          });
    }
  }

  private send(frame: Buffer): Promise<void> {
    if (this.closed) return Promise.reject(new Error("connection closed"));
    if (this.socket.write(frame)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onDrain = () => {
        this.socket.off("close", onClose);
        resolve();
      };
      const onClose = () => {
        this.socket.off("drain", onDrain);
        reject(new Error("connection closed"));
      };
      this.socket.once("drain", onDrain);
      this.socket.once("close", onClose);
    });
  }
}

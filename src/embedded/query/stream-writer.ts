import type { ReplySink } from "../commands/extensions.js";
import { type AsMsg, asMsgSize, emptyReply, writeAsMsg } from "../wire/as-msg.js";
import { Info3 } from "../wire/as-msg-constants.js";
import { encodeProtoHeader, PROTO_HEADER_SIZE, ProtoType } from "../wire/proto.js";

/** Bytes of messages gathered before a frame is sent (the reference server flushes near 1 MiB). */
export const FLUSH_BYTES = 128 * 1024;

/**
 * Packs the messages of a multi-record reply into type-3 frames of whole messages and sends each
 * frame through the connection's sink, waiting for the socket when it pushes back.
 */
export class StreamWriter {
  private readonly send: ReplySink;
  private pending: AsMsg[] = [];
  private pendingBytes = 0;

  constructor(send: ReplySink) {
    this.send = send;
  }

  /** Queues a message; sends a frame once enough bytes are gathered. */
  async push(msg: AsMsg): Promise<void> {
    this.pending.push(msg);
    this.pendingBytes += asMsgSize(msg);
    if (this.pendingBytes >= FLUSH_BYTES) await this.flush();
  }

  /** Sends the queued messages as one frame (nothing when none are queued). */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const frame = Buffer.allocUnsafe(PROTO_HEADER_SIZE + this.pendingBytes);
    encodeProtoHeader(ProtoType.MESSAGE, this.pendingBytes).copy(frame, 0);
    let pos = PROTO_HEADER_SIZE;
    for (const m of this.pending) pos = writeAsMsg(m, frame, pos);
    this.pending = [];
    this.pendingBytes = 0;
    await this.send(frame);
  }

  /** Sends the queued messages, then the LAST message carrying `resultCode`. */
  async finish(resultCode: number): Promise<void> {
    await this.flush();
    await this.push(emptyReply(resultCode, { info3: Info3.LAST }));
    await this.flush();
  }
}

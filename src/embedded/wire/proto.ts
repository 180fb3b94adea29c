import { WireError } from "./errors.js";
import { ResultCode } from "./result-codes.js";

/** The only proto version clients and servers speak. */
export const PROTO_VERSION = 2;

/** Size of the proto header that precedes every frame body. */
export const PROTO_HEADER_SIZE = 8;

/** Largest body a client accepts (and the largest this server reads): 128 MiB. */
export const PROTO_SIZE_MAX = 128 * 1024 * 1024;

/** Proto frame types (byte 1 of the proto header). */
export const ProtoType = {
  INFO: 1,
  ADMIN: 2,
  MESSAGE: 3,
  COMPRESSED: 4,
} as const;

/** A complete frame: proto type and body (the bytes after the 8-byte header). */
export interface Frame {
  readonly type: number;
  readonly body: Buffer;
}

/** A parsed 8-byte proto header. */
export interface ProtoHeader {
  readonly version: number;
  readonly type: number;
  readonly size: number;
}

/** Reads the 8-byte proto header at `offset` (the caller guarantees 8 bytes are there). */
export function decodeProtoHeader(buf: Buffer, offset = 0): ProtoHeader {
  const version = buf[offset] ?? 0;
  const type = buf[offset + 1] ?? 0;
  const size = buf.readUIntBE(offset + 2, 6);
  return { version, type, size };
}

/** Builds the 8-byte proto header for a body of `size` bytes. */
export function encodeProtoHeader(type: number, size: number): Buffer {
  const header = Buffer.allocUnsafe(PROTO_HEADER_SIZE);
  header[0] = PROTO_VERSION;
  header[1] = type;
  header.writeUIntBE(size, 2, 6);
  return header;
}

/** Builds a complete frame (header + body). */
export function encodeFrame(type: number, body: Uint8Array): Buffer {
  return Buffer.concat([encodeProtoHeader(type, body.length), body]);
}

/**
 * Splits a TCP byte stream into frames.
 *
 * Feed it chunks with {@link FrameSplitter.push}; it returns the complete frames found so far and
 * keeps any partial frame for the next chunk. A bad version or an absurd size throws a
 * {@link WireError}: the connection cannot be resynchronised after that and must be closed.
 */
export class FrameSplitter {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private readonly maxSize: number;

  constructor(maxSize = PROTO_SIZE_MAX) {
    this.maxSize = maxSize;
  }

  /** Number of bytes held that do not yet form a complete frame. */
  get pending(): number {
    return this.buffered;
  }

  /** Adds a chunk and returns every frame it completes. */
  push(chunk: Buffer): Frame[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Frame[] = [];
    // Joining the chunks only once a whole frame is there keeps many small reads linear.
    if (this.buffered < this.needed()) return frames;
    let data = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    let offset = 0;
    while (data.length - offset >= PROTO_HEADER_SIZE) {
      const size = this.checkHeader(data, offset);
      const end = offset + PROTO_HEADER_SIZE + size;
      if (end > data.length) break;
      frames.push({
        type: data[offset + 1] as number,
        body: data.subarray(offset + PROTO_HEADER_SIZE, end),
      });
      offset = end;
    }
    data = offset === 0 ? data : data.subarray(offset);
    this.chunks = data.length > 0 ? [data] : [];
    this.buffered = data.length;
    return frames;
  }

  // Bytes needed before the next frame is complete (header only, when it is not there yet).
  private needed(): number {
    if (this.buffered < PROTO_HEADER_SIZE) return PROTO_HEADER_SIZE;
    const first = this.chunks[0] as Buffer;
    const head =
      first.length >= PROTO_HEADER_SIZE
        ? first
        : Buffer.concat(this.chunks).subarray(0, PROTO_HEADER_SIZE);
    return PROTO_HEADER_SIZE + this.checkHeader(head, 0);
  }

  private checkHeader(data: Buffer, offset: number): number {
    const header = decodeProtoHeader(data, offset);
    if (header.version !== PROTO_VERSION) {
      throw new WireError(ResultCode.PARAMETER, `bad proto version ${header.version}`);
    }
    if (header.size > this.maxSize) {
      throw new WireError(ResultCode.PARAMETER, `proto size ${header.size} too large`);
    }
    return header.size;
  }
}

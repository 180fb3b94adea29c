import { deflateSync, inflateSync } from "node:zlib";
import { WireError } from "./errors.js";
import {
  decodeProtoHeader,
  encodeFrame,
  type Frame,
  PROTO_HEADER_SIZE,
  ProtoType,
} from "./proto.js";
import { ResultCode } from "./result-codes.js";

/**
 * Inflates the body of a type-4 (compressed) frame into the inner frame it carries.
 *
 * The body is `u64 uncompressed size` + a zlib stream of a complete frame (its own proto header
 * included). Anything inconsistent throws a {@link WireError} with PARAMETER.
 */
export function inflateCompressedBody(body: Buffer, maxSize: number): Frame {
  if (body.length < 8) throw new WireError(ResultCode.PARAMETER, "compressed frame too short");
  const declared = body.readBigUInt64BE(0);
  if (declared < BigInt(PROTO_HEADER_SIZE) || declared > BigInt(maxSize + PROTO_HEADER_SIZE)) {
    throw new WireError(ResultCode.PARAMETER, `bad uncompressed size ${declared}`);
  }
  let inner: Buffer;
  try {
    inner = inflateSync(body.subarray(8), { maxOutputLength: Number(declared) });
  } catch {
    throw new WireError(ResultCode.PARAMETER, "cannot inflate compressed frame");
  }
  if (inner.length !== Number(declared)) {
    throw new WireError(ResultCode.PARAMETER, "uncompressed size mismatch");
  }
  const header = decodeProtoHeader(inner, 0);
  if (header.type !== ProtoType.MESSAGE || header.size !== inner.length - PROTO_HEADER_SIZE) {
    throw new WireError(ResultCode.PARAMETER, "bad inner frame in compressed frame");
  }
  return { type: header.type, body: inner.subarray(PROTO_HEADER_SIZE) };
}

/** Wraps an as_msg body into a complete type-4 frame (header included). */
export function encodeCompressedFrame(body: Uint8Array): Buffer {
  const inner = encodeFrame(ProtoType.MESSAGE, body);
  const size = Buffer.allocUnsafe(8);
  size.writeBigUInt64BE(BigInt(inner.length));
  return encodeFrame(ProtoType.COMPRESSED, Buffer.concat([size, deflateSync(inner, { level: 1 })]));
}

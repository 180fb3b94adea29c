import { executeBatch } from "../commands/batch.js";
import type { CommandContext } from "../commands/command-context.js";
import { executeSingle } from "../commands/dispatch.js";
import type { ReplySink } from "../commands/extensions.js";
import { executeUdfRequestAsync } from "../commands/udf.js";
import type { InfoRegistry } from "../info/registry.js";
import { type AsMsg, decodeAsMsg, emptyReply, encodeAsMsg, findField } from "../wire/as-msg.js";
import { FieldType, Info1, Info3 } from "../wire/as-msg-constants.js";
import { inflateCompressedBody } from "../wire/compression.js";
import { WireError } from "../wire/errors.js";
import { encodeFrame, type Frame, PROTO_SIZE_MAX, ProtoType } from "../wire/proto.js";
import { ResultCode } from "../wire/result-codes.js";

/** Everything a connection needs to answer frames. */
export interface ServerContext extends CommandContext {
  readonly info: InfoRegistry;
}

/** What to do with a frame: send these frames, run a streaming command, or drop the connection. */
export type FrameAction =
  | { readonly kind: "reply"; readonly frames: Buffer[] }
  | {
      readonly kind: "stream";
      readonly run: (send: ReplySink, signal: AbortSignal) => Promise<void>;
    }
  | { readonly kind: "close"; readonly reason: string };

/** A complete type-3 frame holding one as_msg. */
export function messageFrame(msg: AsMsg): Buffer {
  return encodeFrame(ProtoType.MESSAGE, encodeAsMsg(msg));
}

/** An error reply that also ends a stream, so single-record and multi-record clients both stop. */
export function errorFrame(resultCode: number): Buffer {
  return messageFrame(emptyReply(resultCode, { info3: Info3.LAST }));
}

function reply(...frames: Buffer[]): FrameAction {
  return { kind: "reply", frames };
}

/** Answers an info (type 1) frame. */
export function handleInfo(body: Buffer, ctx: ServerContext): FrameAction {
  ctx.stats.infoComplete++;
  return reply(encodeFrame(ProtoType.INFO, Buffer.from(ctx.info.respond(body.toString("utf8")))));
}

/** Answers an as_msg (type 3) body. */
export function handleMessage(body: Buffer, ctx: ServerContext): FrameAction {
  let msg: AsMsg;
  try {
    msg = decodeAsMsg(body, 0).msg;
  } catch (e) {
    ctx.stats.demarshalError++;
    return reply(errorFrame(e instanceof WireError ? e.resultCode : ResultCode.PARAMETER));
  }
  if ((msg.info1 & Info1.BATCH) !== 0) {
    ctx.stats.batchIndexComplete++;
    return reply(...executeBatch(msg, ctx));
  }
  if (findField(msg, FieldType.DIGEST) === undefined) {
    const multi = ctx.extensions.multiRecord;
    if (multi === undefined) return reply(errorFrame(ResultCode.PARAMETER));
    return {
      kind: "stream",
      run: (send, signal) =>
        multi(msg, { store: ctx.store, extensions: ctx.extensions, send, signal }),
    };
  }
  const udfAsync = ctx.extensions.udfAsync;
  if (udfAsync !== undefined && findField(msg, FieldType.UDF_FUNCTION) !== undefined) {
    return {
      kind: "stream",
      run: async (send) => send(messageFrame(await executeUdfRequestAsync(msg, ctx, udfAsync))),
    };
  }
  return reply(messageFrame(executeSingle(msg, ctx)));
}

// A Community server refuses compressed requests with ENTERPRISE_ONLY (recorded behaviour).
function handleCompressed(body: Buffer, ctx: ServerContext): FrameAction {
  let msg: AsMsg;
  try {
    const inner: Frame = inflateCompressedBody(body, PROTO_SIZE_MAX);
    msg = decodeAsMsg(inner.body, 0).msg;
  } catch {
    ctx.stats.demarshalError++;
    return reply(errorFrame(ResultCode.PARAMETER));
  }
  const multi = (msg.info1 & Info1.BATCH) !== 0 || findField(msg, FieldType.DIGEST) === undefined;
  return reply(
    multi
      ? errorFrame(ResultCode.ENTERPRISE_ONLY)
      : messageFrame(emptyReply(ResultCode.ENTERPRISE_ONLY)),
  );
}

/**
 * Decides how to answer one frame. Never throws: malformed input becomes an error reply
 * (PARAMETER), and frame types a client must not send close the connection.
 */
export function handleFrame(frame: Frame, ctx: ServerContext): FrameAction {
  try {
    switch (frame.type) {
      case ProtoType.INFO:
        return handleInfo(frame.body, ctx);
      case ProtoType.MESSAGE:
        return handleMessage(frame.body, ctx);
      case ProtoType.COMPRESSED:
        return handleCompressed(frame.body, ctx);
      default:
        return { kind: "close", reason: `unsupported proto type ${frame.type}` };
    }
  } catch (e) {
    ctx.stats.demarshalError++;
    const code = e instanceof WireError ? e.resultCode : ResultCode.UNKNOWN;
    return frame.type === ProtoType.INFO
      ? { kind: "close", reason: "info failure" }
      : reply(errorFrame(code));
  }
}

import { performance } from "node:perf_hooks";
import type { DescMethod } from "@bufbuild/protobuf";
import type { HandlerContext } from "../context.js";
import { codeName } from "../errors.js";
import type { CallScope } from "./call-context.js";
import { type CallGuard, type CallObserver, type GuardedCall, runGuards } from "./call-guard.js";
import { type PeerSource, peerInfo } from "./peer.js";

/** A call admitted by the guards: its context (logger with the guards' fields) and what to release. */
export interface Admission {
  readonly ctx: HandlerContext;
  readonly release: () => void;
}

export const NOTHING_TO_RELEASE = () => {};

/** A guard's refusal, carrying the call context with the fields the guards had set (e.g. the principal). */
class Refusal {
  constructor(
    readonly cause: unknown,
    readonly ctx: HandlerContext,
  ) {}
}

/** Adds the guards' log fields to a context's logger. */
function withFields(ctx: HandlerContext, fields: Record<string, unknown>): HandlerContext {
  return Object.keys(fields).length === 0 ? ctx : { ...ctx, log: ctx.log.child(fields) };
}

/** Unwraps a guard refusal: the error to report and the context to log it with. */
export function unwrapRefusal(thrown: unknown, ctx: HandlerContext): [unknown, HandlerContext] {
  return thrown instanceof Refusal ? [thrown.cause, thrown.ctx] : [thrown, ctx];
}

/** Runs the guards for one decoded request; throws the refusal of the first that refuses. */
export async function admit(
  call: PeerSource,
  method: DescMethod,
  request: unknown,
  ctx: HandlerContext,
  guards: readonly CallGuard[],
): Promise<Admission> {
  if (guards.length === 0) return { ctx, release: NOTHING_TO_RELEASE };
  const guarded: GuardedCall = {
    method,
    path: ctx.method,
    request,
    ctx,
    peer: peerInfo(call),
    principal: undefined,
    logFields: {},
  };
  let release: () => void;
  try {
    release = await runGuards(guards, guarded);
  } catch (err) {
    throw new Refusal(err, withFields(ctx, guarded.logFields));
  }
  return { ctx: withFields(ctx, guarded.logFields), release };
}

/** Reports the end of a call to the observer and, when tracing, ends and logs its span. */
export function finishCall(
  observer: CallObserver | undefined,
  scope: CallScope,
  started: number,
  code: number,
  streaming: boolean,
): void {
  const seconds = (performance.now() - started) / 1000;
  observer?.finished(scope.ctx.method, code, seconds, streaming);
  if (scope.span !== undefined) {
    scope.span.end(code);
    scope.ctx.log.info("span", {
      kind: "server",
      name: scope.ctx.method,
      durationMs: Math.round(seconds * 1e6) / 1e3,
      code: codeName(code),
      sampled: (scope.span.context.flags & 1) === 1,
    });
  }
}

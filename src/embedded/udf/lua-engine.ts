import { setImmediate as yieldNow } from "node:timers/promises";
import {
  LUA_REGISTRYINDEX,
  LuaEngine,
  LuaEventMasks,
  LuaFactory,
  LuaReturn,
  type LuaThread,
} from "wasmoon";
import { LUA_PRELUDE } from "./lua-prelude.js";

// Loading the wasm module is the only asynchronous step; doing it when this module loads lets
// engines be created synchronously afterwards.
const luaModule = await new LuaFactory().getLuaModule();

/** Limits for one UDF call. */
export interface LuaBudget {
  /** Wall-clock time the call may run, in ms. */
  readonly timeMs: number;
  /** Memory the Lua state may grow by during the call, in bytes. */
  readonly memoryBytes: number;
}

/** Outcome of a Lua call: the returned string, or the error text. */
export type LuaCallResult =
  | { readonly ok: true; readonly value: Buffer }
  | { readonly ok: false; readonly message: string; readonly timedOut: boolean };

/** Receives `aerospike:log` / `info(...)` messages: level (1 warn … 4 trace) and text. */
export type LuaLogger = (level: number, message: string) => void;

/** Instructions between two budget checks. */
const HOOK_EVERY = 1000;

/** Longest stretch an asynchronous call runs before it lets other work in, in ms. */
export const ASYNC_SLICE_MS = 5;

/** An argument of a Lua call: text (UTF-8) or raw bytes. */
export type LuaArg = string | Buffer;

interface RawModule {
  readonly HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(ptr: number): void;
  _lua_tolstring(L: number, index: number, lenPtr: number): number;
  _lua_pushlstring(L: number, ptr: number, len: number): number;
  getValue(ptr: number, type: string): number;
}

interface ActiveCall {
  readonly thread: LuaThread;
  readonly ref: number;
  readonly deadline: number;
  sliceEnd: number;
  readonly memoryMax: number;
  timedOut: boolean;
}

/** The message a call stopped by its time budget fails with. */
export const TIMEOUT_MESSAGE = "UDF Execution Timeout";

/**
 * A Lua 5.4 state (wasmoon) with the record-UDF prelude, running calls synchronously under a time
 * and memory budget. A count hook checks the deadline every few instructions; past it the hook
 * fires on every instruction, so a script that catches the error with `pcall` is stopped anyway.
 */
export class LuaRuntime {
  private readonly engine: LuaEngine;
  /** The call whose Lua code is running right now (one at a time: JS is single-threaded). */
  private active: ActiveCall | undefined;
  private readonly hook: number;

  constructor(log: LuaLogger = () => {}) {
    this.engine = new LuaEngine(luaModule, {
      traceAllocations: true,
      injectObjects: false,
      enableProxy: false,
    });
    const g = this.engine.global;
    const lua = g.lua;
    g.set("__log", (level: number, msg: string) => log(level, msg));
    g.set("__now", () => Date.now());
    this.engine.doStringSync(LUA_PRELUDE);
    const hook: number = lua.module.addFunction((L: number) => {
      const call = this.active;
      if (call === undefined) return;
      const now = Date.now();
      if (now > call.deadline) {
        call.timedOut = true;
        lua.lua_sethook(L, hook, LuaEventMasks.Count, 1);
        lua.lua_pushstring(L, TIMEOUT_MESSAGE);
        lua.lua_error(L);
        return;
      }
      // Count hooks may yield: an asynchronous call hands the event loop back between slices.
      if (now > call.sliceEnd) lua.lua_yieldk(L, 0, 0, null);
    }, "vii");
    this.hook = hook;
  }

  /** Calls a global Lua function with text or byte arguments; it must return one string. */
  call(name: string, args: readonly LuaArg[], budget: LuaBudget): LuaCallResult {
    const call = this.begin(name, args, budget, Number.POSITIVE_INFINITY);
    try {
      this.active = call;
      this.engine.global.setMemoryMax(call.memoryMax);
      const status = this.engine.global.lua.lua_pcallk(
        call.thread.address,
        args.length,
        1,
        0,
        0,
        null,
      );
      return this.result(call, status);
    } finally {
      this.end(call);
    }
  }

  /**
   * Calls a global Lua function like {@link LuaRuntime.call}, but in slices of `sliceMs`: between
   * two slices the event loop serves other work, so a slow or runaway script does not stall it.
   */
  async callAsync(
    name: string,
    args: readonly LuaArg[],
    budget: LuaBudget,
    sliceMs = ASYNC_SLICE_MS,
  ): Promise<LuaCallResult> {
    const lua = this.engine.global.lua;
    const call = this.begin(name, args, budget, 0);
    const nresults = lua.module._malloc(4);
    try {
      let nargs = args.length;
      for (;;) {
        call.sliceEnd = Date.now() + sliceMs;
        this.active = call;
        this.engine.global.setMemoryMax(call.memoryMax);
        const status = lua.lua_resume(call.thread.address, null, nargs, nresults);
        this.active = undefined;
        this.engine.global.setMemoryMax(undefined);
        nargs = 0;
        if (status !== LuaReturn.Yield) return this.result(call, status);
        await yieldNow();
      }
    } finally {
      lua.module._free(nresults);
      this.end(call);
    }
  }

  private begin(
    name: string,
    args: readonly LuaArg[],
    budget: LuaBudget,
    sliceEnd: number,
  ): ActiveCall {
    const g = this.engine.global;
    const lua = g.lua;
    const thread = g.newThread();
    // The thread stays referenced from the registry until the call ends (other calls may
    // push their own threads on the global stack meanwhile).
    const ref = lua.luaL_ref(g.address, LUA_REGISTRYINDEX);
    lua.lua_sethook(thread.address, this.hook, LuaEventMasks.Count, HOOK_EVERY);
    lua.lua_getglobal(thread.address, name);
    for (const a of args)
      this.pushBytes(thread.address, typeof a === "string" ? Buffer.from(a) : a);
    return {
      thread,
      ref,
      deadline: Date.now() + budget.timeMs,
      sliceEnd,
      memoryMax: g.getMemoryUsed() + budget.memoryBytes,
      timedOut: false,
    };
  }

  private result(call: ActiveCall, status: number): LuaCallResult {
    if (status !== LuaReturn.Ok) {
      const text = this.readBytes(call.thread.address, -1).toString("utf8");
      const message = call.timedOut
        ? TIMEOUT_MESSAGE
        : status === LuaReturn.ErrorMem
          ? "UDF Execution Error: not enough memory"
          : text;
      return { ok: false, message, timedOut: call.timedOut };
    }
    return { ok: true, value: this.readBytes(call.thread.address, -1) };
  }

  private end(call: ActiveCall): void {
    const g = this.engine.global;
    if (this.active === call) this.active = undefined;
    g.setMemoryMax(undefined);
    call.thread.close();
    g.lua.luaL_unref(g.address, LUA_REGISTRYINDEX, call.ref);
    if (call.timedOut) this.collect();
  }

  // Bytes cross into Lua unchanged (wasmoon's string helpers would re-encode them as UTF-8).
  private pushBytes(L: number, bytes: Buffer): void {
    const m = this.engine.global.lua.module as unknown as RawModule;
    const ptr = m._malloc(Math.max(1, bytes.length));
    try {
      m.HEAPU8.set(bytes, ptr);
      m._lua_pushlstring(L, ptr, bytes.length);
    } finally {
      m._free(ptr);
    }
  }

  private readBytes(L: number, index: number): Buffer {
    const m = this.engine.global.lua.module as unknown as RawModule;
    const lenPtr = m._malloc(4);
    try {
      const ptr = m._lua_tolstring(L, index, lenPtr);
      if (ptr === 0) return Buffer.alloc(0);
      const len = m.getValue(lenPtr, "i32");
      return Buffer.from(m.HEAPU8.subarray(ptr, ptr + len));
    } finally {
      m._free(lenPtr);
    }
  }

  /** Runs a full garbage collection (after a call that hit its budget). */
  collect(): void {
    this.engine.doStringSync("collectgarbage()");
  }
}

import { LuaEngine, LuaEventMasks, LuaFactory, LuaReturn } from "wasmoon";
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
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly message: string; readonly timedOut: boolean };

/** Receives `aerospike:log` / `info(...)` messages: level (1 warn … 4 trace) and text. */
export type LuaLogger = (level: number, message: string) => void;

/** Instructions between two budget checks. */
const HOOK_EVERY = 1000;

/** The message a call stopped by its time budget fails with. */
export const TIMEOUT_MESSAGE = "UDF Execution Timeout";

/**
 * A Lua 5.4 state (wasmoon) with the record-UDF prelude, running calls synchronously under a time
 * and memory budget. A count hook checks the deadline every few instructions; past it the hook
 * fires on every instruction, so a script that catches the error with `pcall` is stopped anyway.
 */
export class LuaRuntime {
  private readonly engine: LuaEngine;
  private deadline = Number.POSITIVE_INFINITY;
  private timedOut = false;
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
      if (Date.now() <= this.deadline) return;
      this.timedOut = true;
      lua.lua_sethook(L, hook, LuaEventMasks.Count, 1);
      lua.lua_pushstring(L, TIMEOUT_MESSAGE);
      lua.lua_error(L);
    }, "vii");
    this.hook = hook;
  }

  /** Calls a global Lua function with string arguments; it must return one string. */
  call(name: string, args: readonly string[], budget: LuaBudget): LuaCallResult {
    const g = this.engine.global;
    const lua = g.lua;
    const thread = g.newThread();
    this.timedOut = false;
    this.deadline = Date.now() + budget.timeMs;
    g.setMemoryMax(g.getMemoryUsed() + budget.memoryBytes);
    try {
      lua.lua_sethook(thread.address, this.hook, LuaEventMasks.Count, HOOK_EVERY);
      lua.lua_getglobal(thread.address, name);
      for (const a of args) lua.lua_pushstring(thread.address, a);
      const status = lua.lua_pcallk(thread.address, args.length, 1, 0, 0, null);
      if (status !== LuaReturn.Ok) {
        const text = lua.lua_tolstring(thread.address, -1, null) ?? "";
        const message = this.timedOut
          ? TIMEOUT_MESSAGE
          : status === LuaReturn.ErrorMem
            ? "UDF Execution Error: not enough memory"
            : text;
        return { ok: false, message, timedOut: this.timedOut };
      }
      const value = lua.lua_tolstring(thread.address, -1, null);
      return { ok: true, value: value ?? "" };
    } finally {
      this.deadline = Number.POSITIVE_INFINITY;
      g.setMemoryMax(undefined);
      thread.close();
      g.pop();
      if (this.timedOut) this.collect();
    }
  }

  /** Runs a full garbage collection (after a call that hit its budget). */
  collect(): void {
    this.engine.doStringSync("collectgarbage()");
  }
}

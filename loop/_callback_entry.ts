// Ready-queue entries as the loop runs, checks and reports them: a user
// callback is the pair (runHandle, handle); the library's own work is any
// other (fn, arg) pair (see _ready_queue.ts).
import { valueRepr } from "../_platform/mod.ts";
import type { ReadyFn } from "./_ready_queue.ts";
import { callbackRepr, Handle } from "./handle.ts";
import type { Callback } from "./types.ts";

/** Runs a user callback's handle: the ready-queue function of every Handle. */
export function runHandle(handle: Handle): void {
  handle._run();
}

/** The entry `fn(arg)` as reports name it (the callback and its arguments). */
export function describeEntry(fn: ReadyFn, arg: unknown): string {
  if (fn === runHandle && arg instanceof Handle) {
    return callbackRepr(arg._callback, arg._args) || String(arg);
  }
  return callbackRepr(fn as Callback<unknown[]>, [arg]);
}

/** Debug mode's check of a callback passed to `method` (asyncio's `_check_callback`). */
export function checkCallback(cb: unknown, method: string): void {
  if (typeof cb !== "function") {
    throw new TypeError(`a callable object was expected by ${method}(), got ${valueRepr(cb)}`);
  }
  if ((cb as { constructor?: { name?: string } }).constructor?.name === "AsyncFunction") {
    throw new TypeError(`coroutines cannot be used with ${method}()`);
  }
}

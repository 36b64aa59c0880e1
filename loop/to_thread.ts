/**
 * `toThread()`: asyncio's `to_thread`, on the loop's default executor (a
 * pool of Workers). Ports `asyncio/threads.py`.
 *
 * @module
 */
import type { ExecutorFunction } from "./executor.ts";
import { getEventLoop } from "./policy.ts";
import { getRunningLoopOrNull } from "./running_loop.ts";

/**
 * Runs `fn(...args)` in a Worker of the running loop's default executor and
 * returns its result (or throws its error). Outside any loop (top-level
 * code) it uses `getEventLoop()`'s loop, like the rest of the library.
 *
 * `fn` is a {@linkcode ModuleFunction} (an export of a module the Worker
 * imports) or a self-contained function, sent as source text: it cannot use
 * the variables around it or imports. Arguments and the result are
 * structured-cloned; an async `fn` is awaited in the Worker.
 *
 * Cancelling the awaiting task cancels the job at once: if it has not
 * started it never runs; if it runs, its Worker is terminated and replaced.
 *
 * Differences from asyncio: `to_thread` runs in a thread sharing the
 * interpreter, with a copy of the caller's `contextvars`; a Worker shares no
 * objects and sees no context. Python cannot stop a thread, so a cancelled
 * `to_thread` call keeps running; here it is stopped.
 *
 * @param fn A `ModuleFunction` or a self-contained function.
 * @param args Its arguments.
 * @returns What `fn` returns (awaited).
 * @throws {RuntimeError} when the runtime has no Workers; after the default
 * executor was shut down.
 * @throws {TypeError} when an argument cannot be structured-cloned.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run, toThread } from "@asyncio/asyncio/loop";
 *
 * const total = await run(() =>
 *   toThread((n: number) => {
 *     let s = 0;
 *     for (let i = 1; i <= n; i++) s += i;
 *     return s;
 *   }, 1000)
 * );
 * assert.equal(total, 500500);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.to_thread
 */
export async function toThread<T>(
  fn: ExecutorFunction<T>,
  ...args: unknown[]
): Promise<Awaited<T>> {
  const loop = getRunningLoopOrNull() ?? getEventLoop();
  return await loop.runInExecutor(null, fn, ...args);
}

/**
 * `runCoroutineThreadsafe()`: submit a coroutine to a loop from code that
 * does not run on it. Ports asyncio's `tasks.run_coroutine_threadsafe`.
 *
 * @module
 */
import { valueRepr } from "../_platform/mod.ts";
import type { AbstractEventLoop, CoroutineLike } from "../loop/types.ts";
import { isCoroutine } from "./coroutine.ts";
import { ensureFuture } from "./create_task.ts";
import { Future } from "./future.ts";

// Copies the outcome of `source` (a task on the target loop) into `dest`,
// and a cancellation of `dest` back into `source`.
function chain<T>(source: Future<T>, dest: Future<T>): void {
  source.addDoneCallback(() => {
    if (dest.done()) {
      if (!source.cancelled()) source.exception();
      return;
    }
    if (source.cancelled()) dest.cancel();
    else {
      const exc = source.exception();
      if (exc !== null) dest.setException(exc);
      else dest.setResult(source.result());
    }
  });
  dest.addDoneCallback(() => {
    if (dest.cancelled() && !source.done()) source.cancel();
  });
}

/**
 * Schedules `coro` as a task on `loop` (through `loop.callSoonThreadsafe`)
 * and returns a future of its result.
 *
 * JavaScript has one thread per isolate, so this is how code running
 * outside `loop` (another loop, a host callback) hands work to it.
 *
 * Cancellation: cancelling the returned future cancels the task (or keeps
 * it from being created, if it was not yet).
 *
 * Differences from asyncio: the result is a {@linkcode Future} bound to
 * `loop` (await it, or use its callbacks) instead of a
 * `concurrent.futures.Future`; `result()` does not block.
 *
 * @param coro A coroutine from a `coroutine()`-wrapped function, or a
 * zero-argument async function.
 * @param loop The loop to run it on.
 * @returns A future of the coroutine's result.
 * @throws {TypeError} `A coroutine object is required` for anything else.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { newEventLoop, runCoroutineThreadsafe, sleep } from "@asyncio/asyncio";
 *
 * const loop = newEventLoop();
 * const fut = runCoroutineThreadsafe(() => sleep(0.01, 42), loop);
 * assert.equal(await loop.runUntilComplete(fut), 42);
 * loop.close();
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.run_coroutine_threadsafe
 */
export function runCoroutineThreadsafe<T>(
  coro: CoroutineLike<T>,
  loop: AbstractEventLoop,
): Future<T> {
  if (!isCoroutine(coro) && typeof coro !== "function") {
    throw new TypeError(`A coroutine object is required, got ${valueRepr(coro)}`);
  }
  const future = new Future<T>({ loop });
  loop.callSoonThreadsafe(() => {
    if (future.cancelled()) return;
    let task: Future<T>;
    try {
      task = ensureFuture(coro, { loop });
    } catch (err) {
      if (!future.done()) future.setException(err);
      throw err;
    }
    chain(task, future);
  });
  return future;
}

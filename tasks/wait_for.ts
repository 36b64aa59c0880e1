/**
 * `waitFor()`: await with a deadline, cancelling on expiry. Ports asyncio's
 * `tasks.wait_for` (3.12+, built on `timeout()`).
 *
 * @module
 */
import { isCancelledError, TimeoutError } from "../errors.ts";
import type { CoroutineLike } from "../loop/types.ts";
import { currentEntry } from "./_cancel_level.ts";
import { isCoroutine, startCoroutine } from "./coroutine.ts";
import { createTask, ensureFutureFor } from "./create_task.ts";
import { type Future, isFuture } from "./future.ts";
import { timeout } from "./timeout.ts";

// Awaits `aw` from the current (timeout) scope: a coroutine or function
// runs inline, as `await coro` does in Python; a future is awaited so the
// scope can cancel it; any other awaitable is wrapped in a task, so that
// cancelling abandons it instead of hanging on it.
function awaitHere<T>(aw: CoroutineLike<T>): PromiseLike<T> {
  if (isFuture(aw)) return (aw as Future<T>)._wait();
  if (typeof aw === "function" || isCoroutine(aw)) return startCoroutine<T>(aw);
  return ensureFutureFor(aw, undefined, "waitFor")._wait();
}

async function cancelAndWait(fut: Future<unknown>): Promise<void> {
  const waiter = fut.getLoop().createFuture<void>();
  const onDone = (): void => {
    if (!waiter.done()) waiter.setResult();
  };
  fut.addDoneCallback(onDone);
  try {
    fut.cancel();
    await waiter._wait();
  } finally {
    fut.removeDoneCallback(onDone);
  }
}

/**
 * Awaits `aw` for at most `timeout` seconds; when the deadline passes,
 * cancels it, waits until it has actually finished, and throws
 * `TimeoutError` (its `cause` is the `CancelledError`).
 *
 * A coroutine or function runs inline in the current task, inside a
 * {@linkcode timeout} scope; a future or task is awaited (and cancelled on
 * expiry); another awaitable (a promise) is wrapped in a task first, whose
 * cancellation abandons it. If the cancelled work catches the cancellation
 * and returns a value, `waitFor()` returns that value; if it throws another
 * error while being cancelled, that error propagates. A result that arrives
 * before the deadline wins. With `timeout <= 0`, a coroutine or function is
 * never started (unless the work is already done, its result is returned
 * only if it finishes despite the cancellation). `null` waits without limit.
 *
 * Cancellation: cancelling the caller cancels `aw` too (use
 * {@linkcode shield} to prevent that).
 *
 * Differences from asyncio: outside a task, the call runs in a new task on
 * the current loop instead of raising `RuntimeError`.
 *
 * @param aw What to await.
 * @param timeout Seconds to wait at most, or `null`.
 * @returns `aw`'s result.
 * @throws {TimeoutError} when the deadline passed and `aw` ended cancelled.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run, sleep, waitFor, TimeoutError } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   assert.equal(await waitFor(() => sleep(0.01, "in time"), 1), "in time");
 *   await assert.rejects(waitFor(() => sleep(1), 0.01), TimeoutError);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.wait_for
 */
export function waitFor<T>(aw: CoroutineLike<T>, timeout: number | null): Promise<T> {
  if (currentEntry() === null) {
    return Promise.resolve(createTask(() => waitForInTask(aw, timeout)));
  }
  return waitForInTask(aw, timeout);
}

async function waitForInTask<T>(aw: CoroutineLike<T>, delay: number | null): Promise<T> {
  if (delay !== null && delay !== undefined && delay <= 0) {
    const fut = ensureFutureFor(aw, undefined, "waitFor");
    if (fut.done()) return fut.result();
    await cancelAndWait(fut as Future<unknown>);
    try {
      return fut.result();
    } catch (err) {
      if (isCancelledError(err)) throw new TimeoutError("", { cause: err });
      throw err;
    }
  }
  return timeout(delay, () => awaitHere(aw));
}

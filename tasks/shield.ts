/**
 * `shield()`: protect an awaitable from the cancellation of its awaiter.
 * Ports asyncio's `tasks.shield`.
 *
 * @module
 */
import type { CoroutineLike } from "../loop/types.ts";
import { ensureFutureFor } from "./create_task.ts";
import { Future } from "./future.ts";

/**
 * Returns a future that follows `aw` but whose cancellation does not reach
 * it: cancelling the returned future (or the task awaiting it) leaves `aw`
 * running to completion.
 *
 * A coroutine or function is wrapped in a task first (a promise too, but
 * its work is not the task's: debug mode reports it); an `aw` that is
 * already done is returned as it is. If `aw` itself ends cancelled, the
 * returned future is cancelled too. Keep a reference to the task you
 * shield if you need its result after the awaiter was cancelled.
 *
 * Cancellation: the awaiter still gets `CancelledError` at its `await`;
 * only the shielded work goes on. Catch the `CancelledError` to ignore the
 * cancellation altogether (not recommended).
 *
 * @param aw The awaitable to protect.
 * @returns A future of `aw`'s result.
 * @throws {TypeError} when `aw` is not awaitable.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { CancelledError, createTask, run, shield, sleep } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   const save = createTask(() => sleep(0.02, "saved"));
 *   const waiter = createTask(() => shield(save));
 *   await sleep(0.01);
 *   waiter.cancel();
 *   await assert.rejects(waiter.then(), CancelledError);
 *   assert.equal(await save, "saved"); // the shielded task went on
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.shield
 */
export function shield<T>(aw: CoroutineLike<T>): Future<T> {
  const inner = ensureFutureFor(aw, undefined, "shield");
  if (inner.done()) return inner;
  const outer = new Future<T>({ loop: inner.getLoop() });

  const onInnerDone = (inner: Future<T>): void => {
    if (outer.done()) {
      // The outer future was cancelled: nobody reads the inner one through it.
      if (!inner.cancelled()) inner.exception();
      return;
    }
    if (inner.cancelled()) {
      outer.cancel();
      return;
    }
    const exc = inner.exception();
    if (exc !== null) outer.setException(exc);
    else outer.setResult(inner.result());
  };
  const onOuterDone = (): void => {
    if (!inner.done()) inner.removeDoneCallback(onInnerDone);
  };

  inner.addDoneCallback(onInnerDone);
  outer.addDoneCallback(onOuterDone);
  return outer;
}

/**
 * `sleep()`: suspend the current task. Ports asyncio's `tasks.sleep`.
 *
 * @module
 */
import { ValueError } from "../errors.ts";
import type { EventLoop } from "../loop/event_loop.ts";
import type { TimerHandle } from "../loop/handle.ts";
import { defaultLoop, Future } from "./future.ts";

// A sleep's future cancels its timer when cancelled, so an abandoned
// `sleep(3600)` leaves no host timer keeping the process alive.
class SleepFuture<T> extends Future<T> {
  _handle: TimerHandle | null = null;
  override cancel(msg?: unknown): boolean {
    this._handle?.cancel();
    this._handle = null;
    return super.cancel(msg);
  }
}

function wakeNow(fut: SleepFuture<unknown>): void {
  if (!fut.done()) fut._setResultNow(fut._result);
}

function wakeLater(fut: SleepFuture<unknown>, result: unknown): void {
  fut._handle = null;
  if (!fut.done()) fut.setResult(result);
}

/**
 * Suspends the current task for `delay` seconds, then resolves with
 * `result`. `sleep(0)` (or any delay <= 0) yields exactly one loop iteration:
 * the canonical "let other tasks run".
 *
 * Cancellation: cancelling the task rejects the sleep with
 * `CancelledError` and cancels its timer.
 *
 * @param delay Seconds to wait.
 * @param result The value to resolve with.
 * @returns A promise of `result`.
 * @throws {ValueError} when `delay` is NaN (as a rejection).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run, sleep } from "@asyncio/asyncio";
 *
 * assert.equal(await run(() => sleep(0.01, "done")), "done");
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.sleep
 */
export function sleep(delay: number): Promise<void>;
/**
 * Suspends the current task for `delay` seconds, then resolves with `result`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run, sleep } from "@asyncio/asyncio";
 *
 * assert.equal(await run(() => sleep(0, 42)), 42);
 * ```
 */
export function sleep<T>(delay: number, result: T): Promise<T>;
export function sleep<T>(delay: number, result?: T): Promise<T | undefined> {
  if (Number.isNaN(delay)) {
    return Promise.reject(new ValueError("Invalid delay: NaN (not a number)"));
  }
  const loop = defaultLoop() as EventLoop;
  const fut = new SleepFuture<T | undefined>({ loop });
  if (delay <= 0) {
    fut._result = result;
    loop._pushReady(wakeNow, fut);
  } else {
    fut._handle = loop.callLater(delay, wakeLater, fut, result);
  }
  return fut._wait();
}

/**
 * `staggeredRace()`: start attempts one after another, a delay apart, and
 * keep the first that succeeds (the Happy Eyeballs engine). Ports asyncio's
 * `staggered.staggered_race` (3.14 behaviour).
 *
 * @module
 */
import { describeValue } from "../_options.ts";
import { CancelledError, ExceptionGroup, isCancelledError, KeyboardInterrupt } from "../errors.ts";
import { currentTask } from "./current_task.ts";
import { defaultLoop, type Future } from "./future.ts";
import type { Task } from "./task.ts";
import { wait } from "./wait.ts";

const NONE: unique symbol = Symbol("none");

/**
 * Runs `coroFns` as a staggered race: the first starts at once; each next
 * one starts when the one before it fails or `delay` seconds after it
 * started, whichever comes first (`null`: only on failure, so the attempts
 * run one at a time). The first attempt to return wins and every other
 * running attempt is cancelled.
 *
 * Resolves with `[winnerResult, winnerIndex, exceptions]`: `exceptions` has
 * one entry per attempt that started, in order (`null` for the winner; a
 * loser cancelled by the win has a `CancelledError`). When every attempt
 * fails, `winnerResult` and `winnerIndex` are `null`. An attempt signals
 * failure by throwing; returning means success.
 *
 * Cancellation: cancelling the race cancels every running attempt, waits
 * for them to finish, and then throws `CancelledError`; no task is left
 * pending.
 *
 * @param coroFns Functions that each start one attempt.
 * @param delay Seconds between starts, or `null`.
 * @returns `[winnerResult, winnerIndex, exceptions]`.
 * @throws {TypeError} (as a rejection) when `coroFns` is not iterable or
 * `delay` is neither a number nor `null`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run, sleep, staggeredRace } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   const [result, index, errors] = await staggeredRace([
 *     async () => {
 *       await sleep(0.01);
 *       throw new Error("unreachable");
 *     },
 *     () => sleep(0.01, "second"),
 *   ], 1);
 *   assert.equal(result, "second");
 *   assert.equal(index, 1);
 *   assert.equal((errors[0] as Error).message, "unreachable");
 *   assert.equal(errors[1], null);
 * });
 * ```
 *
 * @see https://github.com/python/cpython/blob/3.14/Lib/asyncio/staggered.py
 */
export async function staggeredRace<T>(
  coroFns: Iterable<() => PromiseLike<T>>,
  delay: number | null,
): Promise<[T | null, number | null, Array<unknown | null>]> {
  if (delay !== null && typeof delay !== "number") {
    throw new TypeError(
      `Cannot call staggeredRace(): delay must be a number or null, not ${describeValue(delay)}`,
    );
  }
  if (typeof (coroFns as Partial<Iterable<unknown>> | null)?.[Symbol.iterator] !== "function") {
    throw new TypeError(
      `Cannot call staggeredRace(): coroFns must be an iterable of functions, not ${
        describeValue(coroFns)
      }`,
    );
  }
  const loop = defaultLoop();
  const fns = coroFns[Symbol.iterator]();
  let winnerResult: T | null = null;
  let winnerIndex: number | null = null;
  const exceptions: unknown[] = [];
  const running = new Set<Task<void>>();
  const unhandled: unknown[] = [];
  let onCompleted: Future<void> | null = null;

  const taskDone = (task: Task<void>): void => {
    running.delete(task);
    if (onCompleted !== null && running.size === 0 && !onCompleted.done()) onCompleted.setResult();
    if (!task.cancelled()) {
      const exc = task.exception();
      if (exc !== null) unhandled.push(exc);
    }
  };

  const start = (previousFailed: Future<void> | null): void => {
    const task = loop.createTask(() => runOne(previousFailed));
    running.add(task);
    task.addDoneCallback(taskDone);
  };

  // One task per attempt: it first waits for its turn, then starts the
  // task of the next attempt (which waits in turn), then runs its own.
  const runOne = async (previousFailed: Future<void> | null): Promise<void> => {
    if (previousFailed !== null) {
      await wait([previousFailed], { timeout: delay });
    }
    const next = fns.next();
    if (next.done) return;
    const index = exceptions.length;
    exceptions.push(null);
    const failed = loop.createFuture<void>();
    start(failed);
    try {
      const result = await next.value();
      if (winnerIndex !== null) {
        // Finished in the same turn as the winner, after being cancelled.
        exceptions[index] = new CancelledError("");
        return;
      }
      winnerIndex = index;
      winnerResult = result;
      const self = currentTask(loop);
      for (const t of running) if (t !== self) t.cancel();
    } catch (err) {
      if (err instanceof KeyboardInterrupt) throw err;
      exceptions[index] = err;
      failed.setResult();
    }
  };

  start(null);
  let propagate: unknown = NONE;
  while (running.size > 0) {
    onCompleted = loop.createFuture<void>();
    try {
      await onCompleted._wait();
    } catch (err) {
      if (!isCancelledError(err)) throw err;
      propagate = err;
      for (const t of running) t.cancel(err.message);
    }
    onCompleted = null;
  }
  if (unhandled.length > 0) throw new ExceptionGroup("staggered race failed", unhandled);
  if (propagate !== NONE) throw propagate;
  return [winnerResult, winnerIndex, exceptions];
}

/**
 * `wait()`: wait for a set of futures until a condition holds. Ports
 * asyncio's `tasks.wait` and its `return_when` constants.
 *
 * @module
 */
import { checkOptions, describeValue } from "../_options.ts";
import { valueRepr } from "../_platform/mod.ts";
import { ValueError } from "../errors.ts";
import type { TimerHandle } from "../loop/handle.ts";
import { isCoroutine } from "./coroutine.ts";
import { defaultLoop, type Future, isFuture } from "./future.ts";

/** `wait()` returns when any future finishes or is cancelled. */
export const FIRST_COMPLETED = "FIRST_COMPLETED" as const;
/**
 * `wait()` returns when any future fails (a cancellation does not count),
 * or when all are done.
 */
export const FIRST_EXCEPTION = "FIRST_EXCEPTION" as const;
/** `wait()` returns when all futures are done (the default). */
export const ALL_COMPLETED = "ALL_COMPLETED" as const;

/** When {@linkcode wait} returns. */
export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

/** Options of {@linkcode wait}. */
export interface WaitOptions {
  /** Seconds to wait at most (`null`: no limit). */
  timeout?: number | null;
  /** The condition to wait for (default `ALL_COMPLETED`). */
  returnWhen?: ReturnWhen;
}

const WAIT_OPTIONS = ["timeout", "returnWhen"] as const;

function typeName(x: unknown): string {
  if (x === null) return "null";
  if (typeof x !== "object" && typeof x !== "function") return typeof x;
  return (x as { constructor?: { name?: string } }).constructor?.name || "object";
}

function notFutureError(f: unknown): TypeError {
  if (Array.isArray(f)) {
    return new TypeError(
      "wait() takes futures or tasks, got an array inside the iterable; "
        + "pass the futures themselves: wait(list) or wait([...list, other])",
    );
  }
  return new TypeError(`wait() takes futures or tasks, got ${valueRepr(f)}`);
}

/**
 * Waits until the futures satisfy `returnWhen` or `timeout` seconds pass,
 * and returns `[done, pending]`: the futures that were done at that moment,
 * and the others.
 *
 * `wait()` never throws `TimeoutError` and never cancels anything: on
 * timeout the unfinished futures are in `pending`, still running. Duplicates
 * count once. Several futures may be in `done` even with `FIRST_COMPLETED`.
 *
 * Cancellation: cancelling the task in `wait()` cancels only the wait; the
 * futures go on.
 *
 * Differences from asyncio: only futures and tasks are accepted (asyncio
 * also takes other awaitables that are not coroutines).
 *
 * @param aws Futures or tasks (a non-empty iterable).
 * @param options `timeout` (seconds, `null` for none) and `returnWhen`.
 * @returns `[done, pending]`.
 * @throws {TypeError} when `aws` is a single future or coroutine, or holds
 * a coroutine, a function or anything else that is not a future (an array
 * in it: pass the futures themselves); when `options` has an unknown key
 * or `timeout` is not a number or `null`.
 * @throws {ValueError} when `aws` is empty or `returnWhen` is unknown.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createTask, FIRST_COMPLETED, run, sleep, wait } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   const fast = createTask(() => sleep(0.01, "fast"));
 *   const slow = createTask(() => sleep(1, "slow"));
 *   const [done, pending] = await wait([fast, slow], { returnWhen: FIRST_COMPLETED });
 *   assert.deepEqual([...done], [fast]);
 *   assert.deepEqual([...pending], [slow]);
 *   slow.cancel();
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.wait
 */
export async function wait<T>(
  aws: Iterable<Future<T>>,
  options?: WaitOptions,
): Promise<[done: Set<Future<T>>, pending: Set<Future<T>>]> {
  if (
    isFuture(aws) || isCoroutine(aws) || typeof aws !== "object" || aws === null
    || typeof (aws as Partial<Iterable<unknown>>)[Symbol.iterator] !== "function"
  ) {
    const hint = isFuture(aws) || isCoroutine(aws) ? "; pass them in an array: wait([a, b])" : "";
    throw new TypeError(`expect a list of futures, not ${typeName(aws)}${hint}`);
  }
  checkOptions(options, WAIT_OPTIONS, "call wait()");
  const returnWhen = options?.returnWhen ?? ALL_COMPLETED;
  const timeout = options?.timeout ?? null;
  if (timeout !== null && typeof timeout !== "number") {
    throw new TypeError(
      `Cannot call wait(): timeout must be a number or null, not ${describeValue(timeout)}`,
    );
  }
  const fs = new Set<Future<T>>(aws);
  if (fs.size === 0) throw new ValueError("Set of Tasks/Futures is empty.");
  if (
    returnWhen !== FIRST_COMPLETED && returnWhen !== FIRST_EXCEPTION && returnWhen !== ALL_COMPLETED
  ) {
    throw new ValueError(`Invalid return_when value: ${valueRepr(returnWhen)}`);
  }
  for (const f of fs) {
    if (isCoroutine(f) || typeof f === "function") {
      throw new TypeError("Passing coroutines is forbidden, use tasks explicitly.");
    }
    if (!isFuture(f)) throw notFutureError(f);
  }
  const loop = defaultLoop();
  const waiter = loop.createFuture<void>();
  let handle: TimerHandle | null = null;
  if (timeout !== null) {
    handle = loop.callLater(timeout, () => {
      if (!waiter.done()) waiter.setResult();
    });
  }
  let counter = fs.size;
  const onCompletion = (f: Future<T>): void => {
    counter--;
    if (
      counter <= 0 || returnWhen === FIRST_COMPLETED
      || (returnWhen === FIRST_EXCEPTION && !f.cancelled() && f.exception() !== null)
    ) {
      handle?.cancel();
      if (!waiter.done()) waiter.setResult();
    }
  };
  for (const f of fs) f.addDoneCallback(onCompletion);
  try {
    await waiter._wait();
  } finally {
    handle?.cancel();
    for (const f of fs) f.removeDoneCallback(onCompletion);
  }
  const done = new Set<Future<T>>();
  const pending = new Set<Future<T>>();
  for (const f of fs) (f.done() ? done : pending).add(f);
  return [done, pending];
}

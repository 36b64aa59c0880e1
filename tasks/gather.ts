/**
 * `gather()`: run awaitables concurrently and collect their results in
 * order. Ports asyncio's `tasks.gather`.
 *
 * @module
 */
import { checkOptions } from "../_options.ts";
import { CancelledError } from "../errors.ts";
import type { AbstractEventLoop, CoroutineLike } from "../loop/types.ts";
import { coroutineTask, isCoroutine } from "./coroutine.ts";
import { ensureFutureFor } from "./create_task.ts";
import { defaultLoop, Future, isFuture } from "./future.ts";

/** Options of {@linkcode gather}. */
export interface GatherOptions {
  /**
   * Put errors (and a cancelled child's `CancelledError`) in the result
   * list instead of rejecting with the first one.
   */
  returnExceptions?: boolean;
}

// The future gather() returns: cancelling it cancels the children.
class GatheringFuture<T> extends Future<T> {
  _children: Future<unknown>[];
  _cancelRequested = false;

  constructor(children: Future<unknown>[], loop: AbstractEventLoop) {
    super({ loop });
    this._children = children;
  }

  override cancel(msg?: unknown): boolean {
    if (this.done()) return false;
    let accepted = false;
    for (const child of this._children) {
      if (child.cancel(msg)) accepted = true;
    }
    // The outer future ends (with CancelledError) once every child is done.
    if (accepted) this._cancelRequested = true;
    return accepted;
  }
}

function cancelledErrorOf(fut: Future<unknown>): CancelledError {
  return fut.cancelled() ? fut._cancelledError() : new CancelledError("");
}

const GATHER_OPTIONS = ["returnExceptions"] as const;

// The trailing argument is taken as the options when it is an object that
// is not awaitable; it is checked there (an unknown key, such as Python's
// `return_exceptions`, is a TypeError naming `returnExceptions`).
function takeOptions(args: unknown[]): boolean {
  const last = args[args.length - 1];
  if (typeof last !== "object" || last === null) return false;
  if (Array.isArray(last)) throw spreadError(args.length);
  if (typeof (last as PromiseLike<unknown>).then === "function") return false;
  args.pop();
  checkOptions(last, GATHER_OPTIONS, "call gather()");
  return Boolean((last as GatherOptions).returnExceptions);
}

// gather() takes the awaitables as arguments; an array of them (Python's
// `gather(*aws)` written without the star) is a mistake that would
// otherwise resolve to nothing while the work goes on unobserved.
function spreadError(count: number): TypeError {
  const call = count === 1 ? "gather(...list)" : "gather(...list, other)";
  return new TypeError(
    `Cannot call gather(): got an array where it takes awaitables; spread it: ${call}`,
  );
}

/**
 * Runs the awaitables concurrently and resolves with their results, in the
 * order given.
 *
 * Coroutines and functions are wrapped in tasks (the same argument given
 * twice runs once, and its result appears twice). Without
 * `returnExceptions`, the first error rejects the gather at once, and the
 * other children keep running (they are not cancelled). With it, errors are
 * placed in the result list, a cancelled child as a `CancelledError`. When
 * every child is already done, the returned future is done at once.
 *
 * Cancellation: cancelling the returned future (or the task awaiting it)
 * cancels every child that is not done; once they all finish, the gather
 * rejects with `CancelledError` (also with `returnExceptions`). A child
 * cancelled on its own does not cancel the gather: it is an error like any
 * other (`cancelled()` of the gather stays `false`).
 *
 * Differences from asyncio: the options come as a trailing object,
 * `gather(a, b, { returnExceptions: true })`; an unknown key in it is a
 * `TypeError`, as Python's unexpected keyword argument.
 *
 * @param aws The awaitables, optionally followed by `{ returnExceptions }`.
 * @returns A {@linkcode Future} of the results (awaitable, with `cancel()`).
 * @throws {TypeError} when an argument is not awaitable, is an array (spread
 * it: `gather(...list)`), or the options have an unknown key.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gather, run, sleep } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   const [a, b] = await gather(sleep(0.02, "a"), sleep(0.01, "b"));
 *   assert.deepEqual([a, b], ["a", "b"]);
 *   const mixed = await gather(
 *     () => sleep(0, 1),
 *     async () => {
 *       throw new Error("boom");
 *     },
 *     { returnExceptions: true },
 *   );
 *   assert.equal(mixed[0], 1);
 *   assert.ok(mixed[1] instanceof Error);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.gather
 */
export function gather<T extends unknown[]>(
  ...aws: { [K in keyof T]: CoroutineLike<T[K]> }
): Future<T>;
/**
 * With `{ returnExceptions: true }` last: errors are placed in the result
 * list instead of rejecting the gather.
 *
 * @param args The awaitables, then the options.
 * @returns A {@linkcode Future} of the results and errors.
 */
export function gather<T extends unknown[]>(
  ...args: [...{ [K in keyof T]: CoroutineLike<T[K]> }, { returnExceptions: true }]
): Future<{ [K in keyof T]: T[K] | Error }>;
/**
 * With an options object last, `returnExceptions` possibly false.
 *
 * @param args The awaitables, then the options.
 * @returns A {@linkcode Future} of the results (and errors, with
 * `returnExceptions`).
 */
export function gather<T extends unknown[]>(
  ...args: [...{ [K in keyof T]: CoroutineLike<T[K]> }, GatherOptions]
): Future<{ [K in keyof T]: T[K] | Error }>;
export function gather(...args: unknown[]): Future<unknown[]> {
  const returnExceptions = args.length > 0 && takeOptions(args);
  if (args.length === 0) {
    const loop = defaultLoop();
    const outer = new Future<unknown[]>({ loop });
    outer.setResult([]);
    return outer;
  }
  try {
    return gatherFutures(args, returnExceptions);
  } catch (e) {
    // An array among the awaitables is looked for only on this error path.
    if (e instanceof TypeError && args.some(Array.isArray)) throw spreadError(args.length);
    throw e;
  }
}

function gatherFutures(args: unknown[], returnExceptions: boolean): Future<unknown[]> {
  const n = args.length;
  const children: Future<unknown>[] = new Array(n);
  // Duplicates run once. A pending child already carries this gather's
  // callback and a done one is in `seenDone`; functions and promises are
  // looked up in `seen`, made only when such an argument shows up.
  let seen: Map<unknown, Future<unknown>> | null = null;
  let seenDone: Set<Future<unknown>> | null = null;
  let loop: AbstractEventLoop | undefined;
  let unique = 0;
  let finished = 0;
  let outer: GatheringFuture<unknown[]> | null = null;

  const onChildDone = (fut: Future<unknown>): void => {
    finished++;
    if (outer === null || outer.done()) {
      // Too late to matter: read the error so it is not reported as
      // never retrieved.
      if (!fut.cancelled()) fut.exception();
      return;
    }
    if (!returnExceptions) {
      if (fut.cancelled()) {
        outer.setException(cancelledErrorOf(fut));
        return;
      }
      const exc = fut.exception();
      if (exc !== null) {
        outer.setException(exc);
        return;
      }
    }
    if (finished === unique) {
      if (outer._cancelRequested) {
        // A cancelled gather raises CancelledError even with returnExceptions.
        outer.setException(cancelledErrorOf(fut));
      } else {
        outer.setResult(collect(children));
      }
    }
  };

  // Whether `fut` is already a child of this gather.
  const isChild = (fut: Future<unknown>): boolean =>
    fut.done() ? seenDone !== null && seenDone.has(fut) : fut._hasEntry(onChildDone);

  for (let i = 0; i < n; i++) {
    const arg = args[i];
    // A future, or the task that adopted a coroutine, is its own key; other
    // awaitables (functions, promises) are looked up in `seen`.
    const known = isFuture(arg)
      ? arg
      : isCoroutine(arg)
      ? coroutineTask(arg) as Future<unknown> | null
      : undefined;
    if (known !== undefined) {
      if (known !== null && isChild(known)) {
        children[i] = known;
        continue;
      }
    } else if (seen !== null) {
      const fut = seen.get(arg);
      if (fut !== undefined) {
        children[i] = fut;
        continue;
      }
    }
    const fut = ensureFutureFor(arg as CoroutineLike<unknown>, loop, "gather");
    if (known === undefined) (seen ??= new Map()).set(arg, fut);
    if (fut.done()) {
      (seenDone ??= new Set()).add(fut);
    } else fut.addDoneCallback(onChildDone);
    if (loop === undefined) loop = fut.getLoop();
    unique++;
    children[i] = fut;
  }
  outer = new GatheringFuture<unknown[]>(children, loop as AbstractEventLoop);
  // Children already done finish in argument order (a set iterates in
  // insertion order).
  if (seenDone !== null) { for (const fut of seenDone) onChildDone(fut); }
  return outer;
}

function collect(children: Future<unknown>[]): unknown[] {
  const results = new Array(children.length);
  for (let i = 0; i < children.length; i++) {
    const fut = children[i] as Future<unknown>;
    if (fut.cancelled()) {
      results[i] = cancelledErrorOf(fut);
    } else {
      const exc = fut.exception();
      results[i] = exc !== null ? exc : fut.result();
    }
  }
  return results;
}

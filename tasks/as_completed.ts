/**
 * `asCompleted()`: iterate over awaitables in the order they finish. Ports
 * asyncio's `tasks.as_completed` (3.13: plain and async iteration).
 *
 * @module
 */
import { checkOptions } from "../_options.ts";
import { TimeoutError } from "../errors.ts";
import type { TimerHandle } from "../loop/handle.ts";
import type { AbstractEventLoop, CoroutineLike } from "../loop/types.ts";
import { isCoroutine } from "./coroutine.ts";
import { ensureFutureFor } from "./create_task.ts";
import { defaultLoop, type Future, isFuture } from "./future.ts";

/** Options of {@linkcode asCompleted}. */
export interface AsCompletedOptions {
  /** Seconds for the whole iteration (`null`: no limit). */
  timeout?: number | null;
}

// A promise that starts waiting only when first awaited (`then` is called),
// like the coroutines asyncio's plain iteration yields: the first step
// awaited gets the first input to finish, whatever its position.
class LazyStep<T> extends Promise<T> {
  #start: (() => void) | null = null;

  static make<T>(start: () => Promise<T>): LazyStep<T> {
    let resolve: (v: T | PromiseLike<T>) => void = () => {};
    const step = new LazyStep<T>((res) => (resolve = res));
    step.#start = () => resolve(start());
    return step;
  }

  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    // deno-lint-ignore no-explicit-any -- Promise.prototype.then's own type
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    const start = this.#start;
    if (start !== null) {
      this.#start = null;
      start();
    }
    return super.then(onfulfilled, onrejected);
  }
}
// Promises derived with then() are plain ones.
Object.defineProperty(LazyStep, Symbol.species, { get: () => Promise });

const AS_COMPLETED_OPTIONS = ["timeout"] as const;

interface Box<T> {
  f: Future<T>;
}

// One iteration state shared by the plain and the async iterator, so the
// object can be resumed after a `break`, in either form.
class AsCompleted<T> implements Iterable<Promise<T>>, AsyncIterable<Future<T>> {
  readonly #loop: AbstractEventLoop;
  readonly #todo: Set<Future<T>>;
  // Finished inputs not handed out yet, boxed (a future given to a promise
  // resolver would be adopted, not passed); `null` is a timed-out step.
  #done: (Box<T> | null)[] = [];
  #doneHead = 0;
  #getters: Future<Box<T> | null>[] = [];
  #left: number;
  #handle: TimerHandle | null = null;

  constructor(inputs: Set<CoroutineLike<T>>, timeout: number | null) {
    this.#loop = defaultLoop();
    const todo = new Set<Future<T>>();
    for (const aw of inputs) {
      try {
        todo.add(ensureFutureFor(aw, this.#loop, "asCompleted"));
      } catch (e) {
        if (!Array.isArray(aw)) throw e;
        throw new TypeError(
          "Cannot call asCompleted(): got an array inside the iterable; "
            + "pass the awaitables themselves: asCompleted(list) or asCompleted([...list, other])",
        );
      }
    }
    this.#todo = todo;
    this.#left = todo.size;
    const onDone = (f: Future<T>): void => this.#onDone(f);
    this.#onDoneCb = onDone;
    for (const f of todo) f.addDoneCallback(onDone);
    if (todo.size > 0 && timeout !== null) {
      this.#handle = this.#loop.callLater(timeout, () => this.#onTimeout());
    }
  }

  #onDoneCb: (f: Future<T>) => void;

  #onDone(f: Future<T>): void {
    if (!this.#todo.delete(f)) return;
    this.#put({ f });
    if (this.#todo.size === 0 && this.#handle !== null) {
      this.#handle.cancel();
      this.#handle = null;
    }
  }

  #onTimeout(): void {
    this.#handle = null;
    // Every remaining step times out; the inputs themselves go on.
    for (const f of this.#todo) {
      f.removeDoneCallback(this.#onDoneCb);
      this.#put(null);
    }
    this.#todo.clear();
  }

  #put(item: Box<T> | null): void {
    while (this.#getters.length > 0) {
      const getter = this.#getters.shift() as Future<Box<T> | null>;
      if (!getter.done()) {
        getter.setResult(item);
        return;
      }
    }
    this.#done.push(item);
  }

  async #get(): Promise<Box<T> | null> {
    if (this.#doneHead < this.#done.length) {
      const item = this.#done[this.#doneHead] as Box<T> | null;
      this.#done[this.#doneHead++] = null;
      if (this.#doneHead === this.#done.length) {
        this.#done = [];
        this.#doneHead = 0;
      }
      return item;
    }
    const getter = this.#loop.createFuture<Box<T> | null>();
    this.#getters.push(getter);
    return await getter._wait();
  }

  async #waitForOne(): Promise<T> {
    const box = await this.#get();
    if (box === null) throw new TimeoutError("");
    return box.f.result();
  }

  [Symbol.iterator](): Iterator<Promise<T>> {
    const it: IterableIterator<Promise<T>> = {
      next: (): IteratorResult<Promise<T>> => {
        if (this.#left === 0) return { done: true, value: undefined };
        this.#left--;
        return { done: false, value: LazyStep.make(() => this.#waitForOne()) };
      },
      [Symbol.iterator]: () => it,
    };
    return it;
  }

  [Symbol.asyncIterator](): AsyncIterator<Future<T>> {
    const it: AsyncIterableIterator<Future<T>> = {
      next: async (): Promise<IteratorResult<Future<T>>> => {
        if (this.#left === 0) return { done: true, value: undefined };
        this.#left--;
        const box = await this.#get();
        if (box === null) throw new TimeoutError("");
        return { done: false, value: box.f };
      },
      [Symbol.asyncIterator]: () => it,
    };
    return it;
  }
}

/**
 * Iterates over the awaitables in the order they finish.
 *
 * All inputs start at once (coroutines and functions are wrapped in tasks;
 * the same input given twice counts once). Iterated with `for`, it yields
 * fresh promises: the k-th one awaited gives the result (or the error) of
 * the k-th input to finish (a promise starts waiting when it is first
 * awaited, like the coroutines asyncio yields). Iterated with `for await`, it yields the original
 * futures, already done (for a coroutine input, the task made for it).
 * `timeout` is one deadline for the whole iteration: after it, every
 * remaining step throws `TimeoutError`, and the inputs are not cancelled.
 * The iteration can be resumed after a `break`, in either form.
 *
 * Cancellation: cancelling the task that awaits a step cancels only that
 * step; the inputs go on.
 *
 * Differences from asyncio: TypeScript types the variable of a `for await`
 * loop as the awaited value (it assumes async iterators yield no
 * thenables), so write `await fut` for the value, or
 * `fut as unknown as Future<T>` to call the future's methods; at run time it
 * is the future.
 *
 * The element type is inferred from the inputs, a union when they differ:
 * `asCompleted([numberTask, userTask])` yields `Promise<number | User>`.
 *
 * @param aws The awaitables.
 * @param options `timeout` in seconds (`null`: none).
 * @returns An iterable of promises and an async iterable of futures.
 * @throws {TypeError} when `aws` is itself awaitable or not iterable, holds
 * an array (pass the awaitables themselves) or something else that is not
 * awaitable, or `options` has an unknown key.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { asCompleted, createTask, run, sleep } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   const order: string[] = [];
 *   for (const next of asCompleted([sleep(0.02, "slow"), sleep(0.01, "fast")])) {
 *     order.push(await next);
 *   }
 *   assert.deepEqual(order, ["fast", "slow"]);
 *
 *   const task = createTask(() => sleep(0.01, "a"));
 *   for await (const fut of asCompleted([task])) {
 *     assert.equal(fut, task); // the original future, already done
 *     assert.equal(await fut, "a");
 *   }
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.as_completed
 */
export function asCompleted<T>(
  aws: Iterable<CoroutineLike<T>>,
  options?: AsCompletedOptions,
): Iterable<Promise<T>> & AsyncIterable<Future<T>>;
/**
 * Inputs of different types: the element type is the union of their
 * results (`asCompleted([numberTask, userTask])` yields
 * `Promise<number | User>`).
 *
 * @param aws The awaitables.
 * @param options `timeout` in seconds (`null`: none).
 * @returns An iterable of promises and an async iterable of futures.
 */
export function asCompleted<A extends CoroutineLike<unknown>>(
  aws: Iterable<A>,
  options?: AsCompletedOptions,
):
  & Iterable<Promise<A extends () => PromiseLike<infer R> ? Awaited<R> : Awaited<A>>>
  & AsyncIterable<Future<A extends () => PromiseLike<infer R> ? Awaited<R> : Awaited<A>>>;
export function asCompleted(
  aws: Iterable<CoroutineLike<unknown>>,
  options?: AsCompletedOptions,
): Iterable<Promise<unknown>> & AsyncIterable<Future<unknown>> {
  const notIterable = typeof aws !== "object" || aws === null
    || typeof (aws as Partial<Iterable<unknown>>)[Symbol.iterator] !== "function";
  if (
    isFuture(aws) || isCoroutine(aws) || notIterable
    || typeof (aws as Partial<PromiseLike<unknown>>).then === "function"
  ) {
    const name = aws === null ? "null" : (aws as object)?.constructor?.name ?? typeof aws;
    const awaitable = typeof aws === "function"
      || (typeof aws === "object" && aws !== null
        && typeof (aws as { then?: unknown }).then === "function");
    const hint = awaitable ? "; pass them in an array: asCompleted([a, b])" : "";
    throw new TypeError(`expects an iterable of awaitables, not ${name}${hint}`);
  }
  checkOptions(options, AS_COMPLETED_OPTIONS, "call asCompleted()");
  const timeout = options?.timeout ?? null;
  if (timeout !== null && typeof timeout !== "number") {
    throw new TypeError(
      `Cannot call asCompleted(): timeout must be a number or null, not ${typeof timeout}`,
    );
  }
  return new AsCompleted<unknown>(new Set(aws), timeout);
}

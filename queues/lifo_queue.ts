/**
 * `LifoQueue`: a last-in, first-out queue. Ports asyncio's
 * `queues.LifoQueue`.
 *
 * @module
 */
import { Queue, type QueueOptions } from "./queue.ts";

/**
 * A {@linkcode Queue} that returns the most recently added item first (a
 * stack), with the same waiting, `join()` and `shutdown()` behaviour.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { LifoQueue } from "@asyncio/asyncio";
 *
 * const stack = new LifoQueue<number>();
 * for (const n of [1, 3, 2]) stack.putNowait(n);
 * assert.deepEqual([stack.getNowait(), stack.getNowait(), stack.getNowait()], [2, 3, 1]);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-queue.html#asyncio.LifoQueue
 */
export class LifoQueue<T> extends Queue<T> {
  #stack: T[] = [];

  /**
   * Creates a LIFO queue.
   *
   * @param options The capacity (`0` or less, the default: unbounded), as
   * a number or as `{ maxsize }`.
   * @throws {TypeError} when `maxsize` is not a number, `options` has
   * another key, or is neither a number nor an object.
   */
  constructor(options?: number | QueueOptions) {
    super(options);
  }

  /** @ignore */
  override _qsize(): number {
    return this.#stack.length;
  }

  /** @ignore */
  override _put(item: T): void {
    this.#stack.push(item);
  }

  /** @ignore */
  override _get(): T {
    return this.#stack.pop() as T;
  }

  /** @ignore */
  override _storage(): T[] {
    return [...this.#stack];
  }
}

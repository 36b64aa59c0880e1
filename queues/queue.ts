/**
 * `Queue`: a FIFO queue for producer and consumer tasks. Ports asyncio's
 * `queues.Queue` (3.13, with `shutdown()`).
 *
 * @module
 */
import { checkOptions, describeValue } from "../_options.ts";
import { defineRepr, valueRepr } from "../_platform/mod.ts";
import { QueueEmpty, QueueFull, QueueShutDown, ValueError } from "../errors.ts";
import type { AbstractEventLoop } from "../loop/types.ts";
import { bindLoop, RESOLVED_VOID, Waiter, WaiterList } from "../tasks/_waiters.ts";
import { GetWaiter, PutWaiter, wakeUpNext } from "./_queue_waiters.ts";
import { Ring } from "./_ring.ts";

/** Options of {@linkcode Queue}. */
export interface QueueOptions {
  /**
   * How many items the queue holds before `put()` waits; `0` or less
   * (the default) means no limit.
   */
  maxsize?: number;
}

const QUEUE_OPTIONS = ["maxsize"] as const;

/**
 * The capacity given to a queue constructor: a number (Python's positional
 * `maxsize`) or the options' `maxsize`, after checking the options against
 * `known` (a subclass reads more keys). Shared with the subclasses.
 *
 * @ignore
 */
export function queueMaxsize(
  options: unknown,
  known: readonly string[],
  cls: { readonly name: string },
): number {
  let maxsize: unknown = options;
  if (typeof options !== "number") {
    checkOptions(options, known, `create ${cls.name}`);
    maxsize = (options as QueueOptions | undefined)?.maxsize ?? 0;
  }
  if (typeof maxsize !== "number") {
    throw new TypeError(
      `Cannot create ${cls.name}: maxsize must be a number, not ${describeValue(maxsize)}`,
    );
  }
  return maxsize;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

function endAtShutdown(err: unknown): IteratorReturnResult<undefined> {
  if (err instanceof QueueShutDown) return DONE;
  throw err;
}

function yielded<T>(value: T): IteratorYieldResult<T> {
  return { done: false, value };
}

/**
 * A first-in, first-out queue for tasks, optionally bounded.
 *
 * `put()` waits while the queue is full (backpressure) and `get()` while it
 * is empty; waiting tasks are served in FIFO order. `putNowait()` and
 * `getNowait()` never wait: they throw {@linkcode QueueFull} and
 * {@linkcode QueueEmpty}. Each item put counts as unfinished until a
 * consumer calls `taskDone()`; `join()` waits until none is left.
 * `shutdown()` stops the queue: puts throw {@linkcode QueueShutDown}, and
 * gets too once the queue is empty (at once with `shutdown(true)`).
 * `for await (const item of queue)` gets items until the queue is shut down
 * and empty.
 *
 * Cancellation: a cancelled `get()` or `put()` leaves its place in line and
 * throws `CancelledError`; if it had already been woken for an item or a
 * free slot, the wake-up passes to the next waiter, so no item or slot is
 * lost or given twice.
 *
 * The capacity is the first argument, as Python's positional `maxsize`
 * (`new Queue(3)`), or an option (`new Queue({ maxsize: 3 })`); an
 * unknown option is a `TypeError`, as Python's unexpected keyword argument.
 *
 * Differences from asyncio: async iteration is an addition (asyncio queues are not iterable).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createTask, Queue, run } from "@asyncio/asyncio";
 *
 * const got = await run(async () => {
 *   const queue = new Queue<number>({ maxsize: 2 });
 *   const got: number[] = [];
 *   const consumer = createTask(async () => {
 *     for await (const item of queue) {
 *       got.push(item);
 *       queue.taskDone();
 *     }
 *   });
 *   for (let i = 0; i < 5; i++) await queue.put(i);
 *   await queue.join();
 *   queue.shutdown();
 *   await consumer;
 *   return got;
 * });
 * assert.deepEqual(got, [0, 1, 2, 3, 4]);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-queue.html#asyncio.Queue
 */
export class Queue<T> implements AsyncIterable<T> {
  readonly #maxsize: number;
  readonly #getters = new WaiterList();
  readonly #putters = new WaiterList();
  #joiners: WaiterList | null = null;
  #unfinished = 0;
  #shutdown = false;
  #loop: AbstractEventLoop | null = null;
  #items: Ring<T> | null = null;

  /**
   * Creates a queue.
   *
   * @param options The capacity (`0` or less, the default: unbounded), as
   * a number or as `{ maxsize }`.
   * @throws {TypeError} when `maxsize` is not a number, `options` has
   * another key, or is neither a number nor an object.
   */
  constructor(options?: number | QueueOptions) {
    this.#maxsize = queueMaxsize(options, QUEUE_OPTIONS, new.target);
  }

  /** The capacity (`0` or less: unbounded). */
  get maxsize(): number {
    return this.#maxsize;
  }

  /** How many items are in the queue. */
  qsize(): number {
    return this._qsize();
  }

  /** Whether the queue holds no item. */
  empty(): boolean {
    return this._qsize() === 0;
  }

  /** Whether the queue holds `maxsize` items (never, when unbounded). */
  full(): boolean {
    const maxsize = this.#maxsize;
    return maxsize > 0 && this._qsize() >= maxsize;
  }

  /**
   * Puts `item` in the queue, waiting while it is full.
   *
   * @returns A promise that resolves once the item is in the queue.
   * @throws {QueueShutDown} (as a rejection) when the queue is shut down,
   * also while waiting.
   * @throws {CancelledError} (as a rejection) when the waiting task is
   * cancelled; the item is not put.
   */
  put(item: T): Promise<void> {
    if (!this.full()) {
      try {
        this.putNowait(item);
      } catch (err) {
        return Promise.reject(err);
      }
      return RESOLVED_VOID;
    }
    return this.#putSlow(item);
  }

  #putSlow(item: T): Promise<void> {
    if (this.#shutdown) return Promise.reject(new QueueShutDown());
    let loop: AbstractEventLoop;
    try {
      loop = this.#loop = bindLoop(this.#loop, this);
    } catch (err) {
      return Promise.reject(err);
    }
    return new PutWaiter(loop, this, this.#putters, item).waitIn(this.#putters) as Promise<void>;
  }

  /**
   * Puts `item` in the queue at once.
   *
   * @throws {QueueFull} when the queue is full.
   * @throws {QueueShutDown} when the queue is shut down.
   */
  putNowait(item: T): void {
    if (this.#shutdown) throw new QueueShutDown();
    if (this.full()) throw new QueueFull();
    this._put(item);
    this.#unfinished++;
    if (this.#getters.size > 0) wakeUpNext(this.#getters);
  }

  /**
   * Removes and returns the next item, waiting while the queue is empty.
   *
   * @returns A promise of the item.
   * @throws {QueueShutDown} (as a rejection) when the queue is shut down
   * and empty, or was shut down with `immediate`.
   * @throws {CancelledError} (as a rejection) when the waiting task is
   * cancelled; no item is taken.
   */
  get(): Promise<T> {
    if (this._qsize() > 0) {
      let item: T;
      try {
        item = this._get();
      } catch (err) {
        return Promise.reject(err);
      }
      if (this.#putters.size > 0) wakeUpNext(this.#putters);
      return Promise.resolve(item);
    }
    return this.#getSlow();
  }

  #getSlow(): Promise<T> {
    if (this.#shutdown) return Promise.reject(new QueueShutDown());
    let loop: AbstractEventLoop;
    try {
      loop = this.#loop = bindLoop(this.#loop, this);
    } catch (err) {
      return Promise.reject(err);
    }
    return new GetWaiter(loop, this, this.#getters).waitIn(this.#getters) as Promise<T>;
  }

  /**
   * Removes and returns the next item at once.
   *
   * @throws {QueueEmpty} when the queue is empty.
   * @throws {QueueShutDown} when the queue is empty and shut down.
   */
  getNowait(): T {
    if (this._qsize() === 0) {
      if (this.#shutdown) throw new QueueShutDown();
      throw new QueueEmpty();
    }
    const item = this._get();
    if (this.#putters.size > 0) wakeUpNext(this.#putters);
    return item;
  }

  /**
   * Marks one item got from the queue as processed; when every item put
   * was marked, `join()` returns.
   *
   * @throws {ValueError} `task_done() called too many times`.
   */
  taskDone(): void {
    if (this.#unfinished <= 0) throw new ValueError("task_done() called too many times");
    if (--this.#unfinished === 0) this.#finished();
  }

  /**
   * Waits until every item put has been marked with `taskDone()` (returns
   * at once if none is unfinished).
   *
   * @returns A promise that resolves when no item is unfinished.
   * @throws {CancelledError} (as a rejection) when the waiting task is cancelled.
   */
  join(): Promise<void> {
    if (this.#unfinished > 0) return this.#joinSlow();
    return RESOLVED_VOID;
  }

  async #joinSlow(): Promise<void> {
    const loop = this.#loop = bindLoop(this.#loop, this);
    const joiners = this.#joiners ??= new WaiterList();
    const fut = new Waiter(loop);
    joiners.push(fut);
    try {
      await fut._wait();
      fut.checkLate();
    } finally {
      joiners.remove(fut);
    }
  }

  #finished(): void {
    const joiners = this.#joiners;
    if (joiners === null) return;
    for (let w = joiners.head; w !== null; w = w._next) if (!w.done()) w.setResult(true);
  }

  /**
   * Shuts the queue down: `put()` and `putNowait()` throw
   * {@linkcode QueueShutDown} from now on, and so do `get()` and
   * `getNowait()` once the queue is empty. Blocked `put()` calls throw at
   * once, blocked `get()` calls too (the queue is empty when they block).
   * It can be called again; it cannot be undone.
   *
   * @param immediate Also drop the items left in the queue, marking each
   * as done for `join()` (the unfinished count never goes below 0).
   */
  shutdown(immediate = false): void {
    this.#shutdown = true;
    if (immediate) {
      while (this._qsize() > 0) {
        this._get();
        if (this.#unfinished > 0) this.#unfinished--;
      }
      if (this.#unfinished === 0) this.#finished();
    }
    for (let w = this.#getters.shift(); w !== null; w = this.#getters.shift()) {
      if (!w.done()) w.setResult(null);
    }
    for (let w = this.#putters.shift(); w !== null; w = this.#putters.shift()) {
      if (!w.done()) w.setResult(null);
    }
  }

  /**
   * Gets items with `get()` until the queue is shut down and empty, then
   * ends quietly. It does not call `taskDone()`.
   */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    const next = (): Promise<IteratorResult<T>> =>
      this.get().then(yielded, endAtShutdown) as Promise<IteratorResult<T>>;
    return { next, return: () => Promise.resolve(DONE) };
  }

  // ---- storage: subclasses change the order ----------------------------

  /** @ignore The number of stored items. */
  _qsize(): number {
    return this.#items?.length ?? 0;
  }

  /** @ignore Stores an item (may throw; then nothing is stored). */
  _put(item: T): void {
    (this.#items ??= new Ring()).push(item);
  }

  /** @ignore Removes the next item; called only when `_qsize() > 0`. */
  _get(): T {
    return (this.#items as Ring<T>).shift();
  }

  /** @ignore The stored items in storage order (for reprs). */
  _storage(): T[] {
    return this.#items?.toArray() ?? [];
  }

  /** @ignore asyncio's `Queue._format()`. */
  _format(): string {
    let result = `maxsize=${valueRepr(this.#maxsize)}`;
    if (this._qsize() > 0) result += ` _queue=${valueRepr(this._storage())}`;
    if (this.#getters.size > 0) result += ` _getters[${this.#getters.size}]`;
    if (this.#putters.size > 0) result += ` _putters[${this.#putters.size}]`;
    if (this.#unfinished > 0) result += ` tasks=${this.#unfinished}`;
    if (this.#shutdown) result += " shutdown";
    return result;
  }
}

defineRepr(Queue, (q) => `<${q.constructor.name} ${q._format()}>`);

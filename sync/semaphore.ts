/**
 * `Semaphore`: a counter of available units for tasks. Ports asyncio's
 * `locks.Semaphore` (3.13 semantics).
 *
 * @module
 */
import { argumentTypeError } from "../_options.ts";
import { defineRepr } from "../_platform/mod.ts";
import { isCancelledError, ValueError } from "../errors.ts";
import type { AbstractEventLoop } from "../loop/types.ts";
import { bindLoop, Waiter, WaiterList } from "../tasks/_waiters.ts";
import { RESULT } from "../tasks/future.ts";
import { makePermit, type Permit } from "./permit.ts";

/**
 * A semaphore: a counter that `acquire()` decrements, waiting while it is
 * zero, and `release()` increments. Fair: waiters get units in FIFO order
 * and a newcomer never takes a unit while tasks queue.
 *
 * `acquire()` resolves to a {@linkcode Permit}: `using _ = await
 * sem.acquire()` holds a unit to the end of the block (asyncio's
 * `async with sem:`).
 *
 * Cancellation: a waiter cancelled while queued leaves the queue; one
 * cancelled after a unit was handed to it gives the unit back, and after
 * any acquire ends, as many queued waiters are woken as units allow (3.13),
 * so units are never stranded.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createTask, run, Semaphore, sleep } from "@asyncio/asyncio";
 *
 * const peak = await run(async () => {
 *   const sem = new Semaphore(2);
 *   let active = 0;
 *   let peak = 0;
 *   const tasks = [1, 2, 3, 4, 5].map(() =>
 *     createTask(async () => {
 *       using _ = await sem.acquire();
 *       peak = Math.max(peak, ++active);
 *       await sleep(0.01);
 *       active--;
 *     })
 *   );
 *   for (const t of tasks) await t;
 *   return peak;
 * });
 * assert.equal(peak, 2);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-sync.html#asyncio.Semaphore
 */
export class Semaphore {
  #value: number;
  #waiters: WaiterList | null = null;
  #loop: AbstractEventLoop | null = null;

  /**
   * Creates a semaphore with `value` units (default 1).
   *
   * @param value The number of units (Python's positional `value`).
   * @throws {ValueError} `Semaphore initial value must be >= 0`.
   * @throws {TypeError} when `value` is not a number (also for an options
   * object like `{ value: 3 }`: write `new Semaphore(3)`).
   */
  constructor(value = 1) {
    if (typeof value !== "number") throw argumentTypeError(new.target, "value", value);
    if (value < 0) throw new ValueError("Semaphore initial value must be >= 0");
    this.#value = value;
  }

  /**
   * Whether `acquire()` would wait: no unit left, or tasks (not
   * cancelled) already queue for one.
   */
  locked(): boolean {
    return this.#value === 0 || (this.#waiters !== null && this.#waiters.hasLive());
  }

  /**
   * Takes a unit, waiting in FIFO order while none is free.
   *
   * @returns A promise of a {@linkcode Permit} that releases the unit once.
   * @throws {CancelledError} (as a rejection) when the waiting task is cancelled.
   * @throws {RuntimeError} (as a rejection) when it must wait and the
   * semaphore was used from another loop before.
   */
  acquire(): Promise<Permit> {
    if (!this.locked()) {
      this.#value--;
      return Promise.resolve(makePermit(this));
    }
    return this.#acquireSlow();
  }

  async #acquireSlow(): Promise<Permit> {
    const loop = this.#loop = bindLoop(this.#loop, this);
    const waiters = this.#waiters ??= new WaiterList();
    const fut = new Waiter(loop);
    waiters.push(fut);
    try {
      try {
        await fut._wait();
        fut.checkLate();
      } finally {
        waiters.remove(fut);
      }
    } catch (err) {
      // Granted a unit, then cancelled before resuming: give it back.
      if (isCancelledError(err) && fut._state === RESULT) this.#value++;
      throw err;
    } finally {
      // Wake as many waiters as there are units (3.13: no stranded units).
      while (this.#value > 0 && this.#wakeUpNext());
    }
    return makePermit(this);
  }

  /** Returns a unit and hands it to the first waiting task, if any. */
  release(): void {
    this.#value++;
    this.#wakeUpNext();
  }

  #wakeUpNext(): boolean {
    const fut = this.#waiters?.firstPending();
    if (fut == null) return false;
    this.#value--;
    fut.setResult(true);
    return true;
  }

  /** @ignore The counter (for reprs and tests). */
  get _value(): number {
    return this.#value;
  }

  /** @ignore The number of queued waiters (for reprs and tests). */
  get _nWaiters(): number {
    return this.#waiters?.size ?? 0;
  }
}

/**
 * A {@linkcode Semaphore} that refuses to be released above its initial
 * value, catching a release without a matching acquire.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { BoundedSemaphore, ValueError } from "@asyncio/asyncio";
 *
 * const sem = new BoundedSemaphore(1);
 * assert.throws(() => sem.release(), ValueError);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-sync.html#asyncio.BoundedSemaphore
 */
export class BoundedSemaphore extends Semaphore {
  readonly #bound: number;

  /**
   * Creates a bounded semaphore with `value` units (default 1).
   *
   * @param value The number of units, and the bound.
   * @throws {ValueError} `Semaphore initial value must be >= 0`.
   * @throws {TypeError} when `value` is not a number.
   */
  constructor(value = 1) {
    super(value);
    this.#bound = value;
  }

  /**
   * Returns a unit (see {@linkcode Semaphore.release}).
   *
   * @throws {ValueError} `BoundedSemaphore released too many times`.
   */
  override release(): void {
    if (this._value >= this.#bound) {
      throw new ValueError("BoundedSemaphore released too many times");
    }
    super.release();
  }
}

defineRepr(Semaphore, (sem) => {
  let extra = sem.locked() ? "locked" : `unlocked, value:${sem._value}`;
  if (sem._nWaiters > 0) extra += `, waiters:${sem._nWaiters}`;
  return `<${sem.constructor.name} [${extra}]>`;
});

/**
 * `Condition`: a condition variable over a {@linkcode Lock}. Ports
 * asyncio's `locks.Condition` (3.13 semantics).
 *
 * @module
 */
import { argumentTypeError } from "../_options.ts";
import { defineRepr } from "../_platform/mod.ts";
import { isCancelledError, RuntimeError } from "../errors.ts";
import type { AbstractEventLoop } from "../loop/types.ts";
import { bindLoop, Waiter, WaiterList } from "../tasks/_waiters.ts";
import { Lock } from "./lock.ts";
import type { Permit } from "./permit.ts";

/**
 * A condition variable: tasks holding its lock `wait()` until another task
 * holding the lock calls `notify()` or `notifyAll()`.
 *
 * `acquire()`, `release()` and `locked()` are the lock's (a new
 * {@linkcode Lock}, or the one given, which may be shared with other code).
 * `wait()` releases the lock, waits for a notification, and takes the lock
 * again before it returns, in every case. Wake-ups may be spurious: re-check
 * the state after `wait()`, or use `waitFor(predicate)`.
 *
 * Cancellation: a cancelled `wait()` still re-acquires the lock before it
 * throws the same `CancelledError` (cancellations during the re-acquire are
 * absorbed and the latest one rethrown), so the lock is held when the
 * error reaches the caller's `finally`/`using`. A waiter that was notified
 * and then fails hands the notification to the next waiter (no lost
 * wake-up; asyncio 3.13).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Condition, createTask, run, sleep } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   const cond = new Condition();
 *   const items: number[] = [];
 *   const consumer = createTask(async () => {
 *     using _ = await cond.acquire();
 *     await cond.waitFor(() => items.length > 0);
 *     return items.shift();
 *   });
 *   await sleep(0.01);
 *   {
 *     using _ = await cond.acquire();
 *     items.push(42);
 *     cond.notify();
 *   }
 *   assert.equal(await consumer, 42);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-sync.html#asyncio.Condition
 */
export class Condition {
  readonly #lock: Lock;
  #waiters = new WaiterList();
  #loop: AbstractEventLoop | null = null;

  /**
   * Creates a condition over `lock` (default: a new {@linkcode Lock}).
   *
   * @param lock The lock to use; it may be shared with other code.
   * @throws {TypeError} when `lock` is not a {@linkcode Lock} (also for an
   * options object like `{ lock }`: write `new Condition(lock)`).
   */
  constructor(lock?: Lock) {
    if (lock === undefined) lock = new Lock();
    else if (!(lock instanceof Lock)) {
      throw argumentTypeError(new.target, "lock", lock, "a Lock");
    }
    this.#lock = lock;
  }

  /**
   * Acquires the underlying lock (see {@linkcode Lock.acquire}).
   *
   * @returns A promise of a {@linkcode Permit} that releases the lock once.
   * @throws {CancelledError} (as a rejection) when the waiting task is cancelled.
   */
  acquire(): Promise<Permit> {
    return this.#lock.acquire();
  }

  /**
   * Releases the underlying lock.
   *
   * @throws {RuntimeError} `Cannot release lock: Lock is not acquired`.
   */
  release(): void {
    this.#lock.release();
  }

  /** Whether the underlying lock is held. */
  locked(): boolean {
    return this.#lock.locked();
  }

  /**
   * Releases the lock, waits until notified, and re-acquires the lock
   * before returning (also when it throws).
   *
   * @returns A promise of `true`.
   * @throws {RuntimeError} `cannot wait on un-acquired lock` (as a rejection).
   * @throws {CancelledError} (as a rejection, with the lock held again)
   * when the waiting task is cancelled.
   */
  wait(): Promise<true> {
    if (!this.#lock.locked()) {
      return Promise.reject(new RuntimeError("cannot wait on un-acquired lock"));
    }
    return this.#waitSlow();
  }

  async #waitSlow(): Promise<true> {
    const loop = this.#loop = bindLoop(this.#loop, this);
    const fut = new Waiter(loop);
    const lock = this.#lock;
    lock.release();
    let failed = false;
    let error: unknown;
    this.#waiters.push(fut);
    try {
      await fut._wait();
      fut.checkLate();
    } catch (err) {
      failed = true;
      error = err;
    }
    this.#waiters.remove(fut);
    // Take the lock back whatever happened. A cancellation while queued for
    // it is absorbed and retried; the latest one is thrown once the lock is
    // held (it replaces the error of the wait, as in asyncio).
    try {
      while (!lock._tryAcquire()) {
        try {
          await lock._acquireSlow();
          break;
        } catch (err) {
          if (!isCancelledError(err)) throw err;
          failed = true;
          error = err;
        }
      }
    } catch (err) {
      failed = true;
      error = err;
    }
    if (failed) {
      // We may have been notified: pass it on so it is not lost.
      this.#notify(1);
      throw error;
    }
    return true;
  }

  /**
   * Waits until `predicate()` returns a truthy value, calling `wait()`
   * between checks; the lock must be held.
   *
   * @param predicate Checked with the lock held.
   * @returns A promise of the predicate's last (truthy) value.
   * @throws {RuntimeError} `cannot wait on un-acquired lock` (as a
   * rejection) when it must wait without holding the lock.
   * @throws {CancelledError} (as a rejection, with the lock held) when the
   * waiting task is cancelled.
   */
  async waitFor<T>(predicate: () => T): Promise<T> {
    let result = predicate();
    while (!result) {
      await this.wait();
      result = predicate();
    }
    return result;
  }

  /**
   * Wakes up to `n` waiting tasks (FIFO); the lock must be held. The woken
   * tasks return from `wait()` only once they re-acquire the lock, which
   * `notify()` does not release.
   *
   * @param n How many tasks to wake (default 1).
   * @throws {RuntimeError} `cannot notify on un-acquired lock`.
   */
  notify(n = 1): void {
    if (!this.#lock.locked()) throw new RuntimeError("cannot notify on un-acquired lock");
    this.#notify(n);
  }

  /**
   * Wakes every waiting task; the lock must be held.
   *
   * @throws {RuntimeError} `cannot notify on un-acquired lock`.
   */
  notifyAll(): void {
    this.notify(this.#waiters.size);
  }

  #notify(n: number): void {
    let woken = 0;
    for (let w = this.#waiters.head; w !== null && woken < n; w = w._next) {
      if (!w.done()) {
        woken++;
        w.setResult(false);
      }
    }
  }

  /** @ignore The number of queued waiters (for reprs). */
  get _nWaiters(): number {
    return this.#waiters.size;
  }
}

defineRepr(Condition, (cond) => {
  let extra = cond.locked() ? "locked" : "unlocked";
  if (cond._nWaiters > 0) extra += `, waiters:${cond._nWaiters}`;
  return `<${cond.constructor.name} [${extra}]>`;
});

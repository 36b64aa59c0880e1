/**
 * `Lock`: a fair mutual-exclusion lock for tasks. Ports asyncio's
 * `locks.Lock`.
 *
 * @module
 */
import { defineRepr } from "../_platform/mod.ts";
import { isCancelledError, RuntimeError } from "../errors.ts";
import type { AbstractEventLoop } from "../loop/types.ts";
import { bindLoop, Waiter, WaiterList } from "../tasks/_waiters.ts";
import { makePermit, type Permit } from "./permit.ts";

/**
 * A mutual-exclusion lock for tasks, fair (FIFO) and not owned: any task
 * may release it.
 *
 * `acquire()` resolves at once when the lock is free and nobody queues for
 * it; otherwise the caller queues, and each `release()` hands the lock to
 * the first waiter, so a newcomer never barges past queued tasks. It
 * resolves to a {@linkcode Permit}: `using _ = await lock.acquire()` holds
 * the lock to the end of the block, also when the block throws (asyncio's
 * `async with lock:`).
 *
 * Cancellation: a waiter cancelled while queued leaves the queue; one
 * cancelled after the lock was handed to it (before it resumed) hands it
 * on to the next waiter and throws `CancelledError`. The lock is never left
 * held by nobody while tasks wait, nor held twice.
 *
 * Differences from asyncio: `acquire()` resolves to a permit instead of
 * `True`; `release()` of an unlocked lock says `Cannot release lock: Lock is
 * not acquired`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createTask, Lock, run, sleep } from "@asyncio/asyncio";
 *
 * const order = await run(async () => {
 *   const lock = new Lock();
 *   const order: string[] = [];
 *   async function worker(name: string) {
 *     using _ = await lock.acquire();
 *     order.push(`${name} in`);
 *     await sleep(0.01);
 *     order.push(`${name} out`);
 *   }
 *   const a = createTask(() => worker("a"));
 *   const b = createTask(() => worker("b"));
 *   await a;
 *   await b;
 *   return order;
 * });
 * assert.deepEqual(order, ["a in", "a out", "b in", "b out"]);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-sync.html#asyncio.Lock
 */
export class Lock {
  #locked = false;
  #waiters: WaiterList | null = null;
  #loop: AbstractEventLoop | null = null;

  /**
   * Acquires the lock, waiting in FIFO order while it is held.
   *
   * @returns A promise of a {@linkcode Permit} that releases the lock once.
   * @throws {RuntimeError} `... is bound to a different event loop` (as a
   * rejection) when the lock must wait and was used from another loop before.
   * @throws {CancelledError} (as a rejection) when the waiting task is cancelled.
   */
  acquire(): Promise<Permit> {
    if (this._tryAcquire()) return Promise.resolve(makePermit(this));
    return this._acquireSlow();
  }

  /**
   * Releases the lock and hands it to the first waiter, if any.
   *
   * @throws {RuntimeError} `Cannot release lock: Lock is not acquired`.
   */
  release(): void {
    if (!this.#locked) throw new RuntimeError("Cannot release lock: Lock is not acquired");
    this.#locked = false;
    this.#wakeUpFirst();
  }

  /** Whether the lock is held. */
  locked(): boolean {
    return this.#locked;
  }

  /**
   * Takes the lock if it is free and no live waiter queues for it.
   *
   * @ignore
   */
  _tryAcquire(): boolean {
    if (this.#locked) return false;
    const waiters = this.#waiters;
    if (waiters !== null && waiters.hasLive()) return false;
    this.#locked = true;
    return true;
  }

  /**
   * Queues for the lock (the caller found it taken).
   *
   * @ignore
   */
  async _acquireSlow(): Promise<Permit> {
    const loop = this.#loop = bindLoop(this.#loop, this);
    const waiters = this.#waiters ??= new WaiterList();
    const fut = new Waiter(loop);
    waiters.push(fut);
    try {
      await fut._wait();
      fut.checkLate();
    } catch (err) {
      waiters.remove(fut);
      // Woken and cancelled before resuming, or cancelled while the lock
      // was free: pass the wake-up on so the lock does not stay idle.
      if (isCancelledError(err) && !this.#locked) this.#wakeUpFirst();
      throw err;
    }
    // The woken future stayed first in the queue until now, so no
    // newcomer could take the lock in between.
    waiters.remove(fut);
    this.#locked = true;
    return makePermit(this);
  }

  #wakeUpFirst(): void {
    const first = this.#waiters?.head;
    if (first != null && !first.done()) first.setResult(true);
  }

  /** @ignore The number of queued waiters (for reprs). */
  get _nWaiters(): number {
    return this.#waiters?.size ?? 0;
  }
}

defineRepr(Lock, (lock) => {
  let extra = lock.locked() ? "locked" : "unlocked";
  if (lock._nWaiters > 0) extra += `, waiters:${lock._nWaiters}`;
  return `<${lock.constructor.name} [${extra}]>`;
});

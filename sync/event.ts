/**
 * `Event`: a flag tasks can wait for. Ports asyncio's `locks.Event`.
 *
 * @module
 */
import { defineRepr } from "../_platform/mod.ts";
import type { AbstractEventLoop } from "../loop/types.ts";
import { bindLoop, RESOLVED_TRUE, Waiter, WaiterList } from "../tasks/_waiters.ts";

/**
 * A flag, initially unset, that tasks wait for: `set()` wakes every waiting
 * task, `clear()` unsets it for later waiters.
 *
 * Cancellation: a cancelled `wait()` leaves the waiters at once and throws
 * `CancelledError`, also when `set()` already woke it but it had not resumed.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createTask, Event, getRunningLoop, run } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   const event = new Event();
 *   getRunningLoop().callLater(0.01, () => event.set());
 *   const waiter = createTask(() => event.wait());
 *   assert.equal(await waiter, true);
 *   assert.equal(event.isSet(), true);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-sync.html#asyncio.Event
 */
export class Event {
  #value = false;
  #waiters = new WaiterList();
  #loop: AbstractEventLoop | null = null;

  /** Whether the flag is set. */
  isSet(): boolean {
    return this.#value;
  }

  /** Sets the flag and wakes every task waiting for it. */
  set(): void {
    if (this.#value) return;
    this.#value = true;
    for (let w = this.#waiters.head; w !== null; w = w._next) {
      if (!w.done()) w.setResult(true);
    }
  }

  /** Unsets the flag; tasks already woken by `set()` still return. */
  clear(): void {
    this.#value = false;
  }

  /**
   * Waits until the flag is set (returns at once if it is).
   *
   * @returns A promise of `true`.
   * @throws {CancelledError} (as a rejection) when the waiting task is cancelled.
   * @throws {RuntimeError} (as a rejection) when the event must wait and was
   * used from another loop before.
   */
  wait(): Promise<true> {
    if (this.#value) return RESOLVED_TRUE;
    let loop: AbstractEventLoop;
    try {
      loop = this.#loop = bindLoop(this.#loop, this);
    } catch (err) {
      return Promise.reject(err);
    }
    // Resolves with `true` (the waiter's result) once the task resumes.
    return new Waiter(loop).waitIn(this.#waiters) as Promise<true>;
  }

  /** @ignore The number of queued waiters (for reprs). */
  get _nWaiters(): number {
    return this.#waiters.size;
  }
}

defineRepr(Event, (ev) => {
  let extra = ev.isSet() ? "set" : "unset";
  if (ev._nWaiters > 0) extra += `, waiters:${ev._nWaiters}`;
  return `<${ev.constructor.name} [${extra}]>`;
});

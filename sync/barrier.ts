/**
 * `Barrier`: a meeting point for a fixed number of tasks. Ports asyncio's
 * `locks.Barrier` (3.11).
 *
 * @module
 */
import { argumentTypeError } from "../_options.ts";
import { defineRepr } from "../_platform/mod.ts";
import { BrokenBarrierError, ValueError } from "../errors.ts";
import { Condition } from "./condition.ts";
import { Lock } from "./lock.ts";

type BarrierState = "filling" | "draining" | "resetting" | "broken";

/**
 * A barrier for `parties` tasks: each `wait()` blocks until `parties` tasks
 * are waiting, then all of them return together, each with a distinct
 * arrival index from `0` to `parties - 1`. The barrier then refills for the
 * next cycle.
 *
 * `reset()` returns it to the empty state; tasks waiting at that moment get
 * `BrokenBarrierError`. `abort()` breaks it for good: current and future
 * waiters get `BrokenBarrierError`.
 *
 * Cancellation: a cancelled waiter leaves, and the count of waiting tasks
 * goes down with it.
 *
 * Differences from asyncio: no `async with barrier` (use `await
 * barrier.wait()`); `n_waiting` is `nWaiting`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Barrier, createTask, run } from "@asyncio/asyncio";
 *
 * const indices = await run(async () => {
 *   const barrier = new Barrier(3);
 *   const tasks = [0, 1, 2].map(() => createTask(() => barrier.wait()));
 *   const indices: number[] = [];
 *   for (const t of tasks) indices.push(await t);
 *   return indices;
 * });
 * assert.deepEqual(indices.sort(), [0, 1, 2]);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-sync.html#asyncio.Barrier
 */
export class Barrier {
  readonly #lock = new Lock();
  readonly #cond = new Condition(this.#lock);
  readonly #parties: number;
  #state: BarrierState = "filling";
  #count = 0;

  /**
   * Creates a barrier for `parties` tasks.
   *
   * @param parties How many tasks meet at the barrier.
   * @throws {ValueError} `parties must be > 0`.
   * @throws {TypeError} when `parties` is not a number (also for an options
   * object like `{ parties: 3 }`: write `new Barrier(3)`).
   */
  constructor(parties: number) {
    if (typeof parties !== "number") throw argumentTypeError(new.target, "parties", parties);
    if (!(parties >= 1)) throw new ValueError("parties must be > 0");
    this.#parties = parties;
  }

  /**
   * Waits until `parties` tasks wait, then returns this task's arrival
   * index (0 for the first). Tasks arriving while the previous cycle drains
   * or while the barrier resets wait for that to finish first.
   *
   * @returns A promise of the arrival index.
   * @throws {BrokenBarrierError} (as a rejection) `Barrier aborted` after
   * `abort()`; `Abort or reset of barrier` when `abort()` or `reset()`
   * happens while this task waits.
   * @throws {CancelledError} (as a rejection) when the waiting task is cancelled.
   */
  async wait(): Promise<number> {
    // Written so that no `await` happens unless the task must really wait
    // (a JavaScript `await` yields even on a settled promise).
    const cond = this.#cond;
    if (!this.#lock._tryAcquire()) await this.#lock._acquireSlow();
    try {
      // Block while the previous cycle drains or the barrier resets.
      while (this.#state === "draining" || this.#state === "resetting") await cond.wait();
      if (this.#state === "broken") throw new BrokenBarrierError("Barrier aborted");
      const index = this.#count++;
      try {
        if (index + 1 === this.#parties) {
          // The last arrival lets everyone go.
          this.#state = "draining";
          cond.notifyAll();
        } else {
          while (this.#state === "filling") await cond.wait();
          if (this.#state === "broken" || this.#state === "resetting") {
            throw new BrokenBarrierError("Abort or reset of barrier");
          }
        }
        return index;
      } finally {
        this.#count--;
        this.#exit();
      }
    } finally {
      cond.release();
    }
  }

  // The last task out refills the barrier.
  #exit(): void {
    if (this.#count === 0) {
      if (this.#state === "resetting" || this.#state === "draining") this.#state = "filling";
      this.#cond.notifyAll();
    }
  }

  /**
   * Returns the barrier to its empty state; tasks waiting on it get
   * `BrokenBarrierError`.
   *
   * @returns A promise that resolves once the reset is done.
   */
  async reset(): Promise<void> {
    if (!this.#lock._tryAcquire()) await this.#lock._acquireSlow();
    try {
      if (this.#count > 0) this.#state = "resetting";
      else this.#state = "filling";
      this.#cond.notifyAll();
    } finally {
      this.#cond.release();
    }
  }

  /**
   * Breaks the barrier for good: current and future `wait()` calls throw
   * `BrokenBarrierError`.
   *
   * @returns A promise that resolves once the barrier is broken.
   */
  async abort(): Promise<void> {
    if (!this.#lock._tryAcquire()) await this.#lock._acquireSlow();
    try {
      this.#state = "broken";
      this.#cond.notifyAll();
    } finally {
      this.#cond.release();
    }
  }

  /** How many tasks must call `wait()` to pass the barrier. */
  get parties(): number {
    return this.#parties;
  }

  /** How many tasks are waiting (0 unless the barrier is filling). */
  get nWaiting(): number {
    return this.#state === "filling" ? this.#count : 0;
  }

  /** Whether `abort()` broke the barrier. */
  get broken(): boolean {
    return this.#state === "broken";
  }

  /** @ignore The state name (for reprs). */
  get _state(): string {
    return this.#state;
  }

  /** @ignore Tasks inside `wait()` in any state (for tests). */
  get _count(): number {
    return this.#count;
  }
}

defineRepr(Barrier, (b) => {
  let extra = b._state;
  if (!b.broken) extra += `, waiters:${b.nWaiting}/${b.parties}`;
  return `<${b.constructor.name} [${extra}]>`;
});

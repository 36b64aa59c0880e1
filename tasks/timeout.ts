/**
 * Deadlines for a block of code: `timeout()`, `timeoutAt()` and the
 * `Timeout` they pass to the body. Ports asyncio's `timeouts.py` onto a
 * cancel scope (DESIGN.md §2).
 *
 * @module
 */
import { describeValue } from "../_options.ts";
import { defineRepr } from "../_platform/mod.ts";
import { isCancelledError, RuntimeError, TimeoutError } from "../errors.ts";
import type { Handle, TimerHandle } from "../loop/handle.ts";
import { contextState, getRunningLoop } from "../loop/running_loop.ts";
import type { AbstractEventLoop } from "../loop/types.ts";
import { callBody, cancelLevel } from "./_cancel_level.ts";
import {
  absorbMustCancel,
  asCancellation,
  CancelScope,
  isScope,
  liveScope,
  type ScopeNode,
} from "./_scope.ts";

const CREATED = 0;
const ACTIVE = 1;
const EXPIRING = 2;
const EXPIRED = 3;
const FINISHED = 4;
const STATE_NAMES = ["created", "active", "expiring", "expired", "finished"] as const;

/**
 * The deadline of a running {@linkcode timeout} (or {@linkcode timeoutAt})
 * block, given to its body: read it with `when()`, move it with
 * `reschedule()`, and ask `expired()` afterwards.
 *
 * A `Timeout` goes through asyncio's states: created, active (while the body
 * runs), expiring (the deadline passed and the body's awaits are being
 * cancelled), expired, or finished (the body ended before the deadline). It
 * stays inspectable after the block ends; `reschedule()` then throws.
 *
 * Differences from asyncio: there is no `async with`; the object is made by
 * `timeout()`/`timeoutAt()` and entered by them. One made with
 * `new Timeout(when)` stays in the created state.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getRunningLoop, run, sleep, timeout, TimeoutError } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   const loop = getRunningLoop();
 *   let cm: { expired(): boolean } | undefined;
 *   await assert.rejects(
 *     timeout(10, async (t) => {
 *       cm = t;
 *       t.reschedule(loop.time() + 0.01); // tighten the deadline
 *       await sleep(1);
 *     }),
 *     TimeoutError,
 *   );
 *   assert.equal(cm?.expired(), true);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.Timeout
 */
export class Timeout {
  #state = CREATED;
  #when: number | null;
  #handle: Handle | TimerHandle | null = null;
  #scope: CancelScope | null = null;
  #loop: AbstractEventLoop | null = null;
  #parent: ScopeNode | null = null;
  #level = 0;

  /**
   * Makes a timeout for loop time `when` (`null`: no deadline). Prefer
   * {@linkcode timeout} and {@linkcode timeoutAt}, which also enter it.
   *
   * @param when The deadline in loop time (seconds), or `null`.
   */
  constructor(when: number | null) {
    this.#when = when ?? null;
  }

  /** The deadline in loop time (seconds), or `null` when there is none. */
  when(): number | null {
    return this.#when;
  }

  /**
   * Moves the deadline to loop time `when` (`null` removes it). A deadline
   * already in the past expires at the next loop iteration.
   *
   * @param when The new deadline, or `null`.
   * @throws {RuntimeError} `Timeout has not been entered` before the block
   * starts; `Cannot change state of expiring Timeout` (or `expired`,
   * `finished`) once the deadline fired or the block ended.
   */
  reschedule(when: number | null): void {
    const state = this.#state;
    if (state !== ACTIVE) {
      if (state === CREATED) throw new RuntimeError("Timeout has not been entered");
      throw new RuntimeError(`Cannot change state of ${STATE_NAMES[state]} Timeout`);
    }
    this.#when = when ?? null;
    if (this.#handle !== null) {
      this.#handle.cancel();
      this.#handle = null;
    }
    if (when === null || when === undefined) return;
    const loop = this.#loop as AbstractEventLoop;
    this.#arm(when, loop.time());
  }

  #arm(when: number, now: number): void {
    const loop = this.#loop as AbstractEventLoop;
    this.#handle = when <= now
      ? loop.callSoon(Timeout.#fire, this)
      : loop.callAt(when, Timeout.#fire, this);
  }

  /** Whether the deadline fired (the block is expiring or expired). */
  expired(): boolean {
    return this.#state === EXPIRING || this.#state === EXPIRED;
  }

  static #fire(t: Timeout): void {
    t.#handle = null;
    t.#state = EXPIRING;
    t.#scope?.cancel();
  }

  /**
   * Runs `body` inside this timeout, in the current task.
   *
   * @ignore
   */
  _run<T>(
    body: (cm: Timeout) => PromiseLike<T> | T,
    now?: number,
    state: unknown = contextState.get(),
  ): Promise<T> {
    if (this.#state !== CREATED) {
      return Promise.reject(new RuntimeError("Timeout has already been entered"));
    }
    if (typeof body !== "function") return Promise.reject(notABody(body));
    if (!isScope(state) || state.task === null) {
      return Promise.reject(new RuntimeError("Timeout should be used inside a task"));
    }
    const when = this.#when;
    if (when !== null && (typeof when !== "number" || Number.isNaN(when))) {
      return Promise.reject(
        new TypeError(`Timeout deadline must be a number or null, got ${String(when)}`),
      );
    }
    const parent = liveScope(state);
    const scope = new CancelScope(parent);
    this.#scope = scope;
    this.#parent = parent;
    this.#level = cancelLevel(parent);
    this.#loop = parent.loop;
    this.#state = ACTIVE;
    if (when !== null) this.#arm(when, now ?? parent.loop.time());
    // Written with then() rather than async/await: one promise fewer per
    // scope (every promise costs a hook call where async context is tracked).
    let result: PromiseLike<T> | T;
    try {
      result = contextState.run(scope, callBody, body, this);
    } catch (err) {
      return Promise.reject(this.#exit(err));
    }
    if (
      typeof result !== "object" || result === null
      || typeof (result as PromiseLike<T>).then !== "function"
    ) {
      this.#exit(undefined);
      return Promise.resolve(result as T);
    }
    return Promise.resolve(result).then(
      (value) => {
        this.#exit(undefined);
        return value;
      },
      (err) => {
        throw this.#exit(err);
      },
    );
  }

  // Ends the block; returns what to throw when the body threw `err`.
  #exit(err: unknown): unknown {
    if (this.#handle !== null) {
      this.#handle.cancel();
      this.#handle = null;
    }
    const scope = this.#scope as CancelScope;
    scope.close();
    err = asCancellation(scope, err);
    const parent = this.#parent as ScopeNode;
    const cancelled = isCancelledError(err);
    if (this.#state === EXPIRING) {
      this.#state = EXPIRED;
      // Ours only if nobody outside asked for a cancellation meanwhile
      // (task.cancel(), an enclosing scope that expired with us): then the
      // CancelledError belongs to them and goes through unchanged.
      if (cancelled && cancelLevel(parent) <= this.#level) {
        return new TimeoutError("", { cause: err });
      }
    } else {
      this.#state = FINISHED;
    }
    if (cancelled) absorbMustCancel(parent);
    return err;
  }

  /** @ignore */
  get _stateName(): string {
    return STATE_NAMES[this.#state] as string;
  }
}

// `async with asyncio.timeout(5):` has no body argument; the port's form
// takes the block as a callback, and `await timeout(5)` alone is the habit.
function notABody(body: unknown): TypeError {
  return new TypeError(
    `Cannot enter timeout(): body must be a function, not ${describeValue(body)}; `
      + "write await timeout(delay, async (cm) => { ... })",
  );
}

defineRepr(Timeout, (t) => {
  const when = t.when();
  const info = t._stateName === "active"
    ? ` when=${when === null ? "None" : String(Math.round(when * 1000) / 1000)}`
    : "";
  return `<Timeout [${t._stateName}]${info}>`;
});

/**
 * Runs `body` with a deadline `delay` seconds from now; when it passes, the
 * body's pending await throws `CancelledError` and `timeout()` throws
 * `TimeoutError` (its `cause` is that `CancelledError`).
 *
 * `timeout(delay, async (cm) => ...)` is asyncio's
 * `async with asyncio.timeout(delay) as cm: ...`. The body runs in the
 * current task, in a cancel scope of its own: only awaits made inside the
 * body are cancelled at the deadline, not other promise chains the task runs
 * at the same time. A body that never suspends finishes even with
 * `timeout(0)`. `null` means no deadline (it can be set later with
 * `cm.reschedule()`).
 *
 * Cancellation: a `task.cancel()` from outside always reaches the caller as
 * `CancelledError`, never as `TimeoutError`, also when the deadline passed
 * too. When nested timeouts expire together, the outermost one throws
 * `TimeoutError` and the inner ones let the `CancelledError` through. The
 * task's `cancelling()` count is not changed by the deadline.
 *
 * Differences from asyncio: a callback instead of `async with` (a scope
 * needs the body's extent); an error other than `CancelledError` thrown by
 * the body after the deadline goes through unchanged, without a
 * `TimeoutError` spliced into its context chain (3.13).
 *
 * @param delay Seconds until the deadline, or `null` for none.
 * @param body The block; it receives the {@linkcode Timeout} and may be
 * synchronous.
 * @returns The body's value.
 * @throws {TimeoutError} when the deadline cancelled the body.
 * @throws {RuntimeError} `Timeout should be used inside a task` outside a task.
 * @throws {TypeError} (as a rejection) when the deadline is not a number or
 * `null`, or `body` is not a function.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run, sleep, timeout, TimeoutError } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   assert.equal(await timeout(1, () => sleep(0.01, "fast")), "fast");
 *   await assert.rejects(timeout(0.01, () => sleep(1)), TimeoutError);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.timeout
 */
export function timeout<T>(
  delay: number | null,
  body: (cm: Timeout) => PromiseLike<T> | T,
): Promise<T> {
  if (delay === null || delay === undefined) return new Timeout(null)._run(body);
  if (typeof delay !== "number") {
    return Promise.reject(
      new TypeError(
        `Cannot enter timeout(): delay must be a number or null, not ${describeValue(delay)}`,
      ),
    );
  }
  // One read of the context gives both the loop and the enclosing scope.
  const state = contextState.get();
  if (!isScope(state) || state.loop.isClosed()) {
    let loop: AbstractEventLoop;
    try {
      loop = getRunningLoop();
    } catch (err) {
      return Promise.reject(err);
    }
    return new Timeout(loop.time() + delay)._run(body);
  }
  const now = state.loop.time();
  return new Timeout(now + delay)._run(body, now, state);
}

/**
 * Like {@linkcode timeout}, with the deadline given as loop time (seconds,
 * from `loop.time()`); `null` means no deadline.
 *
 * @param when The deadline in loop time, or `null`.
 * @param body The block; it receives the {@linkcode Timeout}.
 * @returns The body's value.
 * @throws {TimeoutError} when the deadline cancelled the body.
 * @throws {RuntimeError} `Timeout should be used inside a task` outside a task.
 * @throws {TypeError} (as a rejection) when the deadline is not a number or
 * `null`, or `body` is not a function.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getRunningLoop, run, sleep, timeoutAt, TimeoutError } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   const deadline = getRunningLoop().time() + 0.01;
 *   await assert.rejects(timeoutAt(deadline, () => sleep(1)), TimeoutError);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.timeout_at
 */
export function timeoutAt<T>(
  when: number | null,
  body: (cm: Timeout) => PromiseLike<T> | T,
): Promise<T> {
  return new Timeout(when)._run(body);
}

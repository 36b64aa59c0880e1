/**
 * `sleep()`: suspend the current task. Ports asyncio's `tasks.sleep`.
 *
 * @module
 */
import { defineRepr } from "../_platform/mod.ts";
import { ValueError } from "../errors.ts";
import type { EventLoop } from "../loop/event_loop.ts";
import type { TimerHandle } from "../loop/handle.ts";
import { contextState } from "../loop/running_loop.ts";
import { capture, capturedRej, capturedRes } from "./_resolvers.ts";
import { cancelledError, isScope, type ScopeNode } from "./_scope.ts";
import { resumeFrom, suspendOn } from "./_step.ts";
import { defaultLoop } from "./future.ts";

// One object per sleep stands for asyncio's sleep future: it is what the
// task's cancel scope cancels, it holds the promise's resolvers, and it owns
// the timer (cancelled with it, so an abandoned `sleep(3600)` leaves no host
// timer keeping the process alive). Wake-ups and cancellations are delivered
// through the ready queue, in the iterations asyncio's future would use.
const PENDING = 0;
const WOKEN = 1;
const CANCELLED = 2;

class Sleeper {
  state = PENDING;
  handle: TimerHandle | null = null;
  scope: ScopeNode | null = null;
  res: (v: unknown) => void = capturedRes;
  rej: (e: unknown) => void = capturedRej;

  /** `value`: what the sleep resolves with; once cancelled, the cancel message. */
  constructor(readonly loop: EventLoop, public value: unknown) {}

  cancel(msg?: unknown): boolean {
    if (this.state !== PENDING) return false;
    this.state = CANCELLED;
    this.value = msg;
    if (this.handle !== null) {
      this.handle.cancel();
      this.handle = null;
    }
    this.loop._pushReady(deliverCancel, this);
    return true;
  }
}

defineRepr(
  Sleeper,
  (s) =>
    s.state === CANCELLED
      ? "<Future cancelled>"
      : s.state === WOKEN
      ? "<Future finished>"
      : "<Future pending cb=[Task.taskWakeup()]>",
);

function wake(s: Sleeper): void {
  if (s.state !== PENDING) return;
  s.state = WOKEN;
  s.handle = null;
  resumeFrom(s.loop, s.scope, s, false);
  s.res(s.value);
}

// The timer fired: like asyncio's future, the waiting task resumes in the
// next iteration.
function timerFired(s: Sleeper): void {
  s.handle = null;
  if (s.state === PENDING) s.loop._pushReady(wake, s);
}

function deliverCancel(s: Sleeper): void {
  resumeFrom(s.loop, s.scope, s, true);
  s.rej(cancelledError(s.value));
}

/**
 * Suspends the current task for `delay` seconds, then resolves with
 * `result`. `sleep(0)` (or any delay <= 0) yields exactly one loop iteration:
 * the canonical "let other tasks run".
 *
 * Cancellation: cancelling the task rejects the sleep with
 * `CancelledError` and cancels its timer.
 *
 * @param delay Seconds to wait.
 * @param result The value to resolve with.
 * @returns A promise of `result`.
 * @throws {ValueError} when `delay` is NaN (as a rejection).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run, sleep } from "@asyncio/asyncio";
 *
 * assert.equal(await run(() => sleep(0.01, "done")), "done");
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.sleep
 */
export function sleep(delay: number): Promise<void>;
/**
 * Suspends the current task for `delay` seconds, then resolves with `result`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run, sleep } from "@asyncio/asyncio";
 *
 * assert.equal(await run(() => sleep(0, 42)), 42);
 * ```
 */
export function sleep<T>(delay: number, result: T): Promise<T>;
export function sleep<T>(delay: number, result?: T): Promise<T | undefined> {
  if (Number.isNaN(delay)) {
    return Promise.reject(new ValueError("Invalid delay: NaN (not a number)"));
  }
  const state = contextState.get();
  const loop =
    (state !== undefined && !state.loop.isClosed() ? state.loop : defaultLoop()) as EventLoop;
  const promise = new Promise<T | undefined>(capture);
  const s = new Sleeper(loop, result);
  if (delay <= 0) loop._pushReady(wake, s);
  else s.handle = loop.callLater(delay, timerFired, s);
  if (isScope(state)) s.scope = suspendOn(state, s);
  return promise;
}

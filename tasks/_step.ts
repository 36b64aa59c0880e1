// Step accounting (see MAX_STEP_TICKS in loop/event_loop.ts): the loop lets
// microtask turns run until every task started or resumed by a callback has
// suspended at a pending asyncio await or finished, before it runs the next
// callback. Suspending and resuming awaiting code (futures, sleeps) go
// through suspendOn/resumeFrom. A separate module so future.ts, task.ts and
// sleep.ts can share it without importing each other.

import type { EventLoop } from "../loop/event_loop.ts";
import {
  absorbMustCancel,
  addWaiter,
  type Cancellable,
  liveScope,
  NO_CANCEL,
  removeWaiter,
  type ScopeNode,
  takeMustCancel,
} from "./_scope.ts";

/** What step accounting needs from a task. */
export interface Stepping {
  readonly _loop: unknown;
  _stepMark: number;
}

/**
 * The task starts or resumes a step: the loop lets it run on microtasks
 * until it suspends at a pending asyncio await or finishes (`endStep`).
 *
 * @ignore
 */
export function beginStep(task: Stepping): void {
  // A mark from an earlier epoch means the loop gave up waiting for this
  // task (it is parked on a native promise, e.g. Promise.all of futures):
  // it is not counted again until it suspends at an asyncio await or ends.
  if (task._stepMark === -1) {
    const loop = task._loop as EventLoop;
    task._stepMark = loop._stepEpoch;
    loop._stepping++;
  }
}

/** @ignore The task suspended or finished: its step is over. */
export function endStep(task: Stepping): void {
  const mark = task._stepMark;
  if (mark >= 0) {
    task._stepMark = -1;
    const loop = task._loop as EventLoop;
    if (mark === loop._stepEpoch) loop._stepping--;
  }
}

/**
 * Code running in `state` suspends on `waiter` (a future or a sleep): the
 * task's step ends, the waiter is registered with the innermost open scope
 * (returned, for `resumeFrom`), and a cancellation requested while nothing
 * was awaited is delivered here, as asyncio does: by cancelling the waiter.
 */
export function suspendOn(state: ScopeNode, waiter: Cancellable): ScopeNode {
  if (state.task !== null) endStep(state.task);
  const scope = liveScope(state);
  addWaiter(scope, waiter);
  const msg = takeMustCancel(scope);
  if (msg !== NO_CANCEL) waiter.cancel(msg);
  return scope;
}

/**
 * Code that suspended in `scope` on `waiter` resumes: the loop lets its task
 * run its step before the next callback. A CancelledError thrown into it
 * (`cancelled`) carries every cancellation still pending in its scopes, as
 * asyncio merges a cancel() arriving while the first is on its way.
 */
export function resumeFrom(
  loop: EventLoop,
  scope: ScopeNode | null,
  waiter: Cancellable,
  cancelled: boolean,
): void {
  loop._woke = true;
  if (scope === null) return;
  removeWaiter(scope, waiter);
  if (scope.task !== null) beginStep(scope.task);
  if (cancelled) absorbMustCancel(scope);
}

// Step accounting (see MAX_STEP_TICKS in loop/event_loop.ts): the loop lets
// microtask turns run until every task started or resumed by a callback has
// suspended at a pending asyncio await or finished, before it runs the next
// callback. A separate module so future.ts and task.ts can both use it
// without importing each other.

import type { EventLoop } from "../loop/event_loop.ts";

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
  if (mark !== -1) {
    task._stepMark = -1;
    const loop = task._loop as EventLoop;
    if (mark === loop._stepEpoch) loop._stepping--;
  }
}

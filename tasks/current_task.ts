/**
 * Introspection: the current task, the pending tasks, the current cancel
 * signal. Ports asyncio's `current_task` and `all_tasks`.
 *
 * @module
 */
import type { EventLoop } from "../loop/event_loop.ts";
import { contextState, getRunningLoop } from "../loop/running_loop.ts";
import type { AbstractEventLoop } from "../loop/types.ts";
import { isScope, liveScope, scopeSignal } from "./_scope.ts";
import type { Task } from "./task.ts";

/**
 * The task running the current code on `loop` (default: the running loop),
 * or `null` in plain callbacks.
 *
 * @throws {RuntimeError} `no running event loop` without `loop` outside a loop.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createTask, currentTask, run } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   let seen = null;
 *   const child = createTask(async () => {
 *     seen = currentTask();
 *   });
 *   await child;
 *   assert.equal(seen, child);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.current_task
 */
export function currentTask(loop?: AbstractEventLoop): Task<unknown> | null {
  const target = loop ?? getRunningLoop();
  const state = contextState.get();
  return state !== undefined && state.loop === target ? state.task : null;
}

/**
 * The tasks of `loop` (default: the running loop) that are not done yet.
 *
 * @throws {RuntimeError} `no running event loop` without `loop` outside a loop.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { allTasks, currentTask, run } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   assert.deepEqual([...allTasks()], [currentTask()]);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.all_tasks
 */
export function allTasks(loop?: AbstractEventLoop): Set<Task<unknown>> {
  const target = (loop ?? getRunningLoop()) as EventLoop;
  return new Set(target._tasks ?? []);
}

const never = new AbortController().signal;

/**
 * The AbortSignal of the innermost cancel scope of the current code (the
 * task's, or a `timeout()`'s or `taskGroup()`'s inside it): aborted, with
 * the `CancelledError` as its reason, when a cancellation is delivered.
 * Outside tasks it never aborts. Pass it to `fetch` and other native calls
 * so they stop when the task is cancelled.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { currentSignal, run } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   assert.equal(currentSignal().aborted, false);
 * });
 * ```
 */
export function currentSignal(): AbortSignal {
  const state = contextState.get();
  return isScope(state) ? scopeSignal(liveScope(state)) : never;
}

/**
 * Futures and tasks with real cancellation: `Future`, `Task`,
 * `createTask`, `coroutine`, `sleep`, introspection.
 *
 * A task runs its coroutine in an async context of its own; `cancel()`
 * makes the task's pending asyncio await throw `CancelledError`, and its
 * `signal` carries the cancellation into native I/O (DESIGN.md §2).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { CancelledError, createTask, run, sleep } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   const steps: string[] = [];
 *   const worker = createTask(async () => {
 *     try {
 *       await sleep(3600);
 *     } finally {
 *       steps.push("cleaned up");
 *     }
 *   });
 *   await sleep(0);
 *   worker.cancel();
 *   await assert.rejects(async () => await worker, CancelledError);
 *   assert.deepEqual(steps, ["cleaned up"]);
 * });
 * ```
 *
 * @module
 */
export { asCompleted, type AsCompletedOptions } from "./as_completed.ts";
export { type Coroutine, coroutine, type CoroutineOptions, isCoroutine } from "./coroutine.ts";
export {
  createEagerTaskFactory,
  createTask,
  eagerTaskFactory,
  ensureFuture,
} from "./create_task.ts";
export { allTasks, currentSignal, currentTask } from "./current_task.ts";
export { Future, type FutureJSON, isFuture } from "./future.ts";
export { gather, type GatherOptions } from "./gather.ts";
export { runCoroutineThreadsafe } from "./run_coroutine_threadsafe.ts";
export { shield } from "./shield.ts";
export { sleep } from "./sleep.ts";
export { staggeredRace } from "./staggered.ts";
export { Task } from "./task.ts";
export { TaskGroup, taskGroup } from "./task_group.ts";
export { Timeout, timeout, timeoutAt } from "./timeout.ts";
export {
  ALL_COMPLETED,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  type ReturnWhen,
  wait,
  type WaitOptions,
} from "./wait.ts";
export { waitFor } from "./wait_for.ts";

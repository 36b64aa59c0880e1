/**
 * The event loop and its policies: `run()`, `Runner`, `EventLoop`, the
 * running loop, handles and the loop's logger.
 *
 * The loop is a scheduler on top of the host's own event loop (DESIGN.md
 * §3): callbacks run in FIFO order, timers by deadline, and while it is busy
 * it still hands the host a turn so timers, I/O and signals are served. The
 * running loop belongs to the async context: two `run()` calls side by side
 * are independent.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getRunningLoop, run } from "@asyncio/asyncio/loop";
 *
 * const order: number[] = [];
 * await run(async () => {
 *   const loop = getRunningLoop();
 *   await new Promise<void>((resolve) => {
 *     loop.callLater(0.01, () => {
 *       order.push(2);
 *       resolve();
 *     });
 *     loop.callSoon(() => order.push(1));
 *   });
 * });
 * assert.deepEqual(order, [1, 2]);
 * ```
 *
 * @module
 */
export { BaseEventLoop } from "./base_event_loop.ts";
export { EventLoop } from "./event_loop.ts";
export {
  type Executor,
  type ExecutorFunction,
  isExecutor,
  type ModuleFunction,
  type SubmitOptions,
} from "./executor.ts";
export { Handle, TimerHandle } from "./handle.ts";
export { type Logger, logger } from "./logger.ts";
export {
  DefaultEventLoopPolicy,
  type EventLoopPolicy,
  getEventLoop,
  getEventLoopPolicy,
  newEventLoop,
  setEventLoop,
  setEventLoopPolicy,
} from "./policy.ts";
export { run, Runner, type RunOptions } from "./run.ts";
export { getRunningLoop } from "./running_loop.ts";
export { toThread } from "./to_thread.ts";
export type {
  AbstractEventLoop,
  Awaitable,
  Callback,
  CoroutineLike,
  ExceptionContext,
  ExceptionHandler,
  TaskBody,
  TaskFactory,
  TaskOptions,
} from "./types.ts";
export {
  WorkerExecutor,
  type WorkerExecutorOptions,
  type WorkerLimits,
} from "./worker_executor.ts";

/**
 * Creating tasks: `createTask`, `ensureFuture`, and the eager task factory.
 * Ports asyncio's `create_task`, `ensure_future`, `eager_task_factory`.
 *
 * @module
 */
import { valueRepr } from "../_platform/mod.ts";
import { ValueError } from "../errors.ts";
import type { AbstractEventLoop, CoroutineLike, TaskFactory, TaskOptions } from "../loop/types.ts";
import { defaultLoop, type Future, isFuture } from "./future.ts";
import { Task } from "./task.ts";

/**
 * Wraps `coro` in a {@linkcode Task} on the running loop (outside any loop:
 * on `getEventLoop()`, which then runs by itself) and schedules its first
 * step.
 *
 * `coro` may be a coroutine from a `coroutine()`-wrapped function, a
 * zero-argument async function (called in the task's first step, inside the
 * task), or any other awaitable (wrapped: its body is not owned by the task,
 * so cancelling the task only abandons the wrapper).
 *
 * @param coro What the task runs.
 * @param options `name`; `eagerStart` runs the first step inside this call
 * when the loop is running.
 * @returns The task.
 * @throws {TypeError} when `coro` is not a coroutine, function or awaitable.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createTask, run, sleep } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   const task = createTask(async () => {
 *     await sleep(0.01);
 *     return "ok";
 *   }, { name: "worker" });
 *   assert.equal(task.getName(), "worker");
 *   assert.equal(await task, "ok");
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.create_task
 */
export function createTask<T>(coro: CoroutineLike<T>, options?: TaskOptions): Task<T> {
  return defaultLoop().createTask(coro, options);
}

/**
 * Returns `aw` itself if it is a future or a task; otherwise wraps it in a
 * task (see {@linkcode createTask}).
 *
 * @throws {ValueError} when `aw` is a future bound to another loop than `options.loop`.
 * @throws {TypeError} when `aw` is not awaitable.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ensureFuture, Future, run } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   const fut = new Future<number>();
 *   assert.equal(ensureFuture(fut), fut);
 *   const task = ensureFuture(async () => 1);
 *   assert.equal(await task, 1);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-future.html#asyncio.ensure_future
 */
export function ensureFuture<T>(
  aw: CoroutineLike<T>,
  options?: { loop?: AbstractEventLoop },
): Future<T> {
  if (isFuture(aw)) {
    if (options?.loop !== undefined && aw.getLoop() !== options.loop) {
      throw new ValueError(
        "The future belongs to a different loop than the one specified as the loop argument",
      );
    }
    return aw as Future<T>;
  }
  const isAwaitable = typeof aw === "function"
    || (typeof aw === "object" && aw !== null && typeof (aw as PromiseLike<T>).then === "function");
  if (!isAwaitable) {
    throw new TypeError(
      `An asyncio.Future, a coroutine or an awaitable is required, got ${valueRepr(aw)}`,
    );
  }
  return (options?.loop ?? defaultLoop()).createTask(aw);
}

/**
 * Makes a task factory that creates eager tasks of class `ctor`: their
 * first step runs inside `createTask()` when the loop is running.
 *
 * @param ctor A Task subclass whose constructor accepts `Task`'s options.
 * @returns The factory, for `loop.setTaskFactory()`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createEagerTaskFactory, createTask, getRunningLoop, run, Task } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   getRunningLoop().setTaskFactory(createEagerTaskFactory(Task));
 *   let ran = false;
 *   createTask(async () => {
 *     ran = true;
 *   });
 *   assert.equal(ran, true);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.create_eager_task_factory
 */
export function createEagerTaskFactory(
  // deno-lint-ignore no-explicit-any
  ctor: new(...args: any[]) => Task<unknown>,
): TaskFactory {
  return (loop, coro, options) => new ctor(coro, { ...options, loop, eagerStart: true });
}

/**
 * A task factory that creates eager tasks: `loop.setTaskFactory(eagerTaskFactory)`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { eagerTaskFactory, getRunningLoop, run } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   getRunningLoop().setTaskFactory(eagerTaskFactory);
 *   assert.equal(getRunningLoop().getTaskFactory(), eagerTaskFactory);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.eager_task_factory
 */
export const eagerTaskFactory: TaskFactory = createEagerTaskFactory(Task);

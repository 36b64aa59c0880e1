/**
 * Creating tasks: `createTask`, `ensureFuture`, and the eager task factory.
 * Ports asyncio's `create_task`, `ensure_future`, `eager_task_factory`.
 *
 * @module
 */
import { checkOptions } from "../_options.ts";
import { valueRepr } from "../_platform/mod.ts";
import { ValueError } from "../errors.ts";
import type {
  AbstractEventLoop,
  CoroutineLike,
  ExceptionContext,
  TaskBody,
  TaskFactory,
  TaskOptions,
} from "../loop/types.ts";
import { sourceTraceback } from "./_source_traceback.ts";
import { isCoroutine } from "./coroutine.ts";
import { defaultLoop, type Future, isFuture } from "./future.ts";
import { Task, wrapAwaitable } from "./task.ts";

/**
 * Wraps `coro` in a {@linkcode Task} on the running loop (outside any loop:
 * on `getEventLoop()`, which then runs by itself) and schedules its first
 * step.
 *
 * `coro` is what the task runs and owns: a zero-argument function, called in
 * the task's first step inside the task (`createTask(() => work(i))`), or a
 * coroutine from a `coroutine()`-wrapped function (`createTask(work(i))`
 * when `work = coroutine(async (i) => …)`). Nothing else: `work(i)` of a
 * plain async function is a promise already running in the caller's
 * context, which the task could neither cancel nor see as its own
 * (`currentTask()` inside it would be the caller). To wait on such a
 * promise in a task anyway, use {@linkcode ensureFuture}.
 *
 * @param coro What the task runs.
 * @param options `name`; `eagerStart` runs the first step inside this call
 * when the loop is running.
 * @returns The task.
 * @throws {TypeError} `a coroutine was expected, got …` for a promise, a
 * future or anything else, with what to write instead.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createTask, run, sleep } from "@asyncio/asyncio";
 *
 * async function work(i: number): Promise<number> {
 *   await sleep(0.01);
 *   return i * 2;
 * }
 *
 * await run(async () => {
 *   const task = createTask(() => work(21), { name: "worker" });
 *   assert.equal(task.getName(), "worker");
 *   assert.equal(await task, 42);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.create_task
 */
export function createTask<T>(coro: TaskBody<T>, options?: TaskOptions): Task<T> {
  return defaultLoop().createTask(coro, options);
}

/**
 * Returns `aw` itself if it is a future or a task; otherwise wraps it in a
 * task: a coroutine or a zero-argument function as {@linkcode createTask}
 * does, any other awaitable (a promise, a thenable) in a task that waits on
 * it without owning it: cancelling that task abandons the wait, while the
 * promise's own work goes on.
 *
 * In debug mode (`loop.getDebug()`), a native promise given here (or to
 * `gather`, `shield`, `waitFor`, `asCompleted`) is reported once through the
 * loop's exception handler, since no cancellation can stop its work.
 *
 * @param aw A future, a coroutine, a zero-argument function or an awaitable.
 * @param options `loop`: the loop a new task runs on.
 * @returns The future or the new task.
 * @throws {ValueError} when `aw` is a future bound to another loop than `options.loop`.
 * @throws {TypeError} when `aw` is not awaitable, or `options` has another
 * key than `loop`.
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
 *   const wrapped = ensureFuture(Promise.resolve(2)); // a promise the task does not own
 *   assert.equal(await wrapped, 2);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-future.html#asyncio.ensure_future
 */
export function ensureFuture<T>(
  aw: CoroutineLike<T>,
  options?: { loop?: AbstractEventLoop },
): Future<T> {
  checkOptions(options, ENSURE_FUTURE_OPTIONS, "call ensureFuture()");
  return ensureFutureFor(aw, options?.loop, "ensureFuture");
}

const ENSURE_FUTURE_OPTIONS = ["loop"] as const;

/**
 * {@linkcode ensureFuture} for the calls that take awaitables (`gather`,
 * `shield`, …): `call` names the caller in debug reports.
 *
 * @ignore
 */
export function ensureFutureFor<T>(
  aw: CoroutineLike<T>,
  loop: AbstractEventLoop | undefined,
  call: string,
): Future<T> {
  if (isFuture(aw)) {
    if (loop !== undefined && aw.getLoop() !== loop) {
      throw new ValueError(
        "The future belongs to a different loop than the one specified as the loop argument",
      );
    }
    return aw as Future<T>;
  }
  if (typeof aw === "function" || isCoroutine(aw)) {
    return (loop ?? defaultLoop()).createTask(aw as TaskBody<T>);
  }
  if (typeof aw !== "object" || aw === null || typeof (aw as PromiseLike<T>).then !== "function") {
    throw new TypeError(
      `An asyncio.Future, a coroutine or an awaitable is required, got ${valueRepr(aw)}`,
    );
  }
  const target = loop ?? defaultLoop();
  const task = target.createTask(wrapAwaitable(aw as PromiseLike<T>, target));
  if ((target as { _debug?: boolean })._debug === true && aw instanceof Promise) {
    reportRunningPromise(target, aw, task as Task<unknown>, call);
  }
  return task;
}

// Promises already reported in debug mode: each once.
const reported = new WeakSet<object>();

function reportRunningPromise(
  loop: AbstractEventLoop,
  promise: Promise<unknown>,
  task: Task<unknown>,
  call: string,
): void {
  if (reported.has(promise)) return;
  reported.add(promise);
  const context: ExceptionContext = {
    message: `${call}() was given a running Promise: cancelling cannot stop its work; `
      + `pass () => work() or a coroutine() object so that a task starts and owns it`,
    future: task,
  };
  const trace = sourceTraceback(task);
  if (trace !== undefined) context.source_traceback = trace;
  loop.callExceptionHandler(context);
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

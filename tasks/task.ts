/**
 * Tasks: futures that run a coroutine in an async context of their own and
 * deliver cancellation to its awaits. Ports asyncio's `Task` (DESIGN.md §2).
 *
 * @module
 */
import { checkOptions } from "../_options.ts";
import { contextKind, defineRepr, valueRepr } from "../_platform/mod.ts";
import { type CancelledError, isCancelledError, RuntimeError, ValueError } from "../errors.ts";
import { taskSupport } from "../loop/base_event_loop.ts";
import type { EventLoop } from "../loop/event_loop.ts";
import { contextState, getRunningLoopOrNull } from "../loop/running_loop.ts";
import type { AbstractEventLoop, TaskBody, TaskOptions } from "../loop/types.ts";
import {
  asCancellation,
  type Cancellable,
  cancelledError,
  cancelTree,
  type ScopeNode,
  scopeSignal,
} from "./_scope.ts";
import { beginStep, endStep } from "./_step.ts";
import { wrapAwaitable } from "./_wrap_awaitable.ts";
import {
  claimCoroutine,
  coroutineRepr,
  isCoroutine,
  refusedBodyMessage,
  startCoroutine,
} from "./coroutine.ts";
import {
  CANCELLED,
  Future,
  type FutureJSON,
  futureJSON,
  futureReprInfo,
  PENDING,
  RESULT,
} from "./future.ts";

export { wrapAwaitable } from "./_wrap_awaitable.ts";

let taskCounter = 0;
const TASK_CTOR_OPTIONS = ["loop", "name", "eagerStart"] as const;

// `_stepMark` of a task whose first step has not run.
const NOT_STARTED = -2;

function taskStep(task: Task<unknown>): void {
  if (task._state !== PENDING) return;
  if (task._mustCancel) {
    // Cancelled before its first step: the body never runs.
    task._mustCancel = false;
    const msg = task._cancelMsg;
    task._cancelMsg = undefined;
    task._finishCancelled(cancelledError(msg));
    return;
  }
  task._stepMark = -1; // started
  beginStep(task);
  contextState.run(task, startBody, task);
}

// Starts the body inside the task's context and attaches the two reactions
// that finish the task. Plain reactions instead of an async wrapper keep a
// pending task smaller (no second async frame).
function startBody(task: Task<unknown>): void {
  let promise: PromiseLike<unknown>;
  try {
    promise = startCoroutine(task._coro);
  } catch (err) {
    task._bodyFailed(err);
    return;
  }
  // A reaction runs in the async context current when `then` was called,
  // which is this task's: two shared functions find the task there, so a
  // task costs no closures. The synchronous fallback context (runtimes with
  // no async context at all) does not follow reactions: closures there.
  let onValue = bodyReturned;
  let onError = bodyFailed;
  if (contextKind === "sync") {
    onValue = (value: unknown) => task._bodyReturned(value);
    onError = (err: unknown) => task._bodyFailed(err);
  }
  if (promise instanceof Promise) promise.then(onValue, onError);
  else Promise.resolve(promise).then(onValue, onError);
}

function bodyReturned(value: unknown): void {
  (contextState.get() as Task<unknown>)._bodyReturned(value);
}

function bodyFailed(err: unknown): void {
  (contextState.get() as Task<unknown>)._bodyFailed(err);
}

/**
 * `run()` and `Runner.run()` take what a task owns: asyncio's `ValueError`
 * for anything else, with what to write instead.
 *
 * @ignore
 */
export function checkMainBody(main: unknown, call: string): void {
  if (typeof main !== "function" && !isCoroutine(main)) {
    throw new ValueError(refusedBodyMessage(main, call));
  }
}

/**
 * A {@linkcode Future} that runs a coroutine, created with `createTask()`.
 *
 * The task calls its function (or starts its coroutine) in its first step,
 * inside an async context of its own, so `currentTask()` and cancellation
 * follow its code through every `await`. `cancel(msg)` makes the pending
 * asyncio await in that code throw `CancelledError(msg)` (or the next one,
 * if nothing is pending); `finally` blocks run; code that catches it may go
 * on. `signal` aborts when a cancellation is delivered, so native I/O
 * given the signal stops too.
 *
 * A task runs a `coroutine()` object or a zero-argument function, nothing
 * else (a promise is already running elsewhere: `TypeError`, as asyncio's
 * `Task()` refuses anything but a coroutine); `ensureFuture(promise)` makes
 * a task that waits on a promise without owning it.
 *
 * In debug mode the repr ends with `created at file:line:col`, and
 * `JSON.stringify(task)` gives its state (see `toJSON()`).
 *
 * Differences from asyncio: a task
 * awaiting only native promises sees the cancellation at its next asyncio
 * await (and through `signal`). An eager task that finishes without
 * suspending is done one microtask after `createTask()` returns, not at once.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { CancelledError, createTask, run, sleep } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   const task = createTask(() => sleep(3600));
 *   await sleep(0);
 *   task.cancel("enough");
 *   await assert.rejects(async () => await task, (e: Error) => e instanceof CancelledError && e.message === "enough");
 *   assert.equal(task.cancelled(), true);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.Task
 */
export class Task<T> extends Future<T> {
  /** @ignore */
  _coro: TaskBody<T> | null;
  /** @ignore The name, or the number of the default name `Task-N`. */
  _name: string | number;
  /** @ignore */
  _numCancels = 0;
  /** @ignore */
  _mustCancel = false;
  /** @ignore */
  _cancelMsg: unknown = undefined;
  // A task is a root scope: no parent, never closed. Both live on the
  // prototype (set below), which keeps every task two fields smaller.
  /** @ignore */
  declare readonly _parent: null;
  /** @ignore */
  declare readonly _closed: false;
  /** @ignore */
  _w: Cancellable | Set<Cancellable> | null = null;
  /** @ignore */
  _children: ScopeNode | Set<ScopeNode> | null = null;
  /** @ignore */
  _ac: AbortController | null = null;
  /** @ignore The loop's step epoch while the task is counted as mid-step, else -1; -2 before its first step. */
  _stepMark: number = NOT_STARTED;
  /** @ignore Links in the loop's list of pending tasks. */
  _prevTask: Task<unknown> | null = null;
  /** @ignore */
  _nextTask: Task<unknown> | null = null;

  /**
   * Creates a task; prefer `createTask()`, which also applies the loop's
   * task factory.
   *
   * @param coro A `coroutine()` object or a zero-argument async function.
   * @param options `loop` (default: the running loop, else `getEventLoop()`),
   * `name`, and `eagerStart` (run the first step now if the loop runs).
   * @throws {TypeError} when `coro` is anything else: a promise already
   * runs in the caller's context, where the task could not cancel it (the
   * message says what to write instead); when `options` has another key
   * than `loop`, `name` and `eagerStart`, or is not an object.
   */
  constructor(
    coro: TaskBody<T>,
    options?: TaskOptions & { loop?: AbstractEventLoop },
  ) {
    // The check comes first: a refused body makes no future and no report.
    if (typeof coro !== "function" && !isCoroutine(coro)) {
      throw new TypeError(refusedBodyMessage(coro, "createTask"));
    }
    // Once per task; the loop's own options are marked checked.
    checkOptions(options, TASK_CTOR_OPTIONS, "create Task");
    super(options);
    this._coro = coro;
    if (typeof coro !== "function") claimCoroutine(coro, this);
    const name = options?.name;
    this._name = name === undefined || name === null ? ++taskCounter : String(name);
    const loop = this._loop as EventLoop;
    if (loop.isClosed()) throw new RuntimeError("Event loop is closed");
    loop._tasks.add(this as Task<unknown>);
    if (options?.eagerStart && getRunningLoopOrNull() === loop) taskStep(this as Task<unknown>);
    else loop._pushReady(taskStep, this);
  }

  /** The loop (the async-context state a task carries). @ignore */
  get loop(): AbstractEventLoop {
    return this._loop;
  }

  /** The task itself (the async-context state a task carries). @ignore */
  get task(): Task<unknown> {
    return this as Task<unknown>;
  }

  /** The task's name (`Task-N` unless set). */
  getName(): string {
    const name = this._name;
    return typeof name === "number" ? `Task-${name}` : name;
  }

  /** Sets the task's name; any value is converted to a string. */
  setName(name: unknown): void {
    this._name = String(name);
  }

  /** The coroutine (or function) the task runs. */
  getCoro(): TaskBody<T> | null {
    return this._coro;
  }

  /**
   * The task's state for `JSON.stringify`: `name`, `state`, `coro`, and the
   * `result` or `exception` as short reprs. Never throws.
   */
  override toJSON(): FutureJSON {
    const state = futureJSON(this as Task<unknown>);
    if (this._state === PENDING && this._numCancels > 0) state.state = "cancelling";
    return { name: this.getName(), ...state, coro: `${coroutineRepr(this._coro)}` };
  }

  /**
   * Requests cancellation: the task's pending asyncio await throws
   * `CancelledError(msg)`; if nothing is pending, the next one does; a task
   * that has not started never runs its body.
   *
   * @returns `false` if the task is done, else `true` (also on repeated calls).
   */
  override cancel(msg?: unknown): boolean {
    this._markRetrieved();
    if (this._state !== PENDING) return false;
    this._numCancels++;
    if (this._stepMark === NOT_STARTED || !cancelTree(this, msg)) {
      this._mustCancel = true;
      this._cancelMsg = msg;
    }
    return true;
  }

  /** How many cancellation requests are pending (`cancel()` minus `uncancel()` calls). */
  cancelling(): number {
    return this._numCancels;
  }

  /**
   * Decrements the pending cancellation count; at 0, an undelivered request
   * is rescinded.
   *
   * @returns The new count.
   */
  uncancel(): number {
    if (this._numCancels > 0) {
      this._numCancels--;
      if (this._numCancels === 0) {
        this._mustCancel = false;
        this._cancelMsg = undefined;
      }
    }
    return this._numCancels;
  }

  /**
   * Aborted (reason: the `CancelledError`) when a cancellation is delivered
   * to this task; pass it to `fetch` and other AbortSignal-aware calls.
   */
  get signal(): AbortSignal {
    return scopeSignal(this);
  }

  /**
   * Always throws: a task's result comes from its coroutine.
   *
   * @throws {RuntimeError} `Task does not support set_result operation`.
   */
  override setResult(_value: T): void {
    throw new RuntimeError("Task does not support set_result operation");
  }

  /**
   * Always throws: a task's error comes from its coroutine.
   *
   * @throws {RuntimeError} `Task does not support set_exception operation`.
   */
  override setException(_error: unknown): void {
    throw new RuntimeError("Task does not support set_exception operation");
  }

  /** @ignore */
  _bodyReturned(value: unknown): void {
    endStep(this as Task<unknown>);
    if (this._mustCancel) {
      // Cancelled (e.g. by itself) and never delivered: ends cancelled.
      this._mustCancel = false;
      const msg = this._cancelMsg;
      this._cancelMsg = undefined;
      this._finishCancelled(
        cancelledError(msg),
      );
      return;
    }
    (this._loop as EventLoop)._tasks.delete(this as Task<unknown>);
    this._result = value as T;
    this._state = RESULT;
    this._scheduleCallbacks();
  }

  /** @ignore */
  _bodyFailed(err: unknown): void {
    endStep(this as Task<unknown>);
    err = asCancellation(this as Task<unknown>, err);
    if (isCancelledError(err)) {
      this._finishCancelled(err);
      return;
    }
    this._mustCancel = false;
    (this._loop as EventLoop)._tasks.delete(this as Task<unknown>);
    this._setError(err);
  }

  /** @ignore */
  _finishCancelled(err: CancelledError): void {
    (this._loop as EventLoop)._tasks.delete(this as Task<unknown>);
    this._result = err as T; // the cached CancelledError (see Future._result)
    this._exception = err.message;
    this._state = CANCELLED;
    this._scheduleCallbacks();
  }
}

defineRepr(Task, (t) => {
  const info = futureReprInfo(t as Task<unknown>);
  if (t._state === PENDING && t._numCancels > 0) info[0] = "cancelling";
  info.splice(1, 0, `name=${valueRepr(t.getName())}`, `coro=<${coroutineRepr(t._coro)}>`);
  const w = t._w;
  const waitFor = w instanceof Set ? w.values().next().value : w;
  if (t._state === PENDING && waitFor !== null) info.push(`wait_for=${String(waitFor)}`);
  return `<Task ${info.join(" ")}>`;
});

Object.defineProperties(Task.prototype, {
  _parent: { value: null },
  _closed: { value: false },
});

taskSupport.Task = Task as NonNullable<typeof taskSupport.Task>;
taskSupport.wrapAwaitable = wrapAwaitable;

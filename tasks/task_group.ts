/**
 * Structured concurrency: `taskGroup()` and the `TaskGroup` it passes to the
 * body. Ports asyncio's `taskgroups.py` onto a cancel scope (DESIGN.md §2).
 *
 * @module
 */
import { defineRepr } from "../_platform/mod.ts";
import { ExceptionGroup, isCancelledError, KeyboardInterrupt, RuntimeError } from "../errors.ts";
import { contextState } from "../loop/running_loop.ts";
import type { AbstractEventLoop, TaskBody, TaskOptions } from "../loop/types.ts";
import {
  callBody,
  cancelLevel,
  currentEntry,
  type Entry,
  rearmPendingCancel,
} from "./_cancel_level.ts";
import { absorbMustCancel, asCancellation, CancelScope } from "./_scope.ts";
import type { Future } from "./future.ts";
import type { Task } from "./task.ts";

const NONE: unique symbol = Symbol("none");

/**
 * A group of child tasks owned by a {@linkcode taskGroup} block, given to
 * its body: `tg.createTask(...)` starts a child. The block waits for every
 * child; the first child that fails cancels the others and the body, and
 * the block throws an `ExceptionGroup` of the failures.
 *
 * The group stays inspectable after the block ends; `createTask()` then
 * throws.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run, sleep, taskGroup } from "@asyncio/asyncio";
 *
 * const results = await run(() =>
 *   taskGroup(async (tg) => {
 *     const a = tg.createTask(() => sleep(0.02, "a"));
 *     const b = tg.createTask(() => sleep(0.01, "b"));
 *     return [a, b];
 *   })
 * );
 * assert.deepEqual(results.map((t) => t.result()), ["a", "b"]);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#asyncio.TaskGroup
 */
export class TaskGroup {
  #entered = false;
  #exiting = false;
  #aborting = false;
  #scopeCancelled = false;
  // The children, done ones included until more than half are done (then
  // the list is compacted): cheaper per child than a set, and a long-lived
  // group does not keep every child it ever had.
  #tasks: Task<unknown>[] = [];
  #pending = 0;
  #errors: unknown[] = [];
  #baseError: unknown = NONE;
  #parentTask: Task<unknown> | null = null;
  #scope: CancelScope | null = null;
  #loop: AbstractEventLoop | null = null;
  #onCompleted: Future<boolean> | null = null;
  #onTaskDone = (task: Task<unknown>): void => this.#taskDone(task);

  /**
   * Starts a child task in the group. Children may add more children while
   * the block waits for them, unless the group is shutting down.
   *
   * @param coro What the child runs: `() => work(i)` or a `coroutine()`
   * object, never a running promise (which the group could not cancel).
   * @param options `name`, `eagerStart`.
   * @returns The child task.
   * @throws {RuntimeError} `TaskGroup ... has not been entered` before the
   * block starts, `... is finished` after it ended, `... is shutting down`
   * after a failure or a cancellation.
   * @throws {TypeError} `a coroutine was expected` for a promise or a future.
   */
  createTask<T>(coro: TaskBody<T>, options?: TaskOptions): Task<T> {
    if (!this.#entered) {
      throw new RuntimeError(`Cannot create task: TaskGroup ${String(this)} has not been entered`);
    }
    if (this.#exiting && this.#pending === 0) {
      throw new RuntimeError(`Cannot create task: TaskGroup ${String(this)} is finished`);
    }
    if (this.#aborting) {
      throw new RuntimeError(`Cannot create task: TaskGroup ${String(this)} is shutting down`);
    }
    const task = (this.#loop as AbstractEventLoop).createTask(coro, options);
    this.#tasks.push(task as Task<unknown>);
    this.#pending++;
    task.addDoneCallback(this.#onTaskDone);
    return task;
  }

  /**
   * Runs `body` as this group's block in the current task.
   *
   * @ignore
   */
  async _run<T>(body: (tg: TaskGroup) => PromiseLike<T> | T): Promise<T> {
    if (this.#entered) {
      throw new RuntimeError(`TaskGroup ${String(this)} has already been entered`);
    }
    const entry = currentEntry();
    if (entry === null) {
      throw new RuntimeError(`TaskGroup ${String(this)} cannot determine the parent task`);
    }
    const scope = new CancelScope(entry.parent);
    const level = cancelLevel(entry.parent);
    this.#parentTask = entry.task;
    this.#loop = entry.parent.loop;
    this.#scope = scope;
    this.#entered = true;
    let value: T | undefined;
    let bodyError: unknown = NONE;
    try {
      value = await contextState.run(scope, callBody, body, this);
    } catch (err) {
      bodyError = asCancellation(scope, err);
    }
    scope.close();
    await this.#exit(entry, level, bodyError);
    return value as T;
  }

  async #exit(entry: Entry, level: number, bodyError: unknown): Promise<void> {
    this.#exiting = true;
    if (bodyError instanceof KeyboardInterrupt && this.#baseError === NONE) {
      this.#baseError = bodyError;
    }
    let propagate: unknown = isCancelledError(bodyError) ? bodyError : NONE;
    if (bodyError !== NONE && !this.#aborting) this.#abort();
    // Wait for the children in the caller's scope: an outside cancellation
    // (task.cancel(), an enclosing timeout) interrupts the wait, aborts the
    // children, and the wait goes on until they are all done.
    while (this.#pending > 0) {
      this.#onCompleted ??= (this.#loop as AbstractEventLoop).createFuture<boolean>();
      try {
        await this.#onCompleted._wait();
      } catch (err) {
        if (!isCancelledError(err)) throw err;
        if (!this.#aborting) {
          propagate = err;
          this.#abort();
        }
      }
      this.#onCompleted = null;
    }
    if (this.#baseError !== NONE) throw this.#baseError;
    // The body's CancelledError was ours (a child failed) unless someone
    // outside asked for a cancellation too.
    if (this.#scopeCancelled && cancelLevel(entry.parent) <= level) propagate = NONE;
    if (propagate !== NONE && this.#errors.length === 0) {
      absorbMustCancel(entry.parent);
      throw propagate;
    }
    if (bodyError !== NONE && !isCancelledError(bodyError)) this.#errors.push(bodyError);
    if (this.#errors.length > 0) {
      // The errors win over an outside cancellation, which stays pending:
      // the caller's next await throws CancelledError.
      rearmPendingCancel(entry.parent);
      throw new ExceptionGroup("unhandled errors in a TaskGroup", this.#errors);
    }
  }

  #abort(): void {
    this.#aborting = true;
    for (const t of this.#tasks) if (!t.done()) t.cancel();
  }

  #taskDone(task: Task<unknown>): void {
    this.#pending--;
    // Every listed child is pending or done: those done since the last
    // compaction are the rest.
    const finished = this.#tasks.length - this.#pending;
    if (finished > 32 && finished * 2 > this.#tasks.length) {
      this.#tasks = this.#tasks.filter((t) => !t.done());
    }
    const onCompleted = this.#onCompleted;
    if (onCompleted !== null && this.#pending === 0 && !onCompleted.done()) {
      onCompleted.setResult(true);
    }
    if (task.cancelled()) return;
    const exc = task.exception();
    if (exc === null) return;
    this.#errors.push(exc);
    if (exc instanceof KeyboardInterrupt && this.#baseError === NONE) this.#baseError = exc;
    const parent = this.#parentTask as Task<unknown>;
    if (parent.done()) {
      (this.#loop as AbstractEventLoop).callExceptionHandler({
        message: `Task ${String(task)} has errored out but its parent task ${
          String(parent)
        } is already completed`,
        exception: exc,
        task,
      });
      return;
    }
    if (!this.#aborting && !this.#scopeCancelled) {
      // Interrupt the body's pending await (only the body's: the scope does
      // not reach other promise chains of the parent task).
      this.#abort();
      this.#scopeCancelled = true;
      this.#scope?.cancel();
    }
  }

  /** @ignore */
  get _info(): string {
    const info: string[] = [];
    if (this.#pending > 0) info.push(`tasks=${this.#pending}`);
    if (this.#errors.length > 0) info.push(`errors=${this.#errors.length}`);
    if (this.#aborting) info.push("cancelling");
    else if (this.#entered) info.push("entered");
    return info.length > 0 ? ` ${info.join(" ")}` : "";
  }
}

defineRepr(TaskGroup, (tg) => `<TaskGroup${tg._info}>`);

/**
 * Runs `body` with a {@linkcode TaskGroup}, waits for every child it
 * started, and returns the body's value.
 *
 * `taskGroup(async (tg) => ...)` is asyncio's
 * `async with asyncio.TaskGroup() as tg: ...`. When a child fails, the
 * group cancels the other children and the body's pending await, waits for
 * all of them, and throws an `ExceptionGroup` of the children's errors (the
 * body's own error, if it threw one, comes last). A child that ends
 * cancelled is not an error. The body runs in the current task, in a cancel
 * scope of its own: a failing child interrupts only the body's awaits, not
 * other promise chains of the task.
 *
 * Cancellation: cancelling the task cancels the children too; the group
 * then throws `CancelledError` once they are done, or, if children failed,
 * the `ExceptionGroup`, and the cancellation stays pending for the task's
 * next await. The task's `cancelling()` count is not changed by the group.
 *
 * Differences from asyncio: a callback instead of `async with`; the group
 * cannot be entered twice because it is made for one block.
 *
 * @param body The block; it receives the group and may be synchronous.
 * @returns The body's value.
 * @throws {ExceptionGroup} `unhandled errors in a TaskGroup` when children
 * (or the body) failed.
 * @throws {RuntimeError} `... cannot determine the parent task` outside a task.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ExceptionGroup, run, sleep, taskGroup } from "@asyncio/asyncio";
 *
 * await run(async () => {
 *   let slowFinished = false;
 *   await assert.rejects(
 *     taskGroup((tg) => {
 *       tg.createTask(async () => {
 *         await sleep(1);
 *         slowFinished = true;
 *       });
 *       tg.createTask(async () => {
 *         await sleep(0.01);
 *         throw new Error("boom");
 *       });
 *     }),
 *     (e) => e instanceof ExceptionGroup && (e.exceptions[0] as Error).message === "boom",
 *   );
 *   assert.equal(slowFinished, false); // cancelled by the failure
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#task-groups
 */
export function taskGroup<T>(body: (tg: TaskGroup) => PromiseLike<T> | T): Promise<T> {
  return new TaskGroup()._run(body);
}

// deno-lint-ignore-file no-explicit-any -- `then`/`catch` mirror lib.es5's PromiseLike
// signatures (`reason: any`), and stored reactions take any value.
/**
 * Futures: awaitable result slots bound to a loop. Ports asyncio's
 * `futures.py` (DESIGN.md §4: thenables, not promises).
 *
 * @module
 */
import { checkOptions } from "../_options.ts";
import { defineRepr } from "../_platform/mod.ts";
import { type CancelledError, InvalidStateError, RuntimeError } from "../errors.ts";
import { taskSupport } from "../loop/base_event_loop.ts";
import type { EventLoop } from "../loop/event_loop.ts";
import { getEventLoop } from "../loop/policy.ts";
import { contextState } from "../loop/running_loop.ts";
import type { AbstractEventLoop } from "../loop/types.ts";
import { type FutureJSON, futureJSON, futureReprInfo } from "./_future_repr.ts";
import { CANCELLED, ERROR, PENDING, RESULT } from "./_future_state.ts";
import { FUTURE_BRAND, isFuture } from "./_is_future.ts";
import { capture, capturedRej, capturedRes } from "./_resolvers.ts";
import { cancelledError, isScope } from "./_scope.ts";
import { recordSourceTraceback } from "./_source_traceback.ts";
import { suspendOn } from "./_step.ts";
import { setCollectedFuture, trackUnretrieved, unretrievedRegistry } from "./_unretrieved.ts";
import { type DoneCallback, type Entry, runWaiter, settleRejected, Waiter } from "./_waiter.ts";

export { futureJSON, futureReprInfo, stateName } from "./_future_repr.ts";
export type { FutureJSON } from "./_future_repr.ts";
export { CANCELLED, ERROR, PENDING, RESULT } from "./_future_state.ts";
export { isFuture } from "./_is_future.ts";

const FUTURE_OPTIONS = ["loop"] as const;

/** @ignore The loop a new future binds to: the running one, else `getEventLoop()`. */
export function defaultLoop(): EventLoop {
  const state = contextState.get();
  if (state !== undefined && !state.loop.isClosed()) return state.loop as EventLoop;
  return getEventLoop() as EventLoop;
}

/**
 * An awaitable result slot bound to a loop, settled once with
 * `setResult()`, `setException()` or `cancel()`.
 *
 * A future is a thenable, not a `Promise`: `await` and `Promise.all` accept
 * it, and a native promise is made only when someone calls `then`. Done
 * callbacks run through the loop's ready queue, in registration order,
 * never synchronously. A future that failed and whose error nobody read is
 * reported to the loop's exception handler ("Future exception was never
 * retrieved") instead of becoming an unhandled rejection.
 *
 * Cancellation: awaiting a future inside a task registers it with the task's
 * innermost cancel scope; cancelling the task cancels the future, and the
 * `await` throws `CancelledError`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Future, getRunningLoop, run } from "@asyncio/asyncio";
 *
 * const value = await run(async () => {
 *   const fut = new Future<number>();
 *   getRunningLoop().callLater(0.01, () => fut.setResult(42));
 *   return await fut;
 * });
 * assert.equal(value, 42);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-future.html#asyncio.Future
 */
export class Future<T> implements PromiseLike<T> {
  /** @ignore */
  _state: number = PENDING;
  /**
   * @ignore The result once RESULT. A done future reuses the slot: the
   * CancelledError (made on first use) once CANCELLED, the never-retrieved
   * report's WeakRef once ERROR; two fields fewer on every future.
   */
  _result: T | undefined = undefined;
  /** @ignore The error when failed; the cancel message when cancelled. */
  _exception: unknown = undefined;
  /** @ignore */
  readonly _loop: AbstractEventLoop;
  /** @ignore Done callbacks and waiters: none, one, or a list of several. */
  _cb: Entry | Entry[] | null = null;

  /**
   * Creates a pending future bound to `options.loop`, else to the running
   * loop, else to `getEventLoop()`.
   *
   * @param options `loop`.
   * @throws {TypeError} when `options` has another key or is not an object.
   */
  constructor(options?: { loop?: AbstractEventLoop }) {
    // A subclass (Task) checks its own options.
    if (new.target === Future) checkOptions(options, FUTURE_OPTIONS, "create Future");
    const loop = options?.loop ?? defaultLoop();
    this._loop = loop;
    if ((loop as { _debug?: boolean })._debug === true) recordSourceTraceback(this);
  }

  /**
   * The result.
   *
   * @throws {CancelledError} when the future was cancelled.
   * @throws {InvalidStateError} `Result is not ready` while pending.
   * @throws the stored error when it failed.
   */
  result(): T {
    const state = this._state;
    if (state === RESULT) return this._result as T;
    if (state === CANCELLED) throw this._cancelledError();
    if (state === PENDING) throw new InvalidStateError("Result is not ready.");
    this._markRetrieved();
    throw this._exception;
  }

  /**
   * The stored error, or `null` when the future has a result.
   *
   * @throws {CancelledError} when the future was cancelled.
   * @throws {InvalidStateError} `Exception is not set` while pending.
   */
  exception(): unknown | null {
    const state = this._state;
    if (state === CANCELLED) throw this._cancelledError();
    if (state === PENDING) throw new InvalidStateError("Exception is not set.");
    this._markRetrieved();
    return state === ERROR ? this._exception : null;
  }

  /** Whether the future is done (has a result, an error, or was cancelled). */
  done(): boolean {
    return this._state !== PENDING;
  }

  /** Whether the future was cancelled. */
  cancelled(): boolean {
    return this._state === CANCELLED;
  }

  /**
   * Cancels the future and schedules its callbacks.
   *
   * @param msg The message of the `CancelledError` awaiting code receives.
   * @returns `false` if the future was already done, else `true`.
   */
  cancel(msg?: unknown): boolean {
    this._markRetrieved();
    if (this._state !== PENDING) return false;
    this._state = CANCELLED;
    this._exception = msg;
    this._scheduleCallbacks();
    return true;
  }

  /**
   * Sets the result and schedules the callbacks.
   *
   * @throws {InvalidStateError} when the future is already done.
   */
  setResult(value: T): void {
    if (this._state !== PENDING) throw this._invalidState();
    this._result = value;
    this._state = RESULT;
    this._scheduleCallbacks();
  }

  /**
   * Sets the error and schedules the callbacks. An error class is
   * instantiated.
   *
   * @throws {InvalidStateError} when the future is already done.
   */
  setException(error: unknown): void {
    if (this._state !== PENDING) throw this._invalidState();
    if (typeof error === "function") error = new (error as new() => unknown)();
    this._setError(error);
  }

  /**
   * Adds `cb(future)` to run (through the loop) when the future is done; if
   * it is done already, schedules it at once.
   */
  addDoneCallback(cb: (f: this) => unknown): void {
    if (this._state !== PENDING) (this._loop as EventLoop)._pushReady(cb, this);
    else this._addEntry(cb);
  }

  /**
   * Removes every registration of `cb`.
   *
   * @returns How many were removed.
   */
  removeDoneCallback(cb: (f: this) => unknown): number {
    let count = 0;
    const entries = this._cb;
    if (entries === cb) {
      this._cb = null;
      count++;
    } else if (Array.isArray(entries)) {
      const kept = entries.filter((e) => e !== cb);
      count += entries.length - kept.length;
      this._cb = kept;
    }
    return count;
  }

  /** The loop the future is bound to. */
  getLoop(): AbstractEventLoop {
    return this._loop;
  }

  /**
   * Registers reactions like `Promise.prototype.then`. Inside a task, this
   * is what `await future` calls: the future is registered with the task's
   * cancel scope, and a pending cancellation of the task is delivered here.
   */
  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    this._markRetrieved();
    const state = this._state;
    if (state === RESULT) return Promise.resolve(this._result as T).then(onfulfilled, onrejected);
    if (state !== PENDING) {
      const err = state === CANCELLED ? this._cancelledError() : this._exception;
      return Promise.reject(err).then(onfulfilled, onrejected);
    }
    const promise = new Promise<R1 | R2>(capture);
    this._await(capturedRes, capturedRej, onfulfilled, onrejected);
    return promise;
  }

  /** Like `Promise.prototype.catch`. */
  catch<R = never>(onrejected?: ((reason: any) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onrejected);
  }

  /** Like `Promise.prototype.finally`. */
  finally(onfinally?: (() => void) | null): Promise<T> {
    if (typeof onfinally !== "function") return this.then();
    return this.then(
      (v) => Promise.resolve(onfinally()).then(() => v),
      (e) => Promise.resolve(onfinally()).then(() => Promise.reject(e)),
    );
  }

  /**
   * A native promise of the result, registered with the current cancel
   * scope exactly as `await future` is (the library's own fast path).
   *
   * @ignore
   */
  _wait(): Promise<T> {
    const state = this._state;
    if (state === RESULT) return Promise.resolve(this._result as T);
    if (state !== PENDING) {
      this._markRetrieved();
      return Promise.reject(state === CANCELLED ? this._cancelledError() : this._exception);
    }
    const promise = new Promise<T>(capture);
    this._await(capturedRes, capturedRej, undefined, undefined);
    return promise;
  }

  /** @ignore */
  _await(
    res: (v: unknown) => void,
    rej: (e: unknown) => void,
    onF: ((v: any) => unknown) | null | undefined,
    onR: ((e: any) => unknown) | null | undefined,
  ): void {
    const state = contextState.get();
    if (isScope(state) && state.task === (this as unknown)) {
      const msg = `Task cannot await on itself: ${String(this)}`;
      settleRejected(res, rej, onR, new RuntimeError(msg));
      return;
    }
    if (isScope(state) && state.loop !== this._loop) {
      const what = `Task ${String(state.task)} got Future ${String(this)}`;
      settleRejected(res, rej, onR, new RuntimeError(`${what} attached to a different loop`));
      return;
    }
    const waiter = new Waiter(this as Future<unknown>, res, rej, onF, onR, null);
    this._addEntry(waiter);
    if (isScope(state)) waiter.scope = suspendOn(state, this);
  }

  /** @ignore Whether `entry` is registered (done callback or waiter). */
  _hasEntry(entry: Entry): boolean {
    const entries = this._cb;
    return entries === entry || (Array.isArray(entries) && entries.includes(entry));
  }

  /** @ignore */
  _addEntry(entry: Entry): void {
    const entries = this._cb;
    if (entries === null) this._cb = entry;
    else if (Array.isArray(entries)) entries.push(entry);
    else this._cb = [entries, entry];
  }

  /** @ignore */
  _scheduleCallbacks(): void {
    const entries = this._cb;
    if (entries === null) return;
    this._cb = null;
    const loop = this._loop as EventLoop;
    if (!Array.isArray(entries)) {
      if (entries instanceof Waiter) loop._pushReady(runWaiter, entries);
      else if (entries === (this as unknown)) loop._pushReady(resumeSelf, this);
      else loop._pushReady(entries as DoneCallback, this);
      return;
    }
    for (const e of entries) {
      if (e instanceof Waiter) loop._pushReady(runWaiter, e);
      else if (e === (this as unknown)) loop._pushReady(resumeSelf, this);
      else loop._pushReady(e as DoneCallback, this);
    }
  }

  /**
   * What the loop runs for a future registered as its own entry (a waiter
   * of sync/ and queues/ that holds its task's resolvers itself; see
   * tasks/_waiters.ts). A plain future never is.
   *
   * @ignore
   */
  _resume(): void {}

  /** @ignore */
  _setError(error: unknown): void {
    this._exception = error;
    this._state = ERROR;
    const loop = this._loop as EventLoop;
    if (loop._unretrieved !== undefined) trackUnretrieved(this as Future<unknown>, loop, error);
    this._scheduleCallbacks();
  }

  /** @ignore */
  _markRetrieved(): void {
    if (this._state !== ERROR) return;
    const ref = this._result as WeakRef<Future<unknown>> | undefined;
    if (ref !== undefined) {
      this._result = undefined;
      (this._loop as EventLoop)._unretrieved.delete(ref);
      unretrievedRegistry.unregister(this);
    }
  }

  /** @ignore */
  _cancelledError(): CancelledError {
    if (this._state !== CANCELLED) return cancelledError(this._exception);
    let err = this._result as CancelledError | undefined;
    if (err === undefined) {
      err = cancelledError(this._exception);
      this._result = err as T;
    }
    return err;
  }

  /** @ignore */
  _invalidState(): InvalidStateError {
    return new InvalidStateError(`invalid state: ${String(this)}`);
  }

  /**
   * The future's state for `JSON.stringify`: `state` (`"pending"`,
   * `"finished"`, `"cancelled"`), and the `result` or `exception` as short
   * reprs (a result may not survive JSON itself). Never throws.
   */
  toJSON(): FutureJSON {
    return futureJSON(this as Future<unknown>);
  }

  /** @ignore */
  get [FUTURE_BRAND](): true {
    return true;
  }
}

function resumeSelf(f: Future<unknown>): void {
  f._resume();
}

defineRepr(Future, (f) => `<Future ${futureReprInfo(f).join(" ")}>`);

// What a never-retrieved report shows as `future` once the future itself
// was collected: a done future holding the same error, printing as the
// collected one did.
class CollectedFuture extends Future<unknown> {
  /** @ignore */
  _repr = "";
}

defineRepr(CollectedFuture, (f) => f._repr);
setCollectedFuture(CollectedFuture);

taskSupport.Future = Future;
taskSupport.isFuture = isFuture;

// Waiter futures and the FIFO they queue in, shared by the primitives of
// sync/ and the queues of queues/ (siblings that may not import each other,
// so the one copy lives here, below both; the structure check allows exactly
// these two folders to import this private file).
//
// The FIFO is an intrusive doubly linked list whose nodes are the waiter
// futures themselves: push, remove-anywhere and pop-first are O(1) and
// allocate nothing beyond the future, and cancelled waiters can be counted
// without a scan (asyncio's `all(w.cancelled() for w in waiters)`).

import { RuntimeError } from "../errors.ts";
import type { EventLoop } from "../loop/event_loop.ts";
import { contextState } from "../loop/running_loop.ts";
import type { AbstractEventLoop } from "../loop/types.ts";
import { capture, capturedRej, capturedRes } from "./_resolvers.ts";
import { cancelledError, isScope, type ScopeNode } from "./_scope.ts";
import { resumeFrom, suspendOn } from "./_step.ts";
import { CANCELLED, defaultLoop, Future, PENDING, RESULT } from "./future.ts";

const NOT_LATE: unique symbol = Symbol("not late");

/**
 * A future a primitive's waiter awaits, also a node of a {@linkcode WaiterList}.
 *
 * Late cancellation: when the waiting task is cancelled after the primitive
 * already woke this future but before the task resumed, asyncio throws
 * `CancelledError` at that very `await` (the task's `_must_cancel`). The
 * task's cancel scope still has this future registered at that point and
 * calls `cancel()` on it; we record the request, report it delivered, and
 * `checkLate()` throws it when the waiting code resumes. The primitives rely
 * on this to hand the wake-up on (a semaphore unit, a lock, a notification,
 * a queue item) instead of losing it.
 */
export class Waiter extends Future<unknown> {
  _prev: Waiter | null = null;
  _next: Waiter | null = null;
  _list: WaiterList | null = null;
  _late: unknown = NOT_LATE;

  constructor(loop: AbstractEventLoop) {
    super({ loop });
  }

  override cancel(msg?: unknown): boolean {
    const state = this._state;
    if (state === RESULT) {
      this._late = msg;
      return true;
    }
    if (state !== PENDING) return false;
    super.cancel(msg);
    if (this._list !== null) this._list.cancelled++;
    return true;
  }

  /** Cancels a still-pending waiter without treating it as a late cancel. */
  // The waiting task's resolvers and scope while it waits with `waitIn()`.
  _res: ((value: unknown) => void) | null = null;
  _rej: ((error: unknown) => void) | null = null;
  _scope: ScopeNode | null = null;

  /**
   * Joins `list` and waits there, as `await this` in the current task would,
   * but in one step: the returned promise settles when the task resumes,
   * after the waiter has left the list, with the result, the
   * CancelledError, or the cancellation that came after the result (what
   * `checkLate()` throws). The waiter is its own entry in its callbacks:
   * no async frame, no separate registration per wait.
   */
  waitIn(list: WaiterList): Promise<unknown> {
    const state = contextState.get();
    if (isScope(state) && state.loop !== this._loop) {
      const what = `Task ${String(state.task)} got Future ${String(this)}`;
      return Promise.reject(new RuntimeError(`${what} attached to a different loop`));
    }
    list.push(this);
    const promise = new Promise<unknown>(capture);
    this._res = capturedRes;
    this._rej = capturedRej;
    this._addEntry(this);
    if (isScope(state)) this._scope = suspendOn(state, this);
    return promise;
  }

  override _resume(): void {
    const state = this._state;
    const scope = this._scope;
    resumeFrom(this._loop as EventLoop, scope, this, state === CANCELLED);
    this._scope = null;
    const list = this._list;
    if (list !== null) list.remove(this);
    const res = this._res as (value: unknown) => void;
    const rej = this._rej as (error: unknown) => void;
    this._res = this._rej = null;
    if (state === CANCELLED) rej(this._cancelledError());
    else if (state !== RESULT) rej(this.exception());
    else if (this._late !== NOT_LATE) {
      const msg = this._late;
      this._late = NOT_LATE;
      this._passOn();
      rej(cancelledError(msg));
    } else this._woken(res, rej, scope);
  }

  /**
   * The task resumes woken (the waiter has its result and left its list):
   * settles the task's promise. A subclass finishes its operation here, in
   * the task's step, as the code after an `await` would.
   */
  _woken(
    res: (value: unknown) => void,
    _rej: (error: unknown) => void,
    _scope: ScopeNode | null,
  ): void {
    res(this._result);
  }

  /** Woken, then cancelled before it resumed: a subclass passes the wake-up on. */
  _passOn(): void {}

  discard(): void {
    if (this._state === PENDING) this.cancel();
  }

  /** Throws the late cancellation recorded by `cancel()`, if any. */
  checkLate(): void {
    const msg = this._late;
    if (msg !== NOT_LATE) {
      this._late = NOT_LATE;
      throw cancelledError(msg);
    }
  }
}

/** FIFO of waiters (intrusive doubly linked list). */
export class WaiterList {
  head: Waiter | null = null;
  tail: Waiter | null = null;
  size = 0;
  /** How many queued waiters are cancelled (awaiting removal by their task). */
  cancelled = 0;

  /** Whether a queued waiter is not cancelled. */
  hasLive(): boolean {
    return this.size > this.cancelled;
  }

  push(w: Waiter): void {
    w._list = this;
    w._prev = this.tail;
    w._next = null;
    if (this.tail === null) this.head = w;
    else this.tail._next = w;
    this.tail = w;
    this.size++;
    if (w._state === CANCELLED) this.cancelled++;
  }

  /** Removes `w` if it is queued here (a no-op otherwise). */
  remove(w: Waiter): void {
    if (w._list !== this) return;
    const prev = w._prev;
    const next = w._next;
    if (prev === null) this.head = next;
    else prev._next = next;
    if (next === null) this.tail = prev;
    else next._prev = prev;
    w._prev = w._next = null;
    w._list = null;
    this.size--;
    if (w._state === CANCELLED) this.cancelled--;
  }

  /** Removes and returns the first waiter, or `null`. */
  shift(): Waiter | null {
    const w = this.head;
    if (w !== null) this.remove(w);
    return w;
  }

  /** The first queued waiter that is not done, or `null`. */
  firstPending(): Waiter | null {
    for (let w = this.head; w !== null; w = w._next) {
      if (w._state === PENDING) return w;
    }
    return null;
  }
}

/**
 * The loop a primitive uses for a blocking call: the running loop (else the
 * default one). The first blocking use binds the primitive to it; later
 * blocking use from another loop throws, as asyncio's `_LoopBoundMixin`.
 *
 * @returns The loop to bind (and use).
 */
/** The scope a waiter's task waited in (`null` outside a task). */
export type WaitScope = ScopeNode | null;

/**
 * Calls `fn(arg)` in the context of the scope a woken waiter's task waited
 * in (as is outside a task): what a subclass's `_woken` uses to wait again
 * on the task's behalf, registered with the task's cancel scope.
 */
export function inScope<A, R>(scope: WaitScope, fn: (arg: A) => R, arg: A): R {
  return scope === null ? fn(arg) : contextState.run(scope, fn, arg);
}

export function bindLoop(bound: AbstractEventLoop | null, owner: object): AbstractEventLoop {
  const loop = defaultLoop();
  if (bound !== null && bound !== loop) {
    throw new RuntimeError(`${String(owner)} is bound to a different event loop`);
  }
  return loop;
}

/** A shared resolved promise for fast paths that resolve to nothing. */
export const RESOLVED_VOID: Promise<void> = Promise.resolve();
/** A shared resolved promise for fast paths that resolve to `true`. */
export const RESOLVED_TRUE: Promise<true> = Promise.resolve(true);

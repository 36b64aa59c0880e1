// Cancel scopes (DESIGN.md §2). A task is the root scope of its own code;
// `timeout()` and `taskGroup()` open nested scopes. Every asyncio await
// registers the awaited future with the innermost scope of the awaiting
// context; cancelling a scope cancels the futures awaited anywhere inside it
// (its subtree), so the awaiting code gets CancelledError right there. When
// nothing is awaited, the request is remembered ("must cancel") and delivered
// at the next asyncio await inside the scope. Each scope also exposes an
// AbortSignal, aborted on every cancellation request, for native I/O.

import { CancelledError, isCancelledError } from "../errors.ts";
import type { AbstractEventLoop } from "../loop/types.ts";
import type { Task } from "./task.ts";

/** Anything a scope can cancel: futures and tasks. */
export interface Cancellable {
  cancel(msg?: unknown): boolean;
}

/** The fields every scope (a Task or a CancelScope) carries. */
export interface ScopeNode {
  readonly loop: AbstractEventLoop;
  readonly task: Task<unknown> | null;
  _parent: ScopeNode | null;
  /** What the code in this scope awaits: nothing, one future, or a set of several. */
  _w: Cancellable | Set<Cancellable> | null;
  /** Open nested scopes: none, one, or a set of several. */
  _children: ScopeNode | Set<ScopeNode> | null;
  _ac: AbortController | null;
  _mustCancel: boolean;
  _cancelMsg: unknown;
  _closed: boolean;
}

/** The CancelledError for `cancel(msg)`: its message is `msg`, empty when none. */
export function cancelledError(msg: unknown): CancelledError {
  return new CancelledError(msg === undefined || msg === null ? "" : String(msg));
}

/** Marks "no pending cancellation" for {@linkcode takeMustCancel}. */
export const NO_CANCEL: unique symbol = Symbol("no cancel");

/** Whether `state` (from the context variable) is a scope. */
export function isScope(state: unknown): state is ScopeNode {
  return state !== undefined && (state as ScopeNode)._mustCancel !== undefined;
}

/** The scope awaits should register with: the innermost one still open. */
export function liveScope(scope: ScopeNode): ScopeNode {
  let s: ScopeNode = scope;
  while (s._closed && s._parent !== null) s = s._parent;
  return s;
}

export function addWaiter(scope: ScopeNode, fut: Cancellable): void {
  const w = scope._w;
  if (w === null) scope._w = fut;
  else if (w instanceof Set) w.add(fut);
  else scope._w = new Set([w, fut]);
}

export function removeWaiter(scope: ScopeNode, fut: Cancellable): void {
  const w = scope._w;
  if (w === fut) scope._w = null;
  else if (w instanceof Set) w.delete(fut);
}

/**
 * Takes the undelivered cancellation of `scope` or of an enclosing scope of
 * the same task (clearing it), or returns NO_CANCEL.
 */
export function takeMustCancel(scope: ScopeNode): unknown {
  for (let s: ScopeNode | null = scope; s !== null; s = s._parent) {
    if (s._mustCancel) {
      s._mustCancel = false;
      const msg = s._cancelMsg;
      s._cancelMsg = undefined;
      return msg;
    }
  }
  return NO_CANCEL;
}

/**
 * A CancelledError is being thrown into code running in `scope`, or is
 * leaving a scope: it carries every cancellation still pending there or in
 * an enclosing scope of the same task, as asyncio merges a `cancel()` that
 * arrives while the first CancelledError is on its way into the one thrown
 * at the next step. The core merges at an asyncio await (resumeFrom in
 * _step.ts); `timeout()` and task groups merge a CancelledError that reached
 * them another way (a native await rejected with the signal's reason, a
 * rethrown error), so that the next await is not cancelled a second time.
 */
export function absorbMustCancel(scope: ScopeNode): void {
  for (let s: ScopeNode | null = scope; s !== null; s = s._parent) {
    if (s._mustCancel) {
      s._mustCancel = false;
      s._cancelMsg = undefined;
    }
  }
}

/**
 * Cancels every future awaited in `scope` and its nested scopes and aborts
 * their signals. Returns whether any awaited future accepted; when none did,
 * the caller records a "must cancel" for the next await.
 */
export function cancelTree(scope: ScopeNode, msg: unknown): boolean {
  let delivered = false;
  const w = scope._w;
  if (w instanceof Set) {
    for (const x of [...w]) if (x.cancel(msg)) delivered = true;
  } else if (w !== null && w.cancel(msg)) delivered = true;
  const children = scope._children;
  if (children instanceof Set) {
    for (const child of children) if (cancelTree(child, msg)) delivered = true;
  } else if (children !== null && cancelTree(children, msg)) delivered = true;
  const ac = scope._ac;
  if (ac !== null) {
    // A fresh controller is made on the next `signal` read: a task that
    // handles the cancellation can go on using native I/O.
    scope._ac = null;
    const reason = cancelledError(msg);
    abortReasons.set(scope, reason);
    ac.abort(reason);
  }
  return delivered;
}

/** The reason each scope last aborted its signal with (only scopes whose signal was read). */
const abortReasons = new WeakMap<ScopeNode, CancelledError>();

/**
 * What an error that reached the end of `scope`'s code means. Deno, Bun and
 * Node reject a native call whose signal the scope aborted with the signal's
 * reason, our CancelledError. Other hosts report the abort their own way:
 * workerd rejects with a new `Error` whose message is the reason's name
 * (`Error: CancelledError`), a host that ignores the reason with a
 * DOMException named `AbortError`. Once the scope has aborted its signal,
 * such an error is that cancellation: this returns the CancelledError the
 * signal was aborted with. Any other error is returned as it is.
 */
export function asCancellation(scope: ScopeNode, err: unknown): unknown {
  if (typeof err !== "object" || err === null || isCancelledError(err)) return err;
  const reason = abortReasons.get(scope);
  if (reason === undefined) return err;
  const { name, message } = err as { name?: unknown; message?: unknown };
  if (name === "AbortError") return reason;
  if (name !== "Error" || Object.getPrototypeOf(err) !== Error.prototype) return err;
  const forms = [reason.name, String(reason), reason.message];
  return message !== "" && forms.includes(message as string) ? reason : err;
}

/** The scope's AbortSignal (made on first use). */
export function scopeSignal(scope: ScopeNode): AbortSignal {
  return (scope._ac ??= new AbortController()).signal;
}

/**
 * A nested cancel scope inside a task, for `timeout()` and `taskGroup()`.
 * Cancelling it reaches only the awaits made inside its body.
 */
export class CancelScope implements ScopeNode {
  readonly loop: AbstractEventLoop;
  readonly task: Task<unknown> | null;
  _parent: ScopeNode | null;
  _w: Cancellable | Set<Cancellable> | null = null;
  _children: ScopeNode | Set<ScopeNode> | null = null;
  _ac: AbortController | null = null;
  _mustCancel = false;
  _cancelMsg: unknown = undefined;
  _closed = false;
  /** How many times `cancel()` was called on this scope. */
  cancelCount = 0;

  constructor(parent: ScopeNode) {
    this.loop = parent.loop;
    this.task = parent.task;
    this._parent = parent;
    // One open child (the usual case) needs no set.
    const siblings = parent._children;
    if (siblings === null) parent._children = this;
    else if (siblings instanceof Set) siblings.add(this);
    else parent._children = new Set([siblings, this]);
  }

  /** Cancels the awaits inside this scope (or the next one made in it). */
  cancel(msg?: unknown): void {
    if (this._closed) return;
    this.cancelCount++;
    if (!cancelTree(this, msg)) {
      this._mustCancel = true;
      this._cancelMsg = msg;
    }
  }

  /** Closes the scope: later awaits in its context register with the parent. */
  close(): void {
    if (this._closed) return;
    this._closed = true;
    this._mustCancel = false;
    const parent = this._parent;
    if (parent !== null) {
      const siblings = parent._children;
      if (siblings === this) parent._children = null;
      else if (siblings instanceof Set) siblings.delete(this);
    }
  }

  /** The scope's AbortSignal. */
  get signal(): AbortSignal {
    return scopeSignal(this);
  }
}

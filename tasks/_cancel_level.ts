// Helpers shared by the scopes built on CancelScope (`timeout()`,
// `taskGroup()`): they decide whose cancellation a CancelledError carries.
//
// asyncio counts cancel() requests on the task (cancelling()/uncancel(),
// reference §4.3 rule 10) and a scope converts a CancelledError only when
// the count is back at its entry value. Here a scope's own cancellation does
// not touch the task's count (DESIGN.md §2), so the "count" a scope compares
// is the cancel level of its parent: the task's cancelling() plus the
// cancel() calls of every enclosing scope. If it rose while the scope's body
// ran, someone outside (task.cancel(), an enclosing timeout that expired, a
// failing enclosing group) also asked for cancellation, and the CancelledError
// is theirs to see.

import { contextState } from "../loop/running_loop.ts";
import { CancelScope, isScope, liveScope, type ScopeNode } from "./_scope.ts";
import { isCoroutine, startCoroutine } from "./coroutine.ts";
import { isFuture } from "./future.ts";
import type { Task } from "./task.ts";

/** The scope a new nested scope opens under, with its task. */
export interface Entry {
  parent: ScopeNode;
  task: Task<unknown>;
}

/** The current scope and task, or `null` outside a task. */
export function currentEntry(): Entry | null {
  const state = contextState.get();
  if (!isScope(state) || state.task === null) return null;
  return { parent: liveScope(state), task: state.task };
}

/** The cancellation requests that reach code running in `scope`. */
export function cancelLevel(scope: ScopeNode): number {
  let n = 0;
  for (let s: ScopeNode | null = scope; s !== null; s = s._parent) {
    n += s instanceof CancelScope ? s.cancelCount : s.task === s ? s.task.cancelling() : 0;
  }
  return n;
}

/**
 * Keeps outside cancellations pending when a scope raises something other
 * than CancelledError (asyncio's `uncancel(); cancel()` in TaskGroup): the
 * next await in `scope` (or above it) throws CancelledError.
 */
export function rearmPendingCancel(scope: ScopeNode): void {
  for (let s: ScopeNode | null = scope; s !== null; s = s._parent) {
    const requested = s instanceof CancelScope
      ? s.cancelCount > 0 && !s._closed
      : s.task === s && s.task.cancelling() > 0;
    if (requested && !s._mustCancel) {
      s._mustCancel = true;
      s._cancelMsg = undefined;
    }
  }
}

/**
 * Calls a scope's body in the scope's context and returns what the scope
 * should await. A future or coroutine the body returns is awaited from
 * inside the scope (so the scope's cancellation reaches it), not from the
 * caller's context.
 */
export function callBody<A, T>(body: (arg: A) => PromiseLike<T> | T, arg: A): PromiseLike<T> | T {
  const r = body(arg);
  if (typeof r === "object" && r !== null) {
    if (isFuture(r)) return (r as unknown as { _wait(): Promise<T> })._wait();
    if (isCoroutine(r)) return startCoroutine<T>(r);
  }
  return r;
}

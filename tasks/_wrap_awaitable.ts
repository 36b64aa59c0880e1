// What `ensureFuture(promise)` runs: a task body that waits on an awaitable
// the task does not own (asyncio's `_wrap_awaitable`).
import type { AbstractEventLoop, TaskBody } from "../loop/types.ts";
import { ERROR, Future, isFuture, PENDING, RESULT } from "./future.ts";

/**
 * A task body that waits on `aw`, for `ensureFuture(promise)`: the promise
 * is not owned by the task. The task awaits a future that mirrors it, so
 * cancelling the task abandons the wait at once while the promise itself
 * goes on (asyncio's `_wrap_awaitable`).
 *
 * @ignore
 */
export function wrapAwaitable<T>(aw: PromiseLike<T>, loop: AbstractEventLoop): TaskBody<T> {
  if (isFuture(aw)) return () => (aw as unknown as Future<T>)._wait();
  // The reactions are attached now (a promise that rejects before the task
  // starts is handled, not an unhandled rejection); the mirror is made in
  // the task's first step, so a task cancelled before it starts leaves no
  // future whose error nobody reads.
  let mirror: Future<T> | null = null;
  let outcome = PENDING;
  let settled: unknown;
  aw.then(
    (v) => {
      if (mirror === null) [outcome, settled] = [RESULT, v];
      else if (!mirror.done()) mirror.setResult(v);
    },
    (e) => {
      if (mirror === null) [outcome, settled] = [ERROR, e];
      else if (!mirror.done()) mirror._setError(e);
    },
  );
  // Named for reprs: coro=<awaitable()>.
  const { awaitable } = {
    awaitable: (): Promise<T> => {
      const m = new Future<T>({ loop });
      mirror = m;
      if (outcome === RESULT) m.setResult(settled as T);
      else if (outcome === ERROR) m._setError(settled);
      return m._wait();
    },
  };
  return awaitable;
}

// deno-lint-ignore-file no-explicit-any -- reactions take any value, as lib.es5's PromiseLike.
// What `then` and `await` register on a pending future, and how they are
// settled when it is done (the await half of asyncio's `Future.__await__`).
import type { EventLoop } from "../loop/event_loop.ts";
import { CANCELLED, RESULT } from "./_future_state.ts";
import type { ScopeNode } from "./_scope.ts";
import { resumeFrom } from "./_step.ts";
import type { Future } from "./future.ts";

// A `then` registration: settles the promise `then` returned once the
// future is done, running `onF`/`onR` like a native reaction would.
export class Waiter {
  constructor(
    readonly fut: Future<unknown>,
    readonly res: (v: unknown) => void,
    readonly rej: (e: unknown) => void,
    readonly onF: ((v: any) => unknown) | null | undefined,
    readonly onR: ((e: any) => unknown) | null | undefined,
    public scope: ScopeNode | null,
  ) {}
}

/** A done callback, called with the future. */
export type DoneCallback = (f: any) => unknown;
/** What a future holds for each registration: a done callback, a waiter, or itself (see `Future._resume`). */
export type Entry = DoneCallback | Waiter | Future<unknown>;

/** Settles `w` from its done future (the ready-queue function of a waiter). */
export function runWaiter(w: Waiter): void {
  const fut = w.fut;
  resumeFrom(fut._loop as EventLoop, w.scope, fut, fut._state === CANCELLED);
  if (fut._state === RESULT) {
    const onF = w.onF;
    if (typeof onF === "function") {
      try {
        w.res(onF(fut._result));
      } catch (err) {
        w.rej(err);
      }
    } else w.res(fut._result);
  } else {
    // The awaiting code receives the error: it is retrieved.
    fut._markRetrieved();
    const err = fut._state === CANCELLED ? fut._cancelledError() : fut._exception;
    const onR = w.onR;
    if (typeof onR === "function") {
      try {
        w.res(onR(err));
      } catch (err2) {
        w.rej(err2);
      }
    } else w.rej(err);
  }
}

// Settles a `then` registration with an error, as a native reaction would:
// through `onR` when given (that is how `await` registers), asynchronously.
export function settleRejected(
  res: (v: unknown) => void,
  rej: (e: unknown) => void,
  onR: ((e: any) => unknown) | null | undefined,
  err: unknown,
): void {
  Promise.reject(err).then(undefined, onR).then(res, rej);
}

// Futures that failed and whose error nobody read: asyncio's "exception was
// never retrieved" report, made when the loop closes, at program exit for
// loops still open, or when the future is collected first.
import { onExit } from "../_platform/mod.ts";
import type { EventLoop } from "../loop/event_loop.ts";
import type { ExceptionContext } from "../loop/types.ts";
import { ERROR } from "./_future_state.ts";
import { sourceTraceback } from "./_source_traceback.ts";
import type { Future } from "./future.ts";

// The stand-in for a collected future (future.ts defines it, as a Future
// subclass, and registers it here: this file cannot import future.ts).
type CollectedFutureClass = new(options: { loop: EventLoop }) => Future<unknown> & {
  _repr: string;
};
let CollectedFuture: CollectedFutureClass | null = null;

/** Registers the class of the stand-in reported for a collected future. */
export function setCollectedFuture(cls: CollectedFutureClass): void {
  CollectedFuture = cls;
}

/** What a failed future's report needs once the future itself is gone. */
export interface Unretrieved {
  loop: EventLoop;
  ref: WeakRef<Future<unknown>>;
  message: string;
  exception: unknown;
  repr: string;
  sourceTraceback: string[] | undefined;
}

/** Reports the failed futures collected before anyone read their error. */
export const unretrievedRegistry: FinalizationRegistry<Unretrieved> = new FinalizationRegistry<
  Unretrieved
>((held) => {
  if (!held.loop._unretrieved.delete(held.ref)) return;
  // asyncio reports the future itself; it was collected, so a done
  // stand-in that prints as it did takes its place.
  const ghost = new (CollectedFuture as CollectedFutureClass)({ loop: held.loop });
  ghost._state = ERROR;
  ghost._exception = held.exception;
  ghost._repr = held.repr;
  held.loop.callExceptionHandler(
    unretrievedContext(held.message, held.exception, ghost, held.sourceTraceback),
  );
});

function unretrievedContext(
  message: string,
  exception: unknown,
  future: Future<unknown>,
  sourceTraceback: string[] | undefined,
): ExceptionContext {
  // asyncio's keys: the future (a task too) under `future`.
  const context: ExceptionContext = { message, exception, future };
  if (sourceTraceback !== undefined) context.source_traceback = sourceTraceback;
  return context;
}

function unretrievedMessage(fut: Future<unknown>): string {
  return `${"getName" in fut ? "Task" : "Future"} exception was never retrieved`;
}

/**
 * Reports every future of `loop` whose error nobody read (at close, and at
 * program exit for loops still open).
 *
 * @ignore
 */
export function reportUnretrieved(loop: EventLoop): void {
  for (const ref of [...loop._unretrieved]) {
    loop._unretrieved.delete(ref);
    const fut = ref.deref();
    if (fut === undefined) continue;
    unretrievedRegistry.unregister(fut);
    fut._result = undefined; // the WeakRef (see Future._result)
    loop.callExceptionHandler(
      unretrievedContext(unretrievedMessage(fut), fut._exception, fut, sourceTraceback(fut)),
    );
  }
}

// Loops with unreported failures, for the exit hook: a failed task nobody
// awaited at top level (the default loop, never closed) is reported at the
// latest when the program ends, as asyncio reports it when the loop closes.
const loopsToReport = new Set<WeakRef<EventLoop>>();
let exitHookSet = false;
let sweepAt = 64;

function reportAtExit(loop: EventLoop): void {
  if (!exitHookSet) {
    exitHookSet = true;
    onExit(() => {
      for (const ref of loopsToReport) {
        const l = ref.deref();
        if (l !== undefined && !l.isClosed()) reportUnretrieved(l);
      }
      loopsToReport.clear();
    });
  }
  if (loopsToReport.size >= sweepAt) {
    // Many loops (a run() per request): forget those collected or closed.
    for (const ref of loopsToReport) {
      const l = ref.deref();
      if (l === undefined || l.isClosed()) loopsToReport.delete(ref);
    }
    sweepAt = 2 * loopsToReport.size + 64;
  }
  loopsToReport.add(new WeakRef(loop));
}

/** Records that `fut` failed with `error` and nobody read it yet. */
export function trackUnretrieved(fut: Future<unknown>, loop: EventLoop, error: unknown): void {
  const ref = new WeakRef(fut);
  fut._result = ref; // a failed future keeps its report's WeakRef in the result slot
  loop._unretrieved.add(ref);
  if (loop._onClose === null) {
    loop._onClose = reportUnretrieved as NonNullable<EventLoop["_onClose"]>;
    reportAtExit(loop);
  }
  unretrievedRegistry.register(fut, {
    loop,
    ref,
    message: unretrievedMessage(fut),
    exception: error,
    repr: String(fut),
    sourceTraceback: sourceTraceback(fut),
  }, fut);
}

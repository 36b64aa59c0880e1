// The waiters of a blocked `Queue.get()` or `Queue.put()`. A woken waiter
// finishes its operation when its task resumes, in the task's step, as the
// code after asyncio's `await getter` does: it takes the item (or puts its
// own), or, when another call took it first or the queue was shut down,
// calls get() (put()) again in the task's own scope, as asyncio's `while`
// loop waits again.
import type { AbstractEventLoop } from "../loop/types.ts";
import { inScope, Waiter, type WaiterList, type WaitScope } from "../tasks/_waiters.ts";
import type { Queue } from "./queue.ts";

abstract class QueueWaiter<T> extends Waiter {
  constructor(
    loop: AbstractEventLoop,
    readonly queue: Queue<T>,
    readonly line: WaiterList,
  ) {
    super(loop);
  }

  /** Whether the operation can be done now (an item, or a free slot). */
  abstract _canFinish(): boolean;
  /** Does the operation now; returns the task's result. */
  abstract _finish(): unknown;
  /** Starts the operation again (in the task's scope). */
  abstract _again(): Promise<unknown>;

  override _woken(
    res: (value: unknown) => void,
    rej: (error: unknown) => void,
    scope: WaitScope,
  ): void {
    if (!this._canFinish()) {
      res(inScope(scope, again, this as QueueWaiter<unknown>));
      return;
    }
    try {
      res(this._finish());
    } catch (err) {
      rej(err);
    }
  }

  // Woken, then cancelled before resuming: the item or slot goes to the
  // next waiter of the same line.
  override _passOn(): void {
    if (this._canFinish()) wakeUpNext(this.line);
  }
}

function again(w: QueueWaiter<unknown>): Promise<unknown> {
  return w._again();
}

/** A task blocked in `get()`. */
export class GetWaiter<T> extends QueueWaiter<T> {
  _canFinish(): boolean {
    return this.queue._qsize() > 0;
  }
  _finish(): T {
    return this.queue.getNowait();
  }
  _again(): Promise<T> {
    return this.queue.get();
  }
}

/** A task blocked in `put()`, with its item. */
export class PutWaiter<T> extends QueueWaiter<T> {
  constructor(loop: AbstractEventLoop, queue: Queue<T>, line: WaiterList, readonly item: T) {
    super(loop, queue, line);
  }
  _canFinish(): boolean {
    return !this.queue.full();
  }
  _finish(): undefined {
    this.queue.putNowait(this.item);
    return undefined;
  }
  _again(): Promise<void> {
    return this.queue.put(this.item);
  }
}

/**
 * Wakes the first waiter not done yet, dropping it (and any done ones
 * before it) from the line.
 */
export function wakeUpNext(waiters: WaiterList): void {
  for (let w = waiters.shift(); w !== null; w = waiters.shift()) {
    if (!w.done()) {
      w.setResult(null);
      return;
    }
  }
}

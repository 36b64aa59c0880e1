// The write side of the stream protocol: waiting in `drain()` while the
// transport's buffer is over its high-water mark. Ports asyncio's
// `streams.FlowControlMixin`.
import { ConnectionResetError } from "../errors.ts";
import type { AbstractEventLoop } from "../loop/types.ts";
import { Future } from "../tasks/future.ts";

/** @ignore */
export class FlowControl {
  #paused = false;
  #lost = false;
  #drainWaiters: Set<Future<void>> = new Set();

  /** Whether `drainHelper()` would return at once (not paused, not lost). */
  get clear(): boolean {
    return !this.#paused && !this.#lost;
  }

  /** Whether writing is paused (the transport's buffer is over the high mark). */
  get writingPaused(): boolean {
    return this.#paused;
  }

  /** The transport's buffer went over the high-water mark. */
  pauseWriting(): void {
    this.#paused = true;
  }

  /** The transport's buffer drained: wake every drain(). */
  resumeWriting(): void {
    this.#paused = false;
    for (const w of this.#drainWaiters) if (!w.done()) w.setResult(undefined);
  }

  /** The connection is gone: wake every drain(), with `exc` if there is one. */
  connectionLost(exc: Error | null): void {
    this.#lost = true;
    if (!this.#paused) return;
    for (const w of this.#drainWaiters) {
      if (w.done()) continue;
      if (exc === null) w.setResult(undefined);
      else w.setException(exc);
    }
  }

  /** Returns at once unless writing is paused; then waits for resume or loss. */
  async drainHelper(loop: AbstractEventLoop): Promise<void> {
    if (this.#lost) throw new ConnectionResetError("Connection lost");
    if (!this.#paused) return;
    const waiter = new Future<void>({ loop });
    this.#drainWaiters.add(waiter);
    try {
      await waiter._wait();
    } finally {
      this.#drainWaiters.delete(waiter);
    }
  }
}

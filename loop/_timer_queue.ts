// The loop's timers: the heap of scheduled TimerHandles with the count of
// cancelled ones still in it (asyncio's `_timer_cancelled_count`), and the
// loop's passes over it each iteration.
import { runHandle } from "./_callback_entry.ts";
import type { ReadyQueue } from "./_ready_queue.ts";
import { TimerHeap } from "./_timer_heap.ts";
import type { TimerHandle } from "./handle.ts";

// Timers due within this long (seconds) of the earliest due one fire in the
// same iteration. asyncio's selector rounds its wait up to whole
// milliseconds, so timers a few microseconds apart (two tasks that each
// `sleep(0.01)` in one iteration) wake it once; host timers can fire with
// sub-millisecond precision, so the loop waits for the group instead.
const TIMER_GROUP_S = 0.001;

/** The loop's timer heap and its cancelled-timer accounting. */
export class TimerQueue extends TimerHeap<TimerHandle> {
  /** Cancelled timers still in the heap. */
  cancelled = 0;

  /** Takes a cancelled timer out of the heap now if cheap, else counts it. */
  cancel(timer: TimerHandle): void {
    if (this.removeLast(timer)) timer._scheduled = false;
    else this.cancelled++;
  }

  /** Drops every timer and the count. */
  reset(): void {
    this.clear();
    this.cancelled = 0;
  }

  /** Compacts when mostly cancelled; pops cancelled timers off the top. */
  dropCancelled(): void {
    if (this.cancelled > 100 && this.cancelled * 2 > this.length) {
      this.compact();
      for (const t of this.toArray()) t._scheduled = true;
      this.cancelled = 0;
    }
    for (let t = this.peek(); t !== undefined && t._cancelled; t = this.peek()) {
      this.pop();
      t._scheduled = false;
      this.cancelled--;
    }
  }

  /**
   * When the earliest timer is due at `now` and another one falls due within
   * TIMER_GROUP_S of it but not yet, the deadline of the last such timer (the
   * loop waits for it, then fires them together); else 0. Called only when
   * the loop woke with nothing ready.
   */
  groupHold(now: number): number {
    const first = this.peek();
    if (first === undefined) return 0;
    if (first._when > now) return 0;
    const end = first._when + TIMER_GROUP_S;
    // The second earliest timer is one of the root's children: most wakes
    // end here, without touching the heap.
    const items = this.toArray();
    const a = items[1];
    const b = items[2];
    if ((a === undefined || a._when >= end) && (b === undefined || b._when >= end)) return 0;
    const taken: TimerHandle[] = [];
    let hold = 0;
    for (let t = this.peek(); t !== undefined && t._when < end; t = this.peek()) {
      taken.push(this.pop() as TimerHandle);
      if (t._when > now && !t._cancelled) hold = t._when;
    }
    for (const t of taken) this.push(t);
    return hold;
  }

  /** Moves the timers due at `now` to `ready`, in deadline order. */
  moveDue(now: number, ready: ReadyQueue): void {
    for (let t = this.peek(); t !== undefined && t._when <= now; t = this.peek()) {
      this.pop();
      t._scheduled = false;
      if (t._cancelled) this.cancelled--;
      else ready.push(runHandle, t);
    }
  }
}

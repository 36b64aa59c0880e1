// Timers due within a millisecond of each other fire in one iteration (as
// asyncio's selector, which rounds its wait up to whole milliseconds, fires
// them), also when the host wakes the loop a little before the first
// deadline and the clock passes it while the loop looks at its timers.
import { EventLoop, type TimerHandle } from "../../mod.ts";
import { assert, test } from "../_suite.ts";

/**
 * A loop on a scripted clock. Each wait "wakes early": the first reading
 * after it is 0.1 ms before the deadline the loop waited for, every later
 * one 0.1 ms after it, as when a host timer fires early and the loop's own
 * code takes a moment between two readings.
 */
class EarlyWakeLoop extends EventLoop {
  #readings: number[] = [];
  #last = 100;

  override time(): number {
    if (this.#readings.length > 0) this.#last = this.#readings.shift()!;
    return this.#last;
  }

  /** @ignore */
  override _waitUntil(when: number): Promise<void> {
    const waiting = this._waitForWork();
    this.#readings = [when - 0.0001, when + 0.0001];
    setTimeout(() => this._wakeUp(), 0);
    return waiting;
  }
}

test("EventLoop fires timers 0.2 ms apart in one iteration when the host wakes it early", async () => {
  const loop = new EarlyWakeLoop();
  const fired: string[] = [];
  try {
    await loop.runUntilComplete(async () => {
      const done = loop.createFuture<void>();
      let second: TimerHandle | undefined = undefined;
      // As a task group does when a child fails: the first timer's callback
      // cancels the second one, but only from the next iteration on.
      loop.callAt(100.01, () => {
        fired.push("first");
        loop.callSoon(() => {
          second!.cancel();
          done.setResult();
        });
      });
      second = loop.callAt(100.0102, () => fired.push("second"));
      await done;
    });
  } finally {
    loop.close();
  }
  assert.deepEqual(fired, ["first", "second"]);
});

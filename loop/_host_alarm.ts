// The one host timer a sleeping loop arms to wake at its next deadline.
import { type HostTimer, hostTimers } from "../_platform/mod.ts";

/** A host timer for one loop-time deadline at a time. */
export class HostAlarm {
  #timer: HostTimer | null = null;
  /** The loop time the armed timer is for; `Infinity` when none is armed. */
  when = Infinity;
  readonly #onFire: () => void;

  /** `onFire` runs when the armed timer fires (not when it is cleared). */
  constructor(onFire: () => void) {
    this.#onFire = onFire;
  }

  /** Whether no timer is armed for `when` or earlier. */
  isLaterThan(when: number): boolean {
    return this.#timer === null || this.when > when;
  }

  /** Arms the timer for loop time `when`, `delay` seconds from now, replacing any. */
  arm(when: number, delay: number): void {
    this.clear();
    // Whole milliseconds, rounded up as asyncio's selector rounds its
    // wait: the host never wakes the loop before the deadline for lack
    // of precision (an early wake-up anyway just re-arms). Clamped to a
    // day, as asyncio clamps its poll timeout: host timers overflow past
    // 2^31 ms.
    const ms = Math.min(Math.ceil(Math.max(0, delay * 1000)), 86_400_000);
    this.#timer = hostTimers.set(this.#fire, ms);
    this.when = when;
  }

  /** Disarms the timer, if armed. */
  clear(): void {
    if (this.#timer !== null) {
      hostTimers.clear(this.#timer);
      this.#timer = null;
      this.when = Infinity;
    }
  }

  #fire = (): void => {
    this.#timer = null;
    this.when = Infinity;
    this.#onFire();
  };
}

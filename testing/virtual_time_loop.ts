/**
 * A loop whose clock is virtual: when nothing is ready and the host has had
 * a turn to deliver I/O, the clock jumps to the next timer, so hours of
 * `sleep()` run in milliseconds while real I/O still works.
 *
 * @module
 */
import { checkOptions, describeValue } from "../_options.ts";
import { macrotask } from "../_platform/mod.ts";
import { EventLoop } from "../loop/event_loop.ts";
import "../tasks/task.ts";

/** Options of {@linkcode VirtualTimeEventLoop}. */
export interface VirtualTimeOptions {
  /** Jump the clock to the next timer whenever the loop is idle (default `true`). */
  autojump?: boolean;
  /** The clock's starting time in seconds (default 0). */
  start?: number;
}

const VIRTUAL_TIME_OPTIONS = ["autojump", "start"] as const;

function optionTypeError(key: string, expected: string, value: unknown): TypeError {
  return new TypeError(
    `Cannot create VirtualTimeEventLoop: ${key} must be ${expected}, not ${describeValue(value)}`,
  );
}

/**
 * An {@linkcode EventLoop} with a virtual clock, for tests and simulations.
 *
 * With `autojump` (the default), whenever no callback is ready and the host
 * has had a macrotask turn to deliver I/O, `time()` jumps to the earliest
 * timer. Without it, time moves only through {@linkcode VirtualTimeEventLoop.advance}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getRunningLoop, run } from "@asyncio/asyncio/loop";
 * import { sleep } from "@asyncio/asyncio/tasks";
 * import { VirtualTimeEventLoop } from "@asyncio/asyncio/testing";
 *
 * const started = performance.now();
 * const elapsed = await run(async () => {
 *   const t0 = getRunningLoop().time();
 *   await sleep(3600);
 *   return getRunningLoop().time() - t0;
 * }, { loopFactory: () => new VirtualTimeEventLoop() });
 * assert.equal(elapsed, 3600);
 * assert.ok(performance.now() - started < 1000);
 * ```
 */
export class VirtualTimeEventLoop extends EventLoop {
  #now: number;
  readonly #autojump: boolean;

  /**
   * Creates a virtual-time loop.
   *
   * @param options `autojump` (default `true`) and `start`, the clock's
   * first reading in seconds (default `0`).
   * @throws {TypeError} when `options` has an unknown key or is not an
   * object, `start` is not a number or `autojump` not a boolean.
   */
  constructor(options?: VirtualTimeOptions) {
    checkOptions(options, VIRTUAL_TIME_OPTIONS, "create VirtualTimeEventLoop");
    const start = options?.start ?? 0;
    const autojump = options?.autojump ?? true;
    if (typeof start !== "number") throw optionTypeError("start", "a number", start);
    if (typeof autojump !== "boolean") throw optionTypeError("autojump", "a boolean", autojump);
    super();
    this.#now = start;
    this.#autojump = autojump;
  }

  /** The virtual clock, in seconds. */
  override time(): number {
    return this.#now;
  }

  /**
   * Moves the clock forward by `seconds` and resolves once every callback
   * due by then has run (the loop must be running, e.g. inside `run()`).
   */
  advance(seconds: number): Promise<void> {
    if (!(seconds >= 0)) throw new RangeError(`seconds must be >= 0, got ${seconds}`);
    this.#now += seconds;
    const target = this.#now;
    return new Promise<void>((resolve) => {
      this.callAt(target, resolve);
      this._wakeUp();
    });
  }

  /** @ignore */
  override _waitUntil(when: number): Promise<void> {
    const waiting = this._waitForWork();
    if (this.#autojump) {
      // Give the host one macrotask turn to deliver I/O; if nothing arrived,
      // jump to the timer.
      macrotask(() => {
        if (this._isIdle()) {
          if (this.#now < when) this.#now = when;
          this._wakeUp();
        }
      });
    }
    return waiting;
  }
}

/**
 * Handles for scheduled callbacks. Ports asyncio's `events.Handle` and
 * `events.TimerHandle`.
 *
 * @module
 */
import { defineRepr, valueRepr } from "../_platform/mod.ts";
import type { AbstractEventLoop, Callback } from "./types.ts";

// What a cancelled handle keeps as its arguments (never written to).
const NO_ARGS: unknown[] = [];

/**
 * A callback scheduled with `loop.callSoon()`; `cancel()` keeps it from running.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { newEventLoop } from "@asyncio/asyncio/loop";
 *
 * const loop = newEventLoop();
 * const handle = loop.callSoon(() => {});
 * handle.cancel();
 * assert.equal(handle.cancelled(), true);
 * loop.close();
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.Handle
 */
export class Handle {
  /** @ignore */
  _callback: Callback<unknown[]> | null;
  /** @ignore */
  _args: unknown[];
  /** @ignore */
  readonly _loop: AbstractEventLoop;
  /** @ignore */
  _repr: string | null = null;

  /**
   * Creates a handle; the loop's scheduling methods do this for you.
   *
   * @param callback The function to call.
   * @param args The arguments to call it with.
   * @param loop The loop it is scheduled on.
   */
  constructor(callback: Callback<unknown[]>, args: unknown[], loop: AbstractEventLoop) {
    this._callback = callback;
    this._args = args;
    this._loop = loop;
  }

  /** @ignore Cancelled: the callback is dropped (one field fewer per handle). */
  get _cancelled(): boolean {
    return this._callback === null;
  }

  /** Cancels the callback; a no-op if it already ran or was cancelled. */
  cancel(): void {
    if (this._callback === null) return;
    if (this._loop.getDebug()) this._repr = handleRepr(this, true);
    this._callback = null;
    this._args = NO_ARGS;
  }

  /** Whether the callback was cancelled. */
  cancelled(): boolean {
    return this._cancelled;
  }

  /** @ignore */
  _run(): void {
    const cb = this._callback;
    if (cb === null) return;
    const args = this._args;
    if (args.length === 0) cb();
    else cb(...args);
  }
}

/**
 * A callback scheduled for a point in time with `loop.callLater()` or
 * `loop.callAt()`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { newEventLoop } from "@asyncio/asyncio/loop";
 *
 * const loop = newEventLoop();
 * const handle = loop.callAt(loop.time() + 10, () => {});
 * assert.ok(handle.when() > loop.time());
 * handle.cancel();
 * loop.close();
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.TimerHandle
 */
export class TimerHandle extends Handle {
  /** @ignore */
  readonly _when: number;
  /** @ignore */
  readonly _seq: number;
  /** @ignore */
  _scheduled = false;

  /**
   * Creates a timer handle; the loop's scheduling methods do this for you.
   *
   * @param when The absolute loop time it is due at, in seconds.
   * @param callback The function to call.
   * @param args The arguments to call it with.
   * @param loop The loop it is scheduled on.
   * @param seq The scheduling sequence number (orders equal deadlines).
   */
  constructor(
    when: number,
    callback: Callback<unknown[]>,
    args: unknown[],
    loop: AbstractEventLoop,
    seq = 0,
  ) {
    super(callback, args, loop);
    this._when = when;
    this._seq = seq;
  }

  /** The absolute loop time, in seconds, the callback is due at. */
  when(): number {
    return this._when;
  }

  /** Cancels the callback and tells the loop, which drops it lazily. */
  override cancel(): void {
    if (!this._cancelled) {
      (this._loop as { _timerHandleCancelled?(h: TimerHandle): void })._timerHandleCancelled?.(
        this,
      );
    }
    super.cancel();
  }
}

/** @ignore */
export function callbackRepr(cb: Callback<unknown[]> | null, args: readonly unknown[]): string {
  if (cb === null) return "";
  return `${cb.name || "anonymous"}(${args.map(valueRepr).join(", ")})`;
}

function handleRepr(h: Handle, cancelled: boolean = h._cancelled): string {
  if (h._repr !== null && cancelled) return h._repr;
  const parts = [h instanceof TimerHandle ? "TimerHandle" : "Handle"];
  if (cancelled) parts.push("cancelled");
  if (h instanceof TimerHandle) parts.push(`when=${Math.round(h._when * 100) / 100}`);
  const cb = callbackRepr(h._callback, h._args);
  if (cb) parts.push(cb);
  return `<${parts.join(" ")}>`;
}

defineRepr(Handle, (h) => handleRepr(h));

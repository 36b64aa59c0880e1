/**
 * `EventLoop`: the scheduling of {@linkcode BaseEventLoop} plus the loop's
 * I/O methods (networking, subprocesses, signals, executors). Each I/O method
 * is a thin entry point into the area that implements it.
 *
 * @module
 */
import { BaseEventLoop } from "./base_event_loop.ts";
import type { AbstractEventLoop } from "./types.ts";

/**
 * asyncio's event loop, as a scheduler on top of the host's loop.
 *
 * Callbacks run in FIFO order, those scheduled during an iteration in the
 * next one; timers fire by deadline (equal deadlines in scheduling order)
 * from one host timer armed for the earliest; future callbacks always go
 * through the ready queue. While busy it still hands the host a turn every
 * few milliseconds, so host timers, I/O and signals are served.
 *
 * Differences from asyncio: `runForever()`, `runUntilComplete()` return
 * promises instead of blocking; the running loop belongs to the async
 * context, not the thread; the loop returned by `getEventLoop()` outside any
 * loop runs by itself whenever work is scheduled on it, so top-level code can
 * `await sleep(1)` without `run()`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { EventLoop } from "@asyncio/asyncio/loop";
 *
 * const loop = new EventLoop();
 * const order: string[] = [];
 * loop.callLater(0.01, () => {
 *   order.push("later");
 *   loop.stop();
 * });
 * loop.callSoon(() => order.push("soon"));
 * await loop.runForever();
 * loop.close();
 * assert.deepEqual(order, ["soon", "later"]);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-eventloop.html
 */
export class EventLoop extends BaseEventLoop implements AbstractEventLoop {
  // ---- networking (streams/) ---------------------------------------------

  // ---- subprocesses (subprocess/) ----------------------------------------

  // ---- signals -----------------------------------------------------------

  // ---- executors ---------------------------------------------------------
}

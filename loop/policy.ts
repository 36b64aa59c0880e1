/**
 * Event loop policies and the current loop. Ports asyncio's policy API
 * (deprecated in Python 3.14, kept because the seed programs use it);
 * `run(main, { loopFactory })` and `Runner` are the primary way to choose a
 * loop.
 *
 * @module
 */
import { valueRepr } from "../_platform/mod.ts";
import { EventLoop } from "./event_loop.ts";
import { getRunningLoopOrNull } from "./running_loop.ts";
import type { AbstractEventLoop } from "./types.ts";

/** What a policy provides: the current loop and new loops. */
export interface EventLoopPolicy {
  /** The policy's current loop, created on first use. */
  getEventLoop(): AbstractEventLoop;
  /** Sets (or clears with `null`) the policy's current loop. */
  setEventLoop(loop: AbstractEventLoop | null): void;
  /** A new loop of the policy's kind. */
  newEventLoop(): AbstractEventLoop;
}

/**
 * The default policy: {@linkcode EventLoop} loops, and one current loop made
 * on first use.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { DefaultEventLoopPolicy, EventLoop } from "@asyncio/asyncio/loop";
 *
 * const policy = new DefaultEventLoopPolicy();
 * const loop = policy.newEventLoop();
 * assert.ok(loop instanceof EventLoop);
 * loop.close();
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-policy.html
 */
export class DefaultEventLoopPolicy implements EventLoopPolicy {
  #loop: AbstractEventLoop | null = null;

  /** The current loop; the first call makes one. */
  getEventLoop(): AbstractEventLoop {
    if (this.#loop === null) this.#loop = this.newEventLoop();
    return this.#loop;
  }

  /** Sets the current loop; `null` clears it. */
  setEventLoop(loop: AbstractEventLoop | null): void {
    if (loop !== null && typeof (loop as AbstractEventLoop).callSoon !== "function") {
      throw new TypeError(`loop must be an event loop or null, not ${valueRepr(loop)}`);
    }
    this.#loop = loop;
  }

  /** A new {@linkcode EventLoop}. */
  newEventLoop(): AbstractEventLoop {
    return new EventLoop();
  }
}

let policy: EventLoopPolicy | null = null;

/**
 * The current policy (the default one unless set).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getEventLoopPolicy } from "@asyncio/asyncio/loop";
 *
 * assert.equal(typeof getEventLoopPolicy().newEventLoop, "function");
 * ```
 */
export function getEventLoopPolicy(): EventLoopPolicy {
  return policy ??= new DefaultEventLoopPolicy();
}

/**
 * Sets the policy `run()`, `newEventLoop()` and `getEventLoop()` use;
 * `null` restores the default.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { DefaultEventLoopPolicy, getEventLoopPolicy, setEventLoopPolicy } from "@asyncio/asyncio/loop";
 *
 * const mine = new DefaultEventLoopPolicy();
 * setEventLoopPolicy(mine);
 * assert.equal(getEventLoopPolicy(), mine);
 * setEventLoopPolicy(null);
 * ```
 */
export function setEventLoopPolicy(newPolicy: EventLoopPolicy | null): void {
  if (newPolicy !== null && typeof newPolicy.newEventLoop !== "function") {
    throw new TypeError(`policy must be an EventLoopPolicy or null, not ${valueRepr(newPolicy)}`);
  }
  policy = newPolicy;
}

/**
 * The running loop of the current context; elsewhere the policy's current
 * loop.
 *
 * Difference from asyncio: outside any loop, the loop returned here runs by
 * itself whenever work is scheduled on it, so top-level code can
 * `await sleep(1)` or create and await tasks without `run()`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getEventLoop } from "@asyncio/asyncio/loop";
 *
 * assert.equal(getEventLoop(), getEventLoop());
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.get_event_loop
 */
export function getEventLoop(): AbstractEventLoop {
  const running = getRunningLoopOrNull();
  if (running !== null) return running;
  const loop = getEventLoopPolicy().getEventLoop();
  if (loop instanceof EventLoop) loop._autoRun = true;
  return loop;
}

/**
 * Sets the policy's current loop (what `getEventLoop()` returns outside a
 * loop).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getEventLoop, newEventLoop, setEventLoop } from "@asyncio/asyncio/loop";
 *
 * const loop = newEventLoop();
 * setEventLoop(loop);
 * assert.equal(getEventLoop(), loop);
 * setEventLoop(null);
 * loop.close();
 * ```
 */
export function setEventLoop(loop: AbstractEventLoop | null): void {
  getEventLoopPolicy().setEventLoop(loop);
}

/**
 * A new loop from the current policy.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { newEventLoop } from "@asyncio/asyncio/loop";
 *
 * const loop = newEventLoop();
 * assert.equal(loop.isRunning(), false);
 * loop.close();
 * ```
 */
export function newEventLoop(): AbstractEventLoop {
  return getEventLoopPolicy().newEventLoop();
}

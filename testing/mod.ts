/**
 * Testing helpers: {@linkcode VirtualTimeEventLoop}, a loop whose clock
 * jumps to the next timer when idle, so `sleep(3600)` in a test takes no
 * real time while real I/O still completes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run } from "@asyncio/asyncio/loop";
 * import { sleep } from "@asyncio/asyncio/tasks";
 * import { VirtualTimeEventLoop } from "@asyncio/asyncio/testing";
 *
 * const value = await run(() => sleep(86400, "a day later"), {
 *   loopFactory: () => new VirtualTimeEventLoop(),
 * });
 * assert.equal(value, "a day later");
 * ```
 *
 * @module
 */
export { VirtualTimeEventLoop, type VirtualTimeOptions } from "./virtual_time_loop.ts";

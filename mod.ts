/**
 * Python's asyncio for Deno, Bun and Node: the event loop, futures and
 * tasks with real cancellation, the synchronization primitives, the queues,
 * and the errors, from one entry point.
 *
 * Each area also has its own entry point: `@asyncio/asyncio/loop`,
 * `/tasks`, `/sync`, `/queues`, `/errors`, `/testing`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createTask, run, sleep } from "@asyncio/asyncio";
 *
 * const results = await run(async () => {
 *   const a = createTask(() => sleep(0.02, "a"));
 *   const b = createTask(() => sleep(0.01, "b"));
 *   return [await a, await b];
 * });
 * assert.deepEqual(results, ["a", "b"]);
 * ```
 *
 * @module
 */
export * from "./errors.ts";
export * from "./loop/mod.ts";
export * from "./queues/mod.ts";
export * from "./signals/mod.ts";
export * from "./streams/mod.ts";
export * from "./subprocess/mod.ts";
export * from "./sync/mod.ts";
export * from "./tasks/mod.ts";
export * from "./testing/mod.ts";

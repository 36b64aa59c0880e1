/**
 * Synchronization primitives for tasks, as in asyncio: {@linkcode Lock},
 * {@linkcode Event}, {@linkcode Condition}, {@linkcode Semaphore},
 * {@linkcode BoundedSemaphore} and {@linkcode Barrier}.
 *
 * They are fair (FIFO), safe under cancellation (a cancelled waiter never
 * strands a unit, a lock or a notification), and bind to the event loop of
 * their first blocking use. `acquire()` resolves to a {@linkcode Permit},
 * so `using _ = await lock.acquire()` replaces `async with lock:`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createTask, run, sleep } from "@asyncio/asyncio";
 * import { Lock } from "@asyncio/asyncio/sync";
 *
 * const total = await run(async () => {
 *   const lock = new Lock();
 *   let total = 0;
 *   async function add(n: number) {
 *     using _ = await lock.acquire();
 *     const seen = total;
 *     await sleep(0.001);
 *     total = seen + n;
 *   }
 *   const tasks = [1, 2, 3].map((n) => createTask(() => add(n)));
 *   for (const t of tasks) await t;
 *   return total;
 * });
 * assert.equal(total, 6);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-sync.html
 * @module
 */
export { Barrier } from "./barrier.ts";
export { Condition } from "./condition.ts";
export { Event } from "./event.ts";
export { Lock } from "./lock.ts";
export type { Permit } from "./permit.ts";
export { BoundedSemaphore, Semaphore } from "./semaphore.ts";

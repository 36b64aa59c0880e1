/**
 * Queues for producer and consumer tasks, as in asyncio:
 * {@linkcode Queue} (FIFO), {@linkcode LifoQueue} and
 * {@linkcode PriorityQueue}, with backpressure (`maxsize`), `join()` /
 * `taskDone()`, `shutdown()`, and `for await` iteration until shutdown.
 * The errors they throw, `QueueEmpty`, `QueueFull` and `QueueShutDown`,
 * are re-exported here (they live in `@asyncio/asyncio/errors`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createTask, run } from "@asyncio/asyncio";
 * import { Queue } from "@asyncio/asyncio/queues";
 *
 * const results = await run(async () => {
 *   const queue = new Queue<number>({ maxsize: 1 });
 *   const results: number[] = [];
 *   const worker = createTask(async () => {
 *     for await (const n of queue) results.push(n * n);
 *   });
 *   for (const n of [1, 2, 3]) await queue.put(n);
 *   queue.shutdown();
 *   await worker;
 *   return results;
 * });
 * assert.deepEqual(results, [1, 4, 9]);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-queue.html
 * @module
 */
export { QueueEmpty, QueueFull, QueueShutDown } from "../errors.ts";
export { LifoQueue } from "./lifo_queue.ts";
export { PriorityQueue, type PriorityQueueOptions } from "./priority_queue.ts";
export { Queue, type QueueOptions } from "./queue.ts";

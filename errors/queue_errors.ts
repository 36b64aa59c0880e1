/**
 * The errors of queues: `QueueEmpty`, `QueueFull`, `QueueShutDown`. Ports
 * those of asyncio's `queues` module.
 *
 * @module
 */
import { brand } from "./_brand.ts";

/**
 * `getNowait()` found the queue empty.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { QueueEmpty } from "@asyncio/asyncio/errors";
 *
 * assert.equal(new QueueEmpty().name, "QueueEmpty");
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-queue.html#asyncio.QueueEmpty
 */
export class QueueEmpty extends Error {
  static {
    brand(this, "QueueEmpty");
  }
}

/**
 * `putNowait()` found the queue at its `maxsize`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { QueueFull } from "@asyncio/asyncio/errors";
 *
 * assert.equal(new QueueFull().name, "QueueFull");
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-queue.html#asyncio.QueueFull
 */
export class QueueFull extends Error {
  static {
    brand(this, "QueueFull");
  }
}

/**
 * The queue was shut down (`shutdown()`): `put` fails, and `get` fails once
 * the queue is empty (at once after `shutdown(true)`).
 *
 * `for await` over a queue ends quietly at this error.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { QueueShutDown } from "@asyncio/asyncio/errors";
 *
 * assert.equal(new QueueShutDown().name, "QueueShutDown");
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-queue.html#asyncio.QueueShutDown
 */
export class QueueShutDown extends Error {
  static {
    brand(this, "QueueShutDown");
  }
}

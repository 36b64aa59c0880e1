/**
 * `PriorityQueue`: a queue that returns the smallest item first. Ports
 * asyncio's `queues.PriorityQueue`.
 *
 * @module
 */
import { describeValue } from "../_options.ts";
import { heapPop, heapPush, type Less } from "./_heap.ts";
import { pyLess } from "./_py_order.ts";
import { Queue, queueMaxsize, type QueueOptions } from "./queue.ts";

const PRIORITY_QUEUE_OPTIONS = ["maxsize", "compare"] as const;

/** Options of {@linkcode PriorityQueue}. */
export interface PriorityQueueOptions<T> extends QueueOptions {
  /**
   * Orders items like `Array.prototype.sort`'s comparator (negative: `a`
   * first). Default: Python's order (see {@linkcode PriorityQueue}).
   */
  compare?: (a: T, b: T) => number;
}

/**
 * A {@linkcode Queue} that returns the smallest item first (a binary heap,
 * like asyncio's, with the same layout), with the same waiting, `join()`
 * and `shutdown()` behaviour. Entries are typically `[priority, data]`
 * arrays, or `[priority, seq, data]` so equal priorities keep their order.
 *
 * The default order is Python's for the values JavaScript shares with it:
 * numbers, bigints and booleans compare with each other, strings by code
 * point, Dates with Dates, and arrays element by element like tuples (the
 * first unequal pair decides; a prefix sorts first). Values Python could
 * not compare (`null`, plain objects, a number with a string) throw
 * `TypeError` when they meet; pass `compare` to order anything else.
 *
 * Differences from asyncio: a `put()` or `putNowait()` whose item cannot
 * be compared throws `TypeError` and leaves the queue unchanged (asyncio
 * keeps the item in its list).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PriorityQueue } from "@asyncio/asyncio";
 *
 * const jobs = new PriorityQueue<[number, string]>();
 * jobs.putNowait([2, "write"]);
 * jobs.putNowait([1, "read"]);
 * jobs.putNowait([3, "close"]);
 * assert.deepEqual(jobs.getNowait(), [1, "read"]);
 *
 * const byLength = new PriorityQueue<string>({ compare: (a, b) => a.length - b.length });
 * byLength.putNowait("three");
 * byLength.putNowait("to");
 * assert.equal(byLength.getNowait(), "to");
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-queue.html#asyncio.PriorityQueue
 */
export class PriorityQueue<T> extends Queue<T> {
  #heap: T[] = [];
  readonly #less: Less<T>;

  /**
   * Creates a priority queue.
   *
   * @param options The capacity as a number, or `{ maxsize, compare }`:
   * the capacity (`0` or less, the default: unbounded) and the order
   * (default: Python's).
   * @throws {TypeError} when `compare` is not a function, `maxsize` not a
   * number, `options` has another key, or is neither a number nor an
   * object.
   */
  constructor(options?: number | PriorityQueueOptions<T>) {
    super(queueMaxsize(options, PRIORITY_QUEUE_OPTIONS, new.target));
    const compare = typeof options === "number" ? undefined : options?.compare;
    if (compare === undefined) this.#less = pyLess;
    else if (typeof compare !== "function") {
      throw new TypeError(
        `Cannot create ${new.target.name}: compare must be a function, not ${
          describeValue(compare)
        }`,
      );
    } else this.#less = (a, b) => compare(a, b) < 0;
  }

  /** @ignore */
  override _qsize(): number {
    return this.#heap.length;
  }

  /** @ignore */
  override _put(item: T): void {
    heapPush(this.#heap, item, this.#less);
  }

  /** @ignore */
  override _get(): T {
    return heapPop(this.#heap, this.#less);
  }

  /** @ignore */
  override _storage(): T[] {
    return [...this.#heap];
  }
}

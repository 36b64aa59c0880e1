/**
 * The errors of stream reads: `IncompleteReadError`, `LimitOverrunError`.
 * Ports those of asyncio's `exceptions` module.
 *
 * @module
 */
import { brand } from "./_brand.ts";

/**
 * The stream ended before a read could be satisfied (`readExactly()`,
 * `readUntil()`).
 *
 * The message reads `<n> bytes read on a total of <expected> expected bytes`,
 * with `undefined` for an unknown `expected`.
 *
 * Differences from asyncio: Python's derives from `EOFError`, which this
 * library does not have; it extends `Error`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { IncompleteReadError } from "@asyncio/asyncio/errors";
 *
 * const e = new IncompleteReadError(new Uint8Array([1, 2]), 5);
 * assert.equal(e.message, "2 bytes read on a total of 5 expected bytes");
 * assert.deepEqual(e.partial, new Uint8Array([1, 2]));
 * assert.equal(e.expected, 5);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-exceptions.html#asyncio.IncompleteReadError
 */
export class IncompleteReadError extends Error {
  static {
    brand(this, "IncompleteReadError");
  }

  /** The bytes read before the end of the stream. */
  partial: Uint8Array;
  /** How many bytes were wanted, or `null` when reading up to a separator. */
  expected: number | null;

  /**
   * Makes an incomplete-read error.
   *
   * @param partial The bytes read before the end of the stream.
   * @param expected The number of bytes wanted, or `null` when not known.
   * @param options `cause`: the error this one chains to.
   */
  constructor(partial: Uint8Array, expected: number | null, options?: ErrorOptions) {
    super(
      `${partial.length} bytes read on a total of ${expected ?? "undefined"} expected bytes`,
      options,
    );
    this.partial = partial;
    this.expected = expected;
  }
}

/**
 * A stream read found no separator, or a too long chunk, within the buffer
 * limit.
 *
 * `consumed` is the number of bytes the caller should consume (skip) to get
 * past the offending data.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { LimitOverrunError } from "@asyncio/asyncio/errors";
 *
 * const e = new LimitOverrunError("Separator is not found, and chunk exceed the limit", 65536);
 * assert.equal(e.consumed, 65536);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-exceptions.html#asyncio.LimitOverrunError
 */
export class LimitOverrunError extends Error {
  static {
    brand(this, "LimitOverrunError");
  }

  /** The number of bytes to consume to get past the data that overran the limit. */
  consumed: number;

  /**
   * Makes a limit-overrun error.
   *
   * @param message What overran the limit.
   * @param consumed The number of bytes to consume.
   * @param options `cause`: the error this one chains to.
   */
  constructor(message: string, consumed: number, options?: ErrorOptions) {
    super(message, options);
    this.consumed = consumed;
  }
}

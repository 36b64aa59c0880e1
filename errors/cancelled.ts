/**
 * The errors of futures and deadlines: `CancelledError` (and
 * `isCancelledError`), `TimeoutError`, `InvalidStateError`. Ports those of
 * asyncio's `exceptions` module.
 *
 * @module
 */
import { brand } from "./_brand.ts";

/**
 * The operation was cancelled: thrown into a task by `task.cancel(msg)` and by
 * awaiting a cancelled future.
 *
 * `message` is the `msg` given to `cancel(msg)`, empty when none was given.
 *
 * Differences from asyncio: in Python `CancelledError` derives from
 * `BaseException`, so `except Exception:` lets it through. JavaScript has no
 * `BaseException`: a bare `catch (e)` catches a cancellation too. Code that
 * catches broadly must rethrow it (`if (isCancelledError(e)) throw e;`),
 * otherwise the task swallows its own cancellation and keeps running.
 *
 * @example Rethrow a cancellation from a catch-all
 * ```ts
 * import assert from "node:assert/strict";
 * import { CancelledError, isCancelledError } from "@asyncio/asyncio/errors";
 *
 * function step(): void {
 *   throw new CancelledError("shutting down");
 * }
 * assert.throws(() => {
 *   try {
 *     step();
 *   } catch (e) {
 *     if (isCancelledError(e)) throw e; // never swallow a cancellation
 *     console.error("recovered from", e);
 *   }
 * }, CancelledError);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-exceptions.html#asyncio.CancelledError
 */
export class CancelledError extends Error {
  static {
    brand(this, "CancelledError");
  }
}

/**
 * Tells whether `e` is a {@linkcode CancelledError} (from any copy of this
 * module).
 *
 * Use it in a catch-all to rethrow cancellations, which JavaScript's `catch`
 * cannot leave out the way Python's `except Exception:` does.
 *
 * @param e Any thrown value.
 * @returns `true` when `e` is a `CancelledError`, narrowing its type.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { CancelledError, isCancelledError } from "@asyncio/asyncio/errors";
 *
 * assert.equal(isCancelledError(new CancelledError()), true);
 * assert.equal(isCancelledError(new Error("boom")), false);
 * assert.equal(isCancelledError("cancelled"), false);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-task.html#task-cancellation
 */
export function isCancelledError(e: unknown): e is CancelledError {
  return e instanceof CancelledError;
}

/**
 * A deadline passed: thrown by `timeout()`, `waitFor()` and `asCompleted()`.
 *
 * When a deadline cancels the work in progress, `cause` is the
 * `CancelledError` that was thrown into it.
 *
 * Differences from asyncio: Python's `TimeoutError` (which asyncio's is an
 * alias of since 3.11) is a subclass of `OSError`; this one extends `Error`
 * directly, so `catch (e) { if (e instanceof OSError) ... }` does not catch
 * it. An operating system `ETIMEDOUT` becomes an {@linkcode OSError} with that
 * `code`, not a `TimeoutError`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { CancelledError, OSError, TimeoutError } from "@asyncio/asyncio/errors";
 *
 * const cancelled = new CancelledError();
 * const e = new TimeoutError("Timed out after 1s", { cause: cancelled });
 * assert.equal(e.cause, cancelled);
 * assert.equal(e instanceof OSError, false);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-exceptions.html#asyncio.TimeoutError
 */
export class TimeoutError extends Error {
  static {
    brand(this, "TimeoutError");
  }
}

/**
 * A `Future` or `Task` is in the wrong state for the operation: its result
 * was read before it was done, or it was completed twice.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { InvalidStateError } from "@asyncio/asyncio/errors";
 *
 * const e = new InvalidStateError("Cannot get result: Future is not done");
 * assert.equal(e.name, "InvalidStateError");
 * assert.equal(e.message, "Cannot get result: Future is not done");
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-exceptions.html#asyncio.InvalidStateError
 */
export class InvalidStateError extends Error {
  static {
    brand(this, "InvalidStateError");
  }
}

/**
 * The Python built-ins that asyncio raises (`KeyboardInterrupt`,
 * `RuntimeError`, `ValueError`) and asyncio's two `RuntimeError`
 * subclasses, `BrokenBarrierError` and `SendfileNotAvailableError`.
 *
 * @module
 */
import { brand } from "./_brand.ts";

/**
 * The user interrupted the program (SIGINT): `run()` throws it when SIGINT
 * cancelled the main task, as Python raises `KeyboardInterrupt`.
 *
 * Difference from Python: it is an ordinary `Error`; JavaScript has no
 * `BaseException`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { KeyboardInterrupt } from "@asyncio/asyncio/errors";
 *
 * assert.equal(new KeyboardInterrupt().name, "KeyboardInterrupt");
 * ```
 *
 * @see https://docs.python.org/3/library/exceptions.html#KeyboardInterrupt
 */
export class KeyboardInterrupt extends Error {
  static {
    brand(this, "KeyboardInterrupt");
  }
}

/**
 * An operation is not allowed in the current state of the loop or of a
 * primitive (Python's built-in `RuntimeError`): `no running event loop`,
 * `Event loop is closed`, `Lock is not acquired`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { RuntimeError } from "@asyncio/asyncio/errors";
 *
 * const e = new RuntimeError("Event loop is closed");
 * assert.equal(e.name, "RuntimeError");
 * ```
 *
 * @see https://docs.python.org/3/library/exceptions.html#RuntimeError
 */
export class RuntimeError extends Error {
  static {
    brand(this, "RuntimeError");
  }
}

/**
 * A `Barrier` was aborted or reset while tasks waited on it, or was used
 * after `abort()`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { BrokenBarrierError, RuntimeError } from "@asyncio/asyncio/errors";
 *
 * assert.ok(new BrokenBarrierError() instanceof RuntimeError);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-sync.html#asyncio.BrokenBarrierError
 */
export class BrokenBarrierError extends RuntimeError {
  static {
    brand(this, "BrokenBarrierError");
  }
}

/**
 * Native `sendfile` is not available for this transport or file, and the
 * fallback was disabled.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { RuntimeError, SendfileNotAvailableError } from "@asyncio/asyncio/errors";
 *
 * const e = new SendfileNotAvailableError("Cannot sendfile: transport is not a socket");
 * assert.ok(e instanceof RuntimeError);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-exceptions.html#asyncio.SendfileNotAvailableError
 */
export class SendfileNotAvailableError extends RuntimeError {
  static {
    brand(this, "SendfileNotAvailableError");
  }
}

/**
 * An argument has the right type but a wrong value (Python's built-in
 * `ValueError`): a negative semaphore value, an unknown signal name, an empty
 * `ExceptionGroup`.
 *
 * Arguments of the wrong type throw JavaScript's `TypeError`, as in Python.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ValueError } from "@asyncio/asyncio/errors";
 *
 * const e = new ValueError("Semaphore initial value must be >= 0");
 * assert.equal(e.name, "ValueError");
 * ```
 *
 * @see https://docs.python.org/3/library/exceptions.html#ValueError
 */
export class ValueError extends Error {
  static {
    brand(this, "ValueError");
  }
}

/**
 * The errors asyncio raises, under asyncio's names.
 *
 * Ports Python's `asyncio.exceptions`, the built-in exceptions asyncio raises
 * (`RuntimeError`, `ValueError`, `OSError` and the `OSError` subclasses that
 * sockets and processes surface) and `ExceptionGroup`.
 *
 * ```text
 * Error
 * ├── CancelledError          (Python: BaseException; see its docs)
 * ├── TimeoutError            (Python: an OSError subclass)
 * ├── InvalidStateError
 * ├── IncompleteReadError     (partial, expected)
 * ├── LimitOverrunError       (consumed)
 * ├── QueueEmpty, QueueFull, QueueShutDown
 * ├── RuntimeError
 * │   ├── BrokenBarrierError
 * │   └── SendfileNotAvailableError
 * ├── ValueError
 * └── OSError                 (errno, code, syscall?, address?, port?)
 *     ├── ConnectionError
 *     │   ├── ConnectionRefusedError, ConnectionResetError
 *     │   └── ConnectionAbortedError, BrokenPipeError
 *     └── FileNotFoundError, PermissionError, ProcessLookupError, IsADirectoryError
 * AggregateError
 * └── ExceptionGroup          (exceptions, split(), subgroup(), derive())
 * ```
 *
 * Every class sets `name` to its own name, takes `{ cause }` as its last
 * optional argument, and answers `instanceof` by a brand
 * (`Symbol.for("@asyncio/asyncio.error.<Name>")`) carried on its prototype, so
 * an error made by one copy of this module is an instance of the same class in
 * another copy (two versions in one dependency tree, or a bundle next to the
 * package).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ConnectionError, ConnectionRefusedError, OSError } from "@asyncio/asyncio/errors";
 *
 * const e = new ConnectionRefusedError("Cannot connect to 127.0.0.1:1");
 * assert.ok(e instanceof ConnectionError && e instanceof OSError && e instanceof Error);
 * assert.equal(e.name, "ConnectionRefusedError");
 * assert.equal(e.code, "ECONNREFUSED");
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-exceptions.html
 * @module
 */

// One file holds the whole family (the API's `errors.ts`); it is long only
// because every class carries its own docs and example.

// ---------------------------------------------------------------------------
// Branding. `instanceof` normally compares prototypes, which fails when two
// copies of this module are loaded: each copy has its own `CancelledError`.
// Each class's prototype therefore carries a non-enumerable property keyed by
// `Symbol.for(...)` (one registry per realm, shared by all copies), and each
// class answers `instanceof` by looking that key up along the value's
// prototype chain. A subclass instance sees its ancestors' brands through the
// chain, so a `ConnectionRefusedError` is an `OSError` in every copy. A user's
// own subclass is not branded and falls back to the ordinary check.
// ---------------------------------------------------------------------------

const brands = new WeakMap<object, symbol>();
const ordinaryHasInstance = Function.prototype[Symbol.hasInstance];

function brandedHasInstance(this: unknown, value: unknown): boolean {
  const key = typeof this === "function" ? brands.get(this) : undefined;
  if (key === undefined) return ordinaryHasInstance.call(this, value);
  return ((typeof value === "object" && value !== null) || typeof value === "function")
    && key in value;
}

/** Names a class and brands it; called once from each class's static block. */
function brand(ctor: abstract new(...args: never[]) => unknown, name: string): void {
  const key = Symbol.for(`@asyncio/asyncio.error.${name}`);
  brands.set(ctor, key);
  Object.defineProperty(ctor.prototype, key, { value: true });
  // On the prototype, like the built-in errors' `name`: not an own,
  // enumerable field of every instance.
  Object.defineProperty(ctor.prototype, "name", {
    value: name,
    writable: true,
    configurable: true,
  });
  Object.defineProperty(ctor, Symbol.hasInstance, {
    value: brandedHasInstance,
    configurable: true,
  });
}

// ---------------------------------------------------------------------------
// asyncio's own exceptions
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Python built-ins that asyncio raises
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// OSError and the subclasses asyncio surfaces
// ---------------------------------------------------------------------------

/** Fields of an {@linkcode OSError}, given to its constructor. */
export interface OSErrorOptions {
  /** The error number; derived from `code` when left out. */
  errno?: number;
  /** The error code, like `"ECONNREFUSED"`; derived from `errno` when left out. */
  code?: string;
  /** The system call that failed, like `"connect"`. */
  syscall?: string;
  /** The address (host or path) involved. */
  address?: string;
  /** The port involved. */
  port?: number;
  /** The error this one chains to, such as the runtime's own error. */
  cause?: unknown;
}

// Linux's numbers, used on every platform so that the same failure carries the
// same fields on Deno, Bun and Node (and on macOS or Windows).
const ERRNO_BY_CODE: ReadonlyMap<string, number> = new Map([
  ["EPERM", 1],
  ["ENOENT", 2],
  ["ESRCH", 3],
  ["EINTR", 4],
  ["EIO", 5],
  ["EBADF", 9],
  ["ECHILD", 10],
  ["EAGAIN", 11],
  ["ENOMEM", 12],
  ["EACCES", 13],
  ["EEXIST", 17],
  ["ENOTDIR", 20],
  ["EISDIR", 21],
  ["EINVAL", 22],
  ["EMFILE", 24],
  ["ENOSPC", 28],
  ["EPIPE", 32],
  ["ENOTSOCK", 88],
  ["EOPNOTSUPP", 95],
  ["EADDRINUSE", 98],
  ["EADDRNOTAVAIL", 99],
  ["ENETDOWN", 100],
  ["ENETUNREACH", 101],
  ["ECONNABORTED", 103],
  ["ECONNRESET", 104],
  ["ENOTCONN", 107],
  ["ESHUTDOWN", 108],
  ["ETIMEDOUT", 110],
  ["ECONNREFUSED", 111],
  ["EHOSTUNREACH", 113],
  ["EALREADY", 114],
  ["EINPROGRESS", 115],
]);

const CODE_BY_ERRNO: ReadonlyMap<number, string> = new Map(
  [...ERRNO_BY_CODE].map(([code, errno]) => [errno, code]),
);

/** Fills in a subclass's default `code` unless the caller gave one. */
function withCode(options: OSErrorOptions | undefined, code: string): OSErrorOptions {
  return options?.code === undefined ? { ...options, code } : options;
}

/**
 * A system call failed (Python's built-in `OSError`): a socket, file or
 * process operation.
 *
 * `errno` and `code` identify the failure (`111`, `"ECONNREFUSED"`); give
 * either and the other is filled in. `syscall`, `address` and `port` are set
 * when known. The subclasses below carry their usual `code` by default; use
 * {@linkcode osErrorFromCode} to pick the subclass for a code.
 *
 * Differences from Python: `errno` numbers are Linux's on every platform, and
 * `new OSError(...)` never returns a subclass (use `osErrorFromCode`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { OSError } from "@asyncio/asyncio/errors";
 *
 * const e = new OSError("Cannot bind 127.0.0.1:80", {
 *   code: "EADDRINUSE",
 *   syscall: "bind",
 *   address: "127.0.0.1",
 *   port: 80,
 * });
 * assert.equal(e.errno, 98);
 * assert.equal(e.syscall, "bind");
 * ```
 *
 * @see https://docs.python.org/3/library/exceptions.html#OSError
 */
export class OSError extends Error {
  static {
    brand(this, "OSError");
  }

  /** The error number (Linux's numbering), or `undefined` when not known. */
  errno: number | undefined;
  /** The error code, like `"ECONNREFUSED"`, or `undefined` when not known. */
  code: string | undefined;
  /** The system call that failed, when known. */
  declare syscall?: string;
  /** The address (host or path) involved, when known. */
  declare address?: string;
  /** The port involved, when known. */
  declare port?: number;

  /**
   * Makes an OS error.
   *
   * @param message What failed.
   * @param options `errno`, `code`, `syscall`, `address`, `port` and `cause`.
   */
  constructor(message?: string, options?: OSErrorOptions) {
    super(message, options);
    const code = options?.code
      ?? (options?.errno === undefined ? undefined : CODE_BY_ERRNO.get(options.errno));
    this.errno = options?.errno ?? (code === undefined ? undefined : ERRNO_BY_CODE.get(code));
    this.code = code;
    if (options?.syscall !== undefined) this.syscall = options.syscall;
    if (options?.address !== undefined) this.address = options.address;
    if (options?.port !== undefined) this.port = options.port;
  }
}

/**
 * A connection-related failure; the base of the refused, reset, aborted and
 * broken-pipe errors. It has no `code` of its own.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { BrokenPipeError, ConnectionError } from "@asyncio/asyncio/errors";
 *
 * assert.ok(new BrokenPipeError() instanceof ConnectionError);
 * ```
 *
 * @see https://docs.python.org/3/library/exceptions.html#ConnectionError
 */
export class ConnectionError extends OSError {
  static {
    brand(this, "ConnectionError");
  }
}

/**
 * The peer refused the connection (`ECONNREFUSED`, errno 111).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ConnectionRefusedError } from "@asyncio/asyncio/errors";
 *
 * const e = new ConnectionRefusedError("Cannot connect", { address: "127.0.0.1", port: 1 });
 * assert.equal(e.code, "ECONNREFUSED");
 * assert.equal(e.errno, 111);
 * ```
 *
 * @see https://docs.python.org/3/library/exceptions.html#ConnectionRefusedError
 */
export class ConnectionRefusedError extends ConnectionError {
  static {
    brand(this, "ConnectionRefusedError");
  }

  /**
   * Makes a connection-refused error.
   *
   * @param message What failed.
   * @param options Fields; `code` defaults to `"ECONNREFUSED"`.
   */
  constructor(message?: string, options?: OSErrorOptions) {
    super(message, withCode(options, "ECONNREFUSED"));
  }
}

/**
 * The peer reset the connection (`ECONNRESET`, errno 104).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ConnectionResetError } from "@asyncio/asyncio/errors";
 *
 * const e = new ConnectionResetError("peer went away");
 * assert.equal(e.code, "ECONNRESET");
 * assert.equal(e.errno, 104);
 * ```
 *
 * @see https://docs.python.org/3/library/exceptions.html#ConnectionResetError
 */
export class ConnectionResetError extends ConnectionError {
  static {
    brand(this, "ConnectionResetError");
  }

  /**
   * Makes a connection-reset error.
   *
   * @param message What failed.
   * @param options Fields; `code` defaults to `"ECONNRESET"`.
   */
  constructor(message?: string, options?: OSErrorOptions) {
    super(message, withCode(options, "ECONNRESET"));
  }
}

/**
 * The connection was aborted on this side (`ECONNABORTED`, errno 103).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ConnectionAbortedError } from "@asyncio/asyncio/errors";
 *
 * assert.equal(new ConnectionAbortedError().code, "ECONNABORTED");
 * ```
 *
 * @see https://docs.python.org/3/library/exceptions.html#ConnectionAbortedError
 */
export class ConnectionAbortedError extends ConnectionError {
  static {
    brand(this, "ConnectionAbortedError");
  }

  /**
   * Makes a connection-aborted error.
   *
   * @param message What failed.
   * @param options Fields; `code` defaults to `"ECONNABORTED"`.
   */
  constructor(message?: string, options?: OSErrorOptions) {
    super(message, withCode(options, "ECONNABORTED"));
  }
}

/**
 * Writing to a pipe or socket whose other end is closed (`EPIPE`, errno 32;
 * also `ESHUTDOWN`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { BrokenPipeError } from "@asyncio/asyncio/errors";
 *
 * assert.equal(new BrokenPipeError().errno, 32);
 * ```
 *
 * @see https://docs.python.org/3/library/exceptions.html#BrokenPipeError
 */
export class BrokenPipeError extends ConnectionError {
  static {
    brand(this, "BrokenPipeError");
  }

  /**
   * Makes a broken-pipe error.
   *
   * @param message What failed.
   * @param options Fields; `code` defaults to `"EPIPE"`.
   */
  constructor(message?: string, options?: OSErrorOptions) {
    super(message, withCode(options, "EPIPE"));
  }
}

/**
 * A file or directory does not exist (`ENOENT`, errno 2): a Unix socket path,
 * a program to spawn.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { FileNotFoundError } from "@asyncio/asyncio/errors";
 *
 * const e = new FileNotFoundError("Cannot spawn: no such program", { syscall: "spawn" });
 * assert.equal(e.code, "ENOENT");
 * ```
 *
 * @see https://docs.python.org/3/library/exceptions.html#FileNotFoundError
 */
export class FileNotFoundError extends OSError {
  static {
    brand(this, "FileNotFoundError");
  }

  /**
   * Makes a file-not-found error.
   *
   * @param message What failed.
   * @param options Fields; `code` defaults to `"ENOENT"`.
   */
  constructor(message?: string, options?: OSErrorOptions) {
    super(message, withCode(options, "ENOENT"));
  }
}

/**
 * The operation is not permitted (`EACCES`, errno 13, by default; also
 * `EPERM`, errno 1).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PermissionError } from "@asyncio/asyncio/errors";
 *
 * assert.equal(new PermissionError().code, "EACCES");
 * assert.equal(new PermissionError("Cannot signal pid 1", { code: "EPERM" }).errno, 1);
 * ```
 *
 * @see https://docs.python.org/3/library/exceptions.html#PermissionError
 */
export class PermissionError extends OSError {
  static {
    brand(this, "PermissionError");
  }

  /**
   * Makes a permission error.
   *
   * @param message What failed.
   * @param options Fields; `code` defaults to `"EACCES"`.
   */
  constructor(message?: string, options?: OSErrorOptions) {
    super(message, withCode(options, "EACCES"));
  }
}

/**
 * No such process (`ESRCH`, errno 3): signalling a process that has exited.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ProcessLookupError } from "@asyncio/asyncio/errors";
 *
 * assert.equal(new ProcessLookupError().code, "ESRCH");
 * ```
 *
 * @see https://docs.python.org/3/library/exceptions.html#ProcessLookupError
 */
export class ProcessLookupError extends OSError {
  static {
    brand(this, "ProcessLookupError");
  }

  /**
   * Makes a process-lookup error.
   *
   * @param message What failed.
   * @param options Fields; `code` defaults to `"ESRCH"`.
   */
  constructor(message?: string, options?: OSErrorOptions) {
    super(message, withCode(options, "ESRCH"));
  }
}

/**
 * A file operation was given a directory (`EISDIR`, errno 21).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { IsADirectoryError } from "@asyncio/asyncio/errors";
 *
 * assert.equal(new IsADirectoryError().errno, 21);
 * ```
 *
 * @see https://docs.python.org/3/library/exceptions.html#IsADirectoryError
 */
export class IsADirectoryError extends OSError {
  static {
    brand(this, "IsADirectoryError");
  }

  /**
   * Makes an is-a-directory error.
   *
   * @param message What failed.
   * @param options Fields; `code` defaults to `"EISDIR"`.
   */
  constructor(message?: string, options?: OSErrorOptions) {
    super(message, withCode(options, "EISDIR"));
  }
}

type OSErrorClass = new(message?: string, options?: OSErrorOptions) => OSError;

const CLASS_BY_CODE: ReadonlyMap<string, OSErrorClass> = new Map<string, OSErrorClass>([
  ["ECONNREFUSED", ConnectionRefusedError],
  ["ECONNRESET", ConnectionResetError],
  ["ECONNABORTED", ConnectionAbortedError],
  ["EPIPE", BrokenPipeError],
  ["ESHUTDOWN", BrokenPipeError],
  ["ENOENT", FileNotFoundError],
  ["EACCES", PermissionError],
  ["EPERM", PermissionError],
  ["ESRCH", ProcessLookupError],
  ["EISDIR", IsADirectoryError],
]);

/**
 * Makes the `OSError` subclass that matches an error code, as Python's
 * `OSError(errno, ...)` does; the streams and subprocess layers use it to turn
 * each runtime's errors into the same class with the same fields.
 *
 * `ECONNREFUSED`, `ECONNRESET`, `ECONNABORTED`, `EPIPE`/`ESHUTDOWN`, `ENOENT`,
 * `EACCES`/`EPERM`, `ESRCH` and `EISDIR` give their subclass; any other code
 * gives a plain `OSError` carrying that code.
 *
 * Differences from Python: `ETIMEDOUT` gives an `OSError`, not a
 * `TimeoutError` (which here does not extend `OSError`).
 *
 * @param code The error code, like `"ECONNREFUSED"`.
 * @param message What failed.
 * @param options `errno` (derived from `code` when left out), `syscall`,
 *   `address`, `port` and `cause`.
 * @returns The error, not thrown.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ConnectionRefusedError, OSError, osErrorFromCode } from "@asyncio/asyncio/errors";
 *
 * const e = osErrorFromCode("ECONNREFUSED", "Cannot connect to 127.0.0.1:1", { port: 1 });
 * assert.ok(e instanceof ConnectionRefusedError);
 * assert.equal(e.port, 1);
 * const other = osErrorFromCode("EADDRINUSE", "Cannot bind");
 * assert.equal(other.constructor, OSError);
 * assert.equal(other.errno, 98);
 * ```
 *
 * @see https://docs.python.org/3/library/exceptions.html#os-exceptions
 */
export function osErrorFromCode(
  code: string,
  message: string,
  options?: Omit<OSErrorOptions, "code">,
): OSError {
  const Class = CLASS_BY_CODE.get(code) ?? OSError;
  return new Class(message, { ...options, code });
}

// ---------------------------------------------------------------------------
// ExceptionGroup
// ---------------------------------------------------------------------------

/** A class to match errors against with `instanceof`. */
export type ErrorClass = abstract new(...args: never[]) => unknown;

/**
 * What {@linkcode ExceptionGroup.split} and {@linkcode ExceptionGroup.subgroup}
 * match: an error class, an array of error classes (Python's tuple), or a
 * predicate called with each error and each nested group.
 */
export type ExceptionGroupCondition =
  | ErrorClass
  | readonly ErrorClass[]
  | ((error: unknown) => boolean);

/**
 * Errors raised together, as a `TaskGroup` raises the errors of its tasks.
 *
 * `exceptions` is a frozen copy of the errors given (also exposed as
 * `AggregateError`'s `errors`); nested groups keep their structure.
 * {@linkcode ExceptionGroup.split} and {@linkcode ExceptionGroup.subgroup}
 * pick errors out by class or predicate, recursively, the way Python's
 * `except*` does.
 *
 * Differences from Python: the errors may be any thrown values, not only
 * `Error`s; there is no `BaseExceptionGroup`; `message` is the message
 * exactly (Python's `str()` adds a count of sub-exceptions).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ExceptionGroup, ValueError } from "@asyncio/asyncio/errors";
 *
 * const eg = new ExceptionGroup("unhandled errors in a TaskGroup", [
 *   new ValueError("bad port"),
 *   new TypeError("not a string"),
 * ]);
 * const [values, rest] = eg.split(ValueError);
 * assert.equal(values?.exceptions.length, 1);
 * assert.ok(rest?.exceptions[0] instanceof TypeError);
 * assert.ok(eg instanceof AggregateError);
 * ```
 *
 * @see https://docs.python.org/3/library/exceptions.html#ExceptionGroup
 */
export class ExceptionGroup extends AggregateError {
  static {
    brand(this, "ExceptionGroup");
  }

  /**
   * The errors of this group, in order; nested groups are kept as they are.
   * Frozen, and read-only like Python's.
   */
  declare readonly exceptions: readonly unknown[];

  /**
   * Makes a group of errors.
   *
   * @param message What the errors have in common.
   * @param exceptions The errors: a non-empty array or other iterable.
   * @param options `cause`: the error this group chains to.
   * @throws {TypeError} When `message` is not a string or `exceptions` is not
   *   iterable (or is a string).
   * @throws {ValueError} When `exceptions` is empty.
   */
  constructor(message: string, exceptions: Iterable<unknown>, options?: ErrorOptions) {
    const list = toExceptionList(message, exceptions);
    super(list, message, options);
    // Non-enumerable like `errors`, which inspectors already print. And
    // AggregateError copies the list into a fresh mutable array: make `errors`
    // the same frozen list so the two can never disagree.
    Object.defineProperty(this, "exceptions", { value: list });
    Object.defineProperty(this, "errors", { value: list, writable: true, configurable: true });
  }

  /**
   * Splits the group in two: the errors that match `condition` and the rest.
   *
   * The condition is tried on the group itself first (a match returns
   * `[this, null]`), then on each error, recursing into nested groups. Each
   * side is built with {@linkcode ExceptionGroup.derive}, keeps the nesting
   * of the original, and gets its `cause` and `stack`.
   *
   * @param condition An error class, an array of them, or a predicate.
   * @returns `[match, rest]`, each `null` when empty.
   * @throws {TypeError} When `condition` is none of those, or `derive()`
   *   does not return an `ExceptionGroup`.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { ExceptionGroup, ValueError } from "@asyncio/asyncio/errors";
   *
   * const inner = new ExceptionGroup("inner", [new ValueError("a"), new TypeError("b")]);
   * const eg = new ExceptionGroup("outer", [new ValueError("c"), inner]);
   * const [match, rest] = eg.split((e) => e instanceof ValueError);
   * assert.equal(match?.exceptions.length, 2); // ValueError("c"), ExceptionGroup("inner", [a])
   * assert.equal(rest?.exceptions.length, 1); // ExceptionGroup("inner", [b])
   * const [none, all] = eg.split(RangeError);
   * assert.equal(none, null);
   * assert.equal(all?.exceptions.length, 2);
   * ```
   *
   * @see https://docs.python.org/3/library/exceptions.html#BaseExceptionGroup.split
   */
  split(condition: ExceptionGroupCondition): [ExceptionGroup | null, ExceptionGroup | null] {
    const { match, rest } = splitGroup(this, toMatcher(condition, "split ExceptionGroup"), true);
    return [match, rest];
  }

  /**
   * Returns the part of the group that matches `condition`, like the first
   * half of {@linkcode ExceptionGroup.split}.
   *
   * @param condition An error class, an array of them, or a predicate.
   * @returns The matching group (`this` when the group itself matches), or
   *   `null` when nothing matches.
   * @throws {TypeError} When `condition` is not a class, an array of classes
   *   or a function.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { ExceptionGroup, QueueFull, ValueError } from "@asyncio/asyncio/errors";
   *
   * const eg = new ExceptionGroup("errors", [new ValueError("a"), new TypeError("b")]);
   * assert.equal(eg.subgroup(ValueError)?.exceptions.length, 1);
   * assert.equal(eg.subgroup(QueueFull), null);
   * assert.equal(eg.subgroup(Error), eg);
   * ```
   *
   * @see https://docs.python.org/3/library/exceptions.html#BaseExceptionGroup.subgroup
   */
  subgroup(condition: ExceptionGroupCondition): ExceptionGroup | null {
    return splitGroup(this, toMatcher(condition, "take a subgroup of ExceptionGroup"), false).match;
  }

  /**
   * Makes a group with the same message and other errors; `split()` and
   * `subgroup()` build their results with it.
   *
   * Override it in a subclass so that those results keep the subclass (and
   * any extra fields). It copies nothing else; `split()` and `subgroup()`
   * copy `cause` and `stack` themselves.
   *
   * @param exceptions The errors of the new group.
   * @returns A new `ExceptionGroup` (not a subclass) with this message.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { ExceptionGroup } from "@asyncio/asyncio/errors";
   *
   * const eg = new ExceptionGroup("errors", [new Error("a"), new Error("b")]);
   * const one = eg.derive([eg.exceptions[0]]);
   * assert.equal(one.message, "errors");
   * assert.equal(one.exceptions.length, 1);
   * ```
   *
   * @see https://docs.python.org/3/library/exceptions.html#BaseExceptionGroup.derive
   */
  derive(exceptions: Iterable<unknown>): ExceptionGroup {
    return new ExceptionGroup(this.message, exceptions);
  }
}

function toExceptionList(message: unknown, exceptions: unknown): readonly unknown[] {
  if (typeof message !== "string") {
    throw new TypeError("Cannot create ExceptionGroup: message must be a string");
  }
  const iterable = typeof exceptions === "object" && exceptions !== null
    && typeof (exceptions as Partial<Iterable<unknown>>)[Symbol.iterator] === "function";
  if (!iterable) {
    throw new TypeError(
      "Cannot create ExceptionGroup: exceptions must be a sequence (an array or other iterable)",
    );
  }
  const list = Object.freeze([...(exceptions as Iterable<unknown>)]);
  if (list.length === 0) {
    throw new ValueError("Cannot create ExceptionGroup: exceptions must be a non-empty sequence");
  }
  return list;
}

type Matcher = (error: unknown) => boolean;

function isErrorClass(value: unknown): value is ErrorClass {
  // A class and a predicate are both functions; an error class is told apart
  // by its prototype (which branded classes from another copy share too).
  return typeof value === "function"
    && (value === Error || (value.prototype as unknown) instanceof Error);
}

function toMatcher(condition: ExceptionGroupCondition, action: string): Matcher {
  if (isErrorClass(condition)) return (e) => e instanceof condition;
  if (Array.isArray(condition) && condition.every(isErrorClass)) {
    const classes: readonly ErrorClass[] = condition;
    return (e) => classes.some((Class) => e instanceof Class);
  }
  if (typeof condition === "function") {
    const predicate = condition as (error: unknown) => unknown;
    return (e) => Boolean(predicate(e));
  }
  throw new TypeError(
    `Cannot ${action}: condition must be an error class, an array of error classes or a predicate`,
  );
}

interface SplitResult {
  match: ExceptionGroup | null;
  rest: ExceptionGroup | null;
}

// Python's algorithm: a group matched as a whole goes to one side untouched;
// otherwise each nested group is split recursively and each side is rebuilt
// with `derive()`, so both sides keep the original nesting.
function splitGroup(group: ExceptionGroup, matches: Matcher, withRest: boolean): SplitResult {
  if (matches(group)) return { match: group, rest: null };
  const matched: unknown[] = [];
  const others: unknown[] = [];
  for (const e of group.exceptions) {
    if (e instanceof ExceptionGroup) {
      const part = splitGroup(e, matches, withRest);
      if (part.match !== null) matched.push(part.match);
      if (part.rest !== null) others.push(part.rest);
    } else if (matches(e)) {
      matched.push(e);
    } else {
      others.push(e);
    }
  }
  return {
    match: derivePart(group, matched),
    rest: withRest ? derivePart(group, others) : null,
  };
}

// Python copies __cause__, __context__, __traceback__ and notes onto each
// side; here that is `cause` and `stack`.
function derivePart(group: ExceptionGroup, exceptions: unknown[]): ExceptionGroup | null {
  if (exceptions.length === 0) return null;
  const part: unknown = group.derive(exceptions);
  if (!(part instanceof ExceptionGroup)) {
    throw new TypeError("Cannot split ExceptionGroup: derive() must return an ExceptionGroup");
  }
  if (Object.hasOwn(group, "cause")) {
    Object.defineProperty(part, "cause", {
      value: group.cause,
      writable: true,
      configurable: true,
    });
  }
  if (typeof group.stack === "string") {
    Object.defineProperty(part, "stack", {
      value: group.stack,
      writable: true,
      configurable: true,
    });
  }
  return part;
}

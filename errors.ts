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

// The family lives in errors/, one file per kind of error; this file is the
// entry point (`@asyncio/asyncio/errors`) and names every export.
export {
  BrokenBarrierError,
  KeyboardInterrupt,
  RuntimeError,
  SendfileNotAvailableError,
  ValueError,
} from "./errors/builtin_errors.ts";
export {
  CancelledError,
  InvalidStateError,
  isCancelledError,
  TimeoutError,
} from "./errors/cancelled.ts";
export {
  BrokenPipeError,
  ConnectionAbortedError,
  ConnectionError,
  ConnectionRefusedError,
  ConnectionResetError,
} from "./errors/connection_errors.ts";
export {
  type ErrorClass,
  ExceptionGroup,
  type ExceptionGroupCondition,
} from "./errors/exception_group.ts";
export { OSError, type OSErrorOptions } from "./errors/os_error.ts";
export {
  FileNotFoundError,
  IsADirectoryError,
  osErrorFromCode,
  PermissionError,
  ProcessLookupError,
} from "./errors/os_errors.ts";
export { QueueEmpty, QueueFull, QueueShutDown } from "./errors/queue_errors.ts";
export { IncompleteReadError, LimitOverrunError } from "./errors/stream_errors.ts";

/**
 * The other `OSError` subclasses asyncio surfaces (`FileNotFoundError`,
 * `PermissionError`, `ProcessLookupError`, `IsADirectoryError`), and
 * `osErrorFromCode`, which picks the class for an error code.
 *
 * @module
 */
import { brand } from "./_brand.ts";
import { withCode } from "./_errno.ts";
import {
  BrokenPipeError,
  ConnectionAbortedError,
  ConnectionRefusedError,
  ConnectionResetError,
} from "./connection_errors.ts";
import { OSError, type OSErrorOptions } from "./os_error.ts";

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

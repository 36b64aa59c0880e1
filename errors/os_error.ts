/**
 * `OSError`, Python's built-in for failed system calls, with its fields
 * (`errno`, `code`, `syscall`, `address`, `port`).
 *
 * @module
 */
import { checkOptions } from "../_options.ts";
import { brand } from "./_brand.ts";
import { CODE_BY_ERRNO, ERRNO_BY_CODE } from "./_errno.ts";

const OS_ERROR_OPTIONS = ["errno", "code", "syscall", "address", "port", "cause"] as const;

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
   * @throws {TypeError} when `options` has another key or is not an object.
   */
  constructor(message?: string, options?: OSErrorOptions) {
    checkOptions(options, OS_ERROR_OPTIONS, `create ${new.target.name}`);
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

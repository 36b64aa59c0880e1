/**
 * `ConnectionError` and its subclasses: refused, reset, aborted, broken
 * pipe. Python's built-ins, as asyncio's streams raise them.
 *
 * @module
 */
import { brand } from "./_brand.ts";
import { withCode } from "./_errno.ts";
import { OSError, type OSErrorOptions } from "./os_error.ts";

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

/**
 * The loop's logger, asyncio's `logging.getLogger("asyncio")`: where the
 * default exception handler and debug mode write. Replace its methods to
 * route reports elsewhere.
 *
 * @module
 */
import { writeError } from "../_platform/mod.ts";

/** Where reports go. */
export interface Logger {
  /** Reports an error (the default exception handler uses this). */
  error(message: string): void;
  /** Reports a warning (debug mode's slow callbacks use this). */
  warning(message: string): void;
  /**
   * Reports a detail only debugging needs (a transport's error in debug
   * mode). Dropped by default, as Python's logging drops `debug` records
   * below its default WARNING level.
   */
  debug(message: string): void;
}

/**
 * The library's logger; `error` and `warning` write to standard error by
 * default, `debug` writes nothing (replace it to see debug records).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logger } from "@asyncio/asyncio/loop";
 *
 * const seen: string[] = [];
 * const saved = logger.error;
 * logger.error = (message) => seen.push(message);
 * logger.error("hello");
 * logger.error = saved;
 * assert.deepEqual(seen, ["hello"]);
 * ```
 */
export const logger: Logger = {
  error(message: string): void {
    writeError(message);
  },
  warning(message: string): void {
    writeError(message);
  },
  debug(_message: string): void {},
};

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
}

/**
 * The library's logger; both methods write to standard error by default.
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
};

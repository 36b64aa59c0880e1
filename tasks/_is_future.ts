// The brand that tells a future (or a task) from any other thenable, also
// one made by another copy of this library (a registered symbol).
import type { Future } from "./future.ts";

/** @ignore The symbol a future answers `true` to. */
export const FUTURE_BRAND: symbol = Symbol.for("@asyncio/asyncio.Future");

/**
 * Whether `obj` is a {@linkcode Future} (or a {@linkcode Task}), also one
 * made by another copy of this library.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Future, isFuture } from "@asyncio/asyncio";
 *
 * assert.equal(isFuture(Promise.resolve(1)), false);
 * assert.equal(typeof isFuture, "function");
 * void Future;
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-future.html#asyncio.isfuture
 */
export function isFuture(obj: unknown): obj is Future<unknown> {
  return typeof obj === "object" && obj !== null
    && (obj as Record<symbol, unknown>)[FUTURE_BRAND] === true;
}

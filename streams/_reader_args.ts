// The stream reader's argument checks and constants.
import { valueRepr } from "../_platform/mod.ts";
import { ValueError } from "../errors.ts";

/** asyncio's default buffer limit: 64 KiB. */
export const DEFAULT_LIMIT = 64 * 1024;

const encoder = new TextEncoder();

/** @ignore Checks a `limit` option: a positive integer. */
export function checkLimit(limit: unknown): number {
  if (typeof limit !== "number" || !Number.isInteger(limit)) {
    throw new TypeError(`limit must be an integer, not ${valueRepr(limit)}`);
  }
  if (limit <= 0) throw new ValueError(`Limit cannot be <= 0 (got ${limit})`);
  return limit;
}

/** @ignore A separator as bytes (a string is UTF-8 encoded). */
export function toBytes(sep: unknown): Uint8Array {
  if (typeof sep === "string") return encoder.encode(sep);
  if (sep instanceof Uint8Array) return sep;
  throw new TypeError(`separator must be a string or a Uint8Array, not ${valueRepr(sep)}`);
}

/**
 * Bun adapter. Bun implements Node's `process` signal events, so signals go
 * through the Node shim; Bun-specific APIs are typed here as they are needed.
 *
 * @module
 */

/** The subset of the `Bun` global this library uses. */
export interface BunNamespace {
  version: string;
}

/** The `Bun` global, typed locally. */
export function bunGlobal(): BunNamespace {
  return (globalThis as unknown as { Bun: BunNamespace }).Bun;
}

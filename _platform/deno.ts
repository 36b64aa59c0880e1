/**
 * Deno adapter: signals through `Deno.addSignalListener`.
 *
 * @module
 */
import type { RawSignalListeners } from "./signals.ts";

/** The subset of the `Deno` namespace this library uses (JSR forbids `declare global`). */
export interface DenoNamespace {
  version: { deno: string };
  addSignalListener(signal: string, handler: () => void): void;
  removeSignalListener(signal: string, handler: () => void): void;
  exit(code?: number): never;
  env: { get(name: string): string | undefined };
  pid: number;
  build: { os: string };
}

/** The `Deno` global, typed locally. */
export function denoGlobal(): DenoNamespace {
  return (globalThis as unknown as { Deno: DenoNamespace }).Deno;
}

/** Signal listeners on Deno. */
export const denoSignals: RawSignalListeners = {
  add(signal, cb) {
    denoGlobal().addSignalListener(signal, cb);
  },
  remove(signal, cb) {
    try {
      denoGlobal().removeSignalListener(signal, cb);
    } catch {
      // already removed
    }
  },
};

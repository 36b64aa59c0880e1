/**
 * Node adapter, also used by Bun for what Bun implements with Node's API
 * (signals through `process.on`). This is the compatibility shim of
 * DESIGN.md §5.
 *
 * @module
 */
import type { RawSignalListeners } from "./signals.ts";

/** The subset of Node's `process` this library uses. */
export interface NodeProcess {
  versions: Record<string, string | undefined>;
  pid: number;
  platform: string;
  env: Record<string, string | undefined>;
  on(event: string, cb: (...args: unknown[]) => void): unknown;
  off(event: string, cb: (...args: unknown[]) => void): unknown;
  exit(code?: number): never;
  getBuiltinModule?(id: string): unknown;
}

/** The `process` global, typed locally. */
export function nodeProcess(): NodeProcess {
  return (globalThis as unknown as { process: NodeProcess }).process;
}

/** Signal listeners through `process.on`. */
export const nodeSignals: RawSignalListeners = {
  add(signal, cb) {
    nodeProcess().on(signal, cb);
  },
  remove(signal, cb) {
    nodeProcess().off(signal, cb);
  },
};

/**
 * The async-context adapter (DESIGN.md §2): `globalThis.AsyncContext` when the
 * runtime ships it, else `AsyncLocalStorage` from `node:async_hooks` (Deno,
 * Bun, Node, workerd with Node compatibility), else a synchronous fallback
 * that only follows synchronous calls (edge runtimes without either).
 *
 * @module
 */
import type { ContextVariable } from "./types.ts";

interface AsyncContextVariableLike<T> {
  run<A extends unknown[], R>(value: T, fn: (...args: A) => R, ...args: A): R;
  get(): T | undefined;
}
interface AsyncContextNamespace {
  Variable: new<T>() => AsyncContextVariableLike<T>;
}
interface AsyncLocalStorageLike<T> {
  run<A extends unknown[], R>(store: T, fn: (...args: A) => R, ...args: A): R;
  getStore(): T | undefined;
}
interface AsyncHooksModule {
  AsyncLocalStorage: new<T>() => AsyncLocalStorageLike<T>;
}
interface ProcessWithBuiltins {
  getBuiltinModule?(id: string): unknown;
}

function loadAsyncHooks(): AsyncHooksModule | undefined {
  // `process.getBuiltinModule` reaches the module synchronously without a
  // static `node:` import, so runtimes that lack it still load this file.
  const proc = (globalThis as { process?: ProcessWithBuiltins }).process;
  try {
    const mod = proc?.getBuiltinModule?.("node:async_hooks") as AsyncHooksModule | undefined;
    return mod?.AsyncLocalStorage ? mod : undefined;
  } catch {
    return undefined;
  }
}

class SyncVariable<T> implements ContextVariable<T> {
  #value: T | undefined;
  run<A extends unknown[], R>(value: T, fn: (...args: A) => R, ...args: A): R {
    const saved = this.#value;
    this.#value = value;
    try {
      return fn(...args);
    } finally {
      this.#value = saved;
    }
  }
  get(): T | undefined {
    return this.#value;
  }
}

/** Which mechanism carries async context on this runtime. */
export const contextKind: "AsyncContext" | "AsyncLocalStorage" | "sync" = (() => {
  if ((globalThis as { AsyncContext?: unknown }).AsyncContext) return "AsyncContext";
  return loadAsyncHooks() ? "AsyncLocalStorage" : "sync";
})();

/** Creates a new async-context variable. */
export function createContextVariable<T>(): ContextVariable<T> {
  const ac = (globalThis as { AsyncContext?: AsyncContextNamespace }).AsyncContext;
  if (ac) return new ac.Variable<T>();
  const hooks = loadAsyncHooks();
  if (!hooks) return new SyncVariable<T>();
  return storageVariable<T>(hooks);
}

// AsyncLocalStorage already has `run(store, fn, ...args)`; adding `get` to a
// subclass keeps `run` native, with no wrapper call on the per-task path.
function storageVariable<T>(hooks: AsyncHooksModule): ContextVariable<T> {
  const Base = hooks.AsyncLocalStorage as new() => AsyncLocalStorageLike<T>;
  class StorageVariable extends Base {
    get(): T | undefined {
      return this.getStore();
    }
  }
  return new StorageVariable() as unknown as ContextVariable<T>;
}

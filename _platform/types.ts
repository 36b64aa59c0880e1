/**
 * The interface every runtime adapter implements. Nothing above `_platform/`
 * may reach a runtime global; it calls these functions instead.
 *
 * @module
 */

/** The JavaScript runtimes this library knows by name. */
export type RuntimeName = "deno" | "bun" | "node" | "edge";

/** An opaque host timer, as returned by {@linkcode HostTimers.set}. */
export type HostTimer = unknown;

/** Host (macrotask) timers: the runtime's own `setTimeout`. */
export interface HostTimers {
  /** Calls `cb` after `ms` milliseconds; the timer keeps the process alive. */
  set(cb: () => void, ms: number): HostTimer;
  /** Cancels a timer returned by {@linkcode HostTimers.set}. */
  clear(timer: HostTimer): void;
}

/**
 * An async-context variable: a value that follows the logical flow of
 * control through `await`, promise callbacks and host callbacks.
 */
export interface ContextVariable<T> {
  /** Runs `fn(...args)` with the variable set to `value`. */
  run<A extends unknown[], R>(value: T, fn: (...args: A) => R, ...args: A): R;
  /** The value in the current context, or `undefined`. */
  get(): T | undefined;
}

/** A process signal listener registration. */
export interface SignalListeners {
  /** Adds `cb` for `signal` (a name like `"SIGINT"`); throws when unsupported. */
  add(signal: string, cb: () => void): void;
  /** Removes a listener added with {@linkcode SignalListeners.add}. */
  remove(signal: string, cb: () => void): void;
}

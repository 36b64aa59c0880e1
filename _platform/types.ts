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

/**
 * Process signals: one runtime listener per signal name, shared by every
 * callback registered here (see `signals.ts`). Callbacks run from the
 * runtime's signal event; nothing registered here keeps the process alive.
 */
export interface SignalListeners {
  /** Adds `cb` for `signal` (a name like `"SIGINT"`); throws when unsupported. */
  add(signal: string, cb: () => void): void;
  /** Removes a listener added with {@linkcode SignalListeners.add}. */
  remove(signal: string, cb: () => void): void;
  /**
   * Adds a handler that takes `signal` over: while one is registered, the
   * listeners of {@linkcode SignalListeners.add} are not called. Throws
   * when the runtime refuses the signal.
   */
  addHandler(signal: string, cb: () => void): void;
  /**
   * Removes a handler; when no callback is left for `signal`, the runtime
   * listener goes and the signal gets its default action again.
   */
  removeHandler(signal: string, cb: () => void): void;
  /** The signal names of this operating system, with their numbers. */
  readonly numbers: ReadonlyMap<string, number>;
  /** Whether this runtime lets a program catch `signal` on this operating system. */
  canCatch(signal: string): boolean;
}

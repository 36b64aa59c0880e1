/**
 * The loop's signal handlers (`loop.addSignalHandler()`), over the platform's
 * one listener per signal name. Ports the signal half of asyncio's
 * `unix_events.py`: the runtime's signal event only queues the handler, which
 * runs later as an ordinary loop callback.
 *
 * @module
 */
import { hostTimers, signalListeners, valueRepr } from "../_platform/mod.ts";
import { RuntimeError, ValueError } from "../errors.ts";
import type { Handle } from "./handle.ts";
import type { AbstractEventLoop, Callback } from "./types.ts";

interface Entry {
  handle: Handle;
  /** The callback registered with the platform for this loop and signal. */
  onSignal: () => void;
}

/**
 * Checks a signal name as `addSignalHandler`/`removeSignalHandler` take it
 * and returns its number.
 *
 * @throws {TypeError} when `sig` is not a string.
 * @throws {ValueError} `invalid signal` for a name this OS does not have.
 * @throws {RuntimeError} on a runtime without signals.
 */
export function checkSignal(sig: unknown): number {
  if (typeof sig !== "string") {
    throw new TypeError(`sig must be a signal name like "SIGINT", not ${valueRepr(sig)}`);
  }
  if (signalListeners === null) {
    throw new RuntimeError("Signals are not available on this runtime");
  }
  const n = signalListeners.numbers.get(sig);
  if (n === undefined) throw new ValueError(`invalid signal: ${valueRepr(sig)}`);
  return n;
}

// The longest delay host timers take (about 24.8 days).
const MAX_TIMER_MS = 2 ** 31 - 1;

function noop(): void {}

/** One loop's signal handlers. */
export class SignalHandlers {
  readonly #loop: AbstractEventLoop;
  readonly #entries = new Map<string, Entry>();

  /** Handlers for `loop`. */
  constructor(loop: AbstractEventLoop) {
    this.#loop = loop;
  }

  /** See `EventLoop.addSignalHandler`. */
  add(sig: unknown, cb: Callback<unknown[]>, make: () => Handle): void {
    if (typeof cb !== "function") {
      throw new TypeError(
        `a callable object was expected by addSignalHandler(), got ${valueRepr(cb)}`,
      );
    }
    if ((cb as { constructor?: { name?: string } }).constructor?.name === "AsyncFunction") {
      throw new TypeError("coroutines cannot be used with addSignalHandler()");
    }
    const n = checkSignal(sig);
    const name = sig as string;
    if (this.#loop.isClosed()) throw new RuntimeError("Event loop is closed");
    const listeners = signalListeners!;
    if (!listeners.canCatch(name)) throw new RuntimeError(`sig ${n} cannot be caught (${name})`);
    const handle = make();
    const existing = this.#entries.get(name);
    if (existing !== undefined) {
      existing.handle = handle; // one handler per signal: the new one replaces it
      return;
    }
    const entry: Entry = { handle, onSignal: () => this.#onSignal(name) };
    try {
      listeners.addHandler(name, entry.onSignal);
    } catch (err) {
      throw new RuntimeError(`sig ${n} cannot be caught (${name})`, { cause: err });
    }
    this.#entries.set(name, entry);
  }

  /** See `EventLoop.removeSignalHandler`. */
  remove(sig: unknown): boolean {
    checkSignal(sig);
    const entry = this.#entries.get(sig as string);
    if (entry === undefined) return false;
    this.#entries.delete(sig as string);
    signalListeners!.removeHandler(sig as string, entry.onSignal);
    return true;
  }

  /** Removes every handler (at loop close). */
  clear(): void {
    for (const sig of [...this.#entries.keys()]) this.remove(sig);
  }

  /** Whether any handler is registered. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * `waiting`, holding a host timer while handlers are registered: no
   * runtime counts a signal listener as pending work, so a program waiting
   * only for a signal would otherwise end.
   */
  keepAlive(waiting: Promise<void>): Promise<void> {
    if (this.#entries.size === 0) return waiting;
    const keepAlive = hostTimers.set(noop, MAX_TIMER_MS);
    return waiting.finally(() => hostTimers.clear(keepAlive));
  }

  // Runs inside the runtime's signal event: only queue the handler.
  #onSignal(sig: string): void {
    const entry = this.#entries.get(sig);
    if (entry === undefined || this.#loop.isClosed()) return;
    const handle = entry.handle;
    if (handle.cancelled()) {
      this.remove(sig); // asyncio: a cancelled handle removes its handler at the next delivery
      return;
    }
    this.#loop.callSoon(handle._callback as Callback<unknown[]>, ...handle._args);
  }
}

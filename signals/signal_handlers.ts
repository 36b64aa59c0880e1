/**
 * Signal handlers on the running loop, and the signal names this OS has.
 * Ports the module-level view of asyncio's `add_signal_handler` and
 * Python's `signal.valid_signals()`.
 *
 * @module
 */
import { signalListeners } from "../_platform/mod.ts";
import { getRunningLoop } from "../loop/running_loop.ts";
import type { Callback, Signal } from "../loop/types.ts";

export type { Signal };

/**
 * Runs `cb(...args)` on the running loop each time the process receives
 * `sig`; a second call for the same signal replaces the handler. The handler
 * runs as a loop callback, never inside the runtime's signal event; an error
 * it throws goes to the loop's exception handler. The handler is removed
 * when the loop closes, and it never keeps a finished program alive.
 *
 * Differences from asyncio: a module function on the running loop
 * (`asyncio.get_running_loop().add_signal_handler(...)`); signals are names.
 *
 * @param sig The signal's name, like `"SIGTERM"`.
 * @param cb The handler; not a coroutine function.
 * @param args Arguments for `cb`.
 * @throws {RuntimeError} `no running event loop`; `sig N cannot be caught` for SIGKILL and SIGSTOP.
 * @throws {ValueError} `invalid signal` for an unknown name.
 * @throws {TypeError} when `cb` is an async function.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run } from "@asyncio/asyncio/loop";
 * import { addSignalHandler, removeSignalHandler } from "@asyncio/asyncio/signals";
 *
 * await run(async () => {
 *   addSignalHandler("SIGUSR1", () => console.log("got SIGUSR1"));
 *   assert.equal(removeSignalHandler("SIGUSR1"), true);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.add_signal_handler
 */
export function addSignalHandler<A extends unknown[]>(
  sig: Signal,
  cb: Callback<A>,
  ...args: A
): void {
  getRunningLoop().addSignalHandler(sig, cb, ...args);
}

/**
 * Removes the running loop's handler of `sig`; the signal gets its default
 * action back.
 *
 * @param sig The signal's name.
 * @returns `true` if a handler was removed, `false` if none was registered.
 * @throws {RuntimeError} `no running event loop`.
 * @throws {ValueError} `invalid signal` for an unknown name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run } from "@asyncio/asyncio/loop";
 * import { removeSignalHandler } from "@asyncio/asyncio/signals";
 *
 * await run(async () => {
 *   assert.equal(removeSignalHandler("SIGHUP"), false);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.remove_signal_handler
 */
export function removeSignalHandler(sig: Signal): boolean {
  return getRunningLoop().removeSignalHandler(sig);
}

/**
 * The signal names this OS has (on Linux: `SIGHUP` ... `SIGSYS`, with the
 * aliases `SIGIOT` and `SIGPOLL`), as Python's `signal.valid_signals()`.
 * `SIGKILL` and `SIGSTOP` are valid names that no program can catch; Deno
 * also refuses `SIGILL`, `SIGFPE` and `SIGSEGV`. Empty on a runtime without
 * signals.
 *
 * Differences from Python: names, not numbers; the real-time signals are
 * not listed (no runtime can listen to them).
 *
 * @returns A new set of names.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { validSignals } from "@asyncio/asyncio/signals";
 *
 * const names = validSignals();
 * assert.ok(names.size === 0 || names.has("SIGINT"));
 * ```
 *
 * @see https://docs.python.org/3/library/signal.html#signal.valid_signals
 */
export function validSignals(): Set<Signal> {
  return new Set(signalListeners === null ? [] : signalListeners.numbers.keys());
}

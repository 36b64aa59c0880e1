/**
 * Signal handlers that run as loop callbacks: asyncio's
 * `loop.add_signal_handler()` as module functions on the running loop, and
 * the signal names of this OS.
 *
 * Signals are names (`"SIGTERM"`). An unknown name is a `ValueError`;
 * `SIGKILL` and `SIGSTOP` are a `RuntimeError` (`sig 9 cannot be caught`).
 * A handler registered for `"SIGINT"` takes the signal over from `run()`'s
 * own rule (cancel the main task, then exit 130) until it is removed.
 *
 * @example
 * ```ts
 * import { getRunningLoop, run } from "@asyncio/asyncio/loop";
 * import { addSignalHandler } from "@asyncio/asyncio/signals";
 *
 * await run(async () => {
 *   const loop = getRunningLoop();
 *   const stopped = loop.createFuture<string>();
 *   addSignalHandler("SIGTERM", () => stopped.setResult("SIGTERM"));
 *   // ... serve until stopped; here we do not wait for it
 *   stopped.cancel();
 * });
 * ```
 *
 * @module
 */
export {
  addSignalHandler,
  removeSignalHandler,
  type Signal,
  validSignals,
} from "./signal_handlers.ts";

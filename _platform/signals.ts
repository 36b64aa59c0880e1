/**
 * The process-wide signal dispatch of DESIGN.md §9: one runtime listener per
 * signal name, shared by everything in the process that listens to it.
 *
 * Two kinds of callbacks share it. Listeners (`add`) observe a signal:
 * `run()` uses one for its SIGINT rule. Handlers (`addHandler`) take a signal
 * over, as `loop.addSignalHandler()` does: while a handler is registered for
 * a signal, its listeners are not called. asyncio behaves so because a
 * handler installed with `add_signal_handler(SIGINT, ...)` replaces the
 * runner's own SIGINT handler until it is removed.
 *
 * @module
 */
import { canCatchSignal, signalNumbers } from "./signal_table.ts";
import type { RuntimeName, SignalListeners } from "./types.ts";

/** What a runtime adapter gives: its raw listener registration. */
export interface RawSignalListeners {
  /** Adds the runtime listener `cb` for `signal`; throws when the runtime refuses. */
  add(signal: string, cb: () => void): void;
  /** Removes the runtime listener `cb`; never throws. */
  remove(signal: string, cb: () => void): void;
}

interface Entry {
  listeners: Set<() => void>;
  handlers: Set<() => void>;
  onSignal: () => void;
}

/** Builds the dispatch over a runtime's raw listeners. */
export function createSignalListeners(
  raw: RawSignalListeners,
  runtime: RuntimeName,
  os: string,
): SignalListeners {
  const entries = new Map<string, Entry>();
  const numbers = signalNumbers(os);

  const entryFor = (signal: string): Entry => {
    let entry = entries.get(signal);
    if (entry !== undefined) return entry;
    const created: Entry = {
      listeners: new Set(),
      handlers: new Set(),
      onSignal: () => {
        // Copy first: a callback may add or remove callbacks.
        const targets = created.handlers.size > 0 ? created.handlers : created.listeners;
        for (const cb of [...targets]) cb();
      },
    };
    raw.add(signal, created.onSignal); // throws when the runtime refuses: nothing kept
    entries.set(signal, created);
    entry = created;
    return entry;
  };

  const release = (signal: string, entry: Entry): void => {
    if (entry.listeners.size > 0 || entry.handlers.size > 0) return;
    entries.delete(signal);
    raw.remove(signal, entry.onSignal);
  };

  return {
    add(signal, cb) {
      entryFor(signal).listeners.add(cb);
    },
    remove(signal, cb) {
      const entry = entries.get(signal);
      if (entry === undefined) return;
      entry.listeners.delete(cb);
      release(signal, entry);
    },
    addHandler(signal, cb) {
      entryFor(signal).handlers.add(cb);
    },
    removeHandler(signal, cb) {
      const entry = entries.get(signal);
      if (entry === undefined) return;
      entry.handlers.delete(cb);
      release(signal, entry);
    },
    numbers,
    canCatch(signal) {
      return numbers.has(signal) && canCatchSignal(runtime, os, signal);
    },
  };
}

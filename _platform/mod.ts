/**
 * The platform layer: the only code that knows which runtime it runs on
 * (DESIGN.md §5). Everything else imports this file.
 *
 * @module
 */
import { bunGlobal } from "./bun.ts";
import { denoGlobal, denoSignals } from "./deno.ts";
import { nodeProcess, nodeSignals } from "./node.ts";
import { runtime } from "./runtime.ts";
import { createSignalListeners } from "./signals.ts";
import type { HostTimer, HostTimers, SignalListeners } from "./types.ts";

export { contextKind, createContextVariable } from "./context.ts";
export { exitCodeForUncaught, onExit } from "./exit_hooks.ts";
export { defineRepr, valueRepr } from "./inspect.ts";
export { type OSErrorContext, toOSError } from "./os_errors.ts";
export type {
  PlatformProcess,
  PlatformProcesses,
  PlatformStdio,
  SpawnOptions,
} from "./process_types.ts";
export { processes } from "./processes.ts";
export { runtime } from "./runtime.ts";
export { type SocketFiles, socketFiles, type SocketFileStat } from "./socket_files.ts";
export type {
  ConnectOptions,
  ListenOptions,
  PlatformListener,
  PlatformSocket,
  PlatformSockets,
  PlatformTlsInfo,
  PlatformTlsOptions,
  SocketAddress,
  SocketHandlers,
} from "./socket_types.ts";
export { sockets } from "./sockets.ts";
export type {
  ContextVariable,
  HostTimer,
  HostTimers,
  RuntimeName,
  SignalListeners,
} from "./types.ts";
export { connectHostPort } from "./worker_port.ts";
export type {
  HostPort,
  PlatformWorker,
  PlatformWorkers,
  WorkerEvents,
  WorkerResourceLimits,
  WorkerStartOptions,
} from "./worker_types.ts";
export { workers } from "./workers.ts";

/** The runtime's name and version, for benchmarks and reports. */
export function runtimeVersion(): string {
  switch (runtime) {
    case "deno":
      return `deno ${denoGlobal().version.deno}`;
    case "bun":
      return `bun ${bunGlobal().version}`;
    case "node":
      return `node ${nodeProcess().versions.node}`;
    default:
      return "edge";
  }
}

/** Monotonic milliseconds with sub-millisecond resolution. */
export const monotonicMs: () => number = (() => {
  const perf = globalThis.performance;
  return perf ? () => perf.now() : () => Date.now();
})();

/** The host's own timers. */
export const hostTimers: HostTimers = {
  set(cb: () => void, ms: number): HostTimer {
    return setTimeout(cb, ms);
  },
  clear(timer: HostTimer): void {
    clearTimeout(timer as ReturnType<typeof setTimeout>);
  },
};

type ImmediateFn = (cb: () => void) => void;

/**
 * Runs `cb` in a later macrotask, after pending I/O callbacks had their turn
 * (`setImmediate` where it exists, else a `MessageChannel`, else a timer).
 */
export const macrotask: ImmediateFn = (() => {
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown };
  if (typeof g.setImmediate === "function") {
    const si = g.setImmediate;
    return (cb) => void si(cb);
  }
  if (typeof MessageChannel === "function") {
    const queue: Array<() => void> = [];
    const channel = new MessageChannel();
    channel.port1.onmessage = () => queue.shift()?.();
    return (cb) => {
      queue.push(cb);
      channel.port2.postMessage(null);
    };
  }
  return (cb) => void setTimeout(cb, 0);
})();

/** Process signal listeners, or `null` where the runtime has no signals. */
export const signalListeners: SignalListeners | null = runtime === "deno"
  ? createSignalListeners(denoSignals, runtime, denoGlobal().build.os)
  : runtime === "bun" || runtime === "node"
  ? createSignalListeners(nodeSignals, runtime, nodeProcess().platform)
  : null;

/** Ends the process with `code` (no-op on runtimes without processes). */
export function exitProcess(code: number): void {
  if (runtime === "deno") denoGlobal().exit(code);
  else if (runtime === "bun" || runtime === "node") nodeProcess().exit(code);
}

/** Reads an environment variable, or `undefined` (never throws for lack of permission). */
export function getEnv(name: string): string | undefined {
  try {
    if (runtime === "deno") return denoGlobal().env.get(name);
    if (runtime === "bun" || runtime === "node") return nodeProcess().env[name];
  } catch {
    // no permission to read the environment
  }
  return undefined;
}

/** Writes a line to standard error. */
export function writeError(text: string): void {
  console.error(text);
}

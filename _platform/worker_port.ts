/**
 * Inside a Worker: the port back to the host, on every runtime (a web
 * Worker's `self`, or `parentPort` of `node:worker_threads` on Node).
 *
 * @module
 */
import type { HostPort } from "./worker_types.ts";

/**
 * Connects the current Worker to its host.
 *
 * The function refers to nothing outside its own body: the executor may send
 * its source text to a Worker started from a `data:` URL, where no relative
 * import resolves (a bundled copy of the library has no file to point at).
 *
 * @returns The port, with the Worker's uncaught errors routed to it.
 */
export function connectHostPort(): HostPort {
  type Listener = (event: {
    data?: unknown;
    error?: unknown;
    reason?: unknown;
    message?: string;
    preventDefault?(): void;
  }) => void;
  interface Scope {
    postMessage(message: unknown): void;
    addEventListener(type: string, cb: Listener): void;
  }
  interface ParentPort {
    postMessage(message: unknown): void;
    on(event: string, cb: (message: unknown) => void): void;
  }
  interface Proc {
    getBuiltinModule?(id: string): unknown;
    on?(event: string, cb: (error: unknown) => void): void;
  }
  const g = globalThis as unknown as {
    self?: Scope;
    process?: Proc;
    close?: () => void;
  };
  const proc = g.process;
  let parent: ParentPort | null = null;
  try {
    const threads = proc?.getBuiltinModule?.("node:worker_threads") as
      | { parentPort: ParentPort | null }
      | undefined;
    parent = threads?.parentPort ?? null;
  } catch {
    // no node:worker_threads here: a web Worker
  }
  // Deno's and Bun's Workers have `self` (also under Deno's Node layer);
  // only Node's worker_threads lack it.
  const scope = g.self !== undefined && typeof g.self.postMessage === "function" ? g.self : null;
  const uncaught: Array<(error: unknown) => void> = [];
  const closing: Array<() => void> = [];
  const report = (error: unknown) => {
    for (const cb of uncaught) cb(error);
  };
  if (typeof proc?.on === "function") {
    proc.on("uncaughtException", report);
    proc.on("unhandledRejection", report);
  }
  if (scope !== null) {
    scope.addEventListener("error", (event) => {
      event.preventDefault?.();
      report(event.error ?? new Error(event.message ?? "uncaught error"));
    });
    scope.addEventListener("unhandledrejection", (event) => {
      event.preventDefault?.();
      report(event.reason);
    });
  }
  if (typeof g.close === "function") {
    // The host hears nothing when a web Worker closes itself: say so first.
    const close = g.close;
    g.close = () => {
      for (const cb of closing) cb();
      close.call(g);
    };
  }
  return {
    post(message) {
      if (scope !== null) scope.postMessage(message);
      else (parent as ParentPort).postMessage(message);
    },
    onMessage(cb) {
      if (scope !== null) scope.addEventListener("message", (event) => cb(event.data));
      else (parent as ParentPort).on("message", cb);
    },
    onUncaught(cb) {
      uncaught.push(cb);
    },
    onClose(cb) {
      closing.push(cb);
    },
  };
}

/**
 * Process-exit hooks: a callback when the program ends, and the exit code of
 * an error that reaches the top uncaught. Deno through its `unload` and
 * `unhandledrejection` events, Node and Bun through `process` events; edge
 * runtimes have no process to end, so both are no-ops there.
 *
 * @module
 */
import { denoGlobal } from "./deno.ts";
import { nodeProcess } from "./node.ts";
import { runtime } from "./runtime.ts";

interface EventTargetLike {
  addEventListener(type: string, cb: (event: never) => void): void;
}

interface RejectionEvent {
  reason: unknown;
  preventDefault(): void;
}

const exitCallbacks: Array<() => void> = [];
let exitHookInstalled = false;

function runExitCallbacks(): void {
  // A callback may register another (a report that fails another future):
  // run until the list is empty, each callback once.
  while (exitCallbacks.length > 0) {
    const cb = exitCallbacks.shift() as () => void;
    try {
      cb();
    } catch {
      // a report at exit must not hide the program's own outcome
    }
  }
}

/**
 * Calls `cb` once when the program ends normally (Deno's `unload` event,
 * Node's and Bun's `process` `exit` event). The hook never keeps the
 * process alive, and only synchronous work in `cb` is done.
 */
export function onExit(cb: () => void): void {
  exitCallbacks.push(cb);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  if (runtime === "deno") {
    (globalThis as unknown as EventTargetLike).addEventListener("unload", runExitCallbacks);
  } else if (runtime === "node" || runtime === "bun") {
    nodeProcess().on("exit", runExitCallbacks);
  }
}

const fatalPredicates: Array<{ matches: (err: unknown) => boolean; code: number }> = [];
let fatalHookInstalled = false;
let fatalCode: number | null = null;

function codeFor(err: unknown): number | null {
  for (const { matches, code } of fatalPredicates) if (matches(err)) return code;
  return null;
}

/**
 * Makes an error for which `matches(err)` holds end the process with exit
 * `code` when it reaches the top uncaught (an unhandled rejection, a
 * rejected top-level await), instead of the runtime's usual 1. The runtime
 * still prints the error; every other error is left to the runtime.
 */
export function exitCodeForUncaught(matches: (err: unknown) => boolean, code: number): void {
  fatalPredicates.push({ matches, code });
  if (fatalHookInstalled) return;
  fatalHookInstalled = true;
  if (runtime === "deno") {
    // Deno ignores `exitCode` after an uncaught error: report it as Deno
    // does and exit with the code.
    (globalThis as unknown as EventTargetLike).addEventListener(
      "unhandledrejection",
      (event: RejectionEvent) => {
        const exitCode = codeFor(event.reason);
        if (exitCode === null) return;
        event.preventDefault();
        const reason = event.reason;
        console.error(
          `error: Uncaught (in promise) ${reason instanceof Error ? reason.stack : String(reason)}`,
        );
        denoGlobal().exit(exitCode);
      },
    );
  } else if (runtime === "node" || runtime === "bun") {
    // A monitor leaves the runtime's own handling (print, exit 1) alone;
    // the exit listener then replaces the code.
    const proc = nodeProcess();
    proc.on("uncaughtExceptionMonitor", (err: unknown) => {
      fatalCode = codeFor(err);
    });
    proc.on("exit", () => {
      if (fatalCode !== null) (proc as { exitCode?: number }).exitCode = fatalCode;
    });
  }
}

/**
 * The running loop, per async context (DESIGN.md §3): two `run()` calls
 * started side by side at top level each see their own loop.
 *
 * @module
 */
import { createContextVariable } from "../_platform/mod.ts";
import { RuntimeError } from "../errors.ts";
import type { Task } from "../tasks/task.ts";
import type { AbstractEventLoop } from "./types.ts";

/**
 * What the async context carries: the loop, and the task whose code is
 * running (`null` in plain loop callbacks). Tasks and cancel scopes implement
 * it; the loop has a root state for its own callbacks.
 *
 * @ignore
 */
export interface ContextState {
  readonly loop: AbstractEventLoop;
  readonly task: Task<unknown> | null;
}

/** @ignore */
export const contextState = createContextVariable<ContextState>();

/**
 * The running loop of the current context, or `null`.
 *
 * @ignore
 */
export function getRunningLoopOrNull(): AbstractEventLoop | null {
  const state = contextState.get();
  if (state === undefined) return callbackLoop;
  const loop = state.loop;
  return loop.isClosed() ? null : loop;
}

// The loop whose plain callbacks are running right now (synchronously).
// A loop started from code with no async context runs its callbacks without
// a context of its own: entering the tasks' contexts from there is much
// cheaper on Deno and Node than from inside another context.
let callbackLoop: AbstractEventLoop | null = null;

/**
 * Sets the loop whose callbacks run synchronously now (`null` between
 * batches, before every await of the loop).
 *
 * @ignore
 */
export function setCallbackLoop(loop: AbstractEventLoop | null): void {
  callbackLoop = loop;
}

/**
 * Returns the loop running the current code.
 *
 * Inside a task or a loop callback, that loop; elsewhere (top-level code
 * outside any loop) it throws, as in asyncio.
 *
 * @returns The running loop.
 * @throws {RuntimeError} `no running event loop` outside a loop.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getRunningLoop, run } from "@asyncio/asyncio/loop";
 *
 * await run(async () => {
 *   assert.ok(getRunningLoop().isRunning());
 * });
 * assert.throws(() => getRunningLoop(), /no running event loop/);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.get_running_loop
 */
export function getRunningLoop(): AbstractEventLoop {
  const loop = getRunningLoopOrNull();
  if (loop === null) throw new RuntimeError("no running event loop");
  return loop;
}

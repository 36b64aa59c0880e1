/**
 * What `loop.runInExecutor()` runs jobs on: the {@linkcode Executor}
 * interface, and {@linkcode ModuleFunction}, the way to name a function a
 * Worker can import.
 *
 * @module
 */
import type { Future } from "../tasks/future.ts";
import type { AbstractEventLoop } from "./types.ts";

/**
 * An exported function of an ES module, named so that a Worker can import
 * it: `{ module: new URL("./hash.ts", import.meta.url), name: "sha256" }`.
 *
 * `module` is a `URL`, an absolute URL string (`file:`, `https:`, `data:`),
 * or a bare specifier the Worker can resolve (`"npm:pako"`, a package name);
 * a relative path is refused, since the Worker would resolve it against its
 * own location: write `new URL("./x.ts", import.meta.url)`.
 *
 * The function may be async, and may use its module's own imports; its
 * arguments and result are structured-cloned.
 *
 * @example
 * ```ts
 * import type { ModuleFunction } from "@asyncio/asyncio/loop";
 *
 * const sha256: ModuleFunction = { module: new URL("./hash.ts", import.meta.url), name: "sha256" };
 * void sha256;
 * ```
 */
export interface ModuleFunction {
  /** The module that exports the function. */
  module: string | URL;
  /** The export's name. */
  name: string;
}

/** A function an executor can run: a `ModuleFunction` or a self-contained function. */
// deno-lint-ignore no-explicit-any -- any argument list, as asyncio's *args
export type ExecutorFunction<T> = ModuleFunction | ((...args: any[]) => T);

/** Options of {@linkcode Executor.submit}. */
export interface SubmitOptions {
  /** The loop of the returned future (default: the running loop, else `getEventLoop()`). */
  loop?: AbstractEventLoop;
}

/**
 * Runs functions elsewhere and hands back a loop future for each: what
 * `loop.runInExecutor()` and `loop.setDefaultExecutor()` take.
 * {@linkcode WorkerExecutor} implements it with a pool of Workers.
 *
 * Differences from asyncio: asyncio's executors are `concurrent.futures`
 * executors whose `submit()` returns a thread-safe future that the loop
 * wraps; here `submit()` returns the loop's own `Future` directly, and
 * cancelling it must stop the job.
 *
 * @example A trivial executor that runs plain functions on the loop itself
 * ```ts
 * import assert from "node:assert/strict";
 * import { type Executor, type ExecutorFunction, getRunningLoop, run } from "@asyncio/asyncio/loop";
 * import type { Future } from "@asyncio/asyncio/tasks";
 *
 * class InlineExecutor implements Executor {
 *   submit<T>(fn: ExecutorFunction<T>, args: unknown[]): Future<Awaited<T>> {
 *     const future = getRunningLoop().createFuture<Awaited<T>>();
 *     if (typeof fn !== "function") throw new TypeError("plain functions only");
 *     Promise.resolve(fn(...args)).then((v) => future.setResult(v), (e) => future.setException(e));
 *     return future;
 *   }
 *   shutdown(): Promise<void> {
 *     return Promise.resolve();
 *   }
 * }
 *
 * const result = await run(async () => {
 *   const loop = getRunningLoop();
 *   return await loop.runInExecutor(new InlineExecutor(), (a: number, b: number) => a + b, 1, 2);
 * });
 * assert.equal(result, 3);
 * ```
 *
 * @see https://docs.python.org/3/library/concurrent.futures.html#executor-objects
 */
export interface Executor {
  /**
   * Schedules `fn(...args)` and returns a future of its result.
   *
   * @throws {RuntimeError} after `shutdown()`.
   */
  submit<T>(fn: ExecutorFunction<T>, args: unknown[], options?: SubmitOptions): Future<Awaited<T>>;
  /**
   * Refuses new jobs; with `wait` (the default) resolves once the jobs
   * already submitted are done and the executor's resources are released.
   */
  shutdown(wait?: boolean): Promise<void>;
}

/**
 * Tells whether `value` has the shape of an {@linkcode Executor}.
 *
 * @param value Anything.
 * @returns `true` when `value` has `submit()` and `shutdown()` methods.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { isExecutor, WorkerExecutor } from "@asyncio/asyncio/loop";
 *
 * assert.equal(isExecutor(new WorkerExecutor()), true);
 * assert.equal(isExecutor({}), false);
 * ```
 */
export function isExecutor(value: unknown): value is Executor {
  return typeof value === "object" && value !== null
    && typeof (value as Executor).submit === "function"
    && typeof (value as Executor).shutdown === "function";
}

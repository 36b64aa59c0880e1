/**
 * `run()` and `Runner`: run a main coroutine on a fresh loop and finalize.
 * Ports asyncio's `runners.py`.
 *
 * @module
 */
import { checkOptions, describeValue } from "../_options.ts";
import { exitCodeForUncaught, exitProcess, signalListeners } from "../_platform/mod.ts";
import { isCancelledError, KeyboardInterrupt, RuntimeError } from "../errors.ts";
// run() makes the main task, so the loop's entry point loads the task module
// (which registers Future and Task with the loop, see `taskSupport`).
import { checkMainBody, type Task } from "../tasks/task.ts";
import type { EventLoop } from "./event_loop.ts";
import { newEventLoop } from "./policy.ts";
import { getRunningLoopOrNull } from "./running_loop.ts";
import type { AbstractEventLoop, TaskBody } from "./types.ts";

/** Options of {@linkcode run} and {@linkcode Runner}. */
export interface RunOptions {
  /** Turn the loop's debug mode on or off. */
  debug?: boolean;
  /** Makes the loop (default: `newEventLoop()` of the current policy). */
  loopFactory?: () => AbstractEventLoop;
}

const RUN_OPTIONS = ["debug", "loopFactory"] as const;

function checkRunOptions(options: RunOptions | undefined, action: string): void {
  checkOptions(options, RUN_OPTIONS, action);
  const factory = options?.loopFactory;
  if (factory !== undefined && typeof factory !== "function") {
    throw new TypeError(
      `Cannot ${action}: loopFactory must be a function that makes a loop, not ${
        describeValue(factory)
      }`,
    );
  }
}

// A SIGINT death's exit status (128 + 2), which Python gives an uncaught
// KeyboardInterrupt by re-raising the signal.
const SIGINT_EXIT = 130;

let interruptExitSet = false;

// `run()` is about to throw KeyboardInterrupt: if nothing catches it, the
// process ends as a SIGINT death does, not with the usual 1.
function exitAsSigintIfUncaught(): void {
  if (interruptExitSet) return;
  interruptExitSet = true;
  exitCodeForUncaught((err) => err instanceof KeyboardInterrupt, SIGINT_EXIT);
}

const CREATED = 0;
const INITIALIZED = 1;
const CLOSED = 2;

/**
 * Owns one loop for several `run()` calls, then finalizes it: leftover
 * tasks are cancelled and awaited (their errors reported), and the loop is
 * closed. Use it with `await using`, or call `close()`.
 *
 * On SIGINT during `run()` the main task is cancelled; if it then ends
 * cancelled, `run()` throws `KeyboardInterrupt`; a second SIGINT exits the
 * process with code 130. A `KeyboardInterrupt` that nobody catches ends the
 * process with code 130 too, as a SIGINT death does (Python re-raises the
 * signal).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Runner } from "@asyncio/asyncio/loop";
 * import { sleep } from "@asyncio/asyncio/tasks";
 *
 * await using runner = new Runner();
 * assert.equal(await runner.run(() => sleep(0, 1)), 1);
 * assert.equal(await runner.run(() => sleep(0, 2)), 2);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-runner.html#asyncio.Runner
 */
export class Runner implements AsyncDisposable, Disposable {
  #state = CREATED;
  #loop: AbstractEventLoop | null = null;
  readonly #debug: boolean | undefined;
  readonly #loopFactory: (() => AbstractEventLoop) | undefined;
  #interrupts = 0;

  /**
   * Creates a runner; the loop is made on first use.
   *
   * @param options `debug` and `loopFactory`.
   * @throws {TypeError} when `options` has another key or is not an
   * object, or `loopFactory` is not a function.
   */
  constructor(options?: RunOptions) {
    checkRunOptions(options, "create Runner");
    this.#debug = options?.debug;
    this.#loopFactory = options?.loopFactory;
  }

  /**
   * Runs `coro` as the main task on the runner's loop and returns its
   * result.
   *
   * @param coro A `coroutine()` object or a zero-argument async function.
   * @throws {ValueError} `a coroutine was expected, got …` for a promise or
   * a future (a running promise cannot be the main task: write
   * `runner.run(() => main())`).
   * @throws {RuntimeError} inside a running loop, or when the runner is closed.
   * @throws {KeyboardInterrupt} when SIGINT cancelled the main task.
   */
  async run<T>(coro: TaskBody<T>): Promise<T> {
    checkMainBody(coro, "Runner.run");
    if (getRunningLoopOrNull()?.isRunning()) {
      throw new RuntimeError("Runner.run() cannot be called from a running event loop");
    }
    const loop = this.getLoop();
    const task = loop.createTask(coro);
    this.#interrupts = 0;
    const onSigint = () => this.#onSigint(task as Task<unknown>, loop);
    const installed = installSigint(onSigint);
    try {
      return await loop.runUntilComplete(task);
    } catch (err) {
      if (this.#interrupts > 0 && isCancelledError(err) && task.uncancel() <= 0) {
        exitAsSigintIfUncaught();
        throw new KeyboardInterrupt();
      }
      throw err;
    } finally {
      if (installed) signalListeners?.remove("SIGINT", onSigint);
    }
  }

  /**
   * The runner's loop, made on first use.
   *
   * @throws {RuntimeError} `Runner is closed`.
   */
  getLoop(): AbstractEventLoop {
    if (this.#state === CLOSED) throw new RuntimeError("Runner is closed");
    if (this.#state === CREATED) {
      this.#loop = this.#loopFactory ? this.#loopFactory() : newEventLoop();
      if (this.#debug !== undefined) this.#loop.setDebug(this.#debug);
      this.#state = INITIALIZED;
    }
    return this.#loop as AbstractEventLoop;
  }

  /**
   * Cancels and awaits the loop's leftover tasks (reporting their errors to
   * the exception handler), shuts down, and closes the loop. Idempotent.
   */
  async close(): Promise<void> {
    if (this.#state !== INITIALIZED) {
      this.#state = CLOSED;
      return;
    }
    const loop = this.#loop as AbstractEventLoop;
    try {
      await cancelLeftovers(loop);
      await loop.runUntilComplete(() => loop.shutdownAsyncgens());
      await loop.runUntilComplete(() => loop.shutdownDefaultExecutor(300));
    } finally {
      loop.close();
      this.#loop = null;
      this.#state = CLOSED;
    }
  }

  /** Same as {@linkcode Runner.close}. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /** Starts {@linkcode Runner.close} without waiting for it. */
  [Symbol.dispose](): void {
    void this.close();
  }

  #onSigint(task: Task<unknown>, loop: AbstractEventLoop): void {
    this.#interrupts++;
    if (this.#interrupts === 1 && !task.done()) {
      task.cancel();
      (loop as EventLoop)._wakeUp?.();
      return;
    }
    exitProcess(130);
  }
}

function installSigint(handler: () => void): boolean {
  if (signalListeners === null) return false;
  try {
    signalListeners.add("SIGINT", handler);
    return true;
  } catch {
    return false; // not allowed here (a worker, no permission): run without it
  }
}

async function cancelLeftovers(loop: AbstractEventLoop): Promise<void> {
  const tasks = [...((loop as EventLoop)._tasks ?? [])];
  if (tasks.length === 0) return;
  for (const t of tasks) t.cancel();
  const all = loop.createFuture<void>();
  let left = tasks.length;
  const onDone = () => {
    if (--left === 0 && !all.done()) all.setResult();
  };
  for (const t of tasks) t.addDoneCallback(onDone);
  await loop.runUntilComplete(all);
  for (const t of tasks) {
    if (t.cancelled()) continue;
    const exception = t.exception();
    if (exception !== null) {
      loop.callExceptionHandler({
        message: "unhandled exception during asyncio.run() shutdown",
        exception,
        task: t,
      });
    }
  }
}

/**
 * Runs `main` on a new loop until it completes, then cancels leftover
 * tasks, shuts down and closes the loop; returns `main`'s result or throws
 * its error.
 *
 * `main` is a zero-argument async function (`run(main)`, `run(() =>
 * main(args))`) or a `coroutine()` object (`run(main())` when `main` is
 * wrapped with `coroutine()`), never a running promise. On SIGINT the main
 * task is cancelled (and `run()` throws `KeyboardInterrupt`, which ends
 * the process with code 130 if nothing catches it); a second SIGINT exits
 * with code 130.
 *
 * Difference from asyncio: the running loop belongs to the async context,
 * so two `run()` calls started side by side at top level are independent.
 *
 * @param main What the main task runs.
 * @param options `debug`, and `loopFactory` to choose the loop.
 * @returns `main`'s result.
 * @throws {ValueError} `a coroutine was expected, got …` for a promise or
 * a future, with what to write instead.
 * @throws {RuntimeError} `asyncio.run() cannot be called from a running event loop`.
 * @throws {TypeError} when `options` has another key than `debug` and
 * `loopFactory`, or is not an object.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run } from "@asyncio/asyncio/loop";
 * import { sleep } from "@asyncio/asyncio/tasks";
 *
 * const result = await run(async () => {
 *   await sleep(0.01);
 *   return "hello";
 * });
 * assert.equal(result, "hello");
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-runner.html#asyncio.run
 */
export async function run<T>(main: TaskBody<T>, options?: RunOptions): Promise<T> {
  if (getRunningLoopOrNull()?.isRunning()) {
    throw new RuntimeError("asyncio.run() cannot be called from a running event loop");
  }
  checkMainBody(main, "run");
  checkRunOptions(options, "call run()");
  const runner = new Runner(options);
  try {
    return await runner.run(main);
  } finally {
    await runner.close();
  }
}

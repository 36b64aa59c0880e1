/**
 * `WorkerExecutor`: real parallelism in a pool of Workers, the executor
 * behind `loop.runInExecutor()` and `toThread()`. Plays the part of
 * asyncio's default `ThreadPoolExecutor` (and of `ProcessPoolExecutor`:
 * Workers run in parallel).
 *
 * @module
 */
import { type PlatformWorker, valueRepr, workers } from "../_platform/mod.ts";
import { RuntimeError, ValueError } from "../errors.ts";
import type { Future } from "../tasks/future.ts";
import { jobMessage, unclonableArgument } from "./_job_message.ts";
import type { JobMessage, JobReply } from "./_job_runner.ts";
import { describe, reviveError, settle, trySet } from "./_remote_error.ts";
import { inlineWorkerUrl, workerUrl } from "./_worker_source.ts";
import type { Executor, ExecutorFunction, SubmitOptions } from "./executor.ts";
import { getEventLoop } from "./policy.ts";
import { getRunningLoopOrNull } from "./running_loop.ts";

/** Memory bounds of each Worker of a {@linkcode WorkerExecutor}. */
export interface WorkerLimits {
  /** Bound of the main heap, in MB. */
  maxOldGenerationSizeMb?: number;
  /** Bound of the heap for new objects, in MB. */
  maxYoungGenerationSizeMb?: number;
  /** Stack size of the Worker's thread, in MB. */
  stackSizeMb?: number;
}

/** Options of {@linkcode WorkerExecutor}. */
export interface WorkerExecutorOptions {
  /** At most this many Workers (default: the machine's parallelism). */
  maxWorkers?: number;
  /**
   * Memory bounds of each Worker: a Worker that exceeds them dies, failing
   * its job. Enforced on Node; Deno and Bun ignore them.
   */
  resourceLimits?: WorkerLimits;
  /** Prefix of the Workers' names (default `"asyncio"`, as asyncio's threads). */
  namePrefix?: string;
}

interface Job {
  readonly message: JobMessage;
  readonly future: Future<unknown>;
  slot: Slot | null;
}

interface Slot {
  worker: PlatformWorker | null;
  job: Job | null;
  ended: boolean;
  referenced: boolean;
}

/**
 * A pool of up to `maxWorkers` Workers that run jobs in parallel with the
 * loop and with each other. Workers start when jobs need them, take jobs in
 * FIFO order and are reused; arguments, results and errors cross by
 * structured clone.
 *
 * A job is a {@linkcode ModuleFunction} (an export the Worker imports, which
 * may use its module's imports) or a self-contained plain function, sent as
 * source text: it sees no variable of the code around it and has no
 * imports (use a `ModuleFunction` for that). Async functions are awaited in
 * the Worker. An error thrown by the job arrives with its class when it is
 * one of this library's errors or a built-in one (`TypeError`, …), else as
 * an `Error` with the same `name`; message, stack (the Worker's), data
 * fields and `cause` are kept. An argument that cannot be cloned fails the
 * job with a `TypeError` naming it.
 *
 * Cancelling a job's future drops it when it has not started; when it is
 * running, its Worker is terminated, so a runaway job never holds the pool,
 * and a new Worker takes its place for the jobs that follow. A Worker that
 * dies (an uncaught error, `close()`, out of memory) fails its job with a
 * `RuntimeError` saying so, and is replaced too.
 *
 * Idle Workers do not keep the process alive; busy ones do.
 *
 * Differences from asyncio: Python's threads cannot be stopped, so a
 * cancelled `run_in_executor()` call keeps running; here the Worker is
 * terminated. Python's threads share the interpreter (and the GIL); Workers
 * share no memory except `SharedArrayBuffer`s, and run truly in parallel.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getRunningLoop, run, WorkerExecutor } from "@asyncio/asyncio/loop";
 *
 * const pool = new WorkerExecutor({ maxWorkers: 2 });
 * const sums = await run(async () => {
 *   const loop = getRunningLoop();
 *   const sum = (n: number) => {
 *     let s = 0;
 *     for (let i = 0; i < n; i++) s += i;
 *     return s;
 *   };
 *   return await Promise.all([loop.runInExecutor(pool, sum, 10), loop.runInExecutor(pool, sum, 100)]);
 * });
 * await pool.shutdown();
 * assert.deepEqual(sums, [45, 4950]);
 * ```
 *
 * @see https://docs.python.org/3/library/concurrent.futures.html#threadpoolexecutor
 */
export class WorkerExecutor implements Executor, AsyncDisposable {
  readonly #maxWorkers: number;
  readonly #resourceLimits: WorkerLimits | undefined;
  readonly #namePrefix: string;
  #slots = new Set<Slot>();
  #idle: Slot[] = [];
  #queue: Job[] = [];
  #head = 0;
  #started = 0;
  #shutdown = false;
  #ending = new Set<Promise<void>>();
  #closed: Promise<void> | null = null;
  #onClosed: () => void = () => {};

  /**
   * Creates a pool; no Worker starts before the first job.
   *
   * @param options `maxWorkers`, `resourceLimits`, `namePrefix`.
   * @throws {ValueError} `maxWorkers must be greater than 0`.
   * @throws {TypeError} when `maxWorkers` is not an integer.
   */
  constructor(options: WorkerExecutorOptions = {}) {
    const max = options.maxWorkers ?? workers?.parallelism() ?? 1;
    if (typeof max !== "number" || !Number.isInteger(max)) {
      throw new TypeError(`maxWorkers must be an integer, not ${valueRepr(max)}`);
    }
    if (max <= 0) throw new ValueError(`maxWorkers must be greater than 0, got ${max}`);
    this.#maxWorkers = max;
    this.#resourceLimits = options.resourceLimits;
    this.#namePrefix = options.namePrefix ?? "asyncio";
  }

  /** The most Workers this pool runs at once. */
  get maxWorkers(): number {
    return this.#maxWorkers;
  }

  /** How many Workers are running now (busy or idle). */
  get workerCount(): number {
    return this.#slots.size;
  }

  /**
   * Schedules `fn(...args)` on a Worker; returns a future on `options.loop`
   * (default: the running loop, else `getEventLoop()`) that gets its result.
   * Cancelling the future drops the job, or terminates its Worker when the
   * job is running.
   *
   * @param fn A `ModuleFunction` or a self-contained function.
   * @param args Its arguments (structured-cloned).
   * @param options The loop of the future.
   * @returns The job's future.
   * @throws {RuntimeError} `cannot schedule new futures after shutdown`.
   * @throws {TypeError} when `fn` is neither a function nor a `ModuleFunction`,
   * or a native or bound function (no source text to send).
   */
  submit<T>(
    fn: ExecutorFunction<T>,
    args: unknown[],
    options: SubmitOptions = {},
  ): Future<Awaited<T>> {
    if (this.#shutdown) throw new RuntimeError("cannot schedule new futures after shutdown");
    const message = jobMessage(fn, args);
    const loop = options.loop ?? getRunningLoopOrNull() ?? getEventLoop();
    const future = loop.createFuture<Awaited<T>>();
    if (workers === null) {
      future.setException(
        new RuntimeError(
          "Cannot run the job: this runtime has no Workers (runInExecutor needs them)",
        ),
      );
      return future;
    }
    const job: Job = { message, future: future as Future<unknown>, slot: null };
    future.addDoneCallback(() => {
      if (future.cancelled()) this.#cancelled(job);
    });
    this.#queue.push(job);
    this.#dispatch();
    return future;
  }

  /**
   * Refuses new jobs; the jobs already submitted still run (unless
   * `cancelFutures`), then every Worker is terminated. With `wait` (the
   * default) resolves once that is done. Calling it again is harmless.
   *
   * @param wait Whether the promise waits for the jobs and Workers.
   * @param options `cancelFutures`: cancel the jobs that have not started.
   */
  shutdown(wait = true, options: { cancelFutures?: boolean } = {}): Promise<void> {
    this.#shutdown = true;
    if (options.cancelFutures) {
      for (let i = this.#head; i < this.#queue.length; i++) this.#queue[i]!.future.cancel();
    }
    if (this.#closed === null) {
      this.#closed = new Promise<void>((resolve) => (this.#onClosed = resolve));
    }
    this.#finishIfIdle();
    return wait ? this.#closed : Promise.resolve();
  }

  /** Same as `shutdown()` (waiting): `await using pool = new WorkerExecutor()`. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.shutdown(true);
  }

  /**
   * Shuts down at once: every job not finished is cancelled and every
   * Worker terminated. Resolves once the Workers are gone.
   */
  terminate(): Promise<void> {
    this.#shutdown = true;
    const jobs = this.#queue.slice(this.#head);
    for (const slot of this.#slots) if (slot.job !== null) jobs.push(slot.job);
    for (const slot of [...this.#slots]) this.#end(slot);
    this.#queue = [];
    this.#head = 0;
    for (const job of jobs) job.future.cancel();
    return this.shutdown(true);
  }

  #dispatch(): void {
    const queue = this.#queue;
    while (this.#head < queue.length) {
      const job = queue[this.#head]!;
      if (job.future.done()) {
        // cancelled while it waited: simply dropped
        queue[this.#head++] = undefined as unknown as Job;
        continue;
      }
      let slot = this.#idle.pop();
      if (slot === undefined) {
        if (this.#slots.size >= this.#maxWorkers) break;
        try {
          slot = this.#start();
        } catch (cause) {
          // The runtime refused to start a Worker (no permission, no
          // worker_threads): the job fails, the next one tries again.
          queue[this.#head++] = undefined as unknown as Job;
          const error = new RuntimeError(
            `Cannot run the job: cannot start a Worker (${describe(cause)})`,
          );
          Object.defineProperty(error, "cause", {
            value: cause,
            configurable: true,
            writable: true,
          });
          trySet(() => job.future.setException(error));
          continue;
        }
      }
      queue[this.#head++] = undefined as unknown as Job;
      this.#run(slot, job);
    }
    if (this.#head === queue.length) {
      this.#queue = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > queue.length) {
      this.#queue = queue.slice(this.#head);
      this.#head = 0;
    }
    // Idle Workers must not keep the process alive (busy ones do).
    for (const idle of this.#idle) {
      if (idle.referenced) {
        idle.worker!.unref();
        idle.referenced = false;
      }
    }
    if (this.#shutdown) this.#finishIfIdle();
  }

  #start(): Slot {
    const slot: Slot = { worker: null, job: null, ended: false, referenced: true };
    const events = {
      message: (data: unknown) => this.#onReply(slot, data as JobReply),
      error: (error: unknown) => this.#lost(slot, `crashed: ${describe(error)}`, error),
      exit: (code: number | null) => this.#lost(slot, `exited (code ${code})`),
    };
    const options = {
      name: `${this.#namePrefix}-${++this.#started}`,
      ...(this.#resourceLimits ? { resourceLimits: this.#resourceLimits } : {}),
    };
    const platform = workers!;
    try {
      slot.worker = platform.start(workerUrl(), events, options);
    } catch {
      // e.g. a runtime that cannot start a Worker from the library's own URL
      slot.worker = platform.start(inlineWorkerUrl(), events, options);
    }
    this.#slots.add(slot);
    return slot;
  }

  #run(slot: Slot, job: Job): void {
    const worker = slot.worker!;
    if (!slot.referenced) {
      worker.ref();
      slot.referenced = true;
    }
    try {
      worker.post(job.message);
    } catch (error) {
      // Nothing was sent: the job fails, the Worker stays.
      job.future.setException(unclonableArgument(job.message.args, error));
      this.#idle.push(slot);
      return;
    }
    slot.job = job;
    job.slot = slot;
  }

  #onReply(slot: Slot, reply: JobReply): void {
    if (slot.ended) return;
    if ("ok" in reply) {
      const job = slot.job;
      if (job === null) return;
      slot.job = null;
      job.slot = null;
      settle(job.future, reply);
      this.#idle.push(slot);
      this.#dispatch();
    } else if ("crash" in reply) {
      const cause = reviveError(reply.crash);
      this.#lost(slot, `crashed: uncaught ${describe(cause)}`, cause);
    } else {
      this.#lost(slot, "closed itself (close())");
    }
  }

  /** A Worker died under us: fail its job and replace it. */
  #lost(slot: Slot, why: string, cause?: unknown): void {
    if (slot.ended) return;
    const job = slot.job;
    this.#end(slot);
    if (job !== null && !job.future.done()) {
      const error = new RuntimeError(`Cannot finish the job: its Worker ${why}`);
      if (cause !== undefined) {
        Object.defineProperty(error, "cause", { value: cause, configurable: true, writable: true });
      }
      trySet(() => job.future.setException(error));
    }
    this.#dispatch();
  }

  #cancelled(job: Job): void {
    const slot = job.slot;
    if (slot === null) return; // still queued: dispatch drops it
    this.#end(slot);
    this.#dispatch();
  }

  /** Terminates a Worker and forgets it. */
  #end(slot: Slot): void {
    if (slot.ended) return;
    slot.ended = true;
    if (slot.job !== null) slot.job.slot = null;
    slot.job = null;
    this.#slots.delete(slot);
    const i = this.#idle.indexOf(slot);
    if (i >= 0) this.#idle.splice(i, 1);
    const ending = slot.worker!.terminate();
    this.#ending.add(ending);
    void ending.then(() => {
      this.#ending.delete(ending);
      if (this.#shutdown) this.#finishIfIdle();
    });
  }

  #finishIfIdle(): void {
    if (this.#closed === null) return;
    for (let i = this.#head; i < this.#queue.length; i++) {
      if (!this.#queue[i]!.future.done()) return;
    }
    for (const slot of [...this.#slots]) {
      // A job whose future is done (cancelled while the loop was not
      // running) no longer needs its Worker.
      if (slot.job === null || slot.job.future.done()) this.#end(slot);
    }
    if (this.#slots.size === 0 && this.#ending.size === 0) this.#onClosed();
  }
}

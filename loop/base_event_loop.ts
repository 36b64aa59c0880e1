/**
 * The event loop: a scheduler over the host's own loop (DESIGN.md §3). Ports
 * the scheduling half of asyncio's `base_events.py`.
 *
 * @module
 */
import { checkOptions, markChecked } from "../_options.ts";
import { macrotask, monotonicMs, valueRepr } from "../_platform/mod.ts";
import { RuntimeError } from "../errors.ts";
import type { Future } from "../tasks/future.ts";
import type { Task } from "../tasks/task.ts";
import { checkCallback, describeEntry, runHandle } from "./_callback_entry.ts";
import { dispatchException, formatExceptionContext } from "./_exception_report.ts";
import { HostAlarm } from "./_host_alarm.ts";
import { type ReadyFn, ReadyQueue } from "./_ready_queue.ts";
import { TaskList } from "./_task_list.ts";
import { isCoroutineObject, support, taskSupport } from "./_task_support.ts";
import { TimerQueue } from "./_timer_queue.ts";
import { Handle, TimerHandle } from "./handle.ts";
import { logger } from "./logger.ts";
import {
  type ContextState,
  contextState,
  getRunningLoopOrNull,
  setCallbackLoop,
} from "./running_loop.ts";
import type {
  AbstractEventLoop,
  Callback,
  CoroutineLike,
  ExceptionContext,
  ExceptionHandler,
  TaskBody,
  TaskFactory,
  TaskOptions,
} from "./types.ts";

// While callbacks keep coming, hand the host a macrotask turn at least this
// often (ms), so its timers, I/O and signals are served during a busy loop.
const HOST_TURN_MS = 4;

// A task started or resumed by a callback runs its step on microtasks: up to
// its next pending asyncio await, through awaits of done futures and promise
// chains. Before the next callback, the loop lets microtask turns run until
// every such task has suspended or finished (`_stepping` counts them), as
// asyncio runs a whole step before the next callback. (Even two wake-ups in a
// row need turns between them: `await future` registers with the future one
// microtask after the task resumed.) The bound covers tasks that park on a
// native promise instead of an asyncio await.
const MAX_STEP_TICKS = 64;

let timerSeq = 0;

// The arguments of every callback scheduled without any (never written to).
const NO_ARGS: unknown[] = [];

/** The options `createTask()` reads (checked once per call). */
const TASK_OPTIONS = ["name", "eagerStart"] as const;

// Awaiting an already-resolved promise takes one microtask turn without
// allocating a new promise per turn (as `await undefined` does).
const RESOLVED: Promise<void> = Promise.resolve();

// Registered by tasks/future.ts and tasks/task.ts, which import it from here.
export { taskSupport };

/**
 * The scheduling half of asyncio's event loop: the ready queue, the timer
 * heap, running and stopping, futures and tasks, the exception handler and
 * debug mode. {@linkcode EventLoop} adds the I/O methods (networking,
 * subprocesses, signals, executors) on top of it: construct that one.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { BaseEventLoop, EventLoop } from "@asyncio/asyncio/loop";
 *
 * assert.ok(new EventLoop() instanceof BaseEventLoop);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-eventloop.html
 */
export abstract class BaseEventLoop {
  // Every concrete loop is an EventLoop, which adds the I/O half of the
  // interface; this is the loop as the interface callbacks and futures see.
  readonly #self: AbstractEventLoop = this as unknown as AbstractEventLoop;

  /** Debug mode reports callbacks that take longer than this many seconds. */
  slowCallbackDuration = 0.1;

  #ready = new ReadyQueue();
  #timers = new TimerQueue();
  #running = false;
  #implicit = false;
  #stopping = false;
  #closed = false;
  #debug = false;
  #exceptionHandler: ExceptionHandler | null = null;
  #taskFactory: TaskFactory | null = null;
  #wake: (() => void) | null = null;
  #alarm = new HostAlarm(() => this.#nudgeSleeping());
  #autoStartPending = false;
  #handover = false;
  #implicitDone: Promise<void> | null = null;
  #root: ContextState = { loop: this.#self, task: null };
  #taskOptions: { readonly loop: AbstractEventLoop } = Object.freeze(
    markChecked({ loop: this.#self }),
  );

  /** @ignore Debug mode, read by futures as they are made (see setDebug). */
  _debug = false;
  /** @ignore Set by a done callback that resumed awaiting code. */
  _woke = false;
  /** @ignore Tasks started or resumed that have not suspended or finished yet. */
  _stepping = 0;
  /** @ignore Bumped when the loop stops waiting for `_stepping` tasks. */
  _stepEpoch = 0;
  /** @ignore Whether work scheduled while stopped starts the loop by itself. */
  _autoRun = false;
  /** @ignore Pending (not done) tasks of this loop. */
  readonly _tasks: TaskList<Task<unknown>> = new TaskList();
  /** @ignore Futures that failed and whose error nobody read yet. */
  readonly _unretrieved: Set<WeakRef<Future<unknown>>> = new Set();
  /** @ignore Called at close to report `_unretrieved`. */
  _onClose: ((loop: BaseEventLoop) => void) | null = null;

  /** Creates a loop; prefer `newEventLoop()` or `run()`. */
  constructor() {}

  // ---- scheduling -------------------------------------------------------

  /**
   * Schedules `cb(...args)` for the next iteration, after everything
   * already scheduled.
   *
   * @returns A handle that can cancel the call.
   * @throws {RuntimeError} `Event loop is closed`.
   */
  callSoon<A extends unknown[]>(cb: Callback<A>, ...args: A): Handle {
    this.#checkClosed();
    if (this.#debug) checkCallback(cb, "callSoon");
    const handle = new Handle(
      cb as Callback<unknown[]>,
      args.length === 0 ? NO_ARGS : args,
      this.#self,
    );
    this._pushReady(runHandle, handle);
    return handle;
  }

  /** Same as {@linkcode EventLoop.callSoon}: one isolate has one thread. */
  callSoonThreadsafe<A extends unknown[]>(cb: Callback<A>, ...args: A): Handle {
    return this.callSoon(cb, ...args);
  }

  /**
   * Schedules `cb(...args)` to run `delay` seconds from now (a negative or
   * zero delay means the next iteration that checks timers).
   *
   * A timer never fires before its deadline; timers due within a
   * millisecond of each other fire in the same iteration (asyncio's
   * selector rounds its wait up to whole milliseconds), after the last of
   * them is due.
   *
   * @throws {TypeError} when `delay` is not a number.
   * @throws {RuntimeError} `Event loop is closed`.
   */
  callLater<A extends unknown[]>(delay: number, cb: Callback<A>, ...args: A): TimerHandle {
    if (typeof delay !== "number") {
      throw new TypeError(`delay must be a number, not ${valueRepr(delay)}`);
    }
    // asyncio's debug check names call_at() for call_later() too.
    return this.#timer(this.time() + delay, cb as Callback<unknown[]>, args, "callAt");
  }

  /**
   * Schedules `cb(...args)` at loop time `when` (seconds, see `time()`).
   *
   * @throws {TypeError} when `when` is not a number.
   * @throws {RuntimeError} `Event loop is closed`.
   */
  callAt<A extends unknown[]>(when: number, cb: Callback<A>, ...args: A): TimerHandle {
    if (typeof when !== "number") {
      throw new TypeError(`when must be a number, not ${valueRepr(when)}`);
    }
    return this.#timer(when, cb as Callback<unknown[]>, args, "callAt");
  }

  #timer(when: number, cb: Callback<unknown[]>, args: unknown[], method: string): TimerHandle {
    this.#checkClosed();
    if (this.#debug) checkCallback(cb, method);
    const timer = new TimerHandle(
      when,
      cb,
      args.length === 0 ? NO_ARGS : args,
      this.#self,
      timerSeq++,
    );
    timer._scheduled = true;
    this.#timers.push(timer);
    // A loop asleep until an earlier deadline need not wake for this one.
    if (this.#wake === null || when < this.#alarm.when) this.#nudge();
    return timer;
  }

  /** The loop's monotonic clock, in seconds (arbitrary epoch). */
  time(): number {
    return monotonicMs() / 1000;
  }

  /**
   * Queues `fn(arg)` on the ready queue. The library's own scheduling goes
   * through here to avoid a Handle per entry.
   *
   * @ignore
   */
  _pushReady(fn: ReadyFn, arg: unknown): void {
    this.#ready.push(fn, arg);
    this.#nudge();
  }

  /** @ignore */
  _timerHandleCancelled(timer: TimerHandle): void {
    if (timer._scheduled) this.#timers.cancel(timer);
  }

  #nudge(): void {
    const wake = this.#wake;
    if (wake !== null) {
      this.#wake = null;
      wake();
    } else if (!this.#running && this._autoRun) {
      this.#scheduleAutoStart();
    }
  }

  // ---- futures and tasks ------------------------------------------------

  /** Creates a future bound to this loop. */
  createFuture<T>(): Future<T> {
    return new (support("Future"))<T>({ loop: this.#self });
  }

  /**
   * Creates a task running `coro` on this loop (through the task factory,
   * if one is set): a `coroutine()` object or a zero-argument function, as
   * `createTask()` in `tasks` takes.
   *
   * @throws {TypeError} when `coro` is a promise, a future or anything else
   * (`a coroutine was expected`, with what to write instead); when
   * `options` has a key other than `name` and `eagerStart`.
   * @throws {RuntimeError} `Event loop is closed`.
   */
  createTask<T>(coro: TaskBody<T>, options?: TaskOptions): Task<T> {
    this.#checkClosed();
    if (options !== undefined) checkOptions(options, TASK_OPTIONS, "create task");
    if (this.#taskFactory !== null) {
      return this.#taskFactory(this.#self, coro, options ?? {}) as Task<T>;
    }
    const Task = taskSupport.Task ?? support("Task");
    // The common call has no options: one shared options object, no copy.
    return new Task<T>(
      coro,
      options === undefined ? this.#taskOptions : markChecked({ ...options, loop: this.#self }),
    );
  }

  /** Sets the factory `createTask()` uses; `null` restores the default. */
  setTaskFactory(factory: TaskFactory | null): void {
    if (factory !== null && typeof factory !== "function") {
      throw new TypeError(`task factory must be a function or null, not ${valueRepr(factory)}`);
    }
    this.#taskFactory = factory;
  }

  /** The task factory, or `null` for the default. */
  getTaskFactory(): TaskFactory | null {
    return this.#taskFactory;
  }

  // ---- running and stopping ---------------------------------------------

  /**
   * Runs the loop until `future` is done; returns its result or throws its
   * error. A coroutine, function or other awaitable is wrapped in a task on
   * this loop first.
   *
   * @throws {RuntimeError} `Event loop stopped before Future completed` when
   * `stop()` ends the loop first; `This event loop is already running`;
   * `Event loop is closed`.
   */
  async runUntilComplete<T>(future: CoroutineLike<T>): Promise<T> {
    this.#checkClosed();
    this.#checkNotRunning();
    const isFuture = support("isFuture");
    const fut = (isFuture(future)
      ? future
      : typeof future === "function" || isCoroutineObject(future as object)
      ? this.createTask(future as TaskBody<T>)
      : this.createTask(support("wrapAwaitable")(future, this.#self))) as Future<T>;
    const stopOnDone = () => this.stop();
    fut.addDoneCallback(stopOnDone);
    try {
      await this.runForever();
    } finally {
      fut.removeDoneCallback(stopOnDone);
    }
    if (!fut.done()) throw new RuntimeError("Event loop stopped before Future completed.");
    return fut.result();
  }

  /**
   * Runs the loop until `stop()` is called.
   *
   * @throws {RuntimeError} `This event loop is already running`;
   * `Cannot run the event loop while another loop is running`;
   * `Event loop is closed`.
   */
  async runForever(): Promise<void> {
    this.#checkClosed();
    this.#checkNotRunning();
    if (this.#implicit) {
      // The loop is running by itself (see `_autoRun`): take it over.
      this.#handover = true;
      this.#nudgeSleeping();
      await this.#implicitDone;
      this.#checkClosed();
    }
    this.#running = true;
    try {
      // From code with no async context, the loop runs without one (see
      // setCallbackLoop); elsewhere its root context isolates its callbacks.
      if (contextState.get() === undefined) await this.#run();
      else await contextState.run(this.#root, () => this.#run());
    } finally {
      this.#running = false;
      this.#stopping = false;
      this.#alarm.clear();
    }
  }

  #checkNotRunning(): void {
    if (this.#running && !this.#implicit) {
      throw new RuntimeError("This event loop is already running");
    }
    const other = getRunningLoopOrNull();
    if (other !== null && other !== this.#self && other.isRunning()) {
      throw new RuntimeError("Cannot run the event loop while another loop is running");
    }
  }

  /** Stops the loop once the current iteration is over. */
  stop(): void {
    this.#stopping = true;
    this.#nudgeSleeping();
  }

  /** Whether the loop is running. */
  isRunning(): boolean {
    return this.#running;
  }

  /** Whether the loop was closed. */
  isClosed(): boolean {
    return this.#closed;
  }

  /**
   * Closes the loop: pending callbacks and timers are dropped, never run.
   * Idempotent.
   *
   * @throws {RuntimeError} `Cannot close a running event loop`.
   */
  close(): void {
    if (this.#running && !this.#implicit) {
      throw new RuntimeError("Cannot close a running event loop");
    }
    if (this.#closed) return;
    this.#closed = true;
    this.#stopping = true;
    this.#nudgeSleeping();
    this.#ready.clear();
    this.#timers.reset();
    this.#alarm.clear();
    this._onClose?.(this);
  }

  /** Closes async generators: a no-op, JavaScript has no hook to track them. */
  shutdownAsyncgens(): Promise<void> {
    return Promise.resolve();
  }

  /** Shuts the default executor down: a no-op until an executor was used. */
  shutdownDefaultExecutor(_timeout: number | null = null): Promise<void> {
    return Promise.resolve();
  }

  // ---- errors and debug -------------------------------------------------

  /** Sets the exception handler; `null` restores the default one. */
  setExceptionHandler(handler: ExceptionHandler | null): void {
    if (handler !== null && typeof handler !== "function") {
      throw new TypeError(`A callable object or null is expected, got ${valueRepr(handler)}`);
    }
    this.#exceptionHandler = handler;
  }

  /** The custom exception handler, or `null`. */
  getExceptionHandler(): ExceptionHandler | null {
    return this.#exceptionHandler;
  }

  /** Writes `context` to the `asyncio` logger (standard error by default). */
  defaultExceptionHandler(context: ExceptionContext): void {
    logger.error(formatExceptionContext(context));
  }

  /**
   * Reports `context` to the custom handler, or the default one. A handler
   * that throws is itself reported to the default handler.
   */
  callExceptionHandler(context: ExceptionContext): void {
    dispatchException(this.#self, this.#exceptionHandler, context);
  }

  /** Whether debug mode is on. */
  getDebug(): boolean {
    return this.#debug;
  }

  /** Turns debug mode on or off (slow-callback reports, callback checks). */
  setDebug(enabled: boolean): void {
    this.#debug = Boolean(enabled);
    this._debug = this.#debug;
  }

  // ---- the loop itself --------------------------------------------------

  async #run(): Promise<void> {
    const ready = this.#ready;
    let lastHostTurn = monotonicMs();
    for (;;) {
      this.#timers.dropCancelled();
      // One clock reading decides both whether to hold for a group of timers
      // and which timers are due: read twice, the clock could pass the first
      // deadline of a group in between (a host timer may wake the loop a
      // little early), and the group would fire over two iterations.
      let now = -Infinity;
      if (ready.length === 0 && !this.#stopping) {
        const next = this.#timers.peek();
        if (next === undefined) {
          if (this.#implicit) return; // nothing left: a self-started run ends
          await this._waitForWork();
        } else if (next._when > this.time()) {
          await this._waitUntil(next._when);
        }
        lastHostTurn = monotonicMs();
        if (this.#closed) return;
        if (ready.length === 0 && !this.#stopping) {
          const timers = this.#timers;
          now = this.time();
          const hold = timers.length === 0 ? 0 : timers.groupHold(now);
          if (hold > 0) {
            await this._waitUntil(hold);
            if (this.#closed) return;
            continue;
          }
        }
      } else if (monotonicMs() - lastHostTurn >= HOST_TURN_MS) {
        await new Promise<void>((resolve) => macrotask(resolve));
        lastHostTurn = monotonicMs();
        if (this.#closed) return;
      }
      if (this.#timers.length !== 0) {
        this.#timers.moveDue(now === -Infinity ? this.time() : now, ready);
      }
      if (this.#debug) await this.#runBatchDebug(ready.length);
      else {
        setCallbackLoop(this.#self);
        for (let n = ready.length; n > 0; n--) {
          const fn = ready.shift();
          const arg = ready.lastArg;
          try {
            fn(arg);
          } catch (err) {
            this.#callbackFailed(err, fn, arg);
          }
          if (this._woke || this._stepping > 0) {
            // #finishSteps, inlined: this is the hot path of every wake-up.
            setCallbackLoop(null);
            this._woke = false;
            await RESOLVED;
            for (let i = 1; this._stepping > 0 && i < MAX_STEP_TICKS; i++) await RESOLVED;
            if (this._stepping > 0) this.#giveUpSteps();
            setCallbackLoop(this.#self);
          }
        }
        setCallbackLoop(null);
      }
      if (this.#stopping || this.#closed) return;
      if (this.#implicit && this.#handover) return;
    }
  }

  async #runBatchDebug(count: number): Promise<void> {
    const ready = this.#ready;
    for (let n = count; n > 0; n--) {
      const fn = ready.shift();
      const arg = ready.lastArg;
      const t0 = monotonicMs();
      setCallbackLoop(this.#self);
      try {
        fn(arg);
      } catch (err) {
        this.#callbackFailed(err, fn, arg);
      }
      setCallbackLoop(null);
      if (this._woke || this._stepping > 0) await this.#finishSteps();
      const dt = (monotonicMs() - t0) / 1000;
      if (dt >= this.slowCallbackDuration) {
        logger.warning(`Executing ${describeEntry(fn, arg)} took ${dt.toFixed(3)} seconds`);
      }
    }
  }

  // Lets resumed code run: one microtask turn for any awaiting code, more
  // while started or resumed tasks have not finished their step.
  async #finishSteps(): Promise<void> {
    this._woke = false;
    await RESOLVED;
    for (let i = 1; this._stepping > 0 && i < MAX_STEP_TICKS; i++) await RESOLVED;
    if (this._stepping > 0) this.#giveUpSteps();
  }

  // The tasks still counted are parked on native promises: stop counting them.
  #giveUpSteps(): void {
    this._stepping = 0;
    this._stepEpoch++;
  }

  /**
   * Waits until loop time `when` or until work arrives. The virtual-time
   * loop overrides this to jump its clock instead.
   *
   * @ignore
   */
  _waitUntil(when: number): Promise<void> {
    const alarm = this.#alarm;
    if (alarm.isLaterThan(when)) alarm.arm(when, when - this.time());
    return this._waitForWork();
  }

  /** @ignore Resolves when work is scheduled or the loop is stopped. */
  _waitForWork(): Promise<void> {
    return new Promise<void>((resolve) => (this.#wake = resolve));
  }

  /** @ignore Whether the loop is waiting for work (for subclasses). */
  _isIdle(): boolean {
    return this.#wake !== null && this.#ready.length === 0;
  }

  /** @ignore Wakes the loop if it waits (for subclasses). */
  _wakeUp(): void {
    this.#nudgeSleeping();
  }

  #nudgeSleeping(): void {
    const wake = this.#wake;
    if (wake !== null) {
      this.#wake = null;
      wake();
    }
  }

  #scheduleAutoStart(): void {
    if (this.#autoStartPending || this.#closed) return;
    this.#autoStartPending = true;
    queueMicrotask(() => {
      this.#autoStartPending = false;
      if (this.#running || this.#closed) return;
      this.#running = true;
      this.#implicit = true;
      this.#handover = false;
      this.#implicitDone = contextState.run(this.#root, () => this.#run()).finally(() => {
        this.#running = false;
        this.#implicit = false;
        this.#stopping = false;
        this.#alarm.clear();
        const handedOver = this.#handover;
        this.#handover = false;
        if (!handedOver && !this.#closed && this.#ready.length > 0) this.#scheduleAutoStart();
      });
    });
  }

  #checkClosed(): void {
    if (this.#closed) throw new RuntimeError("Event loop is closed");
  }

  #callbackFailed(err: unknown, fn: ReadyFn, arg: unknown): void {
    const handle = arg instanceof Handle && fn === runHandle
      ? arg
      : new Handle(fn as Callback<unknown[]>, [arg], this.#self);
    this.callExceptionHandler({
      message: `Exception in callback ${describeEntry(fn, arg)}`,
      exception: err,
      handle,
    });
  }
}

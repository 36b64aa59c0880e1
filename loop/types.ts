/**
 * Types shared by the loop and everything scheduled on it.
 *
 * @module
 */
import type {
  ConnectionOptions,
  ServerOptions,
  StartTlsOptions,
  UnixConnectionOptions,
  UnixServerOptions,
} from "../streams/network_options.ts";
import type { BaseProtocol, Protocol } from "../streams/protocols.ts";
import type { Server } from "../streams/server.ts";
import type { TlsOptions, Transport } from "../streams/transports.ts";
import type { SubprocessOptions } from "../subprocess/constants.ts";
import type { SubprocessProtocol } from "../subprocess/protocols.ts";
import type { SubprocessTransport } from "../subprocess/subprocess_transport.ts";
import type { Coroutine } from "../tasks/coroutine.ts";
import type { Future } from "../tasks/future.ts";
import type { Task } from "../tasks/task.ts";
import type { Executor, ExecutorFunction } from "./executor.ts";
import type { Handle, TimerHandle } from "./handle.ts";

/** A callback with its arguments, as `loop.callSoon(cb, ...args)` takes it. */
export type Callback<A extends unknown[]> = (...args: A) => unknown;

/** Anything `await` accepts and settles: a Future, a Task, a Promise, a thenable. */
export type Awaitable<T> = PromiseLike<T>;

/**
 * What a task runs and owns: a {@linkcode Coroutine} object (from a
 * `coroutine()`-wrapped function) or a zero-argument function returning a
 * promise, which the task calls in its first step, inside the task.
 *
 * `createTask`, `loop.createTask`, `TaskGroup.createTask`, `run()` and
 * `Runner.run()` take only this: a promise is already running in the caller's
 * context, so a task given one could not cancel it. Write
 * `createTask(() => work(i))`, not `createTask(work(i))`.
 */
export type TaskBody<T> = Coroutine<T> | (() => PromiseLike<T>);

/**
 * What asyncio's awaitable-taking calls accept (`ensureFuture`, `gather`,
 * `shield`, `waitFor`, `asCompleted`): a {@linkcode TaskBody}, or any other
 * awaitable (wrapped; its body is not owned by the task, so cancelling only
 * abandons the wrapper).
 */
export type CoroutineLike<T> = TaskBody<T> | PromiseLike<T>;

/** Options of `createTask()`. */
export interface TaskOptions {
  /** The task's name (default `Task-N`). */
  name?: string;
  /** Run the first step synchronously inside `createTask()` when the loop runs. */
  eagerStart?: boolean;
}

/** What the loop reports to its exception handler. */
export interface ExceptionContext {
  /** What went wrong, always present. */
  message: string;
  /** The thrown object, when there is one. */
  exception?: unknown;
  /**
   * The future involved, if any; for "exception was never retrieved", the
   * failed future or task (asyncio's key for both). A future reported after
   * it was garbage-collected is a done stand-in that prints as it did.
   */
  future?: Future<unknown>;
  /** The task involved, if any. */
  task?: Task<unknown>;
  /** The handle of the failing callback, if any. */
  handle?: Handle;
  /** The protocol involved, if any. */
  protocol?: unknown;
  /** The transport involved, if any. */
  transport?: unknown;
  /**
   * Debug mode: where the object reported was created, as stack frames
   * (`at fn (file:line:col)`), most recent call last (asyncio's
   * `source_traceback`).
   */
  source_traceback?: string[];
  /** Other keys; handlers must ignore keys they do not know. */
  [key: string]: unknown;
}

/** A custom exception handler: `handler(loop, context)`. */
export type ExceptionHandler = (loop: AbstractEventLoop, context: ExceptionContext) => void;

/** A task factory for `loop.setTaskFactory()`. */
export type TaskFactory = (
  loop: AbstractEventLoop,
  coro: TaskBody<unknown>,
  options: TaskOptions,
) => Task<unknown>;

/**
 * A signal's name, as `addSignalHandler()` and `sendSignal()` take it. The
 * common names are listed for completion; any name this OS has is accepted
 * (see `validSignals()`), an unknown one is a `ValueError`.
 */
export type Signal =
  | "SIGINT"
  | "SIGTERM"
  | "SIGHUP"
  | "SIGQUIT"
  | "SIGUSR1"
  | "SIGUSR2"
  | "SIGALRM"
  | "SIGCHLD"
  | "SIGWINCH"
  | "SIGPIPE"
  | "SIGCONT"
  | "SIGKILL"
  | "SIGSTOP"
  | "SIGBREAK"
  | (string & Record<never, never>);

/** The event loop interface, implemented by {@linkcode EventLoop}. */
export interface AbstractEventLoop {
  /** Runs until `future` is done and returns its result (or throws its error). */
  runUntilComplete<T>(future: CoroutineLike<T>): Promise<T>;
  /** Runs until `stop()` is called. */
  runForever(): Promise<void>;
  /** Stops the loop after the current iteration. */
  stop(): void;
  /** Whether the loop is running. */
  isRunning(): boolean;
  /** Whether the loop was closed. */
  isClosed(): boolean;
  /** Closes the loop, dropping pending callbacks. */
  close(): void;
  /** Closes async generators (a no-op here: JavaScript has no hooks for them). */
  shutdownAsyncgens(): Promise<void>;
  /** Shuts the default executor down, waiting at most `timeout` seconds (`null`: no bound). */
  shutdownDefaultExecutor(timeout?: number | null): Promise<void>;
  /** Runs `fn(...args)` on `executor` (`null`: the default one, a pool of Workers). */
  runInExecutor<T>(
    executor: Executor | null,
    fn: ExecutorFunction<T>,
    ...args: unknown[]
  ): Future<Awaited<T>>;
  /** Sets the executor of `runInExecutor(null, …)` and `toThread()`. */
  setDefaultExecutor(executor: Executor): void;
  /** Schedules `cb(...args)` for the next iteration. */
  callSoon<A extends unknown[]>(cb: Callback<A>, ...args: A): Handle;
  /** Same as `callSoon` (one isolate, one thread). */
  callSoonThreadsafe<A extends unknown[]>(cb: Callback<A>, ...args: A): Handle;
  /** Schedules `cb(...args)` after `delay` seconds. */
  callLater<A extends unknown[]>(delay: number, cb: Callback<A>, ...args: A): TimerHandle;
  /** Schedules `cb(...args)` at loop time `when`. */
  callAt<A extends unknown[]>(when: number, cb: Callback<A>, ...args: A): TimerHandle;
  /** The loop's monotonic clock, in seconds. */
  time(): number;
  /** Creates a future bound to this loop. */
  createFuture<T>(): Future<T>;
  /** Creates a task on this loop (through the task factory, if set). */
  createTask<T>(coro: TaskBody<T>, options?: TaskOptions): Task<T>;
  /** Sets (or clears with `null`) the task factory. */
  setTaskFactory(factory: TaskFactory | null): void;
  /** The task factory, or `null`. */
  getTaskFactory(): TaskFactory | null;
  /** Sets (or clears with `null`) the exception handler. */
  setExceptionHandler(handler: ExceptionHandler | null): void;
  /** The exception handler, or `null`. */
  getExceptionHandler(): ExceptionHandler | null;
  /** Reports `context` to standard error. */
  defaultExceptionHandler(context: ExceptionContext): void;
  /** Reports `context` to the custom handler, else the default one. */
  callExceptionHandler(context: ExceptionContext): void;
  /** Whether debug mode is on. */
  getDebug(): boolean;
  /** Turns debug mode on or off. */
  setDebug(enabled: boolean): void;
  /** Debug mode reports callbacks that take longer than this many seconds. */
  slowCallbackDuration: number;
  /** Opens a TCP (or TLS) connection with a protocol (see `streams`). */
  createConnection<P extends Protocol>(
    factory: () => P,
    host: string,
    port: number,
    options?: ConnectionOptions,
  ): Promise<[Transport, P]>;
  /** Listens on TCP and connects a protocol to each client (see `streams`). */
  createServer(
    factory: () => BaseProtocol,
    host: string | string[] | null,
    port: number,
    options?: ServerOptions,
  ): Promise<Server>;
  /** Opens a Unix socket connection with a protocol (see `streams`). */
  createUnixConnection<P extends Protocol>(
    factory: () => P,
    path: string,
    options?: UnixConnectionOptions,
  ): Promise<[Transport, P]>;
  /** Listens on a Unix socket and connects a protocol to each client (see `streams`). */
  createUnixServer(
    factory: () => BaseProtocol,
    path: string,
    options?: UnixServerOptions,
  ): Promise<Server>;
  /** Upgrades a connection to TLS and returns the new transport (see `streams`). */
  startTls(
    transport: Transport,
    protocol: BaseProtocol,
    tls: TlsOptions,
    options?: StartTlsOptions,
  ): Promise<Transport>;
  /** Starts a child without a shell and connects a protocol (see `subprocess`). */
  subprocessExec<P extends SubprocessProtocol>(
    factory: () => P,
    program: string,
    args: string[],
    options?: SubprocessOptions,
  ): Promise<[SubprocessTransport, P]>;
  /** Runs a command line through the shell and connects a protocol (see `subprocess`). */
  subprocessShell<P extends SubprocessProtocol>(
    factory: () => P,
    cmd: string,
    options?: SubprocessOptions,
  ): Promise<[SubprocessTransport, P]>;
  /** Runs `cb(...args)` as a loop callback whenever the process receives `sig`. */
  addSignalHandler<A extends unknown[]>(sig: Signal, cb: Callback<A>, ...args: A): void;
  /** Removes the handler of `sig`; `true` if there was one. */
  removeSignalHandler(sig: Signal): boolean;
}

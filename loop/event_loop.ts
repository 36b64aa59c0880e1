/**
 * `EventLoop`: the scheduling of {@linkcode BaseEventLoop} plus the loop's
 * I/O methods (networking, subprocesses, signals, executors). Each I/O method
 * is a thin entry point into the area that implements it.
 *
 * @module
 */
import { valueRepr } from "../_platform/mod.ts";
import { RuntimeError } from "../errors.ts";
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
import type { Future } from "../tasks/future.ts";
import { networking } from "./_networking.ts";
import { checkSignal, SignalHandlers } from "./_signal_handlers.ts";
import { subprocessImpl } from "./_subprocess.ts";
import { BaseEventLoop } from "./base_event_loop.ts";
import { type Executor, type ExecutorFunction, isExecutor } from "./executor.ts";
import { Handle } from "./handle.ts";
import { logger } from "./logger.ts";
import type { AbstractEventLoop, Callback, Signal } from "./types.ts";
import { WorkerExecutor } from "./worker_executor.ts";

/**
 * asyncio's event loop, as a scheduler on top of the host's loop.
 *
 * Callbacks run in FIFO order, those scheduled during an iteration in the
 * next one; timers fire by deadline (equal deadlines in scheduling order)
 * from one host timer armed for the earliest; future callbacks always go
 * through the ready queue. While busy it still hands the host a turn every
 * few milliseconds, so host timers, I/O and signals are served.
 *
 * Differences from asyncio: `runForever()`, `runUntilComplete()` return
 * promises instead of blocking; the running loop belongs to the async
 * context, not the thread; the loop returned by `getEventLoop()` outside any
 * loop runs by itself whenever work is scheduled on it, so top-level code can
 * `await sleep(1)` without `run()`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { EventLoop } from "@asyncio/asyncio/loop";
 *
 * const loop = new EventLoop();
 * const order: string[] = [];
 * loop.callLater(0.01, () => {
 *   order.push("later");
 *   loop.stop();
 * });
 * loop.callSoon(() => order.push("soon"));
 * await loop.runForever();
 * loop.close();
 * assert.deepEqual(order, ["soon", "later"]);
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-eventloop.html
 */
export class EventLoop extends BaseEventLoop implements AbstractEventLoop {
  // ---- networking (streams/) ---------------------------------------------

  /**
   * Opens a TCP connection (TLS with `options.tls`) to `host`:`port` and
   * connects a protocol made by `factory` to it.
   *
   * @returns `[transport, protocol]` once `connectionMade` ran.
   * @throws {RuntimeError} when `@asyncio/asyncio/streams` is not loaded.
   * @throws {OSError} (`ConnectionRefusedError`, ...) when the connect fails.
   */
  async createConnection<P extends Protocol>(
    factory: () => P,
    host: string,
    port: number,
    options?: ConnectionOptions,
  ): Promise<[Transport, P]> {
    return await networking().createConnection(this, factory, host, port, options);
  }

  /**
   * Listens on `host`:`port` (every interface for `null`, each host of a
   * list) and connects a protocol made by `factory` to each client.
   *
   * @returns The {@linkcode Server}.
   * @throws {RuntimeError} when `@asyncio/asyncio/streams` is not loaded.
   * @throws {OSError} when binding fails.
   */
  async createServer(
    factory: () => BaseProtocol,
    host: string | string[] | null,
    port: number,
    options?: ServerOptions,
  ): Promise<Server> {
    return await networking().createServer(this, factory, host, port, options);
  }

  /**
   * Like `createConnection()`, to the Unix socket at `path`.
   *
   * @throws {RuntimeError} when `@asyncio/asyncio/streams` is not loaded.
   */
  async createUnixConnection<P extends Protocol>(
    factory: () => P,
    path: string,
    options?: UnixConnectionOptions,
  ): Promise<[Transport, P]> {
    return await networking().createUnixConnection(this, factory, path, options);
  }

  /**
   * Like `createServer()`, on the Unix socket at `path`.
   *
   * @throws {RuntimeError} when `@asyncio/asyncio/streams` is not loaded.
   */
  async createUnixServer(
    factory: () => BaseProtocol,
    path: string,
    options?: UnixServerOptions,
  ): Promise<Server> {
    return await networking().createUnixServer(this, factory, path, options);
  }

  /**
   * Upgrades a connection to TLS (STARTTLS). `transport` must not be used
   * afterwards: the returned one carries on with the same protocol.
   *
   * @throws {RuntimeError} when `@asyncio/asyncio/streams` is not loaded.
   */
  async startTls(
    transport: Transport,
    protocol: BaseProtocol,
    tls: TlsOptions,
    options?: StartTlsOptions,
  ): Promise<Transport> {
    return await networking().startTls(this, transport, protocol, tls, options);
  }

  // ---- subprocesses (subprocess/) ----------------------------------------

  /**
   * Starts `program` with `args` (never through a shell) and connects a
   * protocol made by `factory` to it. Every stdio defaults to `PIPE`, as in
   * asyncio. Needs `@asyncio/asyncio/subprocess` loaded.
   *
   * @param factory Makes the protocol.
   * @param program The program: a path, or a name looked up in `PATH`.
   * @param args The arguments after the program name.
   * @param options Stdio, `cwd`, `env`, `signal` (see `SubprocessOptions`).
   * @returns The transport and the protocol, once `connectionMade` ran.
   * @throws {FileNotFoundError} `ENOENT`: no such program or `cwd`.
   * @throws {PermissionError} `EACCES`: the program is not executable.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { getRunningLoop, run } from "@asyncio/asyncio/loop";
   * import "@asyncio/asyncio/subprocess";
   *
   * await run(async () => {
   *   const loop = getRunningLoop();
   *   const done = loop.createFuture<void>();
   *   const chunks: Uint8Array[] = [];
   *   const [transport] = await loop.subprocessExec(() => ({
   *     pipeDataReceived: (_fd: 1 | 2, data: Uint8Array) => void chunks.push(data),
   *     connectionLost: () => done.setResult(),
   *   }), "echo", ["hi"]);
   *   await done;
   *   assert.equal(transport.getReturncode(), 0);
   *   assert.equal(new TextDecoder().decode(chunks[0]), "hi\n");
   *   transport.close();
   * });
   * ```
   *
   * @see https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.subprocess_exec
   */
  async subprocessExec<P extends SubprocessProtocol>(
    factory: () => P,
    program: string,
    args: string[],
    options?: SubprocessOptions,
  ): Promise<[SubprocessTransport, P]> {
    return await subprocessImpl().exec(this, factory, program, args, options);
  }

  /**
   * Runs `cmd` through the system shell (`/bin/sh -c`) and connects a
   * protocol made by `factory`; see {@linkcode EventLoop.subprocessExec}.
   *
   * @param factory Makes the protocol.
   * @param cmd The command line.
   * @param options Stdio, `cwd`, `env`, `signal`.
   * @returns The transport and the protocol.
   * @throws {ValueError} `cmd must be a string`.
   *
   * @example
   * ```ts
   * import { getRunningLoop, run } from "@asyncio/asyncio/loop";
   * import "@asyncio/asyncio/subprocess";
   *
   * await run(async () => {
   *   const loop = getRunningLoop();
   *   const done = loop.createFuture<void>();
   *   const [transport] = await loop.subprocessShell(() => ({
   *     connectionLost: () => done.setResult(),
   *   }), "exit 3");
   *   await done;
   *   console.log(transport.getReturncode()); // 3
   *   transport.close();
   * });
   * ```
   *
   * @see https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.subprocess_shell
   */
  async subprocessShell<P extends SubprocessProtocol>(
    factory: () => P,
    cmd: string,
    options?: SubprocessOptions,
  ): Promise<[SubprocessTransport, P]> {
    return await subprocessImpl().shell(this, factory, cmd, options);
  }

  // ---- signals -----------------------------------------------------------

  #signals: SignalHandlers | null = null;

  /**
   * Runs `cb(...args)` as a loop callback each time the process receives
   * `sig`; a second call for the same signal replaces the handler. Works
   * before the loop runs, too. While a handler for `"SIGINT"` is registered
   * it takes the signal over from `run()`'s own SIGINT rule.
   *
   * Differences from asyncio: signals are names (`"SIGTERM"`), not numbers;
   * which ones can be caught depends on the runtime (`validSignals()` lists
   * the names this OS has).
   *
   * @param sig The signal's name.
   * @param cb The handler; not a coroutine function.
   * @param args Arguments for `cb`.
   * @throws {TypeError} when `cb` is not a function or is an async function, or `sig` not a string.
   * @throws {ValueError} `invalid signal` for an unknown name.
   * @throws {RuntimeError} `sig N cannot be caught` (SIGKILL, SIGSTOP), or when the loop is closed.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { EventLoop } from "@asyncio/asyncio/loop";
   *
   * const loop = new EventLoop();
   * loop.addSignalHandler("SIGUSR1", () => loop.stop());
   * assert.equal(loop.removeSignalHandler("SIGUSR1"), true);
   * loop.close();
   * ```
   *
   * @see https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.add_signal_handler
   */
  addSignalHandler<A extends unknown[]>(sig: Signal, cb: Callback<A>, ...args: A): void {
    this.#signals ??= new SignalHandlers(this);
    this.#signals.add(
      sig,
      cb as Callback<unknown[]>,
      () => new Handle(cb as Callback<unknown[]>, args, this),
    );
  }

  /**
   * Removes the handler of `sig`; the signal gets its default action back
   * (for SIGINT inside `run()`: `run()`'s own rule).
   *
   * @param sig The signal's name.
   * @returns `true` if a handler was removed, `false` if none was registered.
   * @throws {ValueError} `invalid signal` for an unknown name.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { EventLoop } from "@asyncio/asyncio/loop";
   *
   * const loop = new EventLoop();
   * assert.equal(loop.removeSignalHandler("SIGUSR2"), false);
   * loop.close();
   * ```
   */
  removeSignalHandler(sig: Signal): boolean {
    if (this.#signals === null) {
      checkSignal(sig);
      return false;
    }
    return this.#signals.remove(sig);
  }

  /**
   * @ignore While a loop with signal handlers waits for work, a host timer
   * keeps the process alive: no runtime counts a signal listener as pending
   * work, so a program waiting only for a signal would otherwise end. A loop
   * that is not running keeps nothing alive.
   */
  override _waitForWork(): Promise<void> {
    const waiting = super._waitForWork();
    return this.#signals === null ? waiting : this.#signals.keepAlive(waiting);
  }

  /** Closes the loop (see `BaseEventLoop.close`) and removes its signal handlers. */
  override close(): void {
    super.close();
    this.#signals?.clear();
    this.#closeExecutor();
  }

  // ---- executors ---------------------------------------------------------

  #defaultExecutor: Executor | null = null;
  #executorShutdownCalled = false;
  #executorShutdown: Promise<void> | null = null;

  // At close, as asyncio does: the default executor takes no more jobs and
  // its Workers end once the jobs they run are done (no waiting here).
  #closeExecutor(): void {
    this.#executorShutdownCalled = true;
    const executor = this.#defaultExecutor;
    this.#defaultExecutor = null;
    if (executor !== null) void executor.shutdown(false);
  }

  /**
   * Runs `fn(...args)` on `executor` (`null`: the loop's default executor,
   * a {@linkcode WorkerExecutor} made on first use) and returns a future of
   * its result. Cancelling the future stops the job (see `WorkerExecutor`).
   *
   * `fn` is a `ModuleFunction` or a self-contained function (sent as source
   * text); arguments and result are structured-cloned.
   *
   * @throws {RuntimeError} `Event loop is closed`; `Executor shutdown has been
   * called` (default executor after `shutdownDefaultExecutor()`); the
   * executor's `cannot schedule new futures after shutdown`.
   * @throws {TypeError} when `fn` cannot be sent to a Worker.
   */
  runInExecutor<T>(
    executor: Executor | null,
    fn: ExecutorFunction<T>,
    ...args: unknown[]
  ): Future<Awaited<T>> {
    if (this.isClosed()) throw new RuntimeError("Event loop is closed");
    if (executor === null || executor === undefined) {
      if (this.#executorShutdownCalled) {
        throw new RuntimeError("Executor shutdown has been called");
      }
      executor = this.#defaultExecutor ??= new WorkerExecutor();
    }
    return executor.submit(fn, args, { loop: this });
  }

  /**
   * Sets the executor `runInExecutor(null, …)` and `toThread()` use.
   *
   * @throws {TypeError} when `executor` is not an {@linkcode Executor}.
   */
  setDefaultExecutor(executor: Executor): void {
    if (!isExecutor(executor)) {
      throw new TypeError(
        `executor must be an Executor (with submit() and shutdown()), not ${valueRepr(executor)}`,
      );
    }
    this.#defaultExecutor = executor;
  }

  /**
   * Shuts the default executor down: refuses new jobs, waits for the jobs
   * already submitted and for its Workers to end. After `timeout` seconds
   * (`null`: no bound), warns and terminates the Workers (a `WorkerExecutor`
   * cancels the jobs left). A no-op when no default executor was made;
   * calling it again is harmless.
   */
  override async shutdownDefaultExecutor(timeout: number | null = null): Promise<void> {
    this.#executorShutdownCalled = true;
    const executor = this.#defaultExecutor;
    if (executor === null) return;
    this.#executorShutdown ??= executor.shutdown(true);
    if (timeout === null || timeout === Infinity) return await this.#executorShutdown;
    const done = this.createFuture<boolean>();
    const timer = this.callLater(timeout, () => {
      if (!done.done()) done.setResult(false);
    });
    void this.#executorShutdown.then(() => {
      if (!done.done() && !this.isClosed()) done.setResult(true);
    });
    try {
      if (await done) return;
    } finally {
      timer.cancel();
    }
    logger.warning(
      `The executor did not finishing joining its threads within ${timeout} seconds.`,
    );
    const terminate = (executor as { terminate?: () => Promise<void> }).terminate;
    if (typeof terminate === "function") await terminate.call(executor);
    else await executor.shutdown(false);
  }
}

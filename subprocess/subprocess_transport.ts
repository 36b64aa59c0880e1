/**
 * The transport of a child process: its pipes (stream transports over the
 * platform's pipes), its exit, its signals. Ports asyncio's
 * `base_subprocess.BaseSubprocessTransport` and its pipe protocols.
 *
 * @module
 */
import {
  defineRepr,
  type PlatformProcess,
  processes,
  signalListeners,
  type SpawnOptions,
  valueRepr,
} from "../_platform/mod.ts";
import { ProcessLookupError, ValueError } from "../errors.ts";
import type { EventLoop } from "../loop/event_loop.ts";
import { logger } from "../loop/logger.ts";
import type { Signal } from "../loop/types.ts";
import { SocketTransport } from "../streams/_socket_transport.ts";
import type { BaseProtocol } from "../streams/protocols.ts";
import type { BaseTransport } from "../streams/transports.ts";
import { Future } from "../tasks/future.ts";
import type { SubprocessProtocol } from "./protocols.ts";

/**
 * A running child as `loop.subprocessExec()` gives it: its pid, return
 * code, pipes and signals.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getRunningLoop, run } from "@asyncio/asyncio/loop";
 * import "@asyncio/asyncio/subprocess";
 *
 * await run(async () => {
 *   const loop = getRunningLoop();
 *   const exited = loop.createFuture<void>();
 *   const [transport] = await loop.subprocessExec(
 *     () => ({ connectionLost: () => exited.setResult() }),
 *     "true",
 *     [],
 *   );
 *   await exited;
 *   assert.equal(transport.getReturncode(), 0);
 *   transport.close();
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-protocol.html#subprocess-transports
 */
export interface SubprocessTransport extends BaseTransport {
  /** The child's process id. */
  getPid(): number;
  /** `null` while the child runs, then its exit code (`-N` when signal N ended it). */
  getReturncode(): number | null;
  /** The transport of pipe `fd`, or `null` when that stream is not piped. */
  getPipeTransport(fd: 0 | 1 | 2): BaseTransport | null;
  /**
   * Sends `sig` to the child.
   *
   * @throws {ProcessLookupError} once the transport is finished.
   * @throws {ValueError} `invalid signal` for a name this OS does not have.
   */
  sendSignal(sig: Signal): void;
  /** Sends SIGTERM. */
  terminate(): void;
  /** Sends SIGKILL. */
  kill(): void;
}

// The protocol of one pipe: forwards to the subprocess transport.
class PipeProtocol implements BaseProtocol {
  disconnected = false;
  readonly #owner: BaseSubprocessTransport;
  readonly #fd: 0 | 1 | 2;

  constructor(owner: BaseSubprocessTransport, fd: 0 | 1 | 2) {
    this.#owner = owner;
    this.#fd = fd;
  }

  dataReceived(data: Uint8Array): void {
    this.#owner._pipeDataReceived(this.#fd as 1 | 2, data);
  }

  eofReceived(): void {}

  connectionLost(exc: Error | null): void {
    this.disconnected = true;
    this.#owner._pipeConnectionLost(this.#fd, exc);
  }

  pauseWriting(): void {
    this.#owner._protocol?.pauseWriting?.();
  }

  resumeWriting(): void {
    this.#owner._protocol?.resumeWriting?.();
  }
}

interface Pipe {
  transport: SocketTransport;
  protocol: PipeProtocol;
}

/**
 * @ignore The subprocess transport: made by `loop.subprocessExec()`.
 */
export class BaseSubprocessTransport implements SubprocessTransport {
  #loop: EventLoop | null;
  /** @ignore */
  _protocol: SubprocessProtocol | null;
  #proc: PlatformProcess | null;
  readonly #pid: number;
  readonly #pipes = new Map<0 | 1 | 2, Pipe>();
  #returncode: number | null = null;
  #exitWaiters: Future<number>[] | null = [];
  // Events that came before connectionMade ran, replayed after it.
  #pending: Array<() => void> | null = [];
  #closed = false;
  #finished = false;

  /** @ignore Use `create()`. */
  constructor(loop: EventLoop, protocol: SubprocessProtocol, proc: PlatformProcess) {
    this.#loop = loop;
    this._protocol = protocol;
    this.#proc = proc;
    this.#pid = proc.pid;
    const pipes: Array<[0 | 1 | 2, typeof proc.stdin]> = [
      [0, proc.stdin],
      [1, proc.stdout],
      [2, proc.stderr],
    ];
    for (const [fd, socket] of pipes) {
      if (socket === null) continue;
      const protocol = new PipeProtocol(this, fd);
      this.#pipes.set(fd, { transport: new SocketTransport(loop, socket, protocol), protocol });
    }
    proc.exited.then((rc) => this.#onExit(rc));
  }

  /**
   * Starts the child and connects `protocol`; resolves once
   * `connectionMade` ran. A cancelled wait kills the child and reaps it.
   */
  static async create(
    loop: EventLoop,
    protocol: SubprocessProtocol,
    options: SpawnOptions,
  ): Promise<BaseSubprocessTransport> {
    const proc = await processes.spawn(options);
    const transport = new BaseSubprocessTransport(loop, protocol, proc);
    const waiter = new Future<void>({ loop });
    // The pipe transports call their own connectionMade in the next
    // iteration; the protocol's comes after them, as in asyncio. Without
    // pipes there is nothing to wait for.
    const connect = () => transport.#connected(waiter);
    if (transport.#pipes.size === 0) loop.callSoon(connect);
    else loop.callSoon(() => loop.callSoon(connect));
    try {
      await waiter;
    } catch (err) {
      transport.close();
      await transport._wait();
      throw err;
    }
    return transport;
  }

  #connected(waiter: Future<void>): void {
    const loop = this.#loop;
    if (loop === null) return;
    try {
      this._protocol?.connectionMade?.(this);
    } catch (err) {
      if (!waiter.done()) waiter.setException(err);
      return;
    }
    const pending = this.#pending ?? [];
    this.#pending = null;
    for (const call of pending) loop.callSoon(call);
    if (!waiter.done()) waiter.setResult(undefined);
  }

  #call(fn: () => void): void {
    if (this.#pending !== null) this.#pending.push(fn);
    else this.#loop?.callSoon(fn);
  }

  /** @ignore */
  _pipeDataReceived(fd: 1 | 2, data: Uint8Array): void {
    // `data` is ours to keep: the pipe transport copies for a plain
    // protocol, or hands over arrays the pipe gave away.
    if (this.#pending !== null) {
      this.#pending.push(() => this._protocol?.pipeDataReceived?.(fd, data));
      return;
    }
    const protocol = this._protocol;
    if (protocol === null) return;
    // Delivered at once, in the loop's context (the pipe transport runs us
    // there), as a socket's data is: the order against the callbacks that go
    // through callSoon (pipe closed, exited) is kept, those come later.
    try {
      protocol.pipeDataReceived?.(fd, data);
    } catch (err) {
      this.#loop?.callExceptionHandler({
        message: "Exception in SubprocessProtocol.pipeDataReceived()",
        exception: err,
        protocol,
        transport: this,
      });
    }
  }

  /** @ignore */
  _pipeConnectionLost(fd: 0 | 1 | 2, exc: Error | null): void {
    this.#call(() => this._protocol?.pipeConnectionLost?.(fd, exc));
    this.#tryFinish();
  }

  #onExit(returncode: number): void {
    const loop = this.#loop;
    if (loop === null || loop.isClosed()) {
      this.#returncode = returncode;
      return;
    }
    if (loop.getDebug()) logger.debug(`${String(this)} exited with return code ${returncode}`);
    this.#returncode = returncode;
    // The child is gone: nobody reads its stdin any more.
    this.#pipes.get(0)?.transport.abort();
    this.#call(() => this._protocol?.processExited?.());
    this.#tryFinish();
  }

  #tryFinish(): void {
    if (this.#finished || this.#returncode === null) return;
    for (const pipe of this.#pipes.values()) if (!pipe.protocol.disconnected) return;
    this.#finished = true;
    this.#call(() => this.#connectionLost());
  }

  #connectionLost(): void {
    try {
      this._protocol?.connectionLost?.(null);
    } finally {
      for (const w of this.#exitWaiters ?? []) {
        if (!w.done()) w.setResult(this.#returncode as number);
      }
      this.#exitWaiters = null;
      this.#loop = null;
      this.#proc = null;
      this._protocol = null;
    }
  }

  /**
   * @ignore Resolves with the return code once the child exited and every
   * pipe closed. Cancelling the wait leaves the child alone.
   */
  _wait(): Promise<number> {
    if (this.#exitWaiters === null) return Promise.resolve(this.#returncode as number);
    const waiter = new Future<number>({ loop: this.#loop! });
    this.#exitWaiters.push(waiter);
    return waiter._wait();
  }

  /** @ignore Whether `connectionLost` ran (the transport is done). */
  get _finished(): boolean {
    return this.#exitWaiters === null;
  }

  getPid(): number {
    return this.#pid;
  }

  getReturncode(): number | null {
    return this.#returncode;
  }

  getPipeTransport(fd: 0 | 1 | 2): BaseTransport | null {
    return this.#pipes.get(fd)?.transport ?? null;
  }

  sendSignal(sig: Signal): void {
    if (typeof sig !== "string" || signalListeners?.numbers.has(sig) === false) {
      throw new ValueError(`invalid signal: ${valueRepr(sig)}`);
    }
    const proc = this.#proc;
    if (proc === null) {
      throw new ProcessLookupError(`Cannot send ${sig}: process ${this.#pid} is finished`);
    }
    proc.kill(sig);
  }

  terminate(): void {
    this.sendSignal("SIGTERM");
  }

  kill(): void {
    this.sendSignal("SIGKILL");
  }

  isClosing(): boolean {
    return this.#closed;
  }

  /** Closes the pipes and kills the child if it still runs. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const pipe of this.#pipes.values()) pipe.transport.close();
    const proc = this.#proc;
    if (proc !== null && this.#returncode === null) {
      if (this.#loop?.getDebug()) {
        logger.warning(`Close running child process: kill ${String(this)}`);
      }
      try {
        proc.kill("SIGKILL");
      } catch {
        // gone already, or not ours to kill
      }
    }
  }

  getExtraInfo(_name: string, defaultValue?: unknown): unknown {
    return defaultValue;
  }

  setProtocol(protocol: BaseProtocol): void {
    this._protocol = protocol as SubprocessProtocol;
  }

  getProtocol(): BaseProtocol {
    return this._protocol as BaseProtocol;
  }
}

defineRepr(BaseSubprocessTransport, (t) => {
  const parts = [t.isClosing() ? "closed" : "", `pid=${t.getPid()}`];
  const rc = t.getReturncode();
  parts.push(rc === null ? "running" : `returncode=${rc}`);
  for (const fd of [0, 1, 2] as const) {
    if (t.getPipeTransport(fd) !== null) parts.push(`${["stdin", "stdout", "stderr"][fd]}=<pipe>`);
  }
  return `<BaseSubprocessTransport ${parts.filter(Boolean).join(" ")}>`;
});

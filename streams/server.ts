/**
 * `Server`: listening sockets and the connections they accepted. Ports
 * asyncio's `base_events.Server`.
 *
 * @module
 */
import { defineRepr, type PlatformListener, type PlatformSocket } from "../_platform/mod.ts";
import { isCancelledError, OSError, RuntimeError } from "../errors.ts";
import type { EventLoop } from "../loop/event_loop.ts";
import { logger } from "../loop/logger.ts";
import { contextState } from "../loop/running_loop.ts";
import type { AbstractEventLoop } from "../loop/types.ts";
import { Future } from "../tasks/future.ts";
import { sleep } from "../tasks/sleep.ts";
import { SocketTransport } from "./_socket_transport.ts";
import type { BaseProtocol } from "./protocols.ts";
import type { TlsOptions } from "./transports.ts";

/** A listening socket of a {@linkcode Server}. */
export interface ServerSocket {
  /** The bound address: `[host, port]` (with the port picked for port 0), or the Unix path. */
  getsockname(): [host: string, port: number] | string;
}

/** @ignore How a server was made (internal). */
export interface ServerInit {
  loop: EventLoop;
  listeners: PlatformListener[];
  factory: () => BaseProtocol;
  tls: TlsOptions | null;
  /** Runs when the server closes (removes a Unix socket file). */
  onClose?: () => void;
}

/**
 * A server made by `startServer()`, `startUnixServer()`,
 * `loop.createServer()` or `loop.createUnixServer()`: its listening sockets
 * and the connections they accepted.
 *
 * `close()` stops accepting (connections already made stay open);
 * `closeClients()`/`abortClients()` end those too; `waitClosed()` returns
 * once the server is closed and every connection is gone. `await using
 * server = ...` does `close()` and `waitClosed()` at the end of the block.
 *
 * Cancellation: cancelling `serveForever()` closes the server and waits
 * for it to be closed before the `CancelledError` propagates.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run } from "@asyncio/asyncio";
 * import { startServer } from "@asyncio/asyncio/streams";
 *
 * await run(async () => {
 *   const server = await startServer((_r, w) => w.close(), "127.0.0.1", 0, {
 *     startServing: false,
 *   });
 *   assert.equal(server.isServing(), false);
 *   await server.startServing();
 *   assert.equal(server.isServing(), true);
 *   const [host, port] = server.sockets[0]!.getsockname() as [string, number];
 *   assert.equal(host, "127.0.0.1");
 *   assert.ok(port > 0);
 *   server.close();
 *   await server.waitClosed();
 *   assert.equal(server.sockets.length, 0);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-eventloop.html#server-objects
 */
export class Server implements AsyncDisposable {
  readonly #loop: EventLoop;
  readonly #factory: () => BaseProtocol;
  readonly #tls: TlsOptions | null;
  readonly #onClose: (() => void) | null;
  readonly #ctx;
  #listeners: PlatformListener[] | null;
  #serving = false;
  #servingForever: Future<never> | null = null;
  #clients = new Set<SocketTransport>();
  #waiters: Future<void>[] | null = [];

  /** @ignore Made by the loop's `createServer()`/`createUnixServer()`. */
  constructor(init: ServerInit) {
    this.#loop = init.loop;
    this.#listeners = init.listeners;
    this.#factory = init.factory;
    this.#tls = init.tls;
    this.#onClose = init.onClose ?? null;
    this.#ctx = { loop: init.loop, task: null };
  }

  /** The listening sockets (none once closed). */
  get sockets(): ReadonlyArray<ServerSocket> {
    return (this.#listeners ?? []).map((l) => {
      const addr = l.address;
      const name: [string, number] | string = typeof addr === "string"
        ? addr
        : [addr[0], addr[1]];
      return { getsockname: () => (typeof name === "string" ? name : [name[0], name[1]]) };
    });
  }

  /** The loop the server runs on. */
  getLoop(): AbstractEventLoop {
    return this.#loop;
  }

  /** Whether it accepts connections. */
  isServing(): boolean {
    return this.#serving;
  }

  /** @ignore A connection began (its transport registers). */
  _attach(transport: SocketTransport): void {
    this.#clients.add(transport);
  }

  /** @ignore A connection ended. */
  _detach(transport: SocketTransport): void {
    this.#clients.delete(transport);
    if (this.#clients.size === 0 && this.#listeners === null) this.#wakeUp();
  }

  #wakeUp(): void {
    const waiters = this.#waiters;
    this.#waiters = null;
    for (const w of waiters ?? []) if (!w.done()) w.setResult(undefined);
  }

  /** @ignore Starts accepting (idempotent). */
  _startServing(): void {
    if (this.#serving || this.#listeners === null) return;
    this.#serving = true;
    for (const listener of this.#listeners) {
      listener.accept(
        (socket) => contextState.run(this.#ctx, () => this.#accept(socket)),
        (error) => contextState.run(this.#ctx, () => this.#acceptFailed(error)),
      );
    }
  }

  // A failed accept or TLS handshake of one client: asyncio reports OS
  // and SSL errors of a connection only in debug mode, anything else to
  // the exception handler; the server goes on.
  #acceptFailed(error: Error): void {
    if (error instanceof OSError) {
      if (this.#loop.getDebug()) logger.debug(`${String(this)}: accept failed: ${error}`);
      return;
    }
    this.#loop.callExceptionHandler({
      message: "Error on accepting a connection",
      exception: error,
      server: this,
    });
  }

  #accept(socket: PlatformSocket): void {
    if (this.#listeners === null) {
      socket.abort();
      return;
    }
    let protocol: BaseProtocol;
    try {
      protocol = this.#factory();
    } catch (err) {
      socket.abort();
      this.#loop.callExceptionHandler({
        message: "Error in the protocol factory of a server",
        exception: err,
        server: this,
      });
      return;
    }
    new SocketTransport(this.#loop, socket, protocol, { server: this, tls: this.#tls });
  }

  /** Starts accepting connections (idempotent), then yields one loop iteration. */
  async startServing(): Promise<void> {
    this._startServing();
    await sleep(0);
  }

  /**
   * Accepts connections until cancelled; then closes the server, waits
   * until it is closed, and throws the `CancelledError`.
   *
   * @throws {RuntimeError} `server ... is already being awaited on
   * serve_forever()`; `server ... is closed`.
   * @throws {CancelledError} when cancelled (after closing).
   */
  async serveForever(): Promise<never> {
    if (this.#servingForever !== null) {
      throw new RuntimeError(
        `Cannot serve: server ${String(this)} is already being awaited on serve_forever()`,
      );
    }
    if (this.#listeners === null) {
      throw new RuntimeError(`Cannot serve: server ${String(this)} is closed`);
    }
    this._startServing();
    const fut = new Future<never>({ loop: this.#loop });
    this.#servingForever = fut;
    try {
      return await fut._wait();
    } catch (err) {
      if (isCancelledError(err)) {
        this.close();
        await this.waitClosed();
      }
      throw err;
    } finally {
      this.#servingForever = null;
    }
  }

  /**
   * Stops listening (idempotent). Connections already accepted stay open;
   * a pending `serveForever()` is cancelled.
   */
  close(): void {
    const listeners = this.#listeners;
    if (listeners === null) return;
    this.#listeners = null;
    this.#serving = false;
    for (const l of listeners) l.close();
    try {
      this.#onClose?.();
    } finally {
      const fut = this.#servingForever;
      if (fut !== null && !fut.done()) fut.cancel();
      this.#servingForever = null;
      if (this.#clients.size === 0) this.#wakeUp();
    }
  }

  /** Closes every accepted connection (buffered data is still sent). */
  closeClients(): void {
    for (const t of [...this.#clients]) t.close();
  }

  /** Closes every accepted connection at once, dropping buffered data. */
  abortClients(): void {
    for (const t of [...this.#clients]) t.abort();
  }

  /** Waits until the server is closed and every connection is gone. */
  async waitClosed(): Promise<void> {
    if (this.#waiters === null) return;
    const waiter = new Future<void>({ loop: this.#loop });
    this.#waiters.push(waiter);
    await waiter._wait();
  }

  /** Closes and waits until closed. */
  async [Symbol.asyncDispose](): Promise<void> {
    this.close();
    await this.waitClosed();
  }

  /** @ignore The number of live connections. */
  get _activeCount(): number {
    return this.#clients.size;
  }
}

defineRepr(Server, (s) => {
  const names = s.sockets.map((x) => {
    const n = x.getsockname();
    return typeof n === "string" ? n : `${n[0]}:${n[1]}`;
  });
  return `<Server sockets=(${names.join(", ")})>`;
});

// The stream transport over a platform socket (DESIGN.md §9): one code path
// for TCP, Unix sockets and TLS on every runtime. Ports the stream half of
// asyncio's `selector_events._SelectorSocketTransport` (and the parts of
// `sslproto` a TLS transport shows).
//
// How the protocol is called:
// - `connectionMade` and `connectionLost` go through `loop.callSoon`, as in
//   asyncio; reading starts in the callback after `connectionMade`.
// - Data and EOF are pushed by the socket from host callbacks. They are
//   handed to the protocol at once, inside the loop's context (so
//   `getRunningLoop()` works and `currentTask()` is `null`), as asyncio's
//   read callback does; a protocol that throws is reported to the loop's
//   exception handler and the transport is closed with that error.
// - While reading is paused, anything the socket still delivers is kept in
//   `#inbox` (copied unless the socket gives its arrays away) and handed over in order on `resumeReading()`.
import {
  defineRepr,
  type PlatformSocket,
  type PlatformTlsOptions,
  type SocketHandlers,
  valueRepr,
} from "../_platform/mod.ts";
import { RuntimeError } from "../errors.ts";
import type { EventLoop } from "../loop/event_loop.ts";
import { logger } from "../loop/logger.ts";
import { type ContextState, contextState } from "../loop/running_loop.ts";
import type { Future } from "../tasks/future.ts";
import { writeBytes } from "./_checks.ts";
import { attachSink, type DataSink } from "./_data_sink.ts";
import { TransportInfo } from "./_transport_info.ts";
import type { ServerLink, SocketTransportOptions } from "./_transport_options.ts";
import { WriteLimits } from "./_write_limits.ts";
import type { BaseProtocol, Protocol } from "./protocols.ts";
import type { Transport } from "./transports.ts";

const EOF_MARK = null;

/** @ignore A stream {@linkcode Transport} over a platform socket. */
export class SocketTransport implements Transport, SocketHandlers {
  readonly #loop: EventLoop;
  #socket: PlatformSocket;
  #protocol!: BaseProtocol;
  #sink!: DataSink;
  readonly #ctx: ContextState;
  readonly #info: TransportInfo;
  readonly #limits = new WriteLimits();
  #server: ServerLink | null;
  #waiter: Future<void> | null;
  #started = false;
  #paused = false;
  #closing = false;
  #eof = false;
  #lost = false;
  #replaced = false;
  #lostWrites = 0;
  #failure: Error | null = null;
  #inbox: Array<Uint8Array | typeof EOF_MARK> = [];

  constructor(
    loop: EventLoop,
    socket: PlatformSocket,
    protocol: BaseProtocol,
    options: SocketTransportOptions = {},
  ) {
    this.#loop = loop;
    this.#socket = socket;
    this.#ctx = { loop, task: null };
    this.#info = new TransportInfo(socket, options.tls ?? null);
    this.#server = options.server ?? null;
    this.#waiter = options.waiter ?? null;
    this.setProtocol(protocol);
    // As asyncio does for every TCP transport: no Nagle delay, so a small
    // write is not held back waiting for the peer's delayed ACK (a no-op for
    // Unix sockets and pipes).
    socket.setNoDelay(true);
    socket.setHandlers(this);
    this.#server?._attach(this);
    loop.callSoon(() => this.#connectionMade(options.connectionMade !== false));
  }

  // Runs even when the connection was lost meanwhile, as asyncio's
  // `call_soon(connection_made)` does: the protocol always sees
  // connectionMade before connectionLost.
  #connectionMade(call: boolean): void {
    try {
      if (call) (this.#protocol as Protocol).connectionMade?.(this);
    } finally {
      this.#started = true;
      if (!this.#paused && !this.#closing) this.#socket.resume();
      const waiter = this.#waiter;
      this.#waiter = null;
      if (waiter !== null && !waiter.done()) waiter.setResult(undefined);
    }
  }

  // ---- socket events (host callbacks) ----------------------------------

  /** @ignore */
  onData(data: Uint8Array): void {
    if (this.#closing || this.#replaced) return;
    if (this.#paused || this.#inbox.length > 0) {
      this.#inbox.push(this.#socket.dataIsOwned === true ? data : data.slice());
      return;
    }
    contextState.run(this.#ctx, SocketTransport.#deliverIn, this, data);
  }

  static #deliverIn(t: SocketTransport, data: Uint8Array): void {
    t.#deliver(data);
  }

  #deliver(data: Uint8Array): void {
    try {
      this.#sink.data(data);
    } catch (err) {
      this.#fatal(err, "Fatal error: protocol.data_received() call failed.");
    }
  }

  /** @ignore */
  onEnd(): void {
    if (this.#closing || this.#replaced) return;
    if (this.#paused || this.#inbox.length > 0) {
      this.#inbox.push(EOF_MARK);
      return;
    }
    contextState.run(this.#ctx, SocketTransport.#eofIn, this);
  }

  static #eofIn(t: SocketTransport): void {
    t.#eofReceived();
  }

  #eofReceived(): void {
    let keepOpen: unknown;
    try {
      keepOpen = (this.#protocol as Protocol).eofReceived?.();
    } catch (err) {
      this.#fatal(err, "Fatal error: protocol.eof_received() call failed.");
      return;
    }
    // Over TLS the answer is ignored: the transport closes (asyncio's sslproto).
    if (!keepOpen || this.#info.isTls) this.close();
  }

  /** @ignore */
  onDrain(): void {
    if (this.#replaced) return;
    contextState.run(this.#ctx, SocketTransport.#drainIn, this);
  }

  /** @ignore */
  onClose(error: Error | null): void {
    if (this.#replaced || this.#lost) return;
    if (error !== null && this.#loop.getDebug()) logger.debug(`${String(this)}: ${error}`);
    this.#lose(this.#failure ?? error);
  }

  // The connection is over: `connectionLost(exc)` runs in the next loop
  // iteration, as asyncio's `_call_connection_lost` does. Called from the
  // socket's close event, or at once by `close()` with nothing left to send
  // and by `abort()` (their close event is then ignored).
  #lose(exc: Error | null): void {
    this.#lost = true;
    this.#closing = true;
    if (this.#loop.isClosed()) return this.#detach();
    this.#loop.callSoon(() => this.#connectionLost(exc));
  }

  #connectionLost(exc: Error | null): void {
    try {
      this.#protocol.connectionLost?.(exc);
    } finally {
      this.#inbox.length = 0;
      this.#detach();
    }
  }

  #detach(): void {
    const server = this.#server;
    this.#server = null;
    server?._detach(this);
  }

  #fatal(err: unknown, message: string): void {
    this.#loop.callExceptionHandler({
      message,
      exception: err,
      transport: this,
      protocol: this.#protocol,
    });
    this.#failure = err instanceof Error ? err : new RuntimeError(valueRepr(err), { cause: err });
    this.#forceClose();
  }

  #forceClose(): void {
    if (this.#lost) return;
    this.#closing = true;
    this.#inbox.length = 0;
    this.#socket.abort();
    this.#lose(this.#failure);
  }

  // ---- reading ----------------------------------------------------------

  /** Whether data is being received. */
  isReading(): boolean {
    return !this.#paused && !this.#closing;
  }

  /** Stops delivering data until `resumeReading()`. */
  pauseReading(): void {
    if (this.#closing || this.#paused) return;
    this.#paused = true;
    this.#socket.pause();
  }

  /** Delivers data again (first what arrived while paused). */
  resumeReading(): void {
    if (this.#closing || !this.#paused) return;
    this.#paused = false;
    if (this.#inbox.length > 0) this.#loop.callSoon(() => this.#drainInbox());
    else if (this.#started) this.#socket.resume();
  }

  #drainInbox(): void {
    const inbox = this.#inbox;
    while (inbox.length > 0 && !this.#paused && !this.#closing) {
      const item = inbox.shift()!;
      if (item === EOF_MARK) this.#eofReceived();
      else this.#deliver(item);
    }
    if (inbox.length === 0 && !this.#paused && !this.#closing && this.#started) {
      this.#socket.resume();
    }
  }

  // ---- writing ----------------------------------------------------------

  /**
   * Sends `data` without blocking.
   *
   * @throws {TypeError} when `data` is neither bytes nor a string.
   * @throws {RuntimeError} `Cannot call write() after write_eof()`.
   */
  write(data: Uint8Array | string): void {
    const bytes = writeBytes(data);
    if (this.#eof) throw new RuntimeError("Cannot call write() after write_eof()");
    if (bytes.length === 0) return;
    if (this.#closing || this.#lost) {
      // asyncio drops writes on a lost connection and warns from the 5th on;
      // the next drain() reports the loss.
      if (++this.#lostWrites >= 5) logger.warning("socket.send() raised exception.");
      return;
    }
    if (!this.#socket.write(bytes)) this.#maybePauseProtocol();
  }

  /** Writes each item in turn. */
  writelines(list: Iterable<Uint8Array | string>): void {
    for (const item of list) this.write(item);
  }

  /** Closes the write side once buffered data is sent. */
  writeEof(): void {
    if (this.#closing || this.#eof) return;
    if (!this.canWriteEof()) {
      throw new RuntimeError("Cannot write EOF: the transport does not support half-close");
    }
    this.#eof = true;
    this.#socket.end();
  }

  /** Whether half-close is possible (not over TLS). */
  canWriteEof(): boolean {
    return !this.#info.isTls && this.#socket.canEnd;
  }

  /** Bytes buffered and not yet handed to the OS. */
  getWriteBufferSize(): number {
    return this.#lost ? 0 : this.#socket.bufferedAmount;
  }

  /** The marks, `[low, high]`. */
  getWriteBufferLimits(): [low: number, high: number] {
    return [this.#limits.low, this.#limits.high];
  }

  /** Sets the marks (see `Transport`). */
  setWriteBufferLimits(high?: number, low?: number): void {
    this.#limits.set(high, low);
    this.#maybePauseProtocol();
  }

  #maybePauseProtocol(): void {
    this.#limits.maybePause(this.getWriteBufferSize(), this.#protocol, this.#report);
  }

  static #drainIn(t: SocketTransport): void {
    t.#limits.maybeResume(t.getWriteBufferSize(), t.#protocol, t.#report);
  }

  readonly #report = (message: string, err: unknown): void => {
    this.#loop.callExceptionHandler({
      message,
      exception: err,
      transport: this,
      protocol: this.#protocol,
    });
  };

  // ---- closing ------------------------------------------------------------

  /** Whether the transport is closing or closed. */
  isClosing(): boolean {
    return this.#closing;
  }

  /** Stops reading, sends what is buffered, then `connectionLost(null)`. */
  close(): void {
    if (this.#closing) return;
    this.#closing = true;
    this.#inbox.length = 0;
    const flushed = this.#socket.bufferedAmount === 0;
    this.#socket.close();
    if (flushed) this.#lose(null);
  }

  /** Closes at once, dropping buffered data; `connectionLost(null)` follows. */
  abort(): void {
    this.#forceClose();
  }

  // ---- the rest ---------------------------------------------------------

  /** A detail of the connection, or `defaultValue`. */
  getExtraInfo(name: string, defaultValue?: unknown): unknown {
    return this.#info.get(name, defaultValue);
  }

  /** Switches to another protocol. */
  setProtocol(protocol: BaseProtocol): void {
    this.#protocol = protocol;
    this.#sink = attachSink(protocol, this.#socket);
  }

  /** The current protocol. */
  getProtocol(): BaseProtocol {
    return this.#protocol;
  }

  /** @ignore The loop this transport runs on. */
  get _loop(): EventLoop {
    return this.#loop;
  }

  /**
   * @ignore Upgrades the connection to TLS (STARTTLS) and returns the new
   * transport, which keeps the protocol and the server; this one is dead
   * afterwards (no more callbacks, `isClosing()` is true).
   */
  async _startTls(tls: PlatformTlsOptions, serverSide: boolean): Promise<SocketTransport> {
    if (this.#closing) {
      throw new RuntimeError(`Cannot start TLS: ${String(this)} is closing`);
    }
    this.#socket.pause();
    this.#replaced = true;
    this.#closing = true;
    let upgraded: PlatformSocket;
    try {
      upgraded = await this.#socket.startTls({ ...tls, serverSide });
    } catch (err) {
      this.#replaced = false;
      this.#forceClose();
      throw err;
    }
    const next = new SocketTransport(this.#loop, upgraded, this.#protocol, {
      server: this.#server,
      tls,
      connectionMade: false,
    });
    this.#lost = true;
    this.#detach();
    return next;
  }
}

defineRepr(SocketTransport, (t) => {
  const state = t.isClosing() ? "closing" : t.isReading() ? "reading" : "paused";
  const peer = t.getExtraInfo("peername");
  const where = peer === undefined ? "" : ` peer=${Array.isArray(peer) ? peer.join(":") : peer}`;
  return `<SocketTransport ${state}${where} bufsize=${t.getWriteBufferSize()}>`;
});

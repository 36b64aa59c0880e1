/**
 * `StreamReaderProtocol`: the protocol between a transport and a
 * {@linkcode StreamReader} / {@linkcode StreamWriter} pair. Ports asyncio's
 * `streams.StreamReaderProtocol` (with `FlowControlMixin`).
 *
 * @module
 */
import { defineRepr } from "../_platform/mod.ts";
import type { AbstractEventLoop } from "../loop/types.ts";
import { defaultLoop, Future } from "../tasks/future.ts";
import type { Task } from "../tasks/task.ts";
import { FlowControl } from "./_flow_control.ts";
import type { Protocol } from "./protocols.ts";
import type { StreamReader } from "./stream_reader.ts";
import { StreamWriter } from "./stream_writer.ts";
import type { Transport } from "./transports.ts";

/**
 * What `startServer()` calls for each client: `(reader, writer)`. A
 * returned promise (an `async` function) runs as a task; a failure is
 * reported to the loop's exception handler ("Unhandled exception in
 * client_connected_cb") and the connection is closed.
 */
export type ClientConnectedCallback = (reader: StreamReader, writer: StreamWriter) => unknown;

/**
 * Adapts a transport's protocol callbacks to a {@linkcode StreamReader}
 * (data, EOF, errors) and gives `drain()` its flow control. Used by
 * `openConnection()` and `startServer()`; use it directly to get streams
 * from `loop.createConnection()` or `loop.createServer()`.
 *
 * With a `clientConnected` callback (the server side), each connection gets
 * a {@linkcode StreamWriter} and the callback runs as a task with
 * `(reader, writer)`: if it fails, the loop's exception handler gets
 * `{ message: "Unhandled exception in client_connected_cb", exception,
 * transport }` and the transport is closed; if it is cancelled, the
 * transport is closed quietly.
 *
 * Differences from asyncio: the callback always runs inside a task (also a
 * plain function), so `currentTask()` works in it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getRunningLoop, run } from "@asyncio/asyncio";
 * import { StreamReader, StreamReaderProtocol, StreamWriter } from "@asyncio/asyncio/streams";
 *
 * await run(async () => {
 *   const loop = getRunningLoop();
 *   const server = await loop.createServer(
 *     () => new StreamReaderProtocol(new StreamReader(), (_r, w) => w.close()),
 *     "127.0.0.1",
 *     0,
 *   );
 *   const [host, port] = server.sockets[0]!.getsockname() as [string, number];
 *   const reader = new StreamReader();
 *   const protocol = new StreamReaderProtocol(reader);
 *   const [transport] = await loop.createConnection(() => protocol, host, port);
 *   const writer = new StreamWriter(transport, protocol, reader, loop);
 *   assert.equal((await reader.read()).length, 0);
 *   writer.close();
 *   await writer.waitClosed();
 *   server.close();
 *   await server.waitClosed();
 * });
 * ```
 *
 * @see https://github.com/python/cpython/blob/3.13/Lib/asyncio/streams.py
 */
export class StreamReaderProtocol implements Protocol {
  /** @ignore The transport may hand over views: the reader copies them. */
  readonly _copiesData = true as const;
  readonly #loop: AbstractEventLoop;
  readonly #flow = new FlowControl();
  readonly #closed: Future<void>;
  #reader: StreamReader | null;
  #clientConnected: ClientConnectedCallback | null;
  #transport: Transport | null = null;
  #overTls = false;
  #task: Task<unknown> | null = null;

  /**
   * Makes the protocol for `reader`.
   *
   * @param reader The reader to feed.
   * @param clientConnected The server's per-client callback, if any.
   * @param options `loop`: the loop (default: the running one).
   */
  constructor(
    reader: StreamReader | null,
    clientConnected?: ClientConnectedCallback | null,
    options?: { loop?: AbstractEventLoop },
  ) {
    this.#loop = options?.loop ?? defaultLoop();
    this.#reader = reader;
    this.#clientConnected = clientConnected ?? null;
    this.#closed = new Future<void>({ loop: this.#loop });
  }

  /** Attaches the transport to the reader and, server side, starts the callback. */
  connectionMade(transport: Transport): void {
    this.#transport = transport;
    const reader = this.#reader;
    reader?.setTransport(transport);
    this.#overTls = transport.getExtraInfo("sslcontext") != null;
    const cb = this.#clientConnected;
    if (cb === null) return;
    const writer = new StreamWriter(transport, this, reader, this.#loop);
    const task = this.#loop.createTask(async () => await cb(reader!, writer));
    this.#task = task;
    task.addDoneCallback((t) => {
      if (t.cancelled()) {
        transport.close();
        return;
      }
      const exc = t.exception();
      if (exc !== null) {
        this.#loop.callExceptionHandler({
          message: "Unhandled exception in client_connected_cb",
          exception: exc,
          transport,
        });
        transport.close();
      }
    });
  }

  /** Ends the reader (EOF, or the error), settles `waitClosed()`, wakes `drain()`. */
  connectionLost(exc: Error | null): void {
    const reader = this.#reader;
    if (reader !== null) {
      if (exc === null) reader.feedEof();
      else reader.setException(exc);
    }
    const closed = this.#closed;
    if (!closed.done()) {
      if (exc === null) closed.setResult(undefined);
      else {
        closed.setException(exc);
        closed.exception(); // nobody has to await it: not "never retrieved"
      }
    }
    this.#flow.connectionLost(exc);
    this.#reader = null;
    this.#task = null;
    this.#transport = null;
  }

  /** Feeds the reader. */
  dataReceived(data: Uint8Array): void {
    this.#reader?.feedData(data);
  }

  /** @ignore Feeds the reader; `owned`: the array is given away (no copy needed). */
  _feed(data: Uint8Array, owned: boolean): void {
    this.#reader?._feedData(data, owned);
  }

  /** Feeds EOF; keeps the transport open for writing except over TLS. */
  eofReceived(): boolean {
    this.#reader?.feedEof();
    return !this.#overTls;
  }

  /** The transport's buffer is full: `drain()` waits. */
  pauseWriting(): void {
    this.#flow.pauseWriting();
  }

  /** The transport's buffer drained: waiting `drain()` calls return. */
  resumeWriting(): void {
    this.#flow.resumeWriting();
  }

  /** @ignore Whether `drain()` has nothing to wait for. */
  get _drained(): boolean {
    return this.#flow.clear;
  }

  /** @ignore Waits while writing is paused; throws once the connection is lost. */
  _drainHelper(): Promise<void> {
    return this.#flow.drainHelper(this.#loop);
  }

  /** @ignore Settled when the connection is lost. */
  get _closed(): Future<void> {
    return this.#closed;
  }

  /** @ignore Whether this is a server's protocol (it has a client callback). */
  get _serverSide(): boolean {
    return this.#clientConnected !== null;
  }

  /** @ignore The client callback's task, if it runs. */
  get _task(): Task<unknown> | null {
    return this.#task;
  }

  /** @ignore After a TLS upgrade: the new transport. */
  _replaceTransport(transport: Transport): void {
    this.#transport = transport;
    this.#overTls = transport.getExtraInfo("sslcontext") != null;
    this.#reader?._replaceTransport(transport);
  }
}

defineRepr(StreamReaderProtocol, () => "<StreamReaderProtocol>");

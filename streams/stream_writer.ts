/**
 * `StreamWriter`: writing to a stream, with `drain()` as the backpressure
 * point. Ports the writer half of asyncio's `streams.py`.
 *
 * @module
 */
import { defineRepr } from "../_platform/mod.ts";
import type { AbstractEventLoop } from "../loop/types.ts";
import { sleep } from "../tasks/sleep.ts";
import type { StreamReader } from "./stream_reader.ts";
import type { StreamReaderProtocol } from "./stream_reader_protocol.ts";
import type { TlsOptions, Transport } from "./transports.ts";

const RESOLVED: Promise<void> = Promise.resolve();

/** Options of {@linkcode StreamWriter.startTls}. */
export interface StreamStartTlsOptions {
  /** The name to verify the server's certificate against (client side). */
  serverHostname?: string;
}

/**
 * The writing end of a stream connection, as `openConnection()` and
 * `startServer()` give it.
 *
 * `write()` never blocks: it hands the bytes to the transport, which buffers
 * what the OS does not take at once. Call `await writer.drain()` after
 * writing: it returns at once while the buffer is under its high-water mark
 * and waits for it to empty otherwise, so a fast writer cannot fill memory.
 * `await using writer = ...` closes the connection at the end of the block.
 *
 * Cancellation: a cancelled `drain()` leaves the data buffered (it is still
 * sent); nothing else waits.
 *
 * Differences from asyncio: strings are accepted and sent as UTF-8;
 * `await using` closes (and waits); an unclosed writer is not reported when
 * garbage-collected.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run } from "@asyncio/asyncio";
 * import { openConnection, startServer } from "@asyncio/asyncio/streams";
 *
 * await run(async () => {
 *   await using server = await startServer(async (reader, writer) => {
 *     writer.write(await reader.readLine());
 *     await writer.drain();
 *     writer.close();
 *   }, "127.0.0.1", 0);
 *   const [host, port] = server.sockets[0]!.getsockname() as [string, number];
 *   const [reader, writer] = await openConnection(host, port);
 *   writer.write("ping\n");
 *   await writer.drain();
 *   assert.equal(new TextDecoder().decode(await reader.readLine()), "ping\n");
 *   writer.close();
 *   await writer.waitClosed();
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-stream.html#streamwriter
 */
export class StreamWriter implements AsyncDisposable {
  #transport: Transport;
  readonly #protocol: StreamReaderProtocol;
  readonly #reader: StreamReader | null;
  readonly #loop: AbstractEventLoop;

  /**
   * Wraps a transport; usually made by `openConnection()`/`startServer()`.
   *
   * @param transport The transport to write to.
   * @param protocol Its protocol (for `drain()` and `waitClosed()`).
   * @param reader The reader of the same connection, if any (`drain()`
   * throws its error).
   * @param loop The loop.
   */
  constructor(
    transport: Transport,
    protocol: StreamReaderProtocol,
    reader: StreamReader | null,
    loop: AbstractEventLoop,
  ) {
    this.#transport = transport;
    this.#protocol = protocol;
    this.#reader = reader;
    this.#loop = loop;
  }

  /** The transport underneath. */
  get transport(): Transport {
    return this.#transport;
  }

  /**
   * Sends `data` (a string as UTF-8) without waiting; follow with `drain()`.
   * After the connection closed, data is dropped and the next `drain()`
   * throws.
   *
   * @throws {TypeError} when `data` is neither bytes nor a string.
   * @throws {RuntimeError} `Cannot call write() after write_eof()`.
   */
  write(data: Uint8Array | string): void {
    this.#transport.write(data);
  }

  /** Writes each item in turn. */
  writelines(data: Iterable<Uint8Array | string>): void {
    this.#transport.writelines(data);
  }

  /** Closes the write side after the buffered data (half-close). */
  writeEof(): void {
    this.#transport.writeEof();
  }

  /** Whether `writeEof()` is possible (not over TLS). */
  canWriteEof(): boolean {
    return this.#transport.canWriteEof();
  }

  /** Closes the connection (buffered data is still sent). */
  close(): void {
    this.#transport.close();
  }

  /** Whether the connection is closing or closed. */
  isClosing(): boolean {
    return this.#transport.isClosing();
  }

  /**
   * Waits until the connection is closed.
   *
   * @throws the error the connection was lost with, if any.
   */
  async waitClosed(): Promise<void> {
    await this.#protocol._closed._wait();
  }

  /** A detail of the connection (`"peername"`, `"sockname"`, `"peercert"`, ...), or `defaultValue`. */
  getExtraInfo(name: string, defaultValue?: unknown): unknown {
    return this.#transport.getExtraInfo(name, defaultValue);
  }

  /**
   * Waits until it is appropriate to write more: returns at once unless the
   * transport's buffer is over its high-water mark.
   *
   * @throws the reader's stored error, if any.
   * @throws {ConnectionResetError} `Connection lost` once the connection is
   * closed (also after `close()`).
   */
  drain(): Promise<void> {
    // The common case, writing well under the high mark: no async frame.
    if (
      this.#protocol._drained && !this.#transport.isClosing()
      && (this.#reader === null || this.#reader.exception() === null)
    ) {
      return RESOLVED;
    }
    return this.#drainSlow();
  }

  async #drainSlow(): Promise<void> {
    const exc = this.#reader?.exception() ?? null;
    if (exc !== null) throw exc;
    // Closing: give connectionLost() an iteration to run, so that a loop of
    // write(); await drain() against a closed peer ends with an error.
    if (this.#transport.isClosing()) await sleep(0);
    await this.#protocol._drainHelper();
  }

  /**
   * Upgrades the connection to TLS in place (STARTTLS): drains, then
   * handshakes; the reader and writer go on over TLS. The server side is
   * the one made by `startServer()`.
   *
   * @param tls The TLS settings (a server needs `cert` and `key`).
   * @param options `serverHostname`: the name to verify (client side).
   * @throws {OSError} when the handshake fails (the connection is closed).
   */
  async startTls(tls: TlsOptions, options?: StreamStartTlsOptions): Promise<void> {
    const protocol = this.#protocol;
    await this.drain();
    const next = await this.#loop.startTls(this.#transport, protocol, tls, {
      serverSide: protocol._serverSide,
      ...(options?.serverHostname === undefined ? {} : { serverHostname: options.serverHostname }),
    });
    this.#transport = next;
    protocol._replaceTransport(next);
  }

  /** Closes and waits until closed (errors of the connection are not thrown). */
  async [Symbol.asyncDispose](): Promise<void> {
    this.close();
    try {
      await this.waitClosed();
    } catch {
      // the connection failed: disposal only has to close it
    }
  }
}

defineRepr(StreamWriter, (w) => {
  const info = ["StreamWriter", `transport=${String(w.transport)}`];
  return `<${info.join(" ")}>`;
});

/**
 * The transport interfaces: how a protocol talks back. Ports asyncio's
 * `transports.py` (`BaseTransport`, `ReadTransport`, `WriteTransport`,
 * `Transport`).
 *
 * @module
 */
import type { BaseProtocol } from "./protocols.ts";

/**
 * What every transport offers.
 *
 * `getExtraInfo(name, default)` answers `"peername"` and `"sockname"`
 * (`[host, port]`, or a path for Unix sockets), `"peercert"`, `"cipher"` and
 * `"sslcontext"` (TLS; `sslcontext` is the {@linkcode TlsOptions} used),
 * `"socket"` (an object with `getpeername()`/`getsockname()`), and returns
 * `default` (`undefined` when not given) for any other key.
 *
 * @example
 * ```ts
 * import type { BaseTransport } from "@asyncio/asyncio/streams";
 *
 * function describe(t: BaseTransport): string {
 *   return `${t.getExtraInfo("peername", "?")}${t.isClosing() ? " (closing)" : ""}`;
 * }
 * describe;
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-protocol.html#base-transport
 */
export interface BaseTransport {
  /** A detail of the connection (see above), or `defaultValue`. */
  getExtraInfo(name: string, defaultValue?: unknown): unknown;
  /** Whether the transport is closing or closed. */
  isClosing(): boolean;
  /**
   * Closes: stops reading, writes what is buffered, then the protocol's
   * `connectionLost(null)` runs. Idempotent.
   */
  close(): void;
  /** Switches to another protocol (its callbacks are called from now on). */
  setProtocol(protocol: BaseProtocol): void;
  /** The current protocol. */
  getProtocol(): BaseProtocol;
}

/**
 * A two-way stream transport (TCP, Unix socket, TLS).
 *
 * Writes never block: `write()` buffers what the OS does not take at once,
 * and tells the protocol to stop (`pauseWriting()`) above the high-water mark
 * (64 KiB by default) and to go on (`resumeWriting()`) at the low-water mark
 * (a quarter of it). Errors are reported to the protocol's
 * `connectionLost(exc)`, not thrown by `write()`.
 *
 * @example
 * ```ts
 * import type { Transport } from "@asyncio/asyncio/streams";
 *
 * function greet(t: Transport): void {
 *   t.write("hello\n");
 *   if (t.canWriteEof()) t.writeEof();
 * }
 * greet;
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-protocol.html#transports
 */
export interface Transport extends BaseTransport {
  /** Whether data is being received (not paused). */
  isReading(): boolean;
  /** Stops calling `dataReceived` until `resumeReading()` (idempotent). */
  pauseReading(): void;
  /** Starts calling `dataReceived` again (idempotent). */
  resumeReading(): void;
  /**
   * Sends `data` (a string is UTF-8 encoded) without blocking.
   *
   * @throws {TypeError} when `data` is neither bytes nor a string.
   * @throws {RuntimeError} `Cannot call write() after write_eof()`.
   */
  write(data: Uint8Array | string): void;
  /** Writes each item in turn. */
  writelines(list: Iterable<Uint8Array | string>): void;
  /** Closes the write side once buffered data is sent (half-close). */
  writeEof(): void;
  /** Whether `writeEof()` is possible (not over TLS). */
  canWriteEof(): boolean;
  /** Closes at once, dropping buffered data; `connectionLost(null)` follows. */
  abort(): void;
  /** Bytes buffered and not yet handed to the OS. */
  getWriteBufferSize(): number;
  /** The marks as `[low, high]`. */
  getWriteBufferLimits(): [low: number, high: number];
  /**
   * Sets the marks: `high` defaults to 64 KiB (or 4 × `low`), `low` to
   * `high / 4`.
   *
   * @throws {ValueError} unless `high >= low >= 0`.
   */
  setWriteBufferLimits(high?: number, low?: number): void;
}

/**
 * TLS settings, for a client (`openConnection(..., { tls })`) or a server
 * (`startServer(..., { tls: { cert, key } })`).
 *
 * Differences from asyncio: a plain object instead of an `ssl.SSLContext`.
 * A client verifies the server's certificate against the system's
 * authorities (or `caCerts`) and its host name unless `rejectUnauthorized`
 * is `false`.
 *
 * @example
 * ```ts
 * import type { TlsOptions } from "@asyncio/asyncio/streams";
 *
 * const client: TlsOptions = { alpnProtocols: ["h2", "http/1.1"] };
 * client;
 * ```
 */
export interface TlsOptions {
  /** PEM certificates of the authorities to trust (default: the system's). */
  caCerts?: string[];
  /** PEM certificate chain this side presents (a server's, or a client's). */
  cert?: string;
  /** PEM private key of `cert`. */
  key?: string;
  /** Name to check the server's certificate against and send as SNI (client side). */
  serverName?: string;
  /** ALPN protocols offered (client) or accepted (server), most preferred first. */
  alpnProtocols?: string[];
  /** Verify the server's certificate (client side; default `true`). */
  rejectUnauthorized?: boolean;
}

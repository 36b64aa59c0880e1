/**
 * The options of the loop's networking methods (`createConnection`,
 * `createServer`, `createUnixConnection`, `createUnixServer`, `startTls`)
 * and of the stream functions built on them.
 *
 * @module
 */
import type { TlsOptions } from "./transports.ts";

/**
 * Options of `loop.createConnection()` (and `openConnection()`).
 *
 * Differences from asyncio: `tls` takes {@linkcode TlsOptions} (or `true`
 * for the defaults) instead of an `SSLContext`; `signal` aborts the
 * pending connect (the task's own cancellation does too); the address
 * family, happy eyeballs and `sock` options are not supported.
 */
export interface ConnectionOptions {
  /** Connect with TLS: `true` for the defaults (verification on), or settings. */
  tls?: TlsOptions | boolean;
  /** The name to verify the certificate against and send as SNI (default: `host`). */
  serverHostname?: string;
  /** Local `[host, port]` to bind before connecting. */
  localAddr?: [host: string, port: number];
  /** Aborts the connect while it is pending. */
  signal?: AbortSignal;
}

/**
 * Options of `loop.createServer()` (and `startServer()`).
 *
 * Differences from asyncio: `tls` takes {@linkcode TlsOptions} with
 * `cert` and `key`; `family`, `flags`, `sock` and `keepAlive` are not
 * supported. A `null` or empty host listens on all interfaces with one
 * socket.
 */
export interface ServerOptions {
  /** Accept TLS connections with these settings (`cert` and `key` required). */
  tls?: TlsOptions;
  /** The pending connection queue length (default 100). */
  backlog?: number;
  /** `SO_REUSEADDR` (default: on). */
  reuseAddress?: boolean;
  /** `SO_REUSEPORT`, where the runtime has it. */
  reusePort?: boolean;
  /** Start accepting at once (default `true`); else call `server.startServing()`. */
  startServing?: boolean;
}

/**
 * Options of `loop.createUnixConnection()` (and `openUnixConnection()`).
 */
export interface UnixConnectionOptions {
  /** Connect with TLS: `true` for the defaults, or settings. */
  tls?: TlsOptions | boolean;
  /** The name to verify the certificate against (required with `tls`). */
  serverHostname?: string;
  /** Aborts the connect while it is pending. */
  signal?: AbortSignal;
}

/**
 * Options of `loop.createUnixServer()` (and `startUnixServer()`).
 */
export interface UnixServerOptions {
  /** Accept TLS connections with these settings (`cert` and `key` required). */
  tls?: TlsOptions;
  /** The pending connection queue length (default 100). */
  backlog?: number;
  /** Start accepting at once (default `true`); else call `server.startServing()`. */
  startServing?: boolean;
  /** Remove the socket file when the server closes, if it is still the same file (default `true`). */
  cleanupSocket?: boolean;
}

/** Options of `loop.startTls()`. */
export interface StartTlsOptions {
  /** Whether this side is the server (default `false`). */
  serverSide?: boolean;
  /** The name to verify the server's certificate against (client side). */
  serverHostname?: string;
}

/**
 * `startServer()` and `startUnixServer()`: a server that hands each client
 * to a callback as a reader/writer pair. Ports asyncio's
 * `streams.start_server` and `start_unix_server`.
 *
 * @module
 */
import { defaultLoop } from "../tasks/future.ts";
import "./_create_connection.ts";
import { checkLimit } from "./_reader_args.ts";
import type { ServerOptions, UnixServerOptions } from "./network_options.ts";
import type { Server } from "./server.ts";
import { StreamReader } from "./stream_reader.ts";
import { type ClientConnectedCallback, StreamReaderProtocol } from "./stream_reader_protocol.ts";

/** Options of {@linkcode startServer}. */
export interface StartServerOptions extends ServerOptions {
  /** Each reader's buffer limit (default 64 KiB). */
  limit?: number;
}

/** Options of {@linkcode startUnixServer}. */
export interface StartUnixServerOptions extends UnixServerOptions {
  /** Each reader's buffer limit (default 64 KiB). */
  limit?: number;
}

function limitOf(options: { limit?: number } | undefined): number | undefined {
  return typeof options === "object" && options !== null ? options.limit : undefined;
}

function factoryFor(
  clientConnected: ClientConnectedCallback,
  limit: number | undefined,
): () => StreamReaderProtocol {
  if (typeof clientConnected !== "function") {
    throw new TypeError(`client_connected_cb must be a function, not ${typeof clientConnected}`);
  }
  const options = limit === undefined ? {} : { limit: checkLimit(limit) };
  const loop = defaultLoop();
  return () => new StreamReaderProtocol(new StreamReader(options), clientConnected, { loop });
}

/**
 * Starts a TCP server (TLS with `tls`): for each client,
 * `clientConnected(reader, writer)` runs as a task. If it throws or
 * rejects, the loop's exception handler gets "Unhandled exception in
 * client_connected_cb" and that connection is closed; the server keeps
 * serving.
 *
 * Differences from asyncio: a bad port is a `RangeError` (Python:
 * `OverflowError`); `tls` takes {@linkcode TlsOptions}.
 *
 * @param clientConnected Called with each client's `(reader, writer)`.
 * @param host Host to bind; each of a list; all interfaces for `null`.
 * @param port Port, 0 picks a free one (see `server.sockets[0].getsockname()`).
 * @param options `limit`, `tls`, `backlog`, `reuseAddress`, `reusePort`,
 * `startServing`.
 * @returns The {@linkcode Server}.
 * @throws {OSError} when binding fails.
 * @throws {ValueError} `Limit cannot be <= 0`.
 * @throws {TypeError} for an unknown option.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run } from "@asyncio/asyncio";
 * import { openConnection, startServer } from "@asyncio/asyncio/streams";
 *
 * await run(async () => {
 *   await using server = await startServer(async (reader, writer) => {
 *     for await (const line of reader) writer.write(line);
 *     writer.close();
 *   }, "127.0.0.1", 0);
 *   const [host, port] = server.sockets[0]!.getsockname() as [string, number];
 *   const [reader, writer] = await openConnection(host, port);
 *   writer.write("echo\n");
 *   writer.writeEof();
 *   assert.equal(new TextDecoder().decode(await reader.read()), "echo\n");
 *   writer.close();
 *   await writer.waitClosed();
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-stream.html#asyncio.start_server
 */
export function startServer(
  clientConnected: ClientConnectedCallback,
  host: string | string[] | null,
  port: number,
  options?: StartServerOptions,
): Promise<Server> {
  try {
    const factory = factoryFor(clientConnected, limitOf(options));
    return defaultLoop().createServer(factory, host, port, options);
  } catch (err) {
    return Promise.reject(err);
  }
}

/**
 * Starts a server on the Unix socket at `path`; see {@linkcode startServer}.
 * A stale socket file at `path` is replaced; with `cleanupSocket` (the
 * default) the file is removed when the server closes.
 *
 * @param clientConnected Called with each client's `(reader, writer)`.
 * @param path The socket's path.
 * @param options `limit`, `cleanupSocket`, `startServing`, `backlog`, `tls`.
 * @returns The {@linkcode Server}; `sockets[0].getsockname()` is the path.
 * @throws {OSError} when binding fails.
 *
 * @example
 * ```ts ignore
 * import { startUnixServer } from "@asyncio/asyncio/streams";
 *
 * await using server = await startUnixServer((_reader, writer) => {
 *   writer.write("hello\n");
 *   writer.close();
 * }, "/tmp/app.sock");
 * await server.serveForever();
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-stream.html#asyncio.start_unix_server
 */
export function startUnixServer(
  clientConnected: ClientConnectedCallback,
  path: string,
  options?: StartUnixServerOptions,
): Promise<Server> {
  try {
    const factory = factoryFor(clientConnected, limitOf(options));
    return defaultLoop().createUnixServer(factory, path, options);
  } catch (err) {
    return Promise.reject(err);
  }
}

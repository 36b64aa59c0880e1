/**
 * `openConnection()` and `openUnixConnection()`: a connection as a
 * reader/writer pair. Ports asyncio's `streams.open_connection` and
 * `open_unix_connection`.
 *
 * @module
 */
import type { AbstractEventLoop } from "../loop/types.ts";
import { defaultLoop } from "../tasks/future.ts";
import "./_create_connection.ts";
import { checkLimit } from "./_reader_args.ts";
import type { ConnectionOptions, UnixConnectionOptions } from "./network_options.ts";
import { StreamReader } from "./stream_reader.ts";
import { StreamReaderProtocol } from "./stream_reader_protocol.ts";
import { StreamWriter } from "./stream_writer.ts";
import type { Transport } from "./transports.ts";

/** Options of {@linkcode openConnection}. */
export interface OpenConnectionOptions extends ConnectionOptions {
  /** The reader's buffer limit (default 64 KiB). */
  limit?: number;
}

/** Options of {@linkcode openUnixConnection}. */
export interface OpenUnixConnectionOptions extends UnixConnectionOptions {
  /** The reader's buffer limit (default 64 KiB). */
  limit?: number;
}

async function streamsOver(
  loop: AbstractEventLoop,
  options: { limit?: number } | undefined,
  connect: (factory: () => StreamReaderProtocol) => Promise<[Transport, StreamReaderProtocol]>,
): Promise<[StreamReader, StreamWriter]> {
  const limit = typeof options === "object" && options !== null ? options.limit : undefined;
  const reader = new StreamReader(limit === undefined ? {} : { limit: checkLimit(limit) });
  const protocol = new StreamReaderProtocol(reader, null, { loop });
  const [transport] = await connect(() => protocol);
  return [reader, new StreamWriter(transport, protocol, reader, loop)];
}

/**
 * Opens a TCP connection (TLS with `tls`) and returns its reader and
 * writer.
 *
 * Cancellation: cancelling the calling task (or aborting `signal`) stops
 * the pending connect (DNS, TCP and TLS handshakes); no socket is left
 * open.
 *
 * Differences from asyncio: `tls` takes {@linkcode TlsOptions} or `true`
 * instead of an `SSLContext`; a bad port is a `RangeError` (Python:
 * `OverflowError`).
 *
 * @param host Host name or address.
 * @param port Port, 0-65535.
 * @param options `limit`, `tls`, `serverHostname`, `localAddr`, `signal`.
 * @returns `[reader, writer]`.
 * @throws {ConnectionRefusedError} when nothing listens there.
 * @throws {OSError} with the resolver's code for an unknown host; other
 * connect failures by their code.
 * @throws {ValueError} `Limit cannot be <= 0`.
 * @throws {TypeError} for an unknown option.
 * @throws {TypeError} for a port that is not an integer.
 * @throws {RangeError} `port must be 0-65535`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run } from "@asyncio/asyncio";
 * import { openConnection, startServer } from "@asyncio/asyncio/streams";
 *
 * await run(async () => {
 *   await using server = await startServer(async (_reader, writer) => {
 *     writer.write("hello\n");
 *     writer.close();
 *   }, "127.0.0.1", 0);
 *   const [, port] = server.sockets[0]!.getsockname() as [string, number];
 *   const [reader, writer] = await openConnection("127.0.0.1", port);
 *   assert.equal(new TextDecoder().decode(await reader.read()), "hello\n");
 *   writer.close();
 *   await writer.waitClosed();
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-stream.html#asyncio.open_connection
 */
export function openConnection(
  host: string,
  port: number,
  options?: OpenConnectionOptions,
): Promise<[StreamReader, StreamWriter]> {
  const loop = defaultLoop();
  return streamsOver(loop, options, (f) => loop.createConnection(f, host, port, options));
}

/**
 * Connects to the Unix socket at `path` and returns its reader and writer.
 *
 * @param path The socket's path.
 * @param options `limit`, `tls`, `serverHostname`, `signal`.
 * @returns `[reader, writer]`.
 * @throws {FileNotFoundError} when there is no socket at `path`.
 * @throws {ConnectionRefusedError} when nothing listens there.
 *
 * @example
 * ```ts ignore
 * import { openUnixConnection } from "@asyncio/asyncio/streams";
 *
 * const [reader, writer] = await openUnixConnection("/run/app.sock");
 * writer.write("status\n");
 * console.log(new TextDecoder().decode(await reader.readLine()));
 * writer.close();
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-stream.html#asyncio.open_unix_connection
 */
export function openUnixConnection(
  path: string,
  options?: OpenUnixConnectionOptions,
): Promise<[StreamReader, StreamWriter]> {
  const loop = defaultLoop();
  return streamsOver(loop, options, (f) => loop.createUnixConnection(f, path, options));
}

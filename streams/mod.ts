/**
 * TCP, Unix socket and TLS streams, with asyncio's two levels:
 *
 * - streams: `openConnection()`, `startServer()` (and the Unix twins) give
 *   {@linkcode StreamReader}/{@linkcode StreamWriter} pairs and a
 *   {@linkcode Server};
 * - transports and protocols: `loop.createConnection()`,
 *   `loop.createServer()`, `loop.startTls()` connect a
 *   {@linkcode Protocol} (or {@linkcode BufferedProtocol}) to a
 *   {@linkcode Transport}.
 *
 * Importing this module also gives the loop its networking methods.
 * Everything runs on the runtime's own sockets (Deno, Bun, Node); on a
 * runtime without sockets the calls reject with a `RuntimeError`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run } from "@asyncio/asyncio";
 * import { openConnection, startServer } from "@asyncio/asyncio/streams";
 *
 * await run(async () => {
 *   await using server = await startServer(async (reader, writer) => {
 *     const line = await reader.readLine();
 *     writer.write(line);
 *     await writer.drain();
 *     writer.close();
 *   }, "127.0.0.1", 0);
 *   const [host, port] = server.sockets[0]!.getsockname() as [string, number];
 *   const [reader, writer] = await openConnection(host, port);
 *   writer.write("hello\n");
 *   assert.equal(new TextDecoder().decode(await reader.readLine()), "hello\n");
 *   writer.close();
 *   await writer.waitClosed();
 * });
 * ```
 *
 * @module
 */
// Gives the loop its networking methods.
import "./_create_connection.ts";

export type {
  ConnectionOptions,
  ServerOptions,
  StartTlsOptions,
  UnixConnectionOptions,
  UnixServerOptions,
} from "./network_options.ts";
export {
  openConnection,
  type OpenConnectionOptions,
  openUnixConnection,
  type OpenUnixConnectionOptions,
} from "./open_connection.ts";
export type { BaseProtocol, BufferedProtocol, Protocol } from "./protocols.ts";
export { Server, type ServerSocket } from "./server.ts";
export {
  startServer,
  type StartServerOptions,
  startUnixServer,
  type StartUnixServerOptions,
} from "./start_server.ts";
export { StreamReader, type StreamReaderOptions } from "./stream_reader.ts";
export { type ClientConnectedCallback, StreamReaderProtocol } from "./stream_reader_protocol.ts";
export { type StreamStartTlsOptions, StreamWriter } from "./stream_writer.ts";
export type { BaseTransport, TlsOptions, Transport } from "./transports.ts";

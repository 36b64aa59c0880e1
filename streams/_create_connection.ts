// The client side of the loop's networking methods: `createConnection()`,
// `createUnixConnection()` and `startTls()`, registered with the loop when
// this module loads. Ports asyncio's `base_events.create_connection`,
// `create_unix_connection` and `start_tls`.
import type { PlatformTlsOptions } from "../_platform/mod.ts";
import { ValueError } from "../errors.ts";
import { networkingSupport } from "../loop/_networking.ts";
import type { EventLoop } from "../loop/event_loop.ts";
import type { AbstractEventLoop } from "../loop/types.ts";
import { checkHost, checkKeys, checkPath, checkPort, tlsOption } from "./_checks.ts";
import { connectProtocol, connectSocket } from "./_connect.ts";
import { createServer, createUnixServer } from "./_create_server.ts";
import { SocketTransport } from "./_socket_transport.ts";
import type {
  ConnectionOptions,
  StartTlsOptions,
  UnixConnectionOptions,
} from "./network_options.ts";
import type { BaseProtocol, Protocol } from "./protocols.ts";
import type { TlsOptions, Transport } from "./transports.ts";

const CONNECTION_KEYS = ["tls", "serverHostname", "localAddr", "signal", "limit"] as const;
const UNIX_CONNECTION_KEYS = ["tls", "serverHostname", "signal", "limit"] as const;

function clientTls(
  tls: TlsOptions | null,
  serverHostname: string | undefined,
  host: string | undefined,
  call: string,
): PlatformTlsOptions | null {
  if (tls === null) {
    if (serverHostname !== undefined) {
      throw new ValueError(`${call}(): server_hostname is only meaningful with ssl`);
    }
    return null;
  }
  const serverName = serverHostname ?? tls.serverName ?? host;
  if (serverName === undefined || serverName === "") {
    throw new ValueError(
      `${call}(): You must set server_hostname when using ssl without a host`,
    );
  }
  return { ...tls, serverName };
}

/**
 * Opens a TCP (or TLS) connection and connects a protocol to it; what
 * `loop.createConnection()` runs.
 *
 * @param loop The loop.
 * @param factory Makes the protocol.
 * @param host Host name or address.
 * @param port Port, 0-65535.
 * @param options See {@linkcode ConnectionOptions}.
 * @returns `[transport, protocol]` once `connectionMade` ran.
 * @throws {TypeError} for a port or host of the wrong type.
 * @throws {RangeError} `port must be 0-65535`.
 * @throws {ValueError} for `serverHostname` without `tls`.
 * @throws {TypeError} for an unknown option.
 * @throws {OSError} (`ConnectionRefusedError`, ...) when the connect fails.
 */
export async function createConnection<P extends Protocol>(
  loop: AbstractEventLoop,
  factory: () => P,
  host: string,
  port: number,
  options?: ConnectionOptions,
): Promise<[Transport, P]> {
  const call = "createConnection";
  checkKeys(options, CONNECTION_KEYS, "open a connection");
  checkHost(host, call);
  checkPort(port, call);
  const tls = clientTls(tlsOption(options?.tls, call), options?.serverHostname, host, call);
  const local = options?.localAddr;
  const socket = await connectSocket(loop as EventLoop, {
    host,
    port,
    ...(tls === null ? {} : { tls }),
    ...(local === undefined ? {} : { localAddress: [checkHost(local[0], call), local[1]] }),
    ...(options?.signal === undefined ? {} : { signal: options.signal }),
  });
  return await connectProtocol(loop as EventLoop, socket, factory, tls);
}

/**
 * Connects to the Unix socket at `path` with a protocol; what
 * `loop.createUnixConnection()` runs.
 *
 * @param loop The loop.
 * @param factory Makes the protocol.
 * @param path The socket's path.
 * @param options See {@linkcode UnixConnectionOptions}.
 * @returns `[transport, protocol]` once `connectionMade` ran.
 * @throws {FileNotFoundError} when there is no socket at `path`.
 * @throws {ConnectionRefusedError} when nothing listens there.
 */
export async function createUnixConnection<P extends Protocol>(
  loop: AbstractEventLoop,
  factory: () => P,
  path: string,
  options?: UnixConnectionOptions,
): Promise<[Transport, P]> {
  const call = "createUnixConnection";
  checkKeys(options, UNIX_CONNECTION_KEYS, "open a Unix connection");
  checkPath(path, call);
  const tls = clientTls(tlsOption(options?.tls, call), options?.serverHostname, undefined, call);
  const socket = await connectSocket(loop as EventLoop, {
    path,
    ...(tls === null ? {} : { tls }),
    ...(options?.signal === undefined ? {} : { signal: options.signal }),
  });
  return await connectProtocol(loop as EventLoop, socket, factory, tls);
}

/**
 * Upgrades a connection to TLS; what `loop.startTls()` runs.
 *
 * @param _loop The loop.
 * @param transport The plain transport (not to be used afterwards).
 * @param protocol The protocol that goes on over TLS.
 * @param tls The TLS settings.
 * @param options `serverSide`, `serverHostname`.
 * @returns The TLS transport.
 * @throws {TypeError} when `transport` was not made by this library.
 */
export async function startTls(
  _loop: AbstractEventLoop,
  transport: Transport,
  protocol: BaseProtocol,
  tls: TlsOptions,
  options?: StartTlsOptions,
): Promise<Transport> {
  if (!(transport instanceof SocketTransport)) {
    throw new TypeError(`startTls(): transport ${String(transport)} is not supported`);
  }
  const serverSide = options?.serverSide === true;
  const settings = serverSide
    ? { ...tls }
    : clientTls(tls, options?.serverHostname, undefined, "startTls")!;
  transport.setProtocol(protocol);
  return await transport._startTls(settings, serverSide);
}

networkingSupport.impl = {
  createConnection,
  createServer,
  createUnixConnection,
  createUnixServer,
  startTls,
};

// The loop's networking methods are implemented in streams/, a higher
// layer: streams/ registers the implementation here when it loads (as
// tasks/ registers Future and Task in `taskSupport`), and the loop's
// methods delegate to it. Without it they fail with a RuntimeError that
// names the import to add.
import { RuntimeError } from "../errors.ts";
import type {
  ConnectionOptions,
  ServerOptions,
  StartTlsOptions,
  UnixConnectionOptions,
  UnixServerOptions,
} from "../streams/network_options.ts";
import type { BaseProtocol, Protocol } from "../streams/protocols.ts";
import type { Server } from "../streams/server.ts";
import type { TlsOptions, Transport } from "../streams/transports.ts";
import type { AbstractEventLoop } from "./types.ts";

/** @ignore What streams/ registers. */
export interface NetworkingSupport {
  createConnection<P extends Protocol>(
    loop: AbstractEventLoop,
    factory: () => P,
    host: string,
    port: number,
    options: ConnectionOptions | undefined,
  ): Promise<[Transport, P]>;
  createServer(
    loop: AbstractEventLoop,
    factory: () => BaseProtocol,
    host: string | string[] | null,
    port: number,
    options: ServerOptions | undefined,
  ): Promise<Server>;
  createUnixConnection<P extends Protocol>(
    loop: AbstractEventLoop,
    factory: () => P,
    path: string,
    options: UnixConnectionOptions | undefined,
  ): Promise<[Transport, P]>;
  createUnixServer(
    loop: AbstractEventLoop,
    factory: () => BaseProtocol,
    path: string,
    options: UnixServerOptions | undefined,
  ): Promise<Server>;
  startTls(
    loop: AbstractEventLoop,
    transport: Transport,
    protocol: BaseProtocol,
    tls: TlsOptions,
    options: StartTlsOptions | undefined,
  ): Promise<Transport>;
}

/** @ignore The registered implementation, if streams/ is loaded. */
export const networkingSupport: { impl: NetworkingSupport | null } = { impl: null };

/** @ignore The implementation, or a RuntimeError naming the import. */
export function networking(): NetworkingSupport {
  const impl = networkingSupport.impl;
  if (impl === null) {
    throw new RuntimeError(
      `Networking is not loaded: import "@asyncio/asyncio/streams" (or "@asyncio/asyncio")`,
    );
  }
  return impl;
}

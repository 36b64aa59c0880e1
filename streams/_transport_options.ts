// What a SocketTransport is made with: its options, and the link to the
// server that accepted its connection (which Server implements).
import type { PlatformTlsOptions } from "../_platform/mod.ts";
import type { Future } from "../tasks/future.ts";
import type { SocketTransport } from "./_socket_transport.ts";

/** @ignore What a transport tells the server that accepted it. */
export interface ServerLink {
  _attach(transport: SocketTransport): void;
  _detach(transport: SocketTransport): void;
}

/** @ignore Options of a new {@linkcode SocketTransport}. */
export interface SocketTransportOptions {
  /** Resolved after `connectionMade` ran (rejected if the socket closed first). */
  waiter?: Future<void>;
  /** The server that accepted the connection. */
  server?: ServerLink | null;
  /** The TLS options used (TLS transports only). */
  tls?: PlatformTlsOptions | null;
  /** Call `connectionMade` (not after a TLS upgrade, whose protocol is connected). */
  connectionMade?: boolean;
}

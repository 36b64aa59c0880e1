// What `getExtraInfo()` answers for a socket transport. The addresses are
// read once, when the transport is made, as asyncio reads them into
// `_extra`: they stay readable after the socket closed.
import type { PlatformSocket, PlatformTlsOptions, SocketAddress } from "../_platform/mod.ts";

type Address = [host: string, port: number] | string;

function copy(addr: SocketAddress | undefined): Address | undefined {
  if (addr === undefined) return undefined;
  return typeof addr === "string" ? addr : [addr[0], addr[1]];
}

/** @ignore The `"socket"` extra: the addresses, as Python's socket methods name them. */
export interface TransportSocketInfo {
  /** The peer's address. */
  getpeername(): Address | undefined;
  /** This side's address. */
  getsockname(): Address | undefined;
}

/** @ignore The `"ssl_object"` extra of a TLS transport. */
export interface TlsObjectInfo {
  /** The peer's certificate in Python's `getpeercert()` shape, or `null`. */
  getpeercert(): Record<string, unknown> | null | undefined;
  /** `[name, protocol version, secret bits]`. */
  cipher(): readonly [string, string, number] | undefined;
  /** The negotiated ALPN protocol, or `null`. */
  selectedAlpnProtocol(): string | null;
}

/** @ignore */
export class TransportInfo {
  readonly isTls: boolean;
  readonly #socket: PlatformSocket;
  readonly #tls: PlatformTlsOptions | null;
  readonly #peer: Address | undefined;
  readonly #local: Address | undefined;
  #session: ReturnType<PlatformSocket["tlsInfo"]> | undefined;

  constructor(socket: PlatformSocket, tls: PlatformTlsOptions | null) {
    this.#socket = socket;
    this.#tls = tls;
    this.isTls = tls !== null;
    this.#peer = safe(() => copy(socket.remoteAddress));
    this.#local = safe(() => copy(socket.localAddress));
  }

  get(name: string, defaultValue?: unknown): unknown {
    switch (name) {
      case "peername":
        return this.#peer ?? defaultValue;
      case "sockname":
        return this.#local ?? defaultValue;
      case "socket": {
        const peer = this.#peer;
        const local = this.#local;
        const info: TransportSocketInfo = { getpeername: () => peer, getsockname: () => local };
        return info;
      }
    }
    if (!this.isTls) return defaultValue;
    // Read once the handshake is done, and kept: the socket may close later.
    const session = this.#session ??= safe(() => this.#socket.tlsInfo()) ?? undefined;
    switch (name) {
      case "sslcontext":
        return this.#tls;
      case "peercert":
        // `undefined`: the runtime cannot tell (Deno).
        return session?.peerCertificate === undefined ? defaultValue : session.peerCertificate;
      case "cipher":
        return session?.cipher ?? defaultValue;
      case "compression":
        return null;
      case "alpn_protocol":
        return session?.alpnProtocol ?? null;
      case "ssl_object": {
        const obj: TlsObjectInfo = {
          getpeercert: () => session?.peerCertificate ?? null,
          cipher: () => session?.cipher,
          selectedAlpnProtocol: () => session?.alpnProtocol ?? null,
        };
        return obj;
      }
      default:
        return defaultValue;
    }
  }
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

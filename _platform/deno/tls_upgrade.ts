/**
 * TLS over an already connected socket through `node:tls`, for what Deno's
 * own TLS API cannot do (see `sockets.ts`): every client connection (Deno's
 * client handshake cannot be aborted, always verifies and does not tell the
 * peer's certificate or the cipher) and every upgrade (STARTTLS) of a
 * connected socket, on either side (Deno has no server-side upgrade, and its
 * client one, `Deno.startTls`, fails with "TCP stream is currently in use"
 * and consumes the connection when a read is pending, which cannot be
 * cancelled).
 *
 * The TLS engine (`tls.TLSSocket`) runs over a `stream.Duplex` fed by the
 * plain `PlatformSocket`, reached through `process.getBuiltinModule`, so no
 * `node:` import appears anywhere. Ciphertext read before the upgrade but
 * not yet delivered is handed to the engine first. Such sockets also know
 * the peer's certificate and the cipher, which native Deno TLS does not tell.
 *
 * @module
 */
import { RuntimeError } from "../../errors.ts";
import { toOSError } from "../os_errors.ts";
import type {
  PlatformSocket,
  PlatformTlsInfo,
  PlatformTlsOptions,
  SocketAddress,
  SocketHandlers,
} from "../socket_types.ts";
import { tlsSessionInfo, type TlsSessionLike } from "../tls_info.ts";

type Callback = (error?: Error | null) => void;

interface NodeDuplex {
  push(chunk: Uint8Array | null): boolean;
  destroy(error?: Error): void;
}

interface NodeTlsSocket extends TlsSessionLike {
  on(event: string, listener: (arg: never) => void): void;
  once(event: string, listener: (arg: never) => void): void;
  off(event: string, listener: (arg: never) => void): void;
  pause(): void;
  resume(): void;
  write(data: Uint8Array, callback: Callback): boolean;
  end(callback?: () => void): void;
  destroy(error?: Error): void;
}

interface NodeModules {
  Duplex: new(options: {
    allowHalfOpen: boolean;
    read(): void;
    write(chunk: Uint8Array, encoding: string, callback: Callback): void;
    final(callback: Callback): void;
    destroy(error: Error | null, callback: Callback): void;
  }) => NodeDuplex;
  TLSSocket: new(socket: NodeDuplex, options: Record<string, unknown>) => NodeTlsSocket;
  connect(options: Record<string, unknown>): NodeTlsSocket;
}

function nodeModules(): NodeModules {
  const proc = (globalThis as {
    process?: { getBuiltinModule?(id: string): unknown };
  }).process;
  const tls = proc?.getBuiltinModule?.("node:tls") as Partial<NodeModules> | undefined;
  const stream = proc?.getBuiltinModule?.("node:stream") as Partial<NodeModules> | undefined;
  if (!tls?.TLSSocket || !tls.connect || !stream?.Duplex) {
    throw new RuntimeError("Cannot start TLS: node:tls is not available on this Deno");
  }
  return { Duplex: stream.Duplex, TLSSocket: tls.TLSSocket, connect: tls.connect };
}

/**
 * Runs TLS over `plain` (which must not be used afterwards) and resolves to
 * the TLS socket, paused, once the handshake is done. On failure `plain` is
 * aborted and the promise rejects with an `errors.ts` class.
 */
export function upgradeToTls(
  plain: PlatformSocket,
  options: PlatformTlsOptions & { serverSide: boolean },
): Promise<PlatformSocket> {
  let node: NodeModules;
  try {
    node = nodeModules();
  } catch (e) {
    return Promise.reject(e);
  }
  const bridge = new Bridge(plain, node);
  const secure = options.serverSide
    ? new node.TLSSocket(bridge.duplex, {
      isServer: true,
      cert: options.cert,
      key: options.key,
      ca: options.caCerts,
      ALPNProtocols: options.alpnProtocols,
      requestCert: false,
    })
    : node.connect({
      socket: bridge.duplex,
      cert: options.cert,
      key: options.key,
      ca: options.caCerts,
      // Verified against `host`; SNI carries names only (RFC 6066), never an address.
      host: options.serverName,
      servername: options.serverName === undefined || isIpAddress(options.serverName)
        ? undefined
        : options.serverName,
      ALPNProtocols: options.alpnProtocols,
      rejectUnauthorized: options.rejectUnauthorized ?? true,
    });
  secure.pause();
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      secure.off(options.serverSide ? "secure" : "secureConnect", onSecure);
      secure.destroy();
      plain.abort();
      const failure = bridge.error ?? toOSError(error, { syscall: "handshake" });
      bridge.closed.then(() => reject(failure));
    };
    const onSecure = () => {
      secure.off("error", onError);
      resolve(new UpgradedSocket(secure, plain, bridge));
    };
    secure.once("error", onError);
    secure.once(options.serverSide ? "secure" : "secureConnect", onSecure);
  });
}

/** Connects the plain socket to a `stream.Duplex` the TLS engine reads and writes. */
class Bridge {
  readonly duplex: NodeDuplex;
  readonly closed: Promise<void>;
  error: Error | null = null;
  #waiting: Callback[] = [];

  constructor(plain: PlatformSocket, node: NodeModules) {
    let markClosed!: () => void;
    this.closed = new Promise((resolve) => markClosed = resolve);
    const duplex = this.duplex = new node.Duplex({
      allowHalfOpen: true,
      read: () => plain.resume(),
      write: (chunk, _encoding, callback) => {
        if (plain.write(chunk)) callback();
        else this.#waiting.push(callback);
      },
      final: (callback) => {
        if (plain.canEnd) plain.end();
        callback();
      },
      destroy: (error, callback) => {
        plain.close();
        callback(error);
      },
    });
    const owned = plain.dataIsOwned === true;
    const handlers: SocketHandlers = {
      // The engine keeps the chunk: copied unless the socket gives it away
      // (Deno's sockets do, see `socket.ts`).
      onData: owned
        ? (data) => {
          if (!duplex.push(data)) plain.pause();
        }
        : (data) => {
          if (!duplex.push(data.slice())) plain.pause();
        },
      onEnd: () => void duplex.push(null),
      onDrain: () => {
        const waiting = this.#waiting;
        this.#waiting = [];
        for (const callback of waiting) callback();
      },
      onClose: (error) => {
        this.error = error;
        const waiting = this.#waiting;
        this.#waiting = [];
        for (const callback of waiting) callback(error ?? undefined);
        if (error) duplex.destroy(error);
        else duplex.push(null);
        markClosed();
      },
    };
    plain.setHandlers(handlers);
    plain.resume();
  }
}

const NO_HANDLERS: SocketHandlers = {
  onData() {},
  onEnd() {},
  onDrain() {},
  onClose() {},
};

/** A `node:tls` socket over a plain `PlatformSocket`, as a `PlatformSocket`. */
class UpgradedSocket implements PlatformSocket {
  #secure: NodeTlsSocket;
  #plain: PlatformSocket;
  #bridge: Bridge;
  #handlers: SocketHandlers = NO_HANDLERS;
  #buffered = 0;
  #closing = false;
  #error: Error | null = null;
  #tlsInfo: PlatformTlsInfo | null = null;

  constructor(secure: NodeTlsSocket, plain: PlatformSocket, bridge: Bridge) {
    this.#secure = secure;
    this.#plain = plain;
    this.#bridge = bridge;
    secure.on("data", (data: Uint8Array) => this.#handlers.onData(data));
    secure.on("end", () => this.#handlers.onEnd());
    secure.on("error", (error: Error) => {
      this.#error ??= toOSError(error, { syscall: "read" });
    });
    secure.on("close", () => {
      plain.close();
      bridge.closed.then(() => {
        const error = this.#closing ? null : bridge.error ?? this.#error;
        this.#handlers.onClose(error);
      });
    });
  }

  setHandlers(handlers: SocketHandlers): void {
    this.#handlers = handlers;
  }

  pause(): void {
    this.#secure.pause();
  }

  resume(): void {
    if (!this.#closing) this.#secure.resume();
  }

  write(data: Uint8Array): boolean {
    if (this.#closing || data.byteLength === 0) return this.#buffered === 0;
    const size = data.byteLength;
    this.#buffered += size;
    this.#secure.write(data, () => {
      this.#buffered -= size;
      if (this.#buffered === 0 && !this.#closing) this.#handlers.onDrain();
    });
    return false;
  }

  get bufferedAmount(): number {
    return this.#buffered;
  }

  get canEnd(): boolean {
    return this.#plain.canEnd;
  }

  end(): void {
    if (!this.#closing) this.#secure.end();
  }

  close(): void {
    if (this.#closing) return;
    this.#closing = true;
    this.#secure.end(() => this.#secure.destroy());
  }

  abort(): void {
    this.#closing = true;
    this.#buffered = 0;
    this.#secure.destroy();
    this.#plain.abort();
  }

  get localAddress(): SocketAddress | undefined {
    return this.#plain.localAddress;
  }

  get remoteAddress(): SocketAddress | undefined {
    return this.#plain.remoteAddress;
  }

  setNoDelay(enabled: boolean): void {
    this.#plain.setNoDelay(enabled);
  }

  tlsInfo(): PlatformTlsInfo {
    return this.#tlsInfo ??= tlsSessionInfo(this.#secure);
  }

  startTls(options: PlatformTlsOptions & { serverSide: boolean }): Promise<PlatformSocket> {
    return upgradeToTls(this, options);
  }
}

function isIpAddress(name: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.includes(":");
}

/**
 * One Node `net.Socket` or `tls.TLSSocket` as a `PlatformSocket`
 * (`../socket_types.ts`), and the part of `node:net`/`node:tls` the Node
 * adapter uses, typed locally and reached through `process.getBuiltinModule`.
 *
 * Node's events map one to one: `data` (Node's own `Buffer`s, handed on
 * without a copy), `end` (sockets are made with `allowHalfOpen`), `error`
 * then `close`. Node's `write()` says `false` only above its high-water mark;
 * this adapter answers `true` only when Node's buffer is empty after the
 * write (it usually is: libuv writes at once when it can) and uses one
 * write callback, shared by all writes, to call `onDrain` when a non-empty
 * buffer empties. A write to an empty buffer goes without the callback
 * (Node runs each one on a tick of its own): on TCP and Unix sockets,
 * when part of it stays buffered, an empty write queued after it calls
 * back once it is flushed; TLS sockets always pass the callback.
 *
 * @module
 */
import { RuntimeError } from "../../errors.ts";
import { toOSError } from "../os_errors.ts";
import { NO_HANDLERS, socketAddresses } from "../socket_defaults.ts";
import type {
  PlatformSocket,
  PlatformTlsInfo,
  PlatformTlsOptions,
  SocketAddress,
  SocketHandlers,
} from "../socket_types.ts";
import { tlsSessionInfo, type TlsSessionLike } from "../tls_info.ts";

type Listener = (...args: never[]) => void;

// Written after a write that stayed buffered: its callback runs once all
// before it is flushed.
const FLUSHED_MARK = new Uint8Array(0);

/** A `net.Socket` (or `tls.TLSSocket`), as far as it is used here. */
export interface NodeNetSocket extends Partial<TlsSessionLike> {
  on(event: string, listener: Listener): this;
  once(event: string, listener: Listener): this;
  off(event: string, listener: Listener): this;
  pause(): this;
  resume(): this;
  write(data: Uint8Array, callback?: (error?: Error | null) => void): boolean;
  end(): this;
  destroy(error?: Error): this;
  setNoDelay(noDelay?: boolean): this;
  readonly writableLength: number;
  readonly writableFinished: boolean;
  readonly writableEnded: boolean;
  readonly destroyed: boolean;
  readonly localAddress?: string;
  readonly localPort?: number;
  readonly remoteAddress?: string;
  readonly remotePort?: number;
  readonly encrypted?: boolean;
  readonly authorized?: boolean;
  readonly authorizationError?: Error | string;
}

/** A `net.Server` or `tls.Server`. */
export interface NodeServer {
  on(event: string, listener: Listener): this;
  once(event: string, listener: Listener): this;
  off(event: string, listener: Listener): this;
  listen(options: Record<string, unknown>): this;
  address(): { address: string; port: number } | string | null;
  close(): this;
}

/** The parts of `node:net` and `node:tls` used here. */
export interface NodeNet {
  net: {
    connect(options: Record<string, unknown>): NodeNetSocket;
    createServer(options: Record<string, unknown>): NodeServer;
    isIP(host: string): number;
  };
  tls: {
    connect(options: Record<string, unknown>): NodeNetSocket;
    createServer(options: Record<string, unknown>): NodeServer;
    TLSSocket: new(socket: NodeNetSocket, options: Record<string, unknown>) => NodeNetSocket;
    checkServerIdentity(host: string, cert: unknown): Error | undefined;
  };
}

let modules: NodeNet | undefined;

/** `node:net` and `node:tls`, loaded on first use. */
export function nodeNet(): NodeNet {
  if (modules) return modules;
  const proc = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process;
  const net = proc?.getBuiltinModule?.("node:net") as NodeNet["net"] | undefined;
  const tls = proc?.getBuiltinModule?.("node:tls") as NodeNet["tls"] | undefined;
  if (!net || !tls) {
    throw new RuntimeError("Sockets need process.getBuiltinModule (Node 20.16 or later)");
  }
  return modules = { net, tls };
}

/** What kind of socket a `NodeSocket` wraps. */
export type NodeSocketKind = "tcp" | "unix" | "tls";

/** A Node socket as a `PlatformSocket`. */
export class NodeSocket implements PlatformSocket {
  #socket: NodeNetSocket;
  #kind: NodeSocketKind;
  #handlers: SocketHandlers = NO_HANDLERS;
  #started = false;
  #paused = true;
  // close() or abort() was called: no more data or end for the owner.
  #closing = false;
  #owesDrain = false;
  #error: Error | null = null;
  // Closed before the first resume(): onClose waits for it.
  #heldClose = false;
  #done = false;
  // Moved into a TLS socket by startTls(): events are no longer ours.
  #detached = false;
  #tlsInfo: PlatformTlsInfo | null = null;
  readonly localAddress: SocketAddress | undefined;
  readonly remoteAddress: SocketAddress | undefined;
  /** Node hands out a fresh `Buffer` per read. */
  readonly dataIsOwned = true;
  readonly #afterWrite = (): void => {
    if (this.#owesDrain && this.#socket.writableLength === 0 && !this.#done) {
      this.#owesDrain = false;
      if (!this.#closing) this.#handlers.onDrain();
    }
  };

  /**
   * Wraps a connected socket; `unixPath` is the path of a Unix socket and
   * `accepted` tells on which side of it this one is.
   */
  constructor(socket: NodeNetSocket, kind: NodeSocketKind, unixPath?: string, accepted = false) {
    this.#socket = socket;
    this.#kind = kind;
    const [local, remote] = socketAddresses(socket, unixPath, accepted);
    this.localAddress = local;
    this.remoteAddress = remote;
    socket.pause();
    socket.on("data", (data: Uint8Array) => {
      if (!this.#closing && !this.#detached) this.#handlers.onData(data);
    });
    socket.on("end", () => {
      if (!this.#closing && !this.#detached) this.#handlers.onEnd();
    });
    socket.on("error", (error: Error) => {
      this.#error ??= toOSError(error);
    });
    socket.on("close", () => {
      if (this.#detached) return;
      if (this.#started) this.#finish();
      else this.#heldClose = true;
    });
  }

  /** The owner is ready for events: the first `resume()`, `close()` or `abort()`. */
  #start(): void {
    if (this.#started) return;
    this.#started = true;
    // Node's events are already asynchronous; a close that came first is too.
    if (this.#heldClose) queueMicrotask(() => this.#finish());
  }

  #finish(): void {
    if (this.#done) return;
    this.#done = true;
    const handlers = this.#handlers;
    this.#handlers = NO_HANDLERS;
    handlers.onClose(this.#error);
  }

  setHandlers(handlers: SocketHandlers): void {
    if (!this.#done) this.#handlers = handlers;
  }

  pause(): void {
    if (this.#paused) return;
    this.#paused = true;
    this.#socket.pause();
  }

  resume(): void {
    this.#start();
    if (!this.#paused || this.#closing) return;
    this.#paused = false;
    this.#socket.resume();
  }

  write(data: Uint8Array): boolean {
    const socket = this.#socket;
    if (this.#closing || socket.writableEnded || socket.destroyed) return true;
    if (this.#owesDrain || this.#kind === "tls") {
      socket.write(data, this.#afterWrite);
      if (socket.writableLength === 0) return true;
      this.#owesDrain = true;
      return false;
    }
    // Most writes reach the OS at once: no callback (see the module notes).
    socket.write(data);
    if (socket.writableLength === 0) return true;
    this.#owesDrain = true;
    socket.write(FLUSHED_MARK, this.#afterWrite);
    return false;
  }

  get bufferedAmount(): number {
    return this.#closing && this.#socket.destroyed ? 0 : this.#socket.writableLength;
  }

  get canEnd(): boolean {
    return this.#kind !== "tls";
  }

  end(): void {
    if (this.#closing || this.#socket.writableEnded) return;
    this.#socket.end();
  }

  close(): void {
    if (this.#closing) return;
    this.#closing = true;
    this.#start();
    const socket = this.#socket;
    if (socket.destroyed) return;
    if (socket.writableFinished || socket.writableLength === 0) {
      socket.destroy();
      return;
    }
    // Written data goes out first; then both directions close.
    socket.once("finish", () => socket.destroy());
    if (!socket.writableEnded) socket.end();
  }

  abort(): void {
    this.#closing = true;
    this.#start();
    this.#socket.destroy();
  }

  setNoDelay(enabled: boolean): void {
    if (this.#kind !== "unix") this.#socket.setNoDelay(enabled);
  }

  tlsInfo(): PlatformTlsInfo | null {
    if (this.#kind !== "tls") return null;
    return this.#tlsInfo ??= tlsSessionInfo(this.#socket as NodeNetSocket & TlsSessionLike);
  }

  startTls(options: PlatformTlsOptions & { serverSide: boolean }): Promise<PlatformSocket> {
    if (this.#closing || this.#done || this.#socket.destroyed) {
      return Promise.reject(new RuntimeError("Cannot start TLS: the socket is closed"));
    }
    this.pause();
    this.#detached = true;
    const plain = this.#socket;
    const { tls } = nodeNet();
    const secure = options.serverSide
      ? new tls.TLSSocket(plain, { isServer: true, ...serverOptions(options) })
      : tls.connect({ socket: plain, ...clientOptions(options, undefined) });
    const unixPath = this.#kind === "unix"
      ? (typeof this.localAddress === "string" && this.localAddress) || String(this.remoteAddress)
      : undefined;
    const accepted = unixPath !== undefined && this.localAddress === unixPath;
    return handshake(secure, options.serverSide, "handshake").then(
      () => new NodeSocket(secure, "tls", unixPath, accepted),
    );
  }
}

/** `tls.connect()` options for client-side settings. */
export function clientOptions(
  options: PlatformTlsOptions,
  host: string | undefined,
): Record<string, unknown> {
  const name = options.serverName ?? host;
  const result: Record<string, unknown> = {
    ca: options.caCerts,
    cert: options.cert,
    key: options.key,
    ALPNProtocols: options.alpnProtocols,
    rejectUnauthorized: options.rejectUnauthorized ?? true,
  };
  if (name !== undefined) {
    // SNI carries names only; an address is still checked against the certificate.
    if (nodeNet().net.isIP(name) === 0) result.servername = name;
    else {result.checkServerIdentity = (_: string, cert: unknown) =>
        nodeNet().tls.checkServerIdentity(name, cert);}
  }
  return result;
}

/** `tls.createServer()` / server `TLSSocket` options. */
export function serverOptions(options: PlatformTlsOptions): Record<string, unknown> {
  const requestCert = options.caCerts !== undefined;
  return {
    cert: options.cert,
    key: options.key,
    ca: options.caCerts,
    ALPNProtocols: options.alpnProtocols,
    requestCert,
    rejectUnauthorized: requestCert && (options.rejectUnauthorized ?? true),
  };
}

/** Waits for a TLS socket's handshake; on failure destroys it and rejects with an `errors.ts` class. */
export function handshake(
  socket: NodeNetSocket,
  serverSide: boolean,
  syscall: string,
  context?: { address?: string; port?: number },
): Promise<void> {
  socket.pause();
  const event = serverSide ? "secure" : "secureConnect";
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      socket.off(event, onSecure);
      socket.off("close", onClose);
      socket.destroy();
      reject(toOSError(error, { syscall, ...context }));
    };
    const onClose = () =>
      onError(
        Object.assign(new Error("Connection closed during the TLS handshake"), {
          code: "ECONNRESET",
        }),
      );
    const onSecure = () => {
      socket.off("error", onError);
      socket.off("close", onClose);
      resolve();
    };
    socket.once("error", onError);
    socket.once("close", onClose);
    socket.once(event, onSecure);
  });
}

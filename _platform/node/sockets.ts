/**
 * Node adapter of the socket interface (`../socket_types.ts`): TCP and Unix
 * sockets over `node:net`, TLS over `node:tls`, each connection wrapped by
 * `NodeSocket` (`socket.ts`). Node's modules are reached through
 * `process.getBuiltinModule`, so nothing here is imported on other runtimes.
 *
 * Notes on Node:
 *
 * - Every socket is made with `allowHalfOpen` (half-close as asyncio's
 *   `write_eof()`); plain listeners use `pauseOnConnect`, so nothing is read
 *   before the owner's first `resume()`.
 * - Connections that arrive before `accept()` is called wait, paused, and are
 *   handed over by `accept()` (asyncio's `start_serving=False`).
 * - A TLS listener hands a connection over once its handshake is done; a
 *   failed handshake goes to `accept()`'s `onError`. A TLS server asks
 *   clients for a certificate only when `caCerts` is given (then a client
 *   without a valid one is refused unless `rejectUnauthorized: false`).
 * - libuv removes a Unix listener's socket file when the listener closes.
 * - `reusePort` needs Node 22.12 or later; earlier versions ignore it.
 *   `SO_REUSEADDR` is always set on TCP listeners by libuv.
 *
 * @module
 */
import { RuntimeError } from "../../errors.ts";
import { AcceptQueue } from "../accept_queue.ts";
import { toOSError } from "../os_errors.ts";
import type {
  ConnectOptions,
  ListenOptions,
  PlatformListener,
  PlatformSocket,
  PlatformSockets,
  SocketAddress,
} from "../socket_types.ts";
import {
  clientOptions,
  handshake,
  nodeNet,
  type NodeNetSocket,
  type NodeServer,
  NodeSocket,
  serverOptions,
} from "./socket.ts";

/** Stream sockets on Node. */
export const nodeSockets: PlatformSockets = { connect, listen };

function connect(options: ConnectOptions): Promise<PlatformSocket> {
  return new Promise((resolve, reject) => {
    const { signal, tls, path } = options;
    if (signal?.aborted) throw signal.reason;
    const { net, tls: nodeTls } = nodeNet();
    const host = options.host ?? "localhost";
    const port = options.port ?? 0;
    const context = path === undefined ? { address: host, port } : { address: path };
    const native: Record<string, unknown> = path === undefined
      ? { host, port, allowHalfOpen: true }
      : { path, allowHalfOpen: true };
    if (options.localAddress) {
      native.localAddress = options.localAddress[0];
      native.localPort = options.localAddress[1];
    }
    const socket: NodeNetSocket = tls
      ? nodeTls.connect({ ...native, ...clientOptions(tls, path === undefined ? host : undefined) })
      : net.connect(native);
    socket.pause();
    const onAbort = () => {
      socket.destroy();
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => signal?.removeEventListener("abort", onAbort);
    const wrap = () =>
      new NodeSocket(socket, tls ? "tls" : path === undefined ? "tcp" : "unix", path);
    if (tls) {
      handshake(socket, false, "connect", context).then(
        () => {
          done();
          if (!signal?.aborted) resolve(wrap());
        },
        (error) => {
          done();
          reject(error);
        },
      );
      return;
    }
    const onError = (error: Error) => {
      socket.off("connect", onConnect);
      done();
      socket.destroy();
      reject(toOSError(error, { syscall: "connect", ...context }));
    };
    const onConnect = () => {
      socket.off("error", onError);
      done();
      resolve(wrap());
    };
    socket.once("error", onError);
    socket.once("connect", onConnect);
  });
}

function listen(options: ListenOptions): Promise<PlatformListener> {
  return new Promise((resolve, reject) => {
    const { net, tls: nodeTls } = nodeNet();
    const { tls, path } = options;
    if (tls && (tls.cert === undefined || tls.key === undefined)) {
      throw new RuntimeError("A TLS listener needs a cert and a key");
    }
    // A TLS server reads its handshake: its sockets are paused once handed over.
    const server = tls
      ? nodeTls.createServer({ allowHalfOpen: true, ...serverOptions(tls) })
      : net.createServer({ allowHalfOpen: true, pauseOnConnect: true });
    const host = options.host ?? "0.0.0.0";
    const port = options.port ?? 0;
    const native: Record<string, unknown> = path === undefined
      ? { host, port, backlog: options.backlog ?? 100 }
      : { path, backlog: options.backlog ?? 100 };
    if (options.reusePort && path === undefined) native.reusePort = true;
    const listener = new Listener(server, tls !== undefined, path);
    const onError = (error: Error) => {
      server.off("listening", onListening);
      reject(
        toOSError(
          error,
          path === undefined
            ? { syscall: "bind", address: host, port }
            : { syscall: "bind", address: path },
        ),
      );
    };
    const onListening = () => {
      server.off("error", onError);
      listener.listening();
      resolve(listener);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(native);
  });
}

/** A `net.Server` or `tls.Server` as a `PlatformListener`. */
class Listener implements PlatformListener {
  #server: NodeServer;
  #path: string | undefined;
  readonly #queue = new AcceptQueue();
  address: SocketAddress = "";

  constructor(server: NodeServer, tls: boolean, path: string | undefined) {
    this.#server = server;
    this.#path = path;
    const take = (socket: NodeNetSocket) => {
      if (this.#queue.closed) {
        socket.destroy();
        return;
      }
      const wrapped = new NodeSocket(
        socket,
        tls ? "tls" : path === undefined ? "tcp" : "unix",
        path,
        true,
      );
      this.#queue.take(wrapped);
    };
    if (tls) {
      server.on("secureConnection", take);
      server.on("tlsClientError", (error: Error, socket: NodeNetSocket) => {
        socket.destroy();
        if (!this.#queue.closed) this.#queue.failed(toOSError(error, { syscall: "handshake" }));
      });
    } else {
      server.on("connection", take);
    }
    server.on("error", (error: Error) => {
      if (!this.#queue.closed) this.#queue.failed(toOSError(error, { syscall: "accept" }));
    });
  }

  /** Reads the bound address once the server listens. */
  listening(): void {
    const address = this.#server.address();
    if (this.#path !== undefined) this.address = this.#path;
    else if (address && typeof address === "object") this.address = [address.address, address.port];
  }

  accept(onConnection: (socket: PlatformSocket) => void, onError: (error: Error) => void): void {
    this.#queue.accept(onConnection, onError);
  }

  close(): void {
    if (!this.#queue.close()) return;
    this.#server.close();
    this.#queue.abortWaiting();
  }
}

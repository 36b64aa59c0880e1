/**
 * Deno adapter of the socket interface (`../socket_types.ts`): TCP and Unix
 * sockets over `Deno.connect`/`Deno.listen`, TLS servers over
 * `Deno.listenTls`, each connection wrapped by `DenoSocket`.
 *
 * What Deno cannot do, and what is done instead:
 *
 * - A client TLS handshake in Deno (`Deno.connectTls`, `Deno.startTls`)
 *   cannot be aborted: closing the connection while the server has not
 *   answered leaves the TCP socket open and the op pending (Deno 2.9). Deno
 *   also verifies always, takes client certificates only in
 *   `Deno.connectTls` (which takes no signal) and does not tell the peer's
 *   certificate or the cipher. So a client TLS connection is `Deno.connect`
 *   (which takes the signal) with `node:tls` running over it
 *   (`tls_upgrade.ts`): the abort closes the TCP socket at any point, and
 *   `rejectUnauthorized`, client certificates, `peerCertificate` and
 *   `cipher` all work. The handshake ends before `connect` resolves, so a
 *   refused certificate rejects `connect`.
 * - Servers use `Deno.listenTls`, which cannot ask clients for a
 *   certificate (a server's `caCerts` is not used) and does not tell the
 *   client's certificate or the cipher: `tlsInfo()` of accepted sockets
 *   gives `undefined` for both (the ALPN protocol is known). A handshake
 *   still pending when the listener closes ends only when the client goes.
 * - `startTls()` on a connected socket (both sides) uses `node:tls` too:
 *   Deno has no server-side upgrade, and its client one fails on a socket
 *   with a read pending, which cannot be cancelled.
 * - Closing a listener with an accept pending releases Deno's listening
 *   socket only when that op ends, in the next turn of the event loop: a
 *   `connect` of this process started meanwhile waits for it, so that it is
 *   refused, not reset.
 * - A peer's reset reads as end of input in Deno; `DenoSocket` tells them
 *   apart (see `socket.ts`).
 * - `Deno.connect` cannot bind a local address first: `localAddress` makes
 *   `connect` reject with a `RuntimeError`.
 * - `reuseAddress`/`reusePort` are not offered by `Deno.listen` (Deno sets
 *   `SO_REUSEADDR` on TCP listeners itself on Unix); they are ignored.
 * - A Unix listener leaves its socket file alone, before binding and at
 *   close: `../socket_files.ts` serves the stale-file and `cleanup_socket`
 *   rules of `streams/`.
 *
 * @module
 */
import { RuntimeError } from "../../errors.ts";
import { toOSError } from "../os_errors.ts";
import type {
  ConnectOptions,
  ListenOptions,
  PlatformListener,
  PlatformSocket,
  PlatformSockets,
  SocketAddress,
} from "../socket_types.ts";
import { type DenoConn, type DenoListener, denoNet, fromDenoAddr } from "./net_api.ts";
import { type DenoConnKind, DenoSocket } from "./socket.ts";
import { upgradeToTls } from "./tls_upgrade.ts";

/** Stream sockets on Deno. */
export const denoSockets: PlatformSockets = { connect, listen };

async function connect(options: ConnectOptions): Promise<PlatformSocket> {
  const deno = denoNet();
  const { signal, tls } = options;
  signal?.throwIfAborted();
  // So that a listener closed just before refuses this connection.
  if (closingListeners.size > 0) await Promise.all(closingListeners);
  if (options.path !== undefined) {
    const context = { syscall: "connect", address: options.path };
    // Deno's Unix connect takes no signal: close what an abort left behind.
    const conn = await abortable(deno.connect({ transport: "unix", path: options.path }), signal)
      .catch((e) => {
        throw toOSError(e, context);
      });
    return new DenoSocket(conn, "unix");
  }
  if (options.localAddress !== undefined) {
    throw new RuntimeError(
      `Cannot bind the local address ${options.localAddress.join(":")} before connecting: `
        + "Deno.connect has no such option",
    );
  }
  const host = options.host ?? "localhost";
  const port = options.port ?? 0;
  const context = { syscall: "connect", address: host, port };
  let conn: DenoConn;
  try {
    conn = await deno.connect({ hostname: host, port, signal });
  } catch (e) {
    if (signal?.aborted) throw signal.reason;
    throw toOSError(e, context);
  }
  if (!tls) return new DenoSocket(conn, "tcp");
  // TLS runs through node:tls over the Deno connection (see the module notes).
  conn.setNoDelay?.(true);
  const plain = new DenoSocket(conn, "tcp");
  const onAbort = () => plain.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    return await upgradeToTls(plain, {
      ...tls,
      serverName: tls.serverName ?? host,
      serverSide: false,
    });
  } catch (e) {
    if (signal?.aborted) throw signal.reason;
    throw e;
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
}

/** Awaits a connect that takes no signal; on abort, rejects and closes what it gives. */
function abortable(pending: Promise<DenoConn>, signal: AbortSignal | undefined): Promise<DenoConn> {
  if (!signal) return pending;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    pending.then(
      (conn) => {
        signal.removeEventListener("abort", onAbort);
        if (signal.aborted) closeQuietly(conn);
        else resolve(conn);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}

function closeQuietly(conn: { close(): void }): void {
  try {
    conn.close();
  } catch {
    // already closed
  }
}

function listen(options: ListenOptions): Promise<PlatformListener> {
  return new Promise((resolve) => resolve(listenNow(options)));
}

function listenNow(options: ListenOptions): PlatformListener {
  const deno = denoNet();
  const backlog = options.backlog ?? 100;
  if (options.path !== undefined) {
    const path = options.path;
    try {
      return new Listener(deno.listen({ transport: "unix", path }), "unix");
    } catch (e) {
      throw toOSError(e, { syscall: "bind", address: path });
    }
  }
  const hostname = options.host ?? "0.0.0.0";
  const port = options.port ?? 0;
  const { tls } = options;
  try {
    const listener = tls
      ? deno.listenTls({
        hostname,
        port,
        cert: tls.cert ?? "",
        key: tls.key ?? "",
        alpnProtocols: tls.alpnProtocols,
        tcpBacklog: backlog,
      })
      : deno.listen({ hostname, port, tcpBacklog: backlog });
    return new Listener(listener, tls ? "tls" : "tcp");
  } catch (e) {
    throw toOSError(e, { syscall: "bind", address: hostname, port });
  }
}

/** Listening sockets closed while an accept was pending, until Deno releases them. */
const closingListeners = new Set<Promise<void>>();

function noop(): void {}

/** A Deno listener as a `PlatformListener`. */
class Listener implements PlatformListener {
  #listener: DenoListener;
  #kind: DenoConnKind;
  #closed = false;
  #accepting = false;
  #pendingAccept: Promise<DenoConn> | null = null;
  #handshaking = new Set<DenoConn>();
  #retry: ReturnType<typeof setTimeout> | undefined;
  readonly address: SocketAddress;

  constructor(listener: DenoListener, kind: DenoConnKind) {
    this.#listener = listener;
    this.#kind = kind;
    this.address = fromDenoAddr(listener.addr);
  }

  accept(onConnection: (socket: PlatformSocket) => void, onError: (error: Error) => void): void {
    if (this.#accepting) {
      throw new RuntimeError("Cannot accept: the listener is already accepting");
    }
    this.#accepting = true;
    void this.#acceptLoop(onConnection, onError);
  }

  async #acceptLoop(
    onConnection: (socket: PlatformSocket) => void,
    onError: (error: Error) => void,
  ): Promise<void> {
    while (!this.#closed) {
      let conn: DenoConn;
      try {
        const pending = this.#pendingAccept = this.#listener.accept();
        conn = await pending;
      } catch (e) {
        if (this.#closed) return;
        onError(toOSError(e, { syscall: "accept" }));
        // asyncio waits a second after a failed accept (EMFILE, ...) before the next.
        await new Promise<void>((resolve) => this.#retry = setTimeout(resolve, 1000));
        continue;
      }
      if (this.#closed) {
        closeQuietly(conn);
        return;
      }
      if (this.#kind === "tls") void this.#finishHandshake(conn, onConnection, onError);
      else onConnection(new DenoSocket(conn, this.#kind));
    }
  }

  async #finishHandshake(
    conn: DenoConn,
    onConnection: (socket: PlatformSocket) => void,
    onError: (error: Error) => void,
  ): Promise<void> {
    this.#handshaking.add(conn);
    let alpn: string | null;
    try {
      alpn = (await conn.handshake!()).alpnProtocol;
    } catch (e) {
      closeQuietly(conn);
      if (!this.#closed) onError(toOSError(e, { syscall: "handshake" }));
      return;
    } finally {
      this.#handshaking.delete(conn);
    }
    if (this.#closed) closeQuietly(conn);
    else onConnection(new DenoSocket(conn, "tls", alpn));
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#retry);
    closeQuietly(this.#listener);
    // A pending accept keeps Deno's listening socket open until that op ends,
    // in the next turn of the event loop: connects of this process wait for it.
    const pending = this.#pendingAccept;
    if (pending !== null) {
      const released: Promise<void> = pending.then(noop, noop);
      closingListeners.add(released);
      void released.then(() => closingListeners.delete(released));
    }
    // Connections still in their handshake were not handed out: nobody else closes them.
    for (const conn of this.#handshaking) closeQuietly(conn);
  }
}

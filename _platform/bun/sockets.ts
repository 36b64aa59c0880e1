/**
 * Bun adapter of the socket interface (`../socket_types.ts`): TCP, Unix and
 * TLS sockets over `Bun.connect`/`Bun.listen`, each wrapped by `BunSocket`
 * (`socket.ts`), STARTTLS over `socket.upgradeTLS()`.
 *
 * What Bun does differently, and what is done about it:
 *
 * - Bun's TLS client does not refuse an unverified server by itself (it
 *   reports `authorized: false` and goes on): the handshake callback checks
 *   the chain (`getAuthorizationError`) and the name
 *   (`node:tls`'s `checkServerIdentity`, reached through
 *   `process.getBuiltinModule`) and fails the connect as Node would.
 * - `Bun.connect` takes no `AbortSignal`: an abort rejects at once and ends
 *   the socket when (or if) it opens; a TLS handshake is cut off.
 * - ALPN lists are given to Bun in their wire format.
 * - `Bun.listen` has no `backlog`: it is ignored.
 * - `Bun.listen`'s `stop()` removes a Unix listener's socket file.
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
  PlatformTlsOptions,
  SocketAddress,
} from "../socket_types.ts";
import { type BunNativeSocket, type BunOwner, BunSocket, HANDLERS, setStartTls } from "./socket.ts";

interface BunListener {
  stop(closeActiveConnections?: boolean): void;
  readonly hostname?: string;
  readonly port?: number;
}

interface BunNet {
  connect(options: Record<string, unknown>): Promise<BunNativeSocket>;
  listen(options: Record<string, unknown>): BunListener;
}

function bunNet(): BunNet {
  return (globalThis as unknown as { Bun: BunNet }).Bun;
}

interface Tls {
  checkServerIdentity(host: string, cert: unknown): Error | undefined;
  isIP?: never;
}

function nodeTls(): Tls | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process;
  return proc?.getBuiltinModule?.("node:tls") as Tls | undefined;
}

/** An ALPN list in its wire format (length-prefixed names). */
function alpnWire(protocols: readonly string[] | undefined): Uint8Array | undefined {
  if (!protocols?.length) return undefined;
  const names = protocols.map((p) => new TextEncoder().encode(p));
  const wire = new Uint8Array(names.reduce((n, b) => n + 1 + b.byteLength, 0));
  let at = 0;
  for (const name of names) {
    wire[at++] = name.byteLength;
    wire.set(name, at);
    at += name.byteLength;
  }
  return wire;
}

const IP = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)$/i;

function clientTls(options: PlatformTlsOptions, host: string | undefined): Record<string, unknown> {
  const name = options.serverName ?? host;
  const tls: Record<string, unknown> = {
    ca: options.caCerts,
    cert: options.cert,
    key: options.key,
    ALPNProtocols: alpnWire(options.alpnProtocols),
    // Verified in the handshake callback (Bun does not refuse by itself).
    rejectUnauthorized: false,
  };
  if (name !== undefined && !IP.test(name)) tls.serverName = name;
  return tls;
}

function serverTls(options: PlatformTlsOptions, isServer?: boolean): Record<string, unknown> {
  const requestCert = options.caCerts !== undefined;
  const tls: Record<string, unknown> = {
    cert: options.cert,
    key: options.key,
    ca: options.caCerts,
    ALPNProtocols: alpnWire(options.alpnProtocols),
    requestCert,
    rejectUnauthorized: requestCert && (options.rejectUnauthorized ?? true),
  };
  if (isServer) tls.isServer = true;
  return tls;
}

/** Why a client must refuse the server it shook hands with, or `null`. */
function refusal(
  s: BunNativeSocket,
  options: PlatformTlsOptions,
  host: string | undefined,
  error: Error | null,
): Error | null {
  if (options.rejectUnauthorized === false) return null;
  if (error) return error;
  const name = options.serverName ?? host;
  if (name === undefined) return null;
  const check = nodeTls()?.checkServerIdentity;
  return check?.(name, s.getPeerCertificate()) ?? null;
}

/** A client connect (and TLS handshake) in progress. */
class Connecting implements BunOwner {
  #resolve: (socket: PlatformSocket) => void;
  #reject: (error: unknown) => void;
  #settled = false;
  #socket: BunNativeSocket | undefined;

  constructor(
    readonly options: ConnectOptions,
    readonly context: { syscall: string; address?: string; port?: number },
    resolve: (socket: PlatformSocket) => void,
    reject: (error: unknown) => void,
  ) {
    this.#resolve = resolve;
    this.#reject = reject;
  }

  nativeOpen(s: BunNativeSocket): void {
    this.#socket = s;
    if (this.#settled) return s.end();
    if (!this.options.tls) {
      s.pause();
      this.#done(
        new BunSocket(s, this.options.path === undefined ? "tcp" : "unix", this.options.path),
      );
    }
  }

  nativeHandshake(s: BunNativeSocket, success: boolean, error: Error | null): void {
    s.pause();
    if (this.#settled) return s.end();
    const tls = this.options.tls!;
    const host = this.options.path === undefined ? this.options.host ?? "localhost" : undefined;
    const refused = success
      ? refusal(s, tls, host, error)
      : error ?? new Error("TLS handshake failed");
    if (refused) {
      this.fail(toOSError(refused, this.context));
      s.end();
      return;
    }
    this.#done(new BunSocket(s, "tls", this.options.path));
  }

  nativeError(_s: BunNativeSocket, error: Error): void {
    this.fail(toOSError(error, this.context));
  }

  nativeClose(_s: BunNativeSocket, error?: Error): void {
    this.fail(
      toOSError(
        error
          ?? Object.assign(new Error("Connection closed during the TLS handshake"), {
            code: "ECONNRESET",
          }),
        this.context,
      ),
    );
  }

  #done(socket: BunSocket): void {
    this.#settled = true;
    this.#resolve(socket);
  }

  /** Rejects the connect (once); an opened socket is ended. */
  fail(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#reject(error);
    this.#socket?.end();
  }
}

function connect(options: ConnectOptions): Promise<PlatformSocket> {
  return new Promise((resolve, reject) => {
    const { signal, tls, path } = options;
    signal?.throwIfAborted();
    const host = options.host ?? "localhost";
    const context = path === undefined
      ? { syscall: "connect", address: host, port: options.port ?? 0 }
      : { syscall: "connect", address: path };
    const onAbort = () => pending.fail(signal!.reason);
    const pending = new Connecting(options, context, (socket) => {
      signal?.removeEventListener("abort", onAbort);
      resolve(socket);
    }, (error) => {
      signal?.removeEventListener("abort", onAbort);
      reject(error);
    });
    signal?.addEventListener("abort", onAbort, { once: true });
    const native: Record<string, unknown> = path === undefined
      ? { hostname: host, port: options.port ?? 0 }
      : { unix: path };
    if (options.localAddress && path === undefined) {
      native.localAddress = options.localAddress[0];
      native.localPort = options.localAddress[1];
    }
    native.allowHalfOpen = true;
    native.socket = HANDLERS;
    native.data = pending;
    if (tls) native.tls = clientTls(tls, path === undefined ? host : undefined);
    bunNet().connect(native).catch((error) => pending.fail(toOSError(error, context)));
  });
}

function listen(options: ListenOptions): Promise<PlatformListener> {
  return new Promise((resolve) => resolve(new Listener(options)));
}

/** A TLS connection accepted and still in its handshake. */
class Accepting implements BunOwner {
  constructor(readonly listener: Listener) {}
  nativeHandshake(s: BunNativeSocket, success: boolean, error: Error | null): void {
    s.pause();
    if (!success) {
      s.end();
      this.listener.failed(
        toOSError(error ?? new Error("TLS handshake failed"), { syscall: "handshake" }),
      );
      return;
    }
    this.listener.take(new BunSocket(s, "tls"));
  }
  nativeError(_s: BunNativeSocket, error: Error): void {
    this.listener.failed(toOSError(error, { syscall: "handshake" }));
  }
}

/** A `Bun.listen` listener as a `PlatformListener`. */
class Listener implements PlatformListener {
  #native: BunListener;
  #path: string | undefined;
  readonly #queue = new AcceptQueue();
  readonly address: SocketAddress;

  constructor(options: ListenOptions) {
    const { tls, path } = options;
    if (tls && (tls.cert === undefined || tls.key === undefined)) {
      throw new RuntimeError("A TLS listener needs a cert and a key");
    }
    this.#path = path;
    const host = options.host ?? "0.0.0.0";
    const port = options.port ?? 0;
    const handlers = {
      ...HANDLERS,
      open: (s: BunNativeSocket) => {
        if (this.#queue.closed) return s.end();
        if (tls) {
          s.data = new Accepting(this);
          return;
        }
        s.pause();
        this.take(new BunSocket(s, path === undefined ? "tcp" : "unix", path, true));
      },
    };
    const native: Record<string, unknown> = path === undefined
      ? { hostname: host, port }
      : { unix: path };
    native.allowHalfOpen = true;
    native.socket = handlers;
    if (options.reusePort && path === undefined) native.reusePort = true;
    if (tls) native.tls = serverTls(tls);
    try {
      this.#native = bunNet().listen(native);
    } catch (e) {
      throw toOSError(
        e,
        path === undefined
          ? { syscall: "bind", address: host, port }
          : { syscall: "bind", address: path },
      );
    }
    this.address = path ?? [this.#native.hostname ?? host, this.#native.port ?? port];
  }

  /** Hands an accepted socket over, or keeps it until `accept()`. */
  take(socket: PlatformSocket): void {
    this.#queue.take(socket);
  }

  /** Reports a failed handshake. */
  failed(error: Error): void {
    this.#queue.failed(error);
  }

  accept(onConnection: (socket: PlatformSocket) => void, onError: (error: Error) => void): void {
    this.#queue.accept(onConnection, onError);
  }

  close(): void {
    if (!this.#queue.close()) return;
    this.#native.stop(false);
    this.#queue.abortWaiting();
  }
}

/** STARTTLS on a Bun socket through `upgradeTLS()`. */
function startTls(
  plain: BunSocket,
  options: PlatformTlsOptions & { serverSide: boolean },
): Promise<PlatformSocket> {
  if (plain.closed) {
    return Promise.reject(new RuntimeError("Cannot start TLS: the socket is closed"));
  }
  const unix = plain.unix;
  const remote = plain.remoteAddress;
  const host = Array.isArray(remote) ? remote[0] as string : undefined;
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown, s?: BunNativeSocket) => {
      if (settled) return;
      settled = true;
      reject(toOSError(error, { syscall: "handshake" }));
      s?.end();
    };
    const owner: BunOwner = {
      nativeHandshake(s, success, error) {
        s.pause();
        if (settled) return s.end();
        const refused = !success
          ? error ?? new Error("TLS handshake failed")
          : options.serverSide
          ? null
          : refusal(s, options, host, error);
        if (refused) return fail(refused, s);
        settled = true;
        resolve(new BunSocket(s, "tls", unix?.path, unix?.accepted));
      },
      nativeError: (s, error) => fail(error, s),
      nativeClose: (s, error) =>
        fail(
          error
            ?? Object.assign(new Error("Connection closed during the TLS handshake"), {
              code: "ECONNRESET",
            }),
          s,
        ),
    };
    const native = plain.detach();
    try {
      native.upgradeTLS({
        tls: options.serverSide ? serverTls(options, true) : clientTls(options, host),
        socket: HANDLERS,
        data: owner,
      });
    } catch (e) {
      fail(e, native);
    }
  });
}

setStartTls(startTls);

/** Stream sockets on Bun. */
export const bunSockets: PlatformSockets = { connect, listen };

/**
 * The push-shaped socket interface of DESIGN.md §9: what every runtime
 * adapter (`deno/sockets.ts`, `bun/sockets.ts`, `node/sockets.ts`) gives the
 * transports of `streams/`. A child's pipes have the same shape, so the
 * subprocess pipes reuse the stream transports.
 *
 * Rules every adapter keeps:
 *
 * - A socket (connected or accepted) starts **paused**: no handler is called
 *   until the first `resume()`, so the owner can attach its handlers first
 *   and nothing is read that nobody asked for.
 * - Handlers are called from host callbacks, never synchronously inside a
 *   method of the socket (`write()`, `resume()`, `close()` never call back
 *   before they return).
 * - `onClose` is called exactly once, last; no handler is called after it.
 *   `close()` and `abort()` also count as the owner being ready: a socket
 *   closed without ever being resumed still gets its `onClose`.
 * - Failures reach the owner as `errors.ts` classes with the same `code` on
 *   every runtime (`ConnectionRefusedError` / `"ECONNREFUSED"`,
 *   `ConnectionResetError` / `"ECONNRESET"`, `BrokenPipeError` / `"EPIPE"`,
 *   `FileNotFoundError` / `"ENOENT"`, `OSError` with the resolver's code for
 *   an unknown host, ...). Promise-returning calls reject with them.
 * - Nothing here keeps the process alive once every socket and listener is
 *   closed.
 *
 * @module
 */

/** Where a socket is bound or connected: `[host, port]` for TCP, a path for Unix sockets. */
export type SocketAddress = readonly [host: string, port: number] | string;

/** TLS settings (the public `TlsOptions` of `streams/`, as the adapters take them). */
export interface PlatformTlsOptions {
  /** PEM certificates of the authorities to trust (default: the system's). */
  caCerts?: string[];
  /** PEM certificate chain presented by this side (a server's, or a client's). */
  cert?: string;
  /** PEM private key of `cert`. */
  key?: string;
  /** Name to verify the server's certificate against and send as SNI (client side). */
  serverName?: string;
  /** ALPN protocols offered (client) or accepted (server), most preferred first. */
  alpnProtocols?: string[];
  /** Verify the peer's certificate (client side; default `true`). */
  rejectUnauthorized?: boolean;
}

/** What is known of a TLS session, for `getExtraInfo("peercert" | "cipher" | ...)`. */
export interface PlatformTlsInfo {
  /**
   * The peer's certificate in Python's `getpeercert()` shape (`subject`,
   * `issuer`, `notBefore`, `notAfter`, `subjectAltName`, `serialNumber`),
   * `null` when the peer sent none, `undefined` when the runtime cannot tell.
   */
  peerCertificate: Record<string, unknown> | null | undefined;
  /** `[name, protocol version, secret bits]`, or `undefined` when the runtime cannot tell. */
  cipher: readonly [string, string, number] | undefined;
  /** The negotiated ALPN protocol, or `null`. */
  alpnProtocol: string | null;
}

/** The callbacks a socket pushes its events into. */
export interface SocketHandlers {
  /**
   * Bytes arrived. `data` may be a view of a buffer the adapter reuses after
   * the call returns: copy what you keep.
   */
  onData(data: Uint8Array): void;
  /** The peer ended its write side (end of input); reading is over. */
  onEnd(): void;
  /** Everything `write()` accepted has been handed to the OS. */
  onDrain(): void;
  /**
   * The socket is closed; `error` is why when it failed (an `errors.ts`
   * class), else `null`. Called once, last.
   */
  onClose(error: Error | null): void;
}

/** A connected stream socket (TCP, Unix, TLS) or a child process's pipe. */
export interface PlatformSocket {
  /** Sets the callbacks; call before the first `resume()`. */
  setHandlers(handlers: SocketHandlers): void;
  /** Stops delivering `onData`/`onEnd` (the OS buffers; the peer is slowed by backpressure). */
  pause(): void;
  /** Starts or restarts delivery. */
  resume(): void;
  /**
   * Queues `data` (the caller must not change it afterwards). Returns `true`
   * when all of it was handed to the OS, `false` when some is still buffered
   * here: `onDrain` follows when the buffer empties.
   */
  write(data: Uint8Array): boolean;
  /** Bytes accepted by `write()` and not yet handed to the OS. */
  readonly bufferedAmount: number;
  /** Whether `end()` is possible (half-close: TCP and Unix yes, TLS per runtime, pipes no). */
  readonly canEnd: boolean;
  /** Closes the write side once buffered data is out (half-close); reading goes on. */
  end(): void;
  /** Closes gracefully: buffered data is written first, then `onClose(null)`. */
  close(): void;
  /** Closes at once, dropping buffered data; `onClose(null)` follows. */
  abort(): void;
  /** This side's address (`undefined` for pipes). */
  readonly localAddress: SocketAddress | undefined;
  /** The peer's address (`undefined` for pipes). */
  readonly remoteAddress: SocketAddress | undefined;
  /** Sets `TCP_NODELAY` (no-op for other kinds). */
  setNoDelay(enabled: boolean): void;
  /** The TLS session, or `null` for a plain socket. */
  tlsInfo(): PlatformTlsInfo | null;
  /**
   * `true` when the arrays `onData` gets are never reused by the adapter
   * (Node's and Bun's fresh buffers): the owner may keep them without a
   * copy. Absent or `false`: copy what you keep (Deno's reused read
   * buffer). Added by the streams area (optional: adapters that leave it
   * out just cost the reader one copy per chunk).
   */
  readonly dataIsOwned?: boolean;
  /**
   * The owner says whether it copies every array `onData` gives it before
   * `onData` returns (a `BufferedProtocol` copies into its own buffer).
   * Then an adapter that would allocate a fresh array per read (Deno's) may
   * read into one reused buffer instead, and `dataIsOwned` is `false` while
   * it does. Optional: adapters whose runtime allocates per read anyway
   * leave it out.
   */
  setOwnerCopies?(copies: boolean): void;
  /**
   * Upgrades this plain socket to TLS (STARTTLS) and resolves to the TLS
   * socket; this one must not be used afterwards, and its handlers are not
   * called again (not even `onClose`: closing the TLS socket closes the
   * connection). Pending unread input stays with the new socket. The new
   * socket starts paused. Pause this one before the peer can start its
   * handshake (asyncio's `start_tls()` pauses reading too).
   */
  startTls(options: PlatformTlsOptions & { serverSide: boolean }): Promise<PlatformSocket>;
}

/** Where and how to connect. */
export interface ConnectOptions {
  /** Host name or address (TCP), ignored for Unix. */
  host?: string;
  /** Port (TCP). */
  port?: number;
  /** Path of a Unix socket. */
  path?: string;
  /** Local `[host, port]` to bind before connecting (TCP). */
  localAddress?: readonly [string, number];
  /** TLS client settings: connect with TLS. */
  tls?: PlatformTlsOptions;
  /** Aborts a pending connect (DNS, TCP handshake, TLS handshake); the socket is closed. */
  signal?: AbortSignal;
}

/** Where and how to listen. */
export interface ListenOptions {
  /** Host name or address to bind (TCP; default all interfaces). */
  host?: string;
  /** Port (TCP; 0 picks a free one). */
  port?: number;
  /** Path of a Unix socket. */
  path?: string;
  /** Pending connection queue length (default 100, asyncio's). */
  backlog?: number;
  /** `SO_REUSEADDR` (TCP). */
  reuseAddress?: boolean;
  /** `SO_REUSEPORT` (TCP; where the runtime supports it). */
  reusePort?: boolean;
  /** TLS server settings (`cert` and `key` required): accepted sockets speak TLS. */
  tls?: PlatformTlsOptions;
}

/** A listening socket. */
export interface PlatformListener {
  /** The bound address (with the port picked for port 0). */
  readonly address: SocketAddress;
  /**
   * Starts accepting: each new connection is handed to `onConnection`,
   * paused. Failures of single accepts that do not end the listener are
   * given to `onError`.
   */
  accept(onConnection: (socket: PlatformSocket) => void, onError: (error: Error) => void): void;
  /** Closes the listening socket (idempotent); connections already accepted stay open. */
  close(): void;
}

/** What a runtime offers for stream sockets. */
export interface PlatformSockets {
  /** Connects over TCP (with `tls`, TLS over TCP) or to a Unix socket (`path`). */
  connect(options: ConnectOptions): Promise<PlatformSocket>;
  /** Listens on TCP (with `tls`, accepting TLS) or on a Unix socket (`path`). */
  listen(options: ListenOptions): Promise<PlatformListener>;
}

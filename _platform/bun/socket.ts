/**
 * One Bun socket (`Bun.connect`/`Bun.listen`'s callback sockets) as a
 * `PlatformSocket` (`../socket_types.ts`), and the part of Bun's socket API
 * the Bun adapter uses, typed locally.
 *
 * Bun calls one set of handlers for every socket, with the socket; each
 * native socket's `data` field points at what owns it (`BunSocket`, or a
 * connect or handshake still in progress), and `HANDLERS` forwards to it.
 *
 * What Bun does differently, and what is done about it:
 *
 * - `write()` takes what the OS takes and returns the count; the rest is kept
 *   here and written on `drain` (small queued chunks are joined first).
 * - `end()` closes at once (it is no half-close even with `allowHalfOpen`):
 *   half-close is `shutdown()`; `close()` and `abort()` end the socket once
 *   (respectively without) the queue is written. `terminate()` is not used:
 *   it resets the connection, which asyncio's `abort()` does not.
 * - Bun may call `close` from inside `end()`: `onClose` is always delivered
 *   from a microtask, never inside a method.
 * - After its own `shutdown()`, Bun reports the peer's end as `close` with no
 *   `end` first: `onEnd` is supplied before a clean `onClose` then.
 * - Data is a fresh `Buffer` per read (`dataIsOwned`).
 *
 * @module
 */
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
import { joinQueued } from "../write_join.ts";

/** A Bun `Socket` (TCP, Unix or TLS), as far as it is used here. */
export interface BunNativeSocket extends TlsSessionLike {
  data: BunOwner;
  write(data: Uint8Array): number;
  end(): void;
  shutdown(halfClose?: boolean): void;
  pause(): void;
  resume(): void;
  setNoDelay(enabled?: boolean): boolean;
  upgradeTLS(options: {
    tls: Record<string, unknown>;
    socket: typeof HANDLERS;
    data: BunOwner;
  }): [BunNativeSocket, BunNativeSocket];
  readonly localAddress?: string;
  readonly localPort?: number;
  readonly remoteAddress?: string;
  readonly remotePort?: number;
  readonly authorized?: boolean;
}

/** What a native socket's events go to. */
export interface BunOwner {
  nativeOpen?(socket: BunNativeSocket): void;
  nativeHandshake?(socket: BunNativeSocket, success: boolean, error: Error | null): void;
  nativeData?(socket: BunNativeSocket, data: Uint8Array): void;
  nativeDrain?(socket: BunNativeSocket): void;
  nativeEnd?(socket: BunNativeSocket): void;
  nativeClose?(socket: BunNativeSocket, error?: Error): void;
  nativeError?(socket: BunNativeSocket, error: Error): void;
}

/** The one handler set given to Bun for every socket. */
export const HANDLERS = {
  open: (s: BunNativeSocket) => s.data?.nativeOpen?.(s),
  handshake: (s: BunNativeSocket, ok: boolean, error: Error | null) =>
    s.data?.nativeHandshake?.(s, ok, error),
  data: (s: BunNativeSocket, data: Uint8Array) => s.data?.nativeData?.(s, data),
  drain: (s: BunNativeSocket) => s.data?.nativeDrain?.(s),
  end: (s: BunNativeSocket) => s.data?.nativeEnd?.(s),
  close: (s: BunNativeSocket, error?: Error) => s.data?.nativeClose?.(s, error),
  error: (s: BunNativeSocket, error: Error) => s.data?.nativeError?.(s, error),
  connectError: (s: BunNativeSocket, error: Error) => s.data?.nativeError?.(s, error),
};

/** What kind of socket a `BunSocket` wraps. */
export type BunSocketKind = "tcp" | "unix" | "tls";

// Queued chunks smaller than this are joined before a write.
const JOIN_BELOW = 16 * 1024;
const JOIN_UP_TO = 64 * 1024;

/** A Bun socket as a `PlatformSocket`. */
export class BunSocket implements PlatformSocket, BunOwner {
  #s: BunNativeSocket;
  #kind: BunSocketKind;
  #handlers: SocketHandlers = NO_HANDLERS;
  #started = false;
  #paused = true;
  #held: Uint8Array[] | null = null;
  #queue: Uint8Array[] = [];
  #queued = 0;
  #owesDrain = false;
  #shutdownAfterFlush = false;
  #shut = false;
  #endAfterFlush = false;
  #closing = false;
  #endSeen = false;
  #error: Error | null = null;
  #closedNatively = false;
  #done = false;
  #detached = false;
  #tlsInfo: PlatformTlsInfo | null = null;
  readonly localAddress: SocketAddress | undefined;
  readonly remoteAddress: SocketAddress | undefined;
  /** Bun hands out a fresh `Buffer` per read. */
  readonly dataIsOwned = true;

  /** Wraps an open native socket (which must already be paused). */
  constructor(s: BunNativeSocket, kind: BunSocketKind, unixPath?: string, accepted = false) {
    this.#s = s;
    this.#kind = kind;
    const [local, remote] = socketAddresses(s, unixPath, accepted);
    this.localAddress = local;
    this.remoteAddress = remote;
    s.data = this;
  }

  // --- native events ---------------------------------------------------

  nativeData(_s: BunNativeSocket, data: Uint8Array): void {
    if (this.#closing || this.#detached) return;
    if (this.#paused) (this.#held ??= []).push(data);
    else this.#handlers.onData(data);
  }

  nativeEnd(): void {
    this.#endSeen = true;
    if (this.#closing || this.#detached) return;
    if (this.#paused) (this.#held ??= []).push(END);
    else this.#handlers.onEnd();
  }

  nativeDrain(): void {
    if (this.#queue.length === 0 || this.#detached) return;
    if (!this.#flush()) return;
    if (this.#endAfterFlush) {
      this.#s.end();
      return;
    }
    if (this.#shutdownAfterFlush) this.#shutdown();
    if (this.#owesDrain) {
      this.#owesDrain = false;
      if (!this.#closing) this.#handlers.onDrain();
    }
  }

  nativeError(_s: BunNativeSocket, error: Error): void {
    if (!this.#closing) this.#error ??= toOSError(error);
  }

  nativeClose(_s: BunNativeSocket, error?: Error): void {
    if (this.#detached || this.#closedNatively) return;
    this.#closedNatively = true;
    if (error && !this.#closing) this.#error ??= toOSError(error);
    this.#queue = [];
    this.#queued = 0;
    // Bun may call this from inside end(): never call back from there.
    if (this.#started) queueMicrotask(() => this.#finish());
  }

  // --- PlatformSocket ----------------------------------------------------

  #finish(): void {
    if (this.#done) return;
    if (!this.#error && !this.#endSeen && this.#shut && !this.#closing) {
      // Bun's close after our shutdown() stands for the peer's end too.
      this.#endSeen = true;
      if (this.#paused) {
        (this.#held ??= []).push(END);
        return;
      }
      this.#handlers.onEnd();
    }
    this.#done = true;
    const handlers = this.#handlers;
    this.#handlers = NO_HANDLERS;
    handlers.onClose(this.#error);
  }

  #start(): void {
    if (this.#started) return;
    this.#started = true;
    if (this.#closedNatively) queueMicrotask(() => this.#finish());
  }

  setHandlers(handlers: SocketHandlers): void {
    if (!this.#done) this.#handlers = handlers;
  }

  pause(): void {
    if (this.#paused) return;
    this.#paused = true;
    if (!this.#closedNatively) this.#s.pause();
  }

  resume(): void {
    this.#start();
    if (!this.#paused || this.#closing) return;
    this.#paused = false;
    if (this.#held) queueMicrotask(() => this.#deliverHeld());
    else if (!this.#closedNatively) this.#s.resume();
  }

  #deliverHeld(): void {
    while (this.#held && !this.#paused && !this.#closing) {
      const item = this.#held.shift();
      if (this.#held.length === 0) this.#held = null;
      if (item === undefined) break;
      if (item === END) this.#handlers.onEnd();
      else this.#handlers.onData(item);
    }
    if (this.#paused || this.#closing) return;
    if (this.#closedNatively) this.#finish();
    else this.#s.resume();
  }

  write(data: Uint8Array): boolean {
    if (this.#closing || this.#shutdownAfterFlush || this.#shut || this.#closedNatively) {
      return true;
    }
    if (this.#queue.length > 0) {
      this.#queue.push(data);
      this.#queued += data.byteLength;
      return false;
    }
    const n = this.#s.write(data);
    if (n >= data.byteLength || n < 0) return true;
    const rest = n === 0 ? data : data.subarray(n);
    this.#queue.push(rest);
    this.#queued = rest.byteLength;
    this.#owesDrain = true;
    return false;
  }

  /** Writes the queue; `true` when it is empty. */
  #flush(): boolean {
    const queue = this.#queue;
    while (queue.length > 0) {
      let chunk = queue[0]!;
      if (chunk.byteLength < JOIN_BELOW && queue.length > 1) {
        chunk = joinQueued(queue, JOIN_BELOW, JOIN_UP_TO);
      }
      const n = this.#s.write(chunk);
      if (n < 0) return false;
      this.#queued -= n;
      if (n < chunk.byteLength) {
        queue[0] = chunk.subarray(n);
        return false;
      }
      queue.shift();
    }
    return true;
  }

  get bufferedAmount(): number {
    return this.#queued;
  }

  get canEnd(): boolean {
    return this.#kind !== "tls";
  }

  end(): void {
    if (this.#closing || this.#shut || this.#closedNatively) return;
    if (this.#queue.length > 0) this.#shutdownAfterFlush = true;
    else this.#shutdown();
  }

  #shutdown(): void {
    this.#shutdownAfterFlush = false;
    this.#shut = true;
    this.#s.shutdown();
  }

  close(): void {
    if (this.#closing) return;
    this.#closing = true;
    this.#start();
    if (this.#closedNatively) return this.#finishSoon();
    if (this.#queue.length > 0) this.#endAfterFlush = true;
    else this.#s.end();
  }

  abort(): void {
    this.#closing = true;
    this.#start();
    this.#queue = [];
    this.#queued = 0;
    if (this.#closedNatively) this.#finishSoon();
    else this.#s.end();
  }

  /** Delivers an `onClose` held back by a pending end of input. */
  #finishSoon(): void {
    if (this.#started) queueMicrotask(() => this.#finish());
  }

  setNoDelay(enabled: boolean): void {
    if (this.#kind !== "unix" && !this.#closedNatively) this.#s.setNoDelay(enabled);
  }

  tlsInfo(): PlatformTlsInfo | null {
    if (this.#kind !== "tls") return null;
    return this.#tlsInfo ??= tlsSessionInfo(this.#s);
  }

  /** Gives the native socket up to a TLS upgrade: no event is ours afterwards. */
  detach(): BunNativeSocket {
    this.pause();
    this.#detached = true;
    return this.#s;
  }

  /** The Unix path of this socket and whether it was accepted, for an upgrade. */
  get unix(): { path: string; accepted: boolean } | undefined {
    if (this.#kind !== "unix") return undefined;
    const accepted = this.localAddress !== "";
    return { path: String(accepted ? this.localAddress : this.remoteAddress), accepted };
  }

  get closed(): boolean {
    return this.#closing || this.#closedNatively;
  }

  startTls(options: PlatformTlsOptions & { serverSide: boolean }): Promise<PlatformSocket> {
    return startTlsHook(this, options);
  }
}

const END = new Uint8Array(0);

type StartTls = (
  socket: BunSocket,
  options: PlatformTlsOptions & { serverSide: boolean },
) => Promise<PlatformSocket>;

let startTlsHook: StartTls = () => Promise.reject(new Error("startTls is not set up"));

/** Sets how `startTls()` upgrades (`sockets.ts`, which knows the TLS settings). */
export function setStartTls(hook: StartTls): void {
  startTlsHook = hook;
}

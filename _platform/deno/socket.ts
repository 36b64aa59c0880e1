/**
 * A connected Deno socket (`TcpConn`, `UnixConn`, `TlsConn`) as the push-shaped
 * `PlatformSocket` of `../socket_types.ts`.
 *
 * Reading: Deno is pull-based, so one read loop per socket calls
 * `conn.read()` into a buffer (4 KiB, grown fourfold up to 256 KiB each
 * time a read fills it). A read that fills at least half of it (and 4 KiB)
 * hands `onData` the buffer itself, and the next read gets a fresh one; a
 * smaller read hands over a copy and the buffer is reused. So `onData`'s
 * arrays are the owner's (`dataIsOwned`) and bulk transfers copy nothing.
 * An owner that copies what it gets anyway (`setOwnerCopies(true)`, a
 * `BufferedProtocol`'s transport) gets views of one reused buffer instead:
 * no fresh memory per read.
 * The loop stops while the socket is paused: a read already pending when
 * `pause()` is called keeps what it gets, without copying, until `resume()`
 * (the buffer is not read into again before then), so nothing is lost and
 * no read is started while paused.
 *
 * Writing: `conn.write()` is asynchronous, so `write()` cannot know that the
 * bytes reached the OS when it returns. One `conn.write()` runs at a time.
 * On an idle socket (no write pending) a chunk of up to 64 KiB goes to
 * `conn.write()` at once and `write()` returns `true`, as the other runtimes
 * do when the OS takes the bytes at once: if the OS cannot take them now,
 * this hides at most those 64 KiB from `bufferedAmount` (asyncio's
 * high-water mark is 64 KiB too). Anything else is queued, counted in
 * `bufferedAmount` until its write resolved, and `write()` returns `false`;
 * `onDrain` follows when the queue is empty. Small queued chunks are joined
 * into one write of up to 64 KiB.
 *
 * Closing waits for the pending `read`/`write` ops to end before `onClose`,
 * so Deno's test sanitizers see no op left over.
 *
 * @module
 */
import { RuntimeError } from "../../errors.ts";
import { toOSError } from "../os_errors.ts";
import { NO_HANDLERS } from "../socket_defaults.ts";
import type {
  PlatformSocket,
  PlatformTlsInfo,
  PlatformTlsOptions,
  SocketAddress,
  SocketHandlers,
} from "../socket_types.ts";
import { joinQueued } from "../write_join.ts";
import { type DenoConn, fromDenoAddr } from "./net_api.ts";
import { upgradeToTls } from "./tls_upgrade.ts";

// Small at first: an idle connection holds its buffer in the pending read.
const FIRST_READ = 4 * 1024;
const MAX_READ = 256 * 1024;
const JOIN_LIMIT = 64 * 1024;
const DIRECT_LIMIT = 64 * 1024;
// A read of at least this many bytes (and at least half the buffer) hands
// the buffer itself to `onData`; smaller ones are copied out of it.
const GIVE_MIN = 4 * 1024;
const EMPTY = new Uint8Array(0);

/** The kind of a Deno connection. */
export type DenoConnKind = "tcp" | "unix" | "tls";

/** A Deno connection as a `PlatformSocket`. */
export class DenoSocket implements PlatformSocket {
  #conn: DenoConn;
  #kind: DenoConnKind;
  #tls: PlatformTlsInfo | null;
  #handlers: SocketHandlers = NO_HANDLERS;
  #local: SocketAddress | undefined | null = null;
  #remote: SocketAddress | undefined | null = null;
  // reading
  #buffer: Uint8Array | null = null;
  #paused = true;
  #reading = false; // the read loop runs (a read may be pending)
  #held = 0; // bytes read while paused, delivered at resume
  #ownerCopies = false; // onData's arrays may be views of the reused buffer
  #heldEnd = false; // end of input seen while paused
  #readOver = false; // end of input delivered, or reading failed
  // writing
  #queue: Uint8Array[] = [];
  #writing = false; // the write loop runs (a write or shutdown may be pending)
  #buffered = 0;
  #owesDrain = false; // write() returned false since the last onDrain
  #ending = false; // end() called
  #shutDown = false; // conn.closeWrite() started
  #shutDownDone = false; // conn.closeWrite() ended
  // closing
  #closing = false; // close()/abort() called or failed: nothing more is delivered
  #closed = false; // conn.close() done
  #reported = false; // onClose called (or scheduled)
  #error: Error | null = null;
  #upgraded = false;

  /**
   * Wraps `conn`, paused.
   *
   * @param conn The Deno connection.
   * @param kind What it is.
   * @param alpnProtocol For TLS, the negotiated ALPN protocol.
   */
  constructor(conn: DenoConn, kind: DenoConnKind, alpnProtocol: string | null = null) {
    this.#conn = conn;
    this.#kind = kind;
    this.#tls = kind === "tls"
      ? { peerCertificate: undefined, cipher: undefined, alpnProtocol }
      : null;
  }

  setHandlers(handlers: SocketHandlers): void {
    this.#handlers = handlers;
  }

  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    if (!this.#paused || this.#closing) return;
    this.#paused = false;
    if (this.#reading || this.#readOver) return;
    this.#reading = true;
    // Starts in a microtask: handlers are never called inside resume().
    queueMicrotask(() => void this.#readLoop());
  }

  async #readLoop(): Promise<void> {
    try {
      // Paused or closed again before this microtask ran.
      if (this.#paused || this.#closing) return;
      if (this.#heldEnd) {
        this.#heldEnd = false;
        this.#endOfInput();
        return;
      }
      if (this.#held > 0) {
        const n = this.#held;
        this.#held = 0;
        this.#deliver(n);
      }
      while (!this.#paused && !this.#closing) {
        const buffer = this.#buffer ??= new Uint8Array(FIRST_READ);
        const n = await this.#conn.read(buffer);
        if (this.#closing) return;
        if (n === null) {
          if (await this.#wasReset()) return;
          if (this.#paused) this.#heldEnd = true;
          else this.#endOfInput();
          return;
        }
        if (this.#paused) this.#held = n;
        else this.#deliver(n);
      }
    } catch (e) {
      if (!this.#closing) {
        this.#readOver = true;
        this.#fail(toOSError(e, { syscall: "read" }));
      }
    } finally {
      this.#reading = false;
      this.#settle();
    }
  }

  /**
   * Deno's `read` gives end of input (`null`) where the OS reported
   * `ECONNRESET`. On TCP a zero-byte write tells them apart: it fails
   * (`EPIPE`) after a reset and succeeds after the peer's FIN. A reset
   * fails the socket with `ConnectionResetError`.
   */
  async #wasReset(): Promise<boolean> {
    // Not behind a pending write (it could wait long); a write reports a reset itself.
    if (this.#kind !== "tcp" || this.#shutDown || this.#closing || this.#writing) return false;
    try {
      await this.#conn.write(EMPTY);
      return this.#closing;
    } catch (e) {
      if (this.#closing) return true;
      this.#readOver = true;
      const reset = Object.assign(new Error("Connection reset by peer", { cause: e }), {
        code: "ECONNRESET",
      });
      this.#fail(toOSError(reset, { syscall: "read" }));
      return true;
    }
  }

  /** Delivers the end of input; with the write side shut too, the socket closes (as Node's). */
  #endOfInput(): void {
    this.#readOver = true;
    this.#handlers.onEnd();
    this.#closeIfDone();
  }

  #closeIfDone(): void {
    if (this.#readOver && this.#shutDownDone && !this.#closing) {
      this.#closing = true;
      if (!this.#writing) this.#destroy();
    }
  }

  #deliver(n: number): void {
    if (n === 0) return;
    const buffer = this.#buffer!;
    let data: Uint8Array;
    if (this.#ownerCopies) {
      // Copied by the owner before onData returns: a view will do, and the
      // buffer is read into again (a larger one when this read filled it).
      data = buffer.subarray(0, n);
      if (n === buffer.length && n < MAX_READ) {
        this.#buffer = new Uint8Array(Math.min(n * 4, MAX_READ));
      }
    } else if (n >= GIVE_MIN && n * 2 >= buffer.length) {
      // Mostly full: the buffer itself is given away (no copy); the next
      // read gets a fresh one, four times larger when this one was filled.
      data = buffer.subarray(0, n);
      this.#buffer = new Uint8Array(
        n === buffer.length && n < MAX_READ ? Math.min(n * 4, MAX_READ) : buffer.length,
      );
    } else {
      // Little in a large buffer: a copy of the bytes, the buffer is reused.
      data = buffer.slice(0, n);
    }
    this.#handlers.onData(data);
  }

  /** The arrays given to `onData` are never reused (see `#deliver`), unless the owner copies them. */
  get dataIsOwned(): boolean {
    return !this.#ownerCopies;
  }

  setOwnerCopies(copies: boolean): void {
    this.#ownerCopies = copies;
  }

  write(data: Uint8Array): boolean {
    if (this.#closing || this.#ending) return this.#buffered === 0;
    if (data.byteLength === 0) return this.#buffered === 0;
    if (!this.#writing && data.byteLength <= DIRECT_LIMIT) {
      // An idle socket: the bytes go to Deno's write op now, as the OS takes
      // them at once on the other runtimes (see the module notes).
      void this.#writeLoop(data);
      return true;
    }
    this.#queue.push(data);
    this.#buffered += data.byteLength;
    this.#owesDrain = true;
    if (!this.#writing) void this.#writeLoop();
    return false;
  }

  get bufferedAmount(): number {
    return this.#buffered;
  }

  get canEnd(): boolean {
    return true;
  }

  end(): void {
    if (this.#ending || this.#closing) return;
    this.#ending = true;
    if (!this.#writing) void this.#writeLoop();
  }

  async #writeLoop(direct?: Uint8Array): Promise<void> {
    this.#writing = true;
    try {
      if (direct !== undefined && !(await this.#writeAll(direct))) return;
      while (this.#queue.length > 0) {
        const chunk = joinQueued(this.#queue, JOIN_LIMIT, JOIN_LIMIT);
        this.#queue.shift();
        if (!(await this.#writeAll(chunk))) return;
        this.#buffered -= chunk.length;
      }
      if (this.#ending && !this.#shutDown && !this.#closing) {
        this.#shutDown = true;
        try {
          await this.#conn.closeWrite();
        } catch {
          // the peer is gone: reading reports it
        }
        this.#shutDownDone = true;
        if (this.#readOver) this.#closing = true;
      }
    } catch (e) {
      if (!this.#closed) this.#fail(toOSError(e, { syscall: "write" }));
      return;
    } finally {
      this.#writing = false;
      this.#settle();
    }
    if (this.#closed) return;
    if (this.#closing) this.#destroy();
    else if (this.#queue.length > 0 || (this.#ending && !this.#shutDown)) void this.#writeLoop();
    else if (this.#owesDrain) {
      this.#owesDrain = false;
      this.#handlers.onDrain();
    }
  }

  /** Writes all of `chunk`; `false` when the socket was closed meanwhile. */
  async #writeAll(chunk: Uint8Array): Promise<boolean> {
    let done = 0;
    while (done < chunk.length) {
      done += await this.#conn.write(done === 0 ? chunk : chunk.subarray(done));
      if (this.#closed) return false;
    }
    return true;
  }

  close(): void {
    if (this.#closing) return;
    this.#closing = true;
    if (!this.#writing) this.#destroy();
  }

  abort(): void {
    if (this.#closed) return;
    this.#closing = true;
    this.#queue.length = 0;
    this.#buffered = 0;
    this.#destroy();
  }

  #fail(error: Error): void {
    this.#error ??= error;
    this.#closing = true;
    this.#queue.length = 0;
    this.#buffered = 0;
    this.#destroy();
  }

  /** Closes the connection; `onClose` follows once no op is pending. */
  #destroy(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#closing = true;
    try {
      this.#conn.close();
    } catch {
      // already closed (e.g. by Deno after a failure)
    }
    this.#settle();
  }

  #settle(): void {
    if (!this.#closed || this.#reported || this.#reading || this.#writing) return;
    this.#reported = true;
    const handlers = this.#handlers;
    const error = this.#error;
    // Never inside close()/abort(): a later microtask.
    queueMicrotask(() => handlers.onClose(error));
  }

  get localAddress(): SocketAddress | undefined {
    if (this.#local === null) this.#local = readAddr(() => this.#conn.localAddr);
    return this.#local;
  }

  get remoteAddress(): SocketAddress | undefined {
    if (this.#remote === null) this.#remote = readAddr(() => this.#conn.remoteAddr);
    return this.#remote;
  }

  setNoDelay(enabled: boolean): void {
    if (this.#kind !== "tcp" || this.#closed) return;
    try {
      this.#conn.setNoDelay?.(enabled);
    } catch {
      // closed meanwhile
    }
  }

  tlsInfo(): PlatformTlsInfo | null {
    return this.#tls;
  }

  startTls(options: PlatformTlsOptions & { serverSide: boolean }): Promise<PlatformSocket> {
    if (this.#closing || this.#upgraded) {
      return Promise.reject(
        new RuntimeError("Cannot start TLS: the socket is closing or was already upgraded"),
      );
    }
    this.#upgraded = true;
    // The TLS engine keeps what it is given: arrays of its own again.
    this.#ownerCopies = false;
    return upgradeToTls(this, options);
  }
}

function readAddr(get: () => Parameters<typeof fromDenoAddr>[0]): SocketAddress | undefined {
  try {
    return fromDenoAddr(get());
  } catch {
    return undefined;
  }
}

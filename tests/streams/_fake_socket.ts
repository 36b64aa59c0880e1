// An in-memory PlatformSocket for transport tests: the test plays the host
// (it pushes data, EOF and close through the handlers) and the OS (it
// decides how much of each write is buffered and when the buffer drains).
import type {
  PlatformSocket,
  PlatformTlsInfo,
  PlatformTlsOptions,
  SocketAddress,
  SocketHandlers,
} from "../../_platform/mod.ts";

export class FakeSocket implements PlatformSocket {
  handlers: SocketHandlers | null = null;
  paused = true;
  resumes = 0;
  written: Uint8Array[] = [];
  /** Bytes "not yet handed to the OS"; `flush()` empties them and calls onDrain. */
  bufferedAmount = 0;
  /** Writes larger than this stay buffered (Infinity: the OS takes everything). */
  osTakes = Infinity;
  canEnd = true;
  ended = false;
  closed = false;
  aborted = false;
  localAddress: SocketAddress | undefined = ["127.0.0.1", 1234];
  remoteAddress: SocketAddress | undefined = ["127.0.0.1", 5678];
  tls: PlatformTlsInfo | null = null;
  noDelay = false;
  upgradedWith: (PlatformTlsOptions & { serverSide: boolean }) | null = null;

  setHandlers(handlers: SocketHandlers): void {
    this.handlers = handlers;
  }
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
    this.resumes++;
  }
  write(data: Uint8Array): boolean {
    this.written.push(data);
    if (this.bufferedAmount + data.length > this.osTakes) {
      this.bufferedAmount += data.length;
      return false;
    }
    return this.bufferedAmount === 0;
  }
  end(): void {
    this.ended = true;
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.bufferedAmount = 0;
    queueMicrotask(() => this.handlers?.onClose(null));
  }
  abort(): void {
    if (this.closed) return;
    this.closed = this.aborted = true;
    this.bufferedAmount = 0;
    queueMicrotask(() => this.handlers?.onClose(null));
  }
  setNoDelay(enabled: boolean): void {
    this.noDelay = enabled;
  }
  tlsInfo(): PlatformTlsInfo | null {
    return this.tls;
  }
  startTls(options: PlatformTlsOptions & { serverSide: boolean }): Promise<PlatformSocket> {
    this.upgradedWith = options;
    const next = new FakeSocket();
    next.tls = {
      peerCertificate: null,
      cipher: ["TLS_AES_128_GCM_SHA256", "TLSv1.3", 128],
      alpnProtocol: null,
    };
    return Promise.resolve(next);
  }

  // ---- the test's side ----
  /** The peer sent `text` (delivered only while resumed, like a real socket). */
  receive(data: Uint8Array | string): void {
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    this.handlers!.onData(bytes);
  }
  receiveEof(): void {
    this.handlers!.onEnd();
  }
  /** The socket failed or the peer closed. */
  fail(error: Error | null): void {
    this.closed = true;
    this.handlers!.onClose(error);
  }
  /** The OS took everything buffered. */
  flush(): void {
    this.bufferedAmount = 0;
    this.handlers!.onDrain();
  }
  text(): string {
    return this.written.map((b) => new TextDecoder().decode(b)).join("");
  }
}

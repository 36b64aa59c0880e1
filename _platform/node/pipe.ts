/**
 * A Node stream (a child's stdio `net.Socket`) as a {@linkcode PlatformSocket}
 * pipe. Shared by the Node adapter and by the merged-stderr path that Deno
 * and Bun take through `node:child_process`.
 *
 * @module
 */
import { osErrorFromCode, RuntimeError } from "../../errors.ts";
import { PipeSocketBase } from "../pipe_socket_base.ts";
import type { PlatformSocket, SocketHandlers } from "../socket_types.ts";

/** The subset of a Node duplex/readable/writable stream a pipe uses. */
export interface NodeStream {
  on(event: string, cb: (...args: never[]) => void): unknown;
  pause(): unknown;
  resume(): unknown;
  write(data: Uint8Array): boolean;
  end(): unknown;
  destroy(): unknown;
  readonly writableLength?: number;
}

/** Turns a Node error (with `code`) into an `errors.ts` class. */
export function nodeError(err: unknown, what: string): Error {
  const e = err as { code?: unknown; message?: string; syscall?: string };
  if (typeof e?.code === "string" && e.code.startsWith("E")) {
    return osErrorFromCode(e.code, `${what}: ${e.message ?? e.code}`, {
      cause: err,
      ...(e.syscall ? { syscall: e.syscall } : {}),
    });
  }
  return err instanceof Error ? err : new RuntimeError(`${what}: ${String(err)}`);
}

/** Wraps one end of a child's pipe; `readable` tells which end. */
export class NodePipe extends PipeSocketBase implements PlatformSocket {
  /** Node hands each chunk over in a Buffer of its own, never reused. */
  readonly dataIsOwned = true;
  readonly #stream: NodeStream;
  readonly #readable: boolean;
  #handlers: SocketHandlers | null = null;
  #flowing = false;
  #closed = false;
  #error: Error | null = null;
  // Events that arrived before setHandlers (a write pipe's close).
  #pendingClose = false;

  /** Wraps `stream`, paused. */
  constructor(stream: NodeStream, readable: boolean) {
    super();
    this.#stream = stream;
    this.#readable = readable;
    stream.on("error", (err: unknown) => {
      this.#error ??= nodeError(err, readable ? "Cannot read from pipe" : "Cannot write to pipe");
    });
    stream.on("close", () => this.#onClose());
    if (readable) {
      stream.on("data", (data: Uint8Array) => this.#handlers?.onData(data));
      stream.on("end", () => this.#handlers?.onEnd());
      stream.pause();
    } else {
      stream.on("drain", () => this.#handlers?.onDrain());
    }
  }

  #onClose(): void {
    if (this.#closed) return;
    if (this.#handlers === null) {
      this.#pendingClose = true;
      return;
    }
    this.#closed = true;
    this.#handlers.onClose(this.#error);
  }

  setHandlers(handlers: SocketHandlers): void {
    this.#handlers = handlers;
    if (this.#pendingClose) {
      this.#pendingClose = false;
      queueMicrotask(() => this.#onClose());
    }
  }

  pause(): void {
    if (!this.#flowing) return;
    this.#flowing = false;
    this.#stream.pause();
  }

  resume(): void {
    if (this.#flowing || !this.#readable) return;
    this.#flowing = true;
    this.#stream.resume();
  }

  write(data: Uint8Array): boolean {
    if (this.#readable || this.#closed) return true;
    return this.#stream.write(data);
  }

  get bufferedAmount(): number {
    return this.#stream.writableLength ?? 0;
  }

  get canEnd(): boolean {
    return !this.#readable;
  }

  end(): void {
    if (!this.#readable) this.#stream.end();
  }

  close(): void {
    if (this.#readable) this.#stream.destroy();
    else this.#stream.end();
  }

  abort(): void {
    this.#stream.destroy();
  }
}

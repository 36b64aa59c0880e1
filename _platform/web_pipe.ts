/**
 * Child pipes over web streams, for the Deno and Bun adapters: a read pipe
 * over a `ReadableStream` (one read loop that stops while paused) and a
 * write pipe over a function that hands bytes to the runtime and says when
 * they are out.
 *
 * @module
 */
import { osErrorFromCode, RuntimeError } from "../errors.ts";
import { PipeSocketBase } from "./pipe_socket_base.ts";
import type { PlatformSocket, SocketHandlers } from "./socket_types.ts";

/** Turns a Deno or Bun I/O error into an `errors.ts` class. */
export function webError(err: unknown, what: string): Error {
  const e = err as { code?: unknown; name?: string; message?: string };
  let code = typeof e?.code === "string" ? e.code : undefined;
  if (code === undefined && e?.name === "BrokenPipe") code = "EPIPE";
  if (code === undefined && e?.name === "ConnectionReset") code = "ECONNRESET";
  if (code !== undefined && code.startsWith("E")) {
    return osErrorFromCode(code, `${what}: ${e.message ?? code}`, { cause: err });
  }
  return err instanceof Error ? err : new RuntimeError(`${what}: ${String(err)}`);
}

abstract class PipeBase extends PipeSocketBase implements PlatformSocket {
  protected handlers: SocketHandlers | null = null;
  protected closed = false;

  setHandlers(handlers: SocketHandlers): void {
    this.handlers = handlers;
  }

  protected finish(error: Error | null): void {
    if (this.closed) return;
    this.closed = true;
    const h = this.handlers;
    if (h !== null) h.onClose(error);
  }

  abstract pause(): void;
  abstract resume(): void;
  abstract write(data: Uint8Array): boolean;
  abstract readonly bufferedAmount: number;
  abstract readonly canEnd: boolean;
  abstract end(): void;
  abstract close(): void;
  abstract abort(): void;
}

/** The read end of a child's pipe, over a `ReadableStream`. */
export class ReadPipe extends PipeBase {
  /** Each chunk is a new array the stream never touches again. */
  readonly dataIsOwned = true;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  #flowing = false;
  #looping = false;
  #cancelled = false;

  /** Takes the stream's reader; the pipe starts paused. */
  constructor(stream: ReadableStream<Uint8Array>) {
    super();
    this.#reader = stream.getReader();
  }

  pause(): void {
    this.#flowing = false;
  }

  resume(): void {
    if (this.closed || this.#cancelled) return;
    this.#flowing = true;
    if (!this.#looping) void this.#loop();
  }

  async #loop(): Promise<void> {
    this.#looping = true;
    // The first turn is a host callback: resume() never calls back synchronously.
    await undefined;
    try {
      while (this.#flowing && !this.closed) {
        const { value, done } = await this.#reader.read();
        if (this.closed) return;
        if (done) {
          if (!this.#cancelled) this.handlers?.onEnd();
          this.finish(null);
          return;
        }
        if (value.byteLength > 0) this.handlers?.onData(value);
      }
    } catch (err) {
      this.finish(this.#cancelled ? null : webError(err, "Cannot read from pipe"));
    } finally {
      this.#looping = false;
    }
  }

  write(_data: Uint8Array): boolean {
    return true;
  }

  get bufferedAmount(): number {
    return 0;
  }

  get canEnd(): boolean {
    return false;
  }

  end(): void {}

  close(): void {
    this.abort();
  }

  abort(): void {
    if (this.closed || this.#cancelled) return;
    this.#cancelled = true;
    this.#flowing = false;
    this.#reader.cancel().then(() => this.finish(null), () => this.finish(null));
  }
}

/** How a write pipe hands bytes to the runtime. */
export interface WriteSink {
  /** Writes `data`; returns a promise while some of it is still queued. */
  write(data: Uint8Array): Promise<unknown> | null;
  /** Closes the write end once queued bytes are out. */
  close(): Promise<unknown>;
  /** Closes at once, dropping queued bytes. */
  abort(): Promise<unknown>;
}

/** The write end of a child's pipe (its standard input). */
export class WritePipe extends PipeBase {
  readonly #sink: WriteSink;
  #buffered = 0;
  #pending = 0;
  #ending = false;

  /** Wraps `sink`. */
  constructor(sink: WriteSink) {
    super();
    this.#sink = sink;
  }

  pause(): void {}
  resume(): void {}

  write(data: Uint8Array): boolean {
    if (this.closed || this.#ending) return true;
    const queued = this.#sink.write(data);
    if (queued === null) return this.#pending === 0;
    const n = data.byteLength;
    this.#buffered += n;
    this.#pending++;
    queued.then(() => {
      this.#buffered -= n;
      if (--this.#pending === 0 && !this.closed) this.handlers?.onDrain();
    }, (err) => this.#fail(err));
    return false;
  }

  #fail(err: unknown): void {
    if (this.closed) return;
    this.#sink.abort().catch(() => {});
    this.finish(webError(err, "Cannot write to pipe"));
  }

  get bufferedAmount(): number {
    return this.#buffered;
  }

  get canEnd(): boolean {
    return true;
  }

  end(): void {
    this.close();
  }

  close(): void {
    if (this.closed || this.#ending) return;
    this.#ending = true;
    this.#sink.close().then(() => this.finish(null), (err) => this.#fail(err));
  }

  abort(): void {
    if (this.closed) return;
    this.#ending = true;
    this.#sink.abort().then(() => this.finish(null), () => this.finish(null));
  }
}

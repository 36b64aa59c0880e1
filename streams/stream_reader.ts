/**
 * `StreamReader`: buffered reading from a stream. Ports the reader half of
 * asyncio's `streams.py`.
 *
 * @module
 */
import { checkOptions } from "../_options.ts";
import { defineRepr, valueRepr } from "../_platform/mod.ts";
import { RuntimeError, ValueError } from "../errors.ts";
import { Waiter, WaiterList } from "../tasks/_waiters.ts";
import { defaultLoop } from "../tasks/future.ts";
import { ByteBuffer } from "./_byte_buffer.ts";
import {
  AGAIN,
  EXACTLY,
  LINE,
  READ,
  READ_NAMES,
  type ReadKind,
  ReadWaiter,
  type SearchState,
  separatorList,
  takeFor,
  UNTIL,
} from "./_read_waiter.ts";
import { checkLimit, DEFAULT_LIMIT } from "./_reader_args.ts";

// Also used by subprocess/ (its pipes are stream readers with the same limit rules).
export { checkLimit, DEFAULT_LIMIT };
import type { Transport } from "./transports.ts";

const READER_KEYS = ["limit"] as const;
const NEWLINE = new Uint8Array([10]);
const LINE_SEPS: readonly Uint8Array[] = [NEWLINE];
const EMPTY = new Uint8Array(0);
// A read's search state while it is tried at once (one at a time: reads are
// synchronous until they wait).
const FIRST_TRY: SearchState = { offset: 0 };

/** Options of the {@linkcode StreamReader} constructor. */
export interface StreamReaderOptions {
  /** Buffer limit in bytes (default 64 KiB): the longest line `readLine()` accepts. */
  limit?: number;
}

/**
 * A buffer of bytes received from a stream, with reads that wait for data.
 *
 * A transport's protocol feeds it (`feedData`, `feedEof`, `setException`);
 * the application reads with `read`, `readLine`, `readExactly`,
 * `readUntil`, or `for await` over its lines. Only one read may wait at a
 * time. When more than twice `limit` bytes are buffered, the transport is
 * paused until a read brings the buffer back under `limit`.
 *
 * Cancellation: a cancelled read consumes nothing. Every byte already
 * received stays in the buffer for the next read, also data that arrives
 * while the reading task is being cancelled.
 *
 * Differences from asyncio: the arrays returned are the caller's (nothing
 * else writes into them), but, to avoid copies, one may be a view into a
 * larger `ArrayBuffer` the socket handed over (`byteOffset` may be nonzero
 * and `.buffer` may hold other bytes of the stream), as Node's `Buffer`s
 * often are.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run } from "@asyncio/asyncio";
 * import { StreamReader } from "@asyncio/asyncio/streams";
 *
 * await run(async () => {
 *   const reader = new StreamReader();
 *   reader.feedData(new TextEncoder().encode("one\ntwo"));
 *   reader.feedEof();
 *   const lines: string[] = [];
 *   for await (const line of reader) lines.push(new TextDecoder().decode(line));
 *   assert.deepEqual(lines, ["one\n", "two"]);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-stream.html#streamreader
 */
export class StreamReader implements AsyncIterable<Uint8Array> {
  readonly #limit: number;
  readonly #buffer = new ByteBuffer();
  #eof = false;
  // The waiting read, if any: a line of at most one.
  readonly #waiting = new WaiterList();
  #exception: unknown = null;
  #transport: Transport | null = null;
  #paused = false;

  /**
   * Creates an empty reader.
   *
   * @param options `limit`: the buffer limit (default 64 KiB).
   * @throws {ValueError} `Limit cannot be <= 0`.
   * @throws {TypeError} when `limit` is not an integer, or for an unknown option.
   */
  constructor(options?: StreamReaderOptions) {
    checkOptions(options, READER_KEYS, "create StreamReader");
    this.#limit = options?.limit === undefined ? DEFAULT_LIMIT : checkLimit(options.limit);
  }

  /** @ignore The buffer limit. */
  get _limit(): number {
    return this.#limit;
  }

  /** The stored exception (from `setException`), or `null`. */
  exception(): unknown | null {
    return this.#exception;
  }

  /**
   * Stores `exc`: the waiting read and every later read throw this very
   * object.
   */
  setException(exc: unknown): void {
    this.#exception = exc;
    const waiter = this.#waiting.shift();
    if (waiter !== null && !waiter.done()) waiter.setException(exc);
  }

  /**
   * Attaches the transport to pause and resume.
   *
   * @throws {RuntimeError} `Transport already set`.
   */
  setTransport(transport: Transport): void {
    if (this.#transport !== null) {
      throw new RuntimeError("Cannot set transport: Transport already set");
    }
    this.#transport = transport;
  }

  /** @ignore Replaces the transport after a TLS upgrade. */
  _replaceTransport(transport: Transport): void {
    this.#transport = transport;
    this.#paused = false;
  }

  /** Marks the end of the stream and wakes the waiting read. */
  feedEof(): void {
    this.#eof = true;
    this.#wakeUp();
  }

  /** Whether the end was fed and every byte was read. */
  atEof(): boolean {
    return this.#eof && this.#buffer.length === 0;
  }

  /**
   * Appends a copy of `data` to the buffer and wakes the waiting read.
   *
   * @throws {RuntimeError} after `feedEof()`.
   */
  feedData(data: Uint8Array): void {
    this._feedData(data, false);
  }

  /** @ignore `feedData()`; `owned`: the caller gives the array away (it may be kept). */
  _feedData(data: Uint8Array, owned: boolean): void {
    if (this.#eof) throw new RuntimeError("Cannot feed data: feed_data after feed_eof");
    if (data.length === 0) return;
    this.#buffer.push(data, owned);
    this.#wakeUp();
    this.#maybePause();
  }

  #maybePause(): void {
    const transport = this.#transport;
    if (transport !== null && !this.#paused && this.#buffer.length > 2 * this.#limit) {
      transport.pauseReading();
      this.#paused = true;
    }
  }

  #wakeUp(): void {
    const waiter = this.#waiting.shift();
    if (waiter !== null && !waiter.done()) waiter.setResult(undefined);
  }

  #maybeResume(): void {
    if (this.#paused && this.#buffer.length <= this.#limit) {
      this.#paused = false;
      this.#transport?.resumeReading();
    }
  }

  // Waits until data or EOF arrives (or an exception is set), for read()
  // to EOF. Consumes nothing, so a cancellation here loses nothing.
  #waitForData(funcName: string): Promise<unknown> {
    return this.#waitIn(new Waiter(defaultLoop()), funcName);
  }

  #waitIn(waiter: Waiter, funcName: string): Promise<unknown> {
    if (this.#waiting.size > 0) {
      const what = `${funcName}() called while another coroutine`;
      return Promise.reject(new RuntimeError(`${what} is already waiting for incoming data`));
    }
    // Waiting while paused would never end: the transport must deliver.
    if (this.#paused) {
      this.#paused = false;
      this.#transport?.resumeReading();
    }
    return waiter.waitIn(this.#waiting);
  }

  // A read: at once when the buffer allows, else through a ReadWaiter.
  #read(kind: ReadKind, n: number, seps: readonly Uint8Array[] | null): Promise<Uint8Array> {
    const at = FIRST_TRY;
    at.offset = 0;
    let data: Uint8Array | typeof AGAIN;
    try {
      data = this._finish(kind, n, seps, at);
    } catch (err) {
      return Promise.reject(err);
    }
    return data === AGAIN ? this._wait(kind, n, seps, at.offset) : Promise.resolve(data);
  }

  /** @ignore A read that has to wait (again): its ReadWaiter finishes it when the task resumes. */
  _wait(
    kind: ReadKind,
    n: number,
    seps: readonly Uint8Array[] | null,
    offset: number,
  ): Promise<Uint8Array> {
    const waiter = new ReadWaiter(defaultLoop(), this, kind, n, seps, offset);
    return this.#waitIn(waiter, READ_NAMES[kind]) as Promise<Uint8Array>;
  }

  /**
   * @ignore Finishes a read with the buffered bytes, or returns `AGAIN`
   * when it has to wait (`at`: how far a separator search got).
   */
  _finish(
    kind: ReadKind,
    n: number,
    seps: readonly Uint8Array[] | null,
    at: SearchState,
  ): Uint8Array | typeof AGAIN {
    if (kind !== READ && this.#exception !== null) throw this.#exception;
    try {
      return takeFor(this.#buffer, kind, n, seps, at, this.#limit, this.#eof);
    } finally {
      this.#maybeResume();
    }
  }

  /**
   * Reads up to `n` bytes: waits for at least one byte (or the end), then
   * returns what is buffered, at most `n` bytes. Without `n` (or with a
   * negative one), reads until the end of the stream. Returns an empty
   * array at the end.
   *
   * @param n The most bytes to return; all until EOF when left out or negative.
   * @returns The bytes read.
   * @throws {TypeError} when `n` is not an integer.
   * @throws {RuntimeError} `... already waiting for incoming data` when
   * another read waits.
   * @throws the stored exception, if any.
   */
  read(n = -1): Promise<Uint8Array> {
    if (typeof n !== "number" || !Number.isInteger(n)) {
      return Promise.reject(new TypeError(`read() size must be an integer, not ${valueRepr(n)}`));
    }
    if (this.#exception !== null) return Promise.reject(this.#exception);
    if (n === 0) return Promise.resolve(EMPTY);
    return n < 0 ? this.#readAll() : this.#read(READ, n, null);
  }

  async #readAll(): Promise<Uint8Array> {
    while (!this.#eof) {
      await this.#waitForData("read");
      if (this.#exception !== null) throw this.#exception;
    }
    const all = this.#buffer.take(this.#buffer.length);
    this.#maybeResume();
    return all;
  }

  /**
   * Reads one line, up to and including `"\n"`. At the end of the stream
   * returns the partial last line (an empty array when nothing is left).
   *
   * A line longer than `limit` is dropped from the buffer up to and
   * including its `"\n"` (or the whole buffer when no `"\n"` came yet),
   * and `ValueError` is thrown.
   *
   * @returns The line, with its `"\n"` unless it is the last one.
   * @throws {ValueError} when the line is longer than `limit`.
   * @throws {RuntimeError} `... already waiting for incoming data` when
   * another read waits.
   * @throws the stored exception, if any.
   */
  readLine(): Promise<Uint8Array> {
    if (this.#exception !== null) return Promise.reject(this.#exception);
    return this.#read(LINE, 0, LINE_SEPS);
  }

  /**
   * Reads up to and including a separator (default `"\n"`). With several
   * separators, the match that ends first wins.
   *
   * @param separator Bytes or a string, or a list of them.
   * @returns The data with the separator.
   * @throws {ValueError} for an empty separator or an empty list.
   * @throws {IncompleteReadError} at the end of the stream before a match
   * (`partial` holds the buffer, which is emptied; `expected` is `null`).
   * @throws {LimitOverrunError} when no match comes within `limit` bytes,
   * or the match starts after `limit` (the data stays buffered; `consumed`
   * says how much to skip).
   * @throws {RuntimeError} `... already waiting for incoming data` when
   * another read waits.
   */
  readUntil(
    separator: Uint8Array | string | Array<Uint8Array | string> = NEWLINE,
  ): Promise<Uint8Array> {
    let seps: Uint8Array[];
    try {
      seps = separatorList(separator);
    } catch (err) {
      return Promise.reject(err);
    }
    if (this.#exception !== null) return Promise.reject(this.#exception);
    return this.#read(UNTIL, 0, seps);
  }

  /**
   * Reads exactly `n` bytes, waiting as needed.
   *
   * @param n How many bytes.
   * @returns `n` bytes.
   * @throws {ValueError} `readexactly size can not be less than zero`.
   * @throws {TypeError} when `n` is not an integer.
   * @throws {IncompleteReadError} when the stream ends first (`partial`
   * holds what was buffered, which is emptied; `expected` is `n`).
   * @throws {RuntimeError} `... already waiting for incoming data` when
   * another read waits.
   */
  readExactly(n: number): Promise<Uint8Array> {
    if (typeof n !== "number" || !Number.isInteger(n)) {
      const what = valueRepr(n);
      return Promise.reject(new TypeError(`readExactly() size must be an integer, not ${what}`));
    }
    if (n < 0) {
      return Promise.reject(
        new ValueError(`readexactly size can not be less than zero (got ${n})`),
      );
    }
    if (this.#exception !== null) return Promise.reject(this.#exception);
    if (n === 0) return Promise.resolve(EMPTY);
    return this.#read(EXACTLY, n, null);
  }

  /**
   * Iterates over the lines (as `readLine()` returns them) until the end.
   * As asyncio's, each step is one `readLine()`: after an error, the next
   * step reads on.
   */
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return { next: () => this.readLine().then(lineStep) };
  }

  /** @ignore For reprs. */
  get _reprInfo(): string[] {
    const info = ["StreamReader"];
    if (this.#buffer.length > 0) info.push(`${this.#buffer.length} bytes`);
    if (this.#eof) info.push("eof");
    if (this.#limit !== DEFAULT_LIMIT) info.push(`limit=${this.#limit}`);
    const waiter = this.#waiting.head;
    if (waiter !== null) info.push(`waiter=${String(waiter)}`);
    if (this.#exception !== null) info.push(`exception=${valueRepr(this.#exception)}`);
    if (this.#transport !== null) info.push(`transport=${String(this.#transport)}`);
    if (this.#paused) info.push("paused");
    return info;
  }
}

defineRepr(StreamReader, (r) => `<${r._reprInfo.join(" ")}>`);

function lineStep(line: Uint8Array): IteratorResult<Uint8Array> {
  return line.length === 0 ? { done: true, value: undefined } : { done: false, value: line };
}

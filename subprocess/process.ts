/**
 * `Process`: a child started by `createSubprocessExec()` or
 * `createSubprocessShell()`. Ports asyncio's `subprocess.Process`.
 *
 * @module
 */
import { defineRepr } from "../_platform/mod.ts";
import { BrokenPipeError, ConnectionResetError } from "../errors.ts";
import type { Signal } from "../loop/types.ts";
import type { StreamReader } from "../streams/stream_reader.ts";
import type { StreamWriter } from "../streams/stream_writer.ts";
import type { Transport } from "../streams/transports.ts";
import { gather } from "../tasks/gather.ts";
import type { SubprocessStreamProtocol } from "./protocols.ts";
import type { BaseSubprocessTransport } from "./subprocess_transport.ts";

const encoder = new TextEncoder();
const READ_BLOCK = 1024 * 1024;

/**
 * A running (or finished) child process with asyncio's stream interface.
 *
 * `stdin` is a `StreamWriter` and `stdout`/`stderr` are `StreamReader`s
 * when they were piped, else `null`. `returncode` is `null` until the exit
 * is seen, then the exit code, `-N` when signal N ended the child.
 *
 * Use it with `await using`: at the end of the scope a child that still
 * runs is killed, and the child is reaped either way.
 *
 * Differences from asyncio: `await using` (asyncio's `Process` has no
 * context manager); signals are names.
 *
 * Cancellation: cancelling a task waiting in `wait()` or `communicate()`
 * leaves the child running.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run } from "@asyncio/asyncio/loop";
 * import { createSubprocessExec, PIPE } from "@asyncio/asyncio/subprocess";
 *
 * await run(async () => {
 *   await using proc = await createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
 *   const [out, err] = await proc.communicate("hello");
 *   assert.equal(new TextDecoder().decode(out!), "hello");
 *   assert.equal(err, null);
 *   assert.equal(proc.returncode, 0);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-subprocess.html#asyncio.subprocess.Process
 */
export class Process implements AsyncDisposable {
  readonly #transport: BaseSubprocessTransport;
  readonly #protocol: SubprocessStreamProtocol;
  /** The child's process id. */
  readonly pid: number;

  /**
   * @ignore Made by `createSubprocessExec()`/`createSubprocessShell()`.
   */
  constructor(transport: BaseSubprocessTransport, protocol: SubprocessStreamProtocol) {
    this.#transport = transport;
    this.#protocol = protocol;
    this.pid = transport.getPid();
  }

  /** `null` while running, then the exit code (`-N` when signal N ended it). */
  get returncode(): number | null {
    return this.#transport.getReturncode();
  }

  /** The child's standard input, when piped. */
  get stdin(): StreamWriter | null {
    return this.#protocol.stdin;
  }

  /** The child's standard output, when piped. */
  get stdout(): StreamReader | null {
    return this.#protocol.stdout;
  }

  /** The child's standard error, when piped (not with `STDOUT`). */
  get stderr(): StreamReader | null {
    return this.#protocol.stderr;
  }

  /**
   * Waits for the child to exit (and its pipes to close) and returns
   * `returncode`. Several tasks may wait at once. With `stdout: PIPE` and
   * a child that writes much, read while waiting (or use `communicate()`):
   * a full pipe blocks the child.
   */
  wait(): Promise<number> {
    return this.#transport._wait();
  }

  /**
   * Writes `input` to stdin and closes it, reads stdout and stderr to the
   * end at the same time, then waits for the exit. A child that closes its
   * stdin early does not make it fail (`BrokenPipeError` and
   * `ConnectionResetError` while feeding are ignored).
   *
   * @param input Bytes, or a string sent as UTF-8; ignored unless stdin is piped.
   * @returns `[stdout, stderr]`, `null` for a stream that is not piped. A
   * long output may be a view of a resizable `ArrayBuffer` (it grew in place
   * as the child wrote).
   */
  async communicate(input?: Uint8Array | string): Promise<[Uint8Array | null, Uint8Array | null]> {
    const bytes = typeof input === "string" ? encoder.encode(input) : input ?? null;
    const [, out, err] = await gather(
      () => this.#feedStdin(bytes),
      () => this.#readAll(1),
      () => this.#readAll(2),
    );
    await this.wait();
    return [out, err];
  }

  async #feedStdin(input: Uint8Array | null): Promise<void> {
    const stdin = this.stdin;
    if (stdin === null) return;
    try {
      if (input !== null) stdin.write(input);
      await stdin.drain();
    } catch (err) {
      if (!(err instanceof BrokenPipeError || err instanceof ConnectionResetError)) throw err;
    }
    stdin.close();
  }

  async #readAll(fd: 1 | 2): Promise<Uint8Array | null> {
    const reader = fd === 1 ? this.stdout : this.stderr;
    if (reader === null) return null;
    // Reads what is there at each wake-up, as asyncio's read(-1) reads in
    // blocks: the reader's buffer stays small, so the pipe is rarely paused.
    const output = new Collector();
    for (;;) {
      const part = await reader.read(READ_BLOCK);
      if (part.length === 0) break;
      output.add(part);
    }
    (this.#transport.getPipeTransport(fd) as Transport | null)?.close();
    return output.bytes();
  }

  /**
   * Sends `sig` to the child. A child that exited but is not yet seen as
   * finished is left alone, as in Python 3.13.
   *
   * @throws {ProcessLookupError} after the child was reaped (`wait()` returned).
   * @throws {ValueError} for an unknown signal name.
   */
  sendSignal(sig: Signal): void {
    this.#transport.sendSignal(sig);
  }

  /** Sends SIGTERM (see `sendSignal`). */
  terminate(): void {
    this.#transport.terminate();
  }

  /** Sends SIGKILL (see `sendSignal`). */
  kill(): void {
    this.#transport.kill();
  }

  /**
   * Kills the child if it still runs, closes the pipes and waits for the
   * exit (reaps the child). Closing the pipes first means a grandchild that
   * holds one of them open does not delay the end of the scope.
   */
  async [Symbol.asyncDispose](): Promise<void> {
    this.#transport.close(); // kills a running child (SIGKILL) and closes the pipes
    await this.wait();
  }
}

defineRepr(Process, (p) => `<Process ${p.pid}>`);

type ResizableBufferConstructor = new(
  length: number,
  options: { maxByteLength: number },
) => ArrayBuffer & { resize(length: number): void };

// Where ArrayBuffers can grow in place, the output is copied into one that
// grows: each part can be freed at once, and the memory touched is the
// output's own (fresh memory is dear: page faults cost more than the copy).
const Resizable = (() => {
  try {
    const probe = new (ArrayBuffer as unknown as ResizableBufferConstructor)(0, {
      maxByteLength: 1,
    });
    return typeof probe.resize === "function"
      ? ArrayBuffer as unknown as ResizableBufferConstructor
      : null;
  } catch {
    return null;
  }
})();

// The most one growing buffer reserves (address space, not memory); a
// longer output goes on in parts.
const MAX_OUTPUT = 2 ** 30;

/**
 * Collects the parts of a stream read to its end into one array. The array
 * may be a view of a resizable ArrayBuffer.
 */
class Collector {
  #parts: Uint8Array[] = [];
  #buffer: (ArrayBuffer & { resize(length: number): void }) | null = null;
  #length = 0;

  add(part: Uint8Array): void {
    const length = this.#length + part.length;
    if (
      this.#buffer === null && this.#parts.length === 1 && Resizable !== null
      && length <= MAX_OUTPUT
    ) {
      this.#buffer = new Resizable(0, { maxByteLength: MAX_OUTPUT });
      const first = this.#parts.pop()!;
      this.#length = 0;
      this.#append(first);
    }
    if (this.#buffer !== null) {
      if (length <= MAX_OUTPUT) {
        this.#append(part);
        return;
      }
      this.#parts = [new Uint8Array(this.#buffer, 0, this.#length)];
      this.#buffer = null;
    }
    this.#parts.push(part); // the first part is handed over as is if it stays alone
    this.#length = length;
  }

  #append(part: Uint8Array): void {
    const buffer = this.#buffer!;
    buffer.resize(this.#length + part.length);
    new Uint8Array(buffer, this.#length, part.length).set(part);
    this.#length += part.length;
  }

  bytes(): Uint8Array {
    if (this.#buffer !== null) return new Uint8Array(this.#buffer, 0, this.#length);
    if (this.#parts.length === 1) return this.#parts[0]!;
    const output = new Uint8Array(this.#length);
    let at = 0;
    for (const part of this.#parts) {
      output.set(part, at);
      at += part.length;
    }
    return output;
  }
}

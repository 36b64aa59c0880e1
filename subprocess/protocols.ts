/**
 * The subprocess protocol interface, and the protocol that connects a
 * child's pipes to `StreamReader`s and a `StreamWriter`. Ports the protocol
 * half of asyncio's `subprocess.py` and `protocols.SubprocessProtocol`.
 *
 * @module
 */
import { defineRepr } from "../_platform/mod.ts";
import type { AbstractEventLoop } from "../loop/types.ts";
import type { BaseProtocol } from "../streams/protocols.ts";
import { StreamReader } from "../streams/stream_reader.ts";
import { StreamReaderProtocol } from "../streams/stream_reader_protocol.ts";
import { StreamWriter } from "../streams/stream_writer.ts";
import type { Transport } from "../streams/transports.ts";
import type { SubprocessTransport } from "./subprocess_transport.ts";

/**
 * What `loop.subprocessExec()` calls as the child runs: `connectionMade`
 * first; per pipe, `pipeDataReceived` for each chunk, then
 * `pipeConnectionLost`; `processExited` once; `connectionLost` last, after
 * the exit and the last pipe. The order across pipes, and where
 * `processExited` falls among the pipe events, is not fixed.
 *
 * @example
 * ```ts
 * import type { SubprocessProtocol } from "@asyncio/asyncio/subprocess";
 *
 * class Collect implements SubprocessProtocol {
 *   chunks: Uint8Array[] = [];
 *   pipeDataReceived(_fd: 1 | 2, data: Uint8Array): void {
 *     this.chunks.push(data);
 *   }
 * }
 * new Collect();
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-protocol.html#subprocess-protocols
 */
export interface SubprocessProtocol extends BaseProtocol {
  /** The child wrote `data` to its stdout (`fd` 1) or stderr (`fd` 2). */
  pipeDataReceived?(fd: 1 | 2, data: Uint8Array): void;
  /** A pipe closed; `exc` is why when it failed. */
  pipeConnectionLost?(fd: 0 | 1 | 2, exc: Error | null): void;
  /** The child exited (`transport.getReturncode()` has the code). */
  processExited?(): void;
}

/**
 * The protocol `createSubprocessExec()` uses: stdout and stderr feed
 * `StreamReader`s with the given limit, stdin is a `StreamWriter` whose
 * `drain()` follows the pipe's write buffer. Ports asyncio's
 * `SubprocessStreamProtocol`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getRunningLoop, run } from "@asyncio/asyncio/loop";
 * import { SubprocessStreamProtocol } from "@asyncio/asyncio/subprocess";
 *
 * await run(async () => {
 *   const loop = getRunningLoop();
 *   const [transport, protocol] = await loop.subprocessExec(
 *     () => new SubprocessStreamProtocol(loop, 65536),
 *     "echo",
 *     ["hi"],
 *     { stdin: null, stderr: null },
 *   );
 *   assert.equal(new TextDecoder().decode(await protocol.stdout!.read()), "hi\n");
 *   transport.close();
 * });
 * ```
 */
export class SubprocessStreamProtocol implements SubprocessProtocol {
  /** The child's stdin, when piped. */
  stdin: StreamWriter | null = null;
  /** The child's stdout, when piped. */
  stdout: StreamReader | null = null;
  /** The child's stderr, when piped. */
  stderr: StreamReader | null = null;
  readonly #loop: AbstractEventLoop;
  readonly #limit: number;
  // stdin's flow control and close waiter: drain() waits on it while the
  // pipe's buffer is above the high-water mark, and fails once it is lost.
  // Made only when stdin is piped.
  #stdinFlow: StreamReaderProtocol | null = null;
  #transport: SubprocessTransport | null = null;
  #openReaders = new Set<1 | 2>();
  #exited = false;

  /**
   * Makes the protocol; `connectionMade` creates the streams.
   *
   * @param loop The loop.
   * @param limit The readers' buffer limit.
   */
  constructor(loop: AbstractEventLoop, limit: number) {
    this.#loop = loop;
    this.#limit = limit;
  }

  /** Makes the readers and the writer for the piped streams. */
  connectionMade(transport: SubprocessTransport): void {
    this.#transport = transport;
    for (const fd of [1, 2] as const) {
      const pipe = transport.getPipeTransport(fd) as Transport | null;
      if (pipe === null) continue;
      const reader = new StreamReader({ limit: this.#limit });
      reader.setTransport(pipe);
      if (fd === 1) this.stdout = reader;
      else this.stderr = reader;
      this.#openReaders.add(fd);
    }
    const stdin = transport.getPipeTransport(0) as Transport | null;
    if (stdin !== null) {
      const flow = new StreamReaderProtocol(null, null, { loop: this.#loop });
      this.#stdinFlow = flow;
      flow.connectionMade(stdin);
      this.stdin = new StreamWriter(stdin, flow, null, this.#loop);
    }
  }

  /** Feeds the reader of `fd` (the subprocess transport gives `data` away: no copy). */
  pipeDataReceived(fd: 1 | 2, data: Uint8Array): void {
    (fd === 1 ? this.stdout : this.stderr)?._feedData(data, true);
  }

  /** Ends the reader of `fd` (or fails `drain()` for stdin). */
  pipeConnectionLost(fd: 0 | 1 | 2, exc: Error | null): void {
    if (fd === 0) {
      this.#stdinFlow?.connectionLost(exc);
      return;
    }
    const reader = fd === 1 ? this.stdout : this.stderr;
    if (reader !== null) {
      if (exc === null) reader.feedEof();
      else reader.setException(exc);
    }
    this.#openReaders.delete(fd);
    this.#maybeCloseTransport();
  }

  /** The stdin pipe's buffer went over the high-water mark. */
  pauseWriting(): void {
    this.#stdinFlow?.pauseWriting();
  }

  /** The stdin pipe's buffer went under the low-water mark. */
  resumeWriting(): void {
    this.#stdinFlow?.resumeWriting();
  }

  /** Closes the transport once the readers are done too. */
  processExited(): void {
    this.#exited = true;
    this.#maybeCloseTransport();
  }

  #maybeCloseTransport(): void {
    if (this.#openReaders.size === 0 && this.#exited && this.#transport !== null) {
      this.#transport.close();
      this.#transport = null;
    }
  }
}

defineRepr(SubprocessStreamProtocol, () => "<SubprocessStreamProtocol>");

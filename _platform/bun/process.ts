/**
 * Bun adapter of the process interface (`../process_types.ts`), over
 * `Bun.spawn`. A merged stderr (`"stdout"`) goes through
 * `node:child_process` (`../node/process.ts`), which can give the child one
 * descriptor for both streams.
 *
 * @module
 */
import { nodeProcess } from "../node.ts";
import { nodeSpawn } from "../node/process.ts";
import type { PlatformProcess, PlatformProcesses, SpawnOptions } from "../process_types.ts";
import { signalNumbers } from "../signal_table.ts";
import type { PlatformSocket } from "../socket_types.ts";
import { spawnError } from "../spawn_error.ts";
import { ReadPipe, webError, WritePipe, type WriteSink } from "../web_pipe.ts";

type BunStdio = "pipe" | "ignore" | "inherit";
interface FileSink {
  write(data: Uint8Array): number | Promise<number>;
  flush(): number | Promise<number>;
  end(): number | Promise<number>;
}
interface BunChild {
  pid: number;
  stdin: FileSink;
  stdout: ReadableStream<Uint8Array>;
  stderr: ReadableStream<Uint8Array>;
  exited: Promise<number>;
  exitCode: number | null;
  signalCode: string | null;
  kill(signal?: string): void;
}
interface BunProcessApi {
  spawn(argv: string[], options: {
    cwd?: string;
    env?: Record<string, string>;
    stdin: BunStdio;
    stdout: BunStdio;
    stderr: BunStdio;
  }): BunChild;
}
interface FsModule {
  statSync(
    path: string,
    options: { throwIfNoEntry: false },
  ): { isDirectory(): boolean } | undefined;
}

function bun(): BunProcessApi {
  return (globalThis as unknown as { Bun: BunProcessApi }).Bun;
}

function mode(m: SpawnOptions["stdin"]): BunStdio {
  return m === "null" ? "ignore" : m;
}

function cwdMissing(cwd: string): boolean {
  const fs = nodeProcess().getBuiltinModule?.("node:fs") as FsModule | undefined;
  const st = fs?.statSync(cwd, { throwIfNoEntry: false });
  return st === undefined || !st.isDirectory();
}

function bunSpawn(options: SpawnOptions): Promise<PlatformProcess> {
  if (options.stderr === "stdout") return nodeSpawn(options);
  try {
    options.signal?.throwIfAborted();
    const child = bun().spawn([options.program, ...options.args], {
      stdin: mode(options.stdin),
      stdout: mode(options.stdout),
      stderr: mode(options.stderr),
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
      ...(options.env !== undefined ? { env: { ...options.env } } : {}),
    });
    return Promise.resolve(new BunProcess(child, options));
  } catch (err) {
    return Promise.reject(
      options.signal?.aborted
        ? options.signal.reason
        : spawnError(err, options, cwdMissing, webError),
    );
  }
}

// A FileSink takes any amount and buffers what the pipe does not take; one
// large write is slow (measured: 64 MiB at once runs at a third of the
// speed of 64 KiB pieces). The queue hands it pieces, each after the
// previous one was flushed, and says when a write is out. A piece written
// while nothing is in flight, and flushed at once (the pipe took it all),
// is done on the spot: no promise, so the writer's drain() does not wait.
const PIECE = 64 * 1024;
const DONE: Promise<void> = Promise.resolve();

class FileSinkQueue implements WriteSink {
  readonly #sink: FileSink;
  // Writes run one after another: each starts when the one before is out.
  #tail: Promise<void> = DONE;
  #inFlight = 0;
  #failed: unknown = null;

  constructor(sink: FileSink) {
    this.#sink = sink;
  }

  write(data: Uint8Array): Promise<unknown> | null {
    if (this.#inFlight === 0 && this.#failed === null && data.byteLength <= PIECE) {
      let flushed: number | Promise<number>;
      try {
        const w = this.#sink.write(data);
        if (typeof w !== "number") return this.#track(w.then(() => this.#sink.flush()));
        flushed = this.#sink.flush();
      } catch (err) {
        this.#failed = err;
        return Promise.reject(err);
      }
      return typeof flushed === "number" ? null : this.#track(flushed);
    }
    return this.#track(this.#tail.then(() => this.#pieces(data)));
  }

  #track(op: Promise<unknown>): Promise<void> {
    this.#inFlight++;
    const done = op.then(() => {
      this.#inFlight--;
    }, (err) => {
      this.#inFlight--;
      this.#failed ??= err;
      throw err;
    });
    this.#tail = done.catch(() => {});
    return done;
  }

  async #pieces(data: Uint8Array): Promise<void> {
    for (let i = 0; i < data.byteLength; i += PIECE) {
      if (this.#failed !== null) throw this.#failed;
      const w = this.#sink.write(data.subarray(i, i + PIECE));
      if (typeof w !== "number") await w;
      const f = this.#sink.flush();
      if (typeof f !== "number") await f;
    }
  }

  async close(): Promise<unknown> {
    await this.#tail;
    if (this.#failed !== null) throw this.#failed;
    return await this.#sink.end();
  }

  async abort(): Promise<unknown> {
    this.#failed ??= new Error("The pipe was closed");
    try {
      return await this.#sink.end();
    } catch {
      return undefined;
    }
  }
}

class BunProcess implements PlatformProcess {
  readonly #child: BunChild;
  readonly pid: number;
  readonly stdin: PlatformSocket | null;
  readonly stdout: PlatformSocket | null;
  readonly stderr: PlatformSocket | null;
  readonly exited: Promise<number>;
  #done = false;

  constructor(child: BunChild, options: SpawnOptions) {
    this.#child = child;
    this.pid = child.pid;
    this.exited = child.exited.then((code) => {
      this.#done = true;
      const signal = child.signalCode;
      if (signal === null) return child.exitCode ?? code;
      return -(signalNumbers(nodeProcess().platform).get(signal) ?? code - 128);
    });
    if (options.stdin === "pipe") {
      this.stdin = new WritePipe(new FileSinkQueue(child.stdin));
    } else this.stdin = null;
    this.stdout = options.stdout === "pipe" ? new ReadPipe(child.stdout) : null;
    this.stderr = options.stderr === "pipe" ? new ReadPipe(child.stderr) : null;
  }

  kill(signal: string): boolean {
    if (this.#done || this.#child.exitCode !== null || this.#child.signalCode !== null) {
      return false;
    }
    try {
      this.#child.kill(signal);
      return true;
    } catch (err) {
      throw webError(err, `Cannot send ${signal} to process ${this.pid}`);
    }
  }
}

/** Child processes on Bun. */
export const bunProcesses: PlatformProcesses = { spawn: bunSpawn };

/**
 * Bun adapter of the process interface (`../process_types.ts`), over
 * `Bun.spawn`. A merged stderr (`"stdout"`) goes through
 * `node:child_process` (`../node/process.ts`), which can give the child one
 * descriptor for both streams.
 *
 * @module
 */
import { osErrorFromCode } from "../../errors.ts";
import { nodeProcess } from "../node.ts";
import { nodeSpawn } from "../node/process.ts";
import type { PlatformProcess, PlatformProcesses, SpawnOptions } from "../process_types.ts";
import { signalNumbers } from "../signal_table.ts";
import type { PlatformSocket } from "../socket_types.ts";
import { ReadPipe, webError, WritePipe } from "../web_pipe.ts";

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

function spawnError(err: unknown, options: SpawnOptions): Error {
  const code = (err as { code?: unknown })?.code;
  if (code === "ENOENT" && options.cwd !== undefined && cwdMissing(options.cwd)) {
    return osErrorFromCode("ENOENT", `No such file or directory: cwd '${options.cwd}'`, {
      cause: err,
    });
  }
  if (code === "ENOENT") {
    return osErrorFromCode("ENOENT", `No such file or directory: '${options.program}'`, {
      cause: err,
    });
  }
  if (code === "EACCES" || code === "EPERM") {
    return osErrorFromCode(code, `Permission denied: '${options.program}'`, { cause: err });
  }
  return webError(err, `Cannot start '${options.program}'`);
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
      options.signal?.aborted ? options.signal.reason : spawnError(err, options),
    );
  }
}

/** `value` as a promise when it is one, else `null` (the bytes are out). */
function pending(value: number | Promise<number>): Promise<number> | null {
  return typeof value === "number" ? null : value;
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
      const sink = child.stdin;
      this.stdin = new WritePipe({
        // A FileSink buffers what the pipe does not take; flush() says when it is out.
        write: (data) => {
          const w = pending(sink.write(data));
          const f = pending(sink.flush());
          if (w === null) return f;
          return f === null ? w : Promise.all([w, f]);
        },
        close: () => Promise.resolve(sink.end()),
        abort: () => {
          try {
            return Promise.resolve(sink.end()).catch(() => {});
          } catch {
            return Promise.resolve();
          }
        },
      });
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

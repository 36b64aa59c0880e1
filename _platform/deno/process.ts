/**
 * Deno adapter of the process interface (`../process_types.ts`), over
 * `Deno.Command`. A merged stderr (`"stdout"`) goes through
 * `node:child_process` (`../node/process.ts`): `Deno.Command` cannot give the
 * child one descriptor for both streams.
 *
 * @module
 */
import { nodeSpawn } from "../node/process.ts";
import type { PlatformProcess, PlatformProcesses, SpawnOptions } from "../process_types.ts";
import { signalNumbers } from "../signal_table.ts";
import type { PlatformSocket } from "../socket_types.ts";
import { spawnError } from "../spawn_error.ts";
import { ReadPipe, webError, WritePipe } from "../web_pipe.ts";

type DenoStdio = "piped" | "null" | "inherit";
interface DenoChild {
  pid: number;
  stdin: WritableStream<Uint8Array>;
  stdout: ReadableStream<Uint8Array>;
  stderr: ReadableStream<Uint8Array>;
  status: Promise<{ code: number; signal: string | null }>;
  kill(signal?: string): void;
}
interface DenoProcessApi {
  Command: new(program: string, options: {
    args: string[];
    cwd?: string;
    env?: Record<string, string>;
    clearEnv?: boolean;
    stdin: DenoStdio;
    stdout: DenoStdio;
    stderr: DenoStdio;
  }) => { spawn(): DenoChild };
  statSync(path: string): { isDirectory: boolean };
  build: { os: string };
}

function deno(): DenoProcessApi {
  return (globalThis as unknown as { Deno: DenoProcessApi }).Deno;
}

// A large write goes down in pieces, one after another: one op holding a
// huge buffer starves the reads of the other pipes (measured: 64 MiB at once
// through `cat` ran at a fraction of the speed of 1 MiB pieces).
const PIECE = 1024 * 1024;

async function writePieces(
  writer: WritableStreamDefaultWriter<Uint8Array>,
  data: Uint8Array,
): Promise<void> {
  for (let i = 0; i < data.byteLength; i += PIECE) await writer.write(data.subarray(i, i + PIECE));
}

function mode(m: SpawnOptions["stdin"]): DenoStdio {
  return m === "pipe" ? "piped" : m;
}

function cwdMissing(cwd: string): boolean {
  try {
    return !deno().statSync(cwd).isDirectory;
  } catch {
    return true;
  }
}

function denoSpawn(options: SpawnOptions): Promise<PlatformProcess> {
  if (options.stderr === "stdout") return nodeSpawn(options);
  try {
    options.signal?.throwIfAborted();
    const child = new (deno().Command)(options.program, {
      args: [...options.args],
      stdin: mode(options.stdin),
      stdout: mode(options.stdout),
      stderr: mode(options.stderr),
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
      ...(options.env !== undefined ? { env: { ...options.env }, clearEnv: true } : {}),
    }).spawn();
    return Promise.resolve(new DenoProcess(child, options));
  } catch (err) {
    return Promise.reject(
      options.signal?.aborted
        ? options.signal.reason
        : spawnError(err, options, cwdMissing, webError),
    );
  }
}

class DenoProcess implements PlatformProcess {
  readonly #child: DenoChild;
  readonly pid: number;
  readonly stdin: PlatformSocket | null;
  readonly stdout: PlatformSocket | null;
  readonly stderr: PlatformSocket | null;
  readonly exited: Promise<number>;
  #done = false;

  constructor(child: DenoChild, options: SpawnOptions) {
    this.#child = child;
    this.pid = child.pid;
    this.exited = child.status.then(({ code, signal }) => {
      this.#done = true;
      if (signal === null) return code;
      return -(signalNumbers(deno().build.os).get(signal) ?? code - 128);
    });
    if (options.stdin === "pipe") {
      const writer = child.stdin.getWriter();
      this.stdin = new WritePipe({
        write: (data) => data.byteLength <= PIECE ? writer.write(data) : writePieces(writer, data),
        close: () => writer.close(),
        abort: () => writer.abort(),
      });
    } else this.stdin = null;
    this.stdout = options.stdout === "pipe" ? new ReadPipe(child.stdout) : null;
    this.stderr = options.stderr === "pipe" ? new ReadPipe(child.stderr) : null;
  }

  kill(signal: string): boolean {
    if (this.#done) return false;
    try {
      this.#child.kill(signal);
      return true;
    } catch (err) {
      // "Child process has already terminated": exited, not yet seen here.
      if (err instanceof TypeError) return false;
      throw webError(err, `Cannot send ${signal} to process ${this.pid}`);
    }
  }
}

/** Child processes on Deno. */
export const denoProcesses: PlatformProcesses = { spawn: denoSpawn };

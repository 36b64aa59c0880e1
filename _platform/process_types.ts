/**
 * The child-process interface of DESIGN.md §9, implemented by
 * `deno/process.ts` (`Deno.Command`), `bun/process.ts` (`Bun.spawn`) and
 * `node/process.ts` (`node:child_process`). A child's pipes are
 * {@linkcode PlatformSocket}s, so `subprocess/` reads and writes them with
 * the stream transports.
 *
 * Rules every adapter keeps:
 *
 * - A program is started directly with its argument vector, never through a
 *   shell: the arguments reach the child byte for byte.
 * - Pipes start paused, like sockets; `end()` or `close()` of the stdin pipe
 *   closes the child's standard input. Read pipes report the child's end of
 *   output with `onEnd`, then `onClose`.
 * - `stderr: "stdout"` makes the child's descriptor 2 a duplicate of its
 *   descriptor 1 (one open file), so the parent reads the interleaving the
 *   child wrote.
 * - Failures to start reject `spawn()` with `errors.ts` classes:
 *   `FileNotFoundError` (`ENOENT`: no such program, or no such `cwd`),
 *   `PermissionError` (`EACCES`), `OSError` with the code otherwise. Nothing
 *   is left open after a failed spawn.
 * - A child that has exited and whose pipes are closed never keeps the
 *   parent process alive.
 *
 * @module
 */
import type { PlatformSocket } from "./socket_types.ts";

/** What the child gets for one standard stream. */
export type PlatformStdio = "pipe" | "null" | "inherit";

/** How to start a child. */
export interface SpawnOptions {
  /** The program: a path, or a name looked up in `PATH`. */
  program: string;
  /** The arguments after the program name (`argv[1:]`). */
  args: readonly string[];
  /** The working directory (default: the parent's). */
  cwd?: string;
  /** The whole environment of the child (default: the parent's). */
  env?: Readonly<Record<string, string>>;
  /** Standard input. */
  stdin: PlatformStdio;
  /** Standard output. */
  stdout: PlatformStdio;
  /** Standard error; `"stdout"` makes it the same descriptor as standard output. */
  stderr: PlatformStdio | "stdout";
  /** Aborts a spawn still in progress: the child, if started, is killed and reaped. */
  signal?: AbortSignal;
}

/** A running (or finished) child process. */
export interface PlatformProcess {
  /** The child's process id. */
  readonly pid: number;
  /** The write end of the child's standard input, when piped. */
  readonly stdin: PlatformSocket | null;
  /** The read end of the child's standard output, when piped. */
  readonly stdout: PlatformSocket | null;
  /** The read end of the child's standard error, when piped (not with `"stdout"`). */
  readonly stderr: PlatformSocket | null;
  /**
   * Resolves when the child has exited, with asyncio's return code: the
   * exit status, or `-N` when signal `N` ended it. Never rejects.
   */
  readonly exited: Promise<number>;
  /**
   * Sends `signal` (a name like `"SIGTERM"`) to the child. A child that has
   * exited is left alone (returns `false`).
   *
   * @throws {PermissionError} when the OS refuses.
   */
  kill(signal: string): boolean;
}

/** What a runtime offers for child processes. */
export interface PlatformProcesses {
  /** Starts a child; resolves once it runs. */
  spawn(options: SpawnOptions): Promise<PlatformProcess>;
}

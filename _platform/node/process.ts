/**
 * Node adapter of the process interface (`../process_types.ts`), over
 * `node:child_process` reached lazily through `process.getBuiltinModule`.
 * Deno and Bun use it too when stderr is merged into stdout: their own APIs
 * cannot give the child one descriptor for both, `node:child_process` can.
 *
 * @module
 */
import { RuntimeError } from "../../errors.ts";
import { nodeProcess } from "../node.ts";
import type { PlatformProcess, PlatformProcesses, SpawnOptions } from "../process_types.ts";
import { signalNumbers } from "../signal_table.ts";
import type { PlatformSocket } from "../socket_types.ts";
import { spawnError } from "../spawn_error.ts";
import { nodeError, NodePipe, type NodeStream } from "./pipe.ts";

interface ChildProcess {
  pid?: number;
  stdin: NodeStream | null;
  stdout: NodeStream | null;
  stderr: NodeStream | null;
  exitCode: number | null;
  signalCode: string | null;
  kill(signal: string): boolean;
  once(event: string, cb: (...args: never[]) => void): unknown;
  on(event: string, cb: (...args: never[]) => void): unknown;
}
type NodeStdio = "pipe" | "ignore" | "inherit" | number | NodeStream;
interface ChildProcessModule {
  spawn(
    program: string,
    args: readonly string[],
    options: {
      stdio: NodeStdio[];
      cwd?: string;
      env?: Record<string, string>;
      windowsHide: boolean;
    },
  ): ChildProcess;
}
interface NetServer {
  listen(path: string, cb: () => void): unknown;
  once(event: string, cb: (...args: never[]) => void): unknown;
  close(): unknown;
}
interface NetModule {
  createServer(): NetServer;
  connect(path: string): NodeStream & { once(event: string, cb: (...a: never[]) => void): unknown };
}
interface FsModule {
  statSync(
    path: string,
    options: { throwIfNoEntry: false },
  ): { isDirectory(): boolean } | undefined;
}
interface OsModule {
  tmpdir(): string;
}

function builtin<T>(id: string): T {
  const mod = nodeProcess().getBuiltinModule?.(id) as T | undefined;
  if (mod === undefined) {
    throw new RuntimeError(`Subprocesses need ${id}, which this runtime lacks`);
  }
  return mod;
}

let counter = 0;

/**
 * Two connected Unix stream sockets: the child gets one as both stdout and
 * stderr (one descriptor duplicated onto 1 and 2), the parent reads the
 * other. Linux uses the abstract namespace (no file); elsewhere a socket
 * file in the temporary directory, removed once connected.
 */
async function socketPair(): Promise<[parent: NodeStream, child: NodeStream]> {
  const net = builtin<NetModule>("node:net");
  const platform = nodeProcess().platform;
  const name = `asyncio-${nodeProcess().pid}-${++counter}-${Math.random().toString(36).slice(2)}`;
  const path = platform === "linux"
    ? `\0${name}`
    : `${builtin<OsModule>("node:os").tmpdir()}/${name}.sock`;
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, resolve);
  });
  try {
    const accepted = new Promise<NodeStream>((resolve) => server.once("connection", resolve));
    const client = net.connect(path);
    await new Promise<void>((resolve, reject) => {
      client.once("connect", resolve);
      client.once("error", reject);
    });
    return [client, await accepted];
  } finally {
    server.close(); // also removes a socket file
  }
}

function toNodeStdio(mode: SpawnOptions["stdin"]): NodeStdio {
  return mode === "pipe" ? "pipe" : mode === "null" ? "ignore" : "inherit";
}

/**
 * The child's stdout and stderr when they are merged and not piped: the
 * null device, or the parent's descriptor 1 for both (an inherited stdout
 * spelled as the descriptor, so that 1 and 2 are one open file also where
 * the runtime redirects "inherit", as `deno test` does to capture output).
 */
function mergedStderr(stdout: SpawnOptions["stdout"]): NodeStdio {
  return stdout === "null" ? "ignore" : 1;
}

function cwdMissing(cwd: string): boolean {
  const st = builtin<FsModule>("node:fs").statSync(cwd, { throwIfNoEntry: false });
  return st === undefined || !st.isDirectory();
}

function destroyAll(streams: (NodeStream | null | undefined)[]): void {
  for (const s of streams) s?.destroy();
}

/** Starts a child through `node:child_process`. */
export async function nodeSpawn(options: SpawnOptions): Promise<PlatformProcess> {
  const abort = options.signal;
  abort?.throwIfAborted();
  const merged = options.stderr === "stdout";
  let pair: [NodeStream, NodeStream] | null = null;
  if (merged && options.stdout === "pipe") pair = await socketPair();
  const stdio: NodeStdio[] = [
    toNodeStdio(options.stdin),
    pair ? pair[1] : merged ? mergedStderr(options.stdout) : toNodeStdio(options.stdout),
    pair
      ? pair[1]
      : merged
      ? mergedStderr(options.stdout)
      : toNodeStdio(options.stderr as SpawnOptions["stdin"]),
  ];

  const cp = builtin<ChildProcessModule>("node:child_process");
  let child: ChildProcess;
  try {
    child = cp.spawn(options.program, options.args, {
      stdio,
      windowsHide: true,
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
      ...(options.env !== undefined ? { env: { ...options.env } } : {}),
    });
  } catch (err) {
    destroyAll(pair ?? []);
    throw spawnError(err, options, cwdMissing, nodeError);
  }
  // The child holds its own copy of the socket now.
  pair?.[1].destroy();
  const exited = new Promise<number>((resolve) => {
    child.once(
      "exit",
      ((code: number | null, signal: string | null) => {
        resolve(code ?? -(signalNumbers(nodeProcess().platform).get(signal ?? "") ?? 0));
      }) as (...args: never[]) => void,
    );
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once("spawn", resolve);
      child.once("error", reject);
    });
    // The spawn event comes a tick after the child started: an abort in
    // between is seen here. (No listener on the signal: one scope's signal
    // may see many spawns at once, and Node warns past ten listeners.)
    abort?.throwIfAborted();
  } catch (err) {
    destroyAll([child.stdin, child.stdout, child.stderr, pair?.[0]]);
    if (child.pid !== undefined) {
      child.kill("SIGKILL");
      await exited;
    }
    throw abort?.aborted ? abort.reason : spawnError(err, options, cwdMissing, nodeError);
  }
  return new NodeChild(child, exited, pair?.[0] ?? null);
}

class NodeChild implements PlatformProcess {
  readonly #child: ChildProcess;
  readonly pid: number;
  readonly stdin: PlatformSocket | null;
  readonly stdout: PlatformSocket | null;
  readonly stderr: PlatformSocket | null;
  readonly exited: Promise<number>;
  #done = false;

  constructor(child: ChildProcess, exited: Promise<number>, mergedOut: NodeStream | null) {
    this.#child = child;
    this.pid = child.pid as number;
    this.exited = exited.then((rc) => {
      this.#done = true;
      return rc;
    });
    // Errors after the spawn (a failed kill) must not crash the process.
    child.on("error", () => {});
    this.stdin = child.stdin ? new NodePipe(child.stdin, false) : null;
    const out = mergedOut ?? child.stdout;
    this.stdout = out ? new NodePipe(out, true) : null;
    this.stderr = child.stderr ? new NodePipe(child.stderr, true) : null;
  }

  kill(signal: string): boolean {
    if (this.#done || this.#child.exitCode !== null || this.#child.signalCode !== null) {
      return false;
    }
    return this.#child.kill(signal);
  }
}

/** Child processes through `node:child_process`. */
export const nodeProcesses: PlatformProcesses = { spawn: nodeSpawn };

/**
 * `createSubprocessExec` and `createSubprocessShell`, and the
 * implementation of the loop's `subprocessExec`/`subprocessShell`. Ports the
 * functions of asyncio's `subprocess.py` and `base_events.subprocess_*`.
 *
 * @module
 */
import { subprocessSupport } from "../loop/_subprocess.ts";
import type { EventLoop } from "../loop/event_loop.ts";
import { getRunningLoop } from "../loop/running_loop.ts";
import type { AbstractEventLoop } from "../loop/types.ts";
import { currentSignal } from "../tasks/current_task.ts";
import { checkArgv, checkOptions, shellArgv } from "./_options.ts";
import type { SubprocessOptions } from "./constants.ts";
import { Process } from "./process.ts";
import { type SubprocessProtocol, SubprocessStreamProtocol } from "./protocols.ts";
import { BaseSubprocessTransport, type SubprocessTransport } from "./subprocess_transport.ts";

async function start<P extends SubprocessProtocol>(
  loop: AbstractEventLoop,
  factory: () => P,
  program: string,
  args: readonly string[],
  options: SubprocessOptions | undefined,
  fallback: "pipe" | "inherit",
): Promise<[SubprocessTransport, P]> {
  const { spawn } = checkOptions(program, args, options, fallback);
  spawn.signal ??= currentSignal();
  const protocol = factory();
  const transport = await BaseSubprocessTransport.create(loop as EventLoop, protocol, spawn);
  return [transport, protocol];
}

subprocessSupport.impl = {
  exec(loop, factory, program, args, options) {
    return start(loop, factory, program, checkArgv(program, args), options, "pipe");
  },
  shell(loop, factory, cmd, options) {
    const [sh, args] = shellArgv(cmd);
    return start(loop, factory, sh, args, options, "pipe");
  },
};

function splitArgs(rest: unknown[]): [unknown[], SubprocessOptions | undefined] {
  const last = rest.at(-1);
  if (last !== null && typeof last === "object" && !Array.isArray(last)) {
    return [rest.slice(0, -1), last as SubprocessOptions];
  }
  return [rest, undefined];
}

async function startProcess(
  program: unknown,
  args: unknown[],
  options: SubprocessOptions | undefined,
): Promise<Process> {
  const loop = getRunningLoop();
  const argv = checkArgv(program, args);
  const { spawn, limit } = checkOptions(program as string, argv, options, "inherit");
  spawn.signal ??= currentSignal();
  const protocol = new SubprocessStreamProtocol(loop, limit);
  const transport = await BaseSubprocessTransport.create(loop as EventLoop, protocol, spawn);
  return new Process(transport, protocol);
}

/**
 * Starts `program` with `args`, directly, never through a shell: each
 * argument reaches the child byte for byte, whatever quotes, spaces, `;` or
 * `$(...)` it holds. A trailing options object sets the stdio (`PIPE`,
 * `DEVNULL`, `"inherit"` or `null`; `STDOUT` for stderr), `cwd`, `env`,
 * `limit` and an abort `signal`.
 *
 * Differences from asyncio: keyword arguments are the trailing options
 * object; the program is looked up in `PATH` as `subprocess.Popen` does.
 *
 * @param program The program: a path, or a name looked up in `PATH`.
 * @param args The arguments, optionally followed by the options.
 * @returns The running {@linkcode Process}.
 * @throws {FileNotFoundError} `ENOENT`: no such program, or no such `cwd`.
 * @throws {PermissionError} `EACCES`: the program is not executable.
 * @throws {TypeError} when the program or an argument is not a string.
 * @throws {ValueError} for an unknown stdio value or `limit <= 0`.
 * @throws {RuntimeError} `no running event loop`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run } from "@asyncio/asyncio/loop";
 * import { createSubprocessExec, PIPE } from "@asyncio/asyncio/subprocess";
 *
 * await run(async () => {
 *   const proc = await createSubprocessExec("printf", "%s|", "a b", "$(no)", { stdout: PIPE });
 *   const [out] = await proc.communicate();
 *   assert.equal(new TextDecoder().decode(out!), "a b|$(no)|");
 *   assert.equal(proc.returncode, 0);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-subprocess.html#asyncio.create_subprocess_exec
 */
export function createSubprocessExec(
  program: string,
  ...args: [...string[], SubprocessOptions] | string[]
): Promise<Process> {
  const [argv, options] = splitArgs(args);
  return startProcess(program, argv, options);
}

/**
 * Runs `cmd` through the system shell (`/bin/sh -c cmd`). This is the only
 * function that interprets a command line: quote anything that comes from
 * outside (for example each argument wrapped in single quotes, with every
 * `'` in it written as `'\''`), or use {@linkcode createSubprocessExec}.
 *
 * @param cmd The command line.
 * @param options Stdio, `cwd`, `env`, `limit`, `signal` (see `createSubprocessExec`).
 * @returns The running {@linkcode Process} (the shell's).
 * @throws {ValueError} `cmd must be a string`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run } from "@asyncio/asyncio/loop";
 * import { createSubprocessShell, PIPE } from "@asyncio/asyncio/subprocess";
 *
 * await run(async () => {
 *   const proc = await createSubprocessShell("echo $((6 * 7))", { stdout: PIPE });
 *   const [out] = await proc.communicate();
 *   assert.equal(new TextDecoder().decode(out!), "42\n");
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-subprocess.html#asyncio.create_subprocess_shell
 */
export function createSubprocessShell(cmd: string, options?: SubprocessOptions): Promise<Process> {
  try {
    const [sh, args] = shellArgv(cmd);
    return startProcess(sh, args, options);
  } catch (err) {
    return Promise.reject(err);
  }
}

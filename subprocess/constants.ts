/**
 * The stdio constants of asyncio's `subprocess` module and the options of
 * the functions that start a child.
 *
 * @module
 */

/**
 * Connect this standard stream of the child to a pipe: `proc.stdin` becomes
 * a `StreamWriter`, `proc.stdout`/`proc.stderr` a `StreamReader`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run } from "@asyncio/asyncio/loop";
 * import { createSubprocessExec, PIPE } from "@asyncio/asyncio/subprocess";
 *
 * await run(async () => {
 *   const proc = await createSubprocessExec("echo", "hi", { stdout: PIPE });
 *   const [out] = await proc.communicate();
 *   assert.equal(new TextDecoder().decode(out!), "hi\n");
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-subprocess.html#asyncio.subprocess.PIPE
 */
export const PIPE: unique symbol = Symbol("PIPE");

/**
 * For `stderr` only: the child's standard error is the same descriptor as
 * its standard output (one file, so the parent reads the interleaving the
 * child wrote).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run } from "@asyncio/asyncio/loop";
 * import { createSubprocessShell, PIPE, STDOUT } from "@asyncio/asyncio/subprocess";
 *
 * await run(async () => {
 *   const proc = await createSubprocessShell("echo a; echo b >&2", { stdout: PIPE, stderr: STDOUT });
 *   const [out, err] = await proc.communicate();
 *   assert.equal(new TextDecoder().decode(out!), "a\nb\n");
 *   assert.equal(err, null);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-subprocess.html#asyncio.subprocess.STDOUT
 */
export const STDOUT: unique symbol = Symbol("STDOUT");

/**
 * Connect this standard stream of the child to the null device.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run } from "@asyncio/asyncio/loop";
 * import { createSubprocessExec, DEVNULL } from "@asyncio/asyncio/subprocess";
 *
 * await run(async () => {
 *   const proc = await createSubprocessExec("echo", "quiet", { stdout: DEVNULL });
 *   assert.equal(proc.stdout, null);
 *   assert.equal(await proc.wait(), 0);
 * });
 * ```
 *
 * @see https://docs.python.org/3/library/asyncio-subprocess.html#asyncio.subprocess.DEVNULL
 */
export const DEVNULL: unique symbol = Symbol("DEVNULL");

/** What a child's standard stream is connected to; `null` and `"inherit"` share the parent's. */
export type Stdio = typeof PIPE | typeof DEVNULL | "inherit" | null;

/** Options of `createSubprocessExec`, `createSubprocessShell` and the loop's subprocess methods. */
export interface SubprocessOptions {
  /** Standard input (default: inherit; `loop.subprocessExec` defaults to `PIPE`). */
  stdin?: Stdio;
  /** Standard output (default: inherit; `loop.subprocessExec` defaults to `PIPE`). */
  stdout?: Stdio;
  /** Standard error, or `STDOUT` to merge it into standard output. */
  stderr?: Stdio | typeof STDOUT;
  /** The child's working directory. */
  cwd?: string;
  /** The child's whole environment (replaces the parent's, as in Python). */
  env?: Record<string, string>;
  /** Buffer limit of the `StreamReader`s (default 64 KiB). */
  limit?: number;
  /** Aborts a spawn still in progress (default: the current cancel scope's signal). */
  signal?: AbortSignal;
}

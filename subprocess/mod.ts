/**
 * Child processes with asyncio's interface: `createSubprocessExec()` (never
 * through a shell), `createSubprocessShell()`, the `Process` with its
 * `StreamReader`/`StreamWriter` pipes, and the low-level protocol and
 * transport of `loop.subprocessExec()`.
 *
 * Loading this module also gives the loop its `subprocessExec` and
 * `subprocessShell` methods.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { run } from "@asyncio/asyncio/loop";
 * import { createSubprocessExec, PIPE } from "@asyncio/asyncio/subprocess";
 *
 * const out = await run(async () => {
 *   await using proc = await createSubprocessExec("echo", "hello", { stdout: PIPE });
 *   const [stdout] = await proc.communicate();
 *   return new TextDecoder().decode(stdout!);
 * });
 * assert.equal(out, "hello\n");
 * ```
 *
 * @module
 */
export { DEVNULL, PIPE, type Stdio, STDOUT, type SubprocessOptions } from "./constants.ts";
export { createSubprocessExec, createSubprocessShell } from "./create_subprocess.ts";
export { Process } from "./process.ts";
export { type SubprocessProtocol, SubprocessStreamProtocol } from "./protocols.ts";
export { type SubprocessTransport } from "./subprocess_transport.ts";

/**
 * Picks the process adapter of the runtime this process runs on.
 *
 * @module
 */
import { RuntimeError } from "../errors.ts";
import { bunProcesses } from "./bun/process.ts";
import { denoProcesses } from "./deno/process.ts";
import { nodeProcesses } from "./node/process.ts";
import type { PlatformProcesses } from "./process_types.ts";
import { runtime } from "./runtime.ts";

/**
 * The runtime's child processes. On a runtime without processes (workerd,
 * Deno Deploy) `spawn()` rejects with a `RuntimeError` naming the capability.
 */
export const processes: PlatformProcesses = runtime === "deno"
  ? denoProcesses
  : runtime === "bun"
  ? bunProcesses
  : runtime === "node"
  ? nodeProcesses
  : {
    spawn: () =>
      Promise.reject(
        new RuntimeError(`Subprocesses are not available on this runtime (${runtime})`),
      ),
  };

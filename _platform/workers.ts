/**
 * Picks the Worker adapter of the runtime this process runs on.
 *
 * @module
 */
import { bunWorkers } from "./bun/worker.ts";
import { denoWorkers } from "./deno/worker.ts";
import { threadWorkers } from "./node/worker.ts";
import { runtime } from "./runtime.ts";
import type { PlatformWorkers } from "./worker_types.ts";

/**
 * The runtime's Workers, or `null` on a runtime without them (workerd, Deno
 * Deploy): the executor then fails each job with a `RuntimeError`.
 */
export const workers: PlatformWorkers | null = runtime === "deno"
  ? denoWorkers
  : runtime === "bun"
  ? bunWorkers
  : runtime === "node"
  ? threadWorkers
  : null;

/**
 * Workers on Deno: `node:worker_threads` of Deno's Node layer, not the web
 * `Worker`. Deno's web `Worker` cannot be unreferenced, so an idle pool
 * would keep the process alive after the program's last line; Deno's
 * `worker_threads` Workers can (and take `resourceLimits`). Both are the
 * same Deno Worker underneath, at the same message cost.
 *
 * @module
 */
import { threadWorkers } from "../node/worker.ts";
import type { PlatformWorkers } from "../worker_types.ts";

/** Workers on Deno. */
export const denoWorkers: PlatformWorkers = threadWorkers;

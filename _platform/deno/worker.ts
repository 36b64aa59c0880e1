/**
 * Workers on Deno: `node:worker_threads` of Deno's Node layer, not the web
 * `Worker`. Deno's web `Worker` cannot be unreferenced, so an idle pool
 * would keep the process alive after the program's last line; Deno's
 * `worker_threads` Workers can (and take `resourceLimits`). Both are the
 * same Deno Worker underneath, at the same message cost.
 *
 * Workers start from source text: from the library's `.ts` module file,
 * `deno test` (and `--check`) would type-check the Worker's module graph at
 * each start, which takes seconds.
 *
 * @module
 */
import { threadWorkers } from "../node/worker.ts";
import type { PlatformWorkers } from "../worker_types.ts";

/** Workers on Deno. */
export const denoWorkers: PlatformWorkers = { ...threadWorkers, preferInline: true };

/**
 * Where an executor Worker's code comes from: the module file
 * `_executor_worker.ts` (`.js` in the npm package) next to this one, or,
 * when this code was bundled into a file elsewhere (an application bundle,
 * the test runner's bundle on Node), the same code as source text in a
 * `data:` URL.
 *
 * @module
 */
import { connectHostPort, workers } from "../_platform/mod.ts";
import { serveJobs } from "./_job_runner.ts";
// Nothing imports the Worker's module at run time (a Worker loads it by
// URL); this type-only import puts it in the module graph, so that builds
// that follow imports (the npm package) emit it next to this file.
import type {} from "./_executor_worker.ts";

let inline: URL | null = null;
let forced = false;

// This file's own location tells whether the sibling file is there: in the
// sources (`loop/_worker_source.ts`) and in a build that keeps one output
// file per module (`loop/_worker_source.js`), it is; in a bundle, the code
// lives in a file of another name.
const HOME = /\/loop\/_worker_source\.(ts|js|mjs)$/;

/** The `data:` URL of a Worker running `serveJobs(connectHostPort())`. */
export function inlineWorkerUrl(): URL {
  if (inline === null) {
    // The sourceURL keeps the Worker's stack traces short: without it each
    // frame would print the whole data: URL.
    const source = `(${serveJobs.toString()})((${connectHostPort.toString()})());\n`
      + `//# sourceURL=asyncio-executor-worker.js\n`;
    inline = new URL(`data:text/javascript,${encodeURIComponent(source)}`);
  }
  return inline;
}

/** The URL executor Workers start from. */
export function workerUrl(): URL {
  const here = new URL(import.meta.url);
  const match = HOME.exec(here.pathname);
  if (forced || match === null || workers?.preferInline) return inlineWorkerUrl();
  return new URL(`./_executor_worker.${match[1]}`, here);
}

/** Makes Workers start from the `data:` URL even at home (tests of that path). */
export function forceInlineWorker(on: boolean): void {
  forced = on;
}

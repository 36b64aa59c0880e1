/**
 * The module each executor Worker starts from (loaded by URL, next to
 * `worker_executor.ts`; the npm package ships it as `loop/_executor_worker.js`
 * with the two modules it imports).
 *
 * @module
 */
import { connectHostPort } from "../_platform/mod.ts";
import { serveJobs } from "./_job_runner.ts";

serveJobs(connectHostPort());

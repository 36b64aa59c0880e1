// What the executor tests share: the job module and a pool per test.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  type AbstractEventLoop,
  getRunningLoop,
  type ModuleFunction,
  run,
  WorkerExecutor,
} from "../../mod.ts";

const JOBS = pathToFileURL(resolve("tests/loop/fixtures/executor_jobs.mjs"));

/** A job of fixtures/executor_jobs.mjs. */
export function job(name: string): ModuleFunction {
  return { module: JOBS, name };
}

/** Runs `body` in `run()` with a pool of `maxWorkers`, terminated afterwards. */
export async function withPool<T>(
  maxWorkers: number,
  body: (pool: WorkerExecutor, loop: AbstractEventLoop) => Promise<T>,
): Promise<T> {
  const pool = new WorkerExecutor({ maxWorkers });
  try {
    return await run(() => body(pool, getRunningLoop()));
  } finally {
    await pool.terminate();
  }
}

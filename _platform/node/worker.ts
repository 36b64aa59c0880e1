/**
 * Workers on Node through `node:worker_threads`, reached lazily with
 * `process.getBuiltinModule` so that runtimes without it still load this
 * file. Deno uses it too (see `../deno/worker.ts`).
 *
 * @module
 */
import type {
  PlatformWorker,
  PlatformWorkers,
  WorkerEvents,
  WorkerStartOptions,
} from "../worker_types.ts";

interface NodeWorker {
  postMessage(message: unknown): void;
  terminate(): Promise<number>;
  ref(): void;
  unref(): void;
  on(event: string, cb: (arg: unknown) => void): void;
}

interface WorkerThreadsModule {
  Worker: new(url: URL, options: Record<string, unknown>) => NodeWorker;
}

interface OsModule {
  availableParallelism?(): number;
  cpus(): unknown[];
}

interface ProcessWithBuiltins {
  getBuiltinModule?(id: string): unknown;
}

function builtin<T>(id: string): T {
  const proc = (globalThis as { process?: ProcessWithBuiltins }).process;
  const mod = proc?.getBuiltinModule?.(id) as T | undefined;
  if (mod === undefined) throw new Error(`${id} is not available (process.getBuiltinModule)`);
  return mod;
}

function start(url: URL, events: WorkerEvents, options: WorkerStartOptions = {}): PlatformWorker {
  const { Worker } = builtin<WorkerThreadsModule>("node:worker_threads");
  const init: Record<string, unknown> = {};
  if (options.name !== undefined) init.name = options.name;
  if (options.resourceLimits !== undefined) init.resourceLimits = options.resourceLimits;
  const worker = new Worker(url, init);
  let ended: Promise<void> | null = null;
  let exited = false;
  let onExited: () => void = () => {};
  const gone = new Promise<void>((resolve) => (onExited = resolve));
  worker.on("message", (data) => events.message(data));
  worker.on("messageerror", (error) => events.error(error));
  worker.on("error", (error) => events.error(error));
  worker.on("exit", (code) => {
    exited = true;
    onExited();
    events.exit(typeof code === "number" ? code : null);
  });
  return {
    post(message) {
      worker.postMessage(message);
    },
    terminate() {
      if (ended === null) {
        ended = exited ? Promise.resolve() : worker.terminate().then(() => gone, () => gone);
      }
      return ended;
    },
    ref() {
      worker.ref();
    },
    unref() {
      worker.unref();
    },
  };
}

function parallelism(): number {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  if (typeof nav?.hardwareConcurrency === "number" && nav.hardwareConcurrency > 0) {
    return nav.hardwareConcurrency;
  }
  const os = builtin<OsModule>("node:os");
  return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
}

/** Workers through `node:worker_threads`. */
export const threadWorkers: PlatformWorkers = { start, parallelism, preferInline: false };

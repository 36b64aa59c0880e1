/**
 * Workers on Bun: the web `Worker`, with Bun's `ref()`/`unref()` and its
 * `close` event (a Worker that ended by itself, with its exit code).
 *
 * @module
 */
import type {
  PlatformWorker,
  PlatformWorkers,
  WorkerEvents,
  WorkerStartOptions,
} from "../worker_types.ts";

interface BunWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  ref(): void;
  unref(): void;
  addEventListener(type: string, cb: (event: BunEvent) => void): void;
}

interface BunEvent {
  data?: unknown;
  error?: unknown;
  message?: string;
  code?: number;
  preventDefault?(): void;
}

type WorkerConstructor = new(url: URL, options: Record<string, unknown>) => BunWorker;

function start(url: URL, events: WorkerEvents, options: WorkerStartOptions = {}): PlatformWorker {
  const Worker = (globalThis as unknown as { Worker: WorkerConstructor }).Worker;
  const init: Record<string, unknown> = { type: "module" };
  if (options.name !== undefined) init.name = options.name;
  const worker = new Worker(url, init);
  let closed = false;
  let onClosed: () => void = () => {};
  const gone = new Promise<void>((resolve) => (onClosed = resolve));
  let ended: Promise<void> | null = null;
  worker.addEventListener("message", (event) => events.message(event.data));
  worker.addEventListener("messageerror", (event) => events.error(event.data ?? event));
  worker.addEventListener("error", (event) => {
    event.preventDefault?.();
    events.error(event.error ?? new Error(event.message ?? "uncaught error in the Worker"));
  });
  worker.addEventListener("close", (event) => {
    closed = true;
    onClosed();
    events.exit(typeof event.code === "number" ? event.code : null);
  });
  return {
    post(message) {
      worker.postMessage(message);
    },
    terminate() {
      if (ended === null) {
        if (!closed) worker.terminate();
        ended = gone;
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
  const n = nav?.hardwareConcurrency;
  return typeof n === "number" && n > 0 ? n : 1;
}

/** Workers on Bun. */
export const bunWorkers: PlatformWorkers = { start, parallelism, preferInline: false };

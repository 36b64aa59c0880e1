/**
 * The Worker interface of the platform layer (DESIGN.md §9): start a module
 * Worker from a URL, post to it, hear its messages, its uncaught errors and
 * its end, terminate it; and, inside the Worker, the port back to the host.
 *
 * @module
 */

/** Memory bounds of a Worker, where the runtime can enforce them (Node). */
export interface WorkerResourceLimits {
  /** Bound of the main heap, in MB. */
  maxOldGenerationSizeMb?: number;
  /** Bound of the heap for new objects, in MB. */
  maxYoungGenerationSizeMb?: number;
  /** Stack size of the Worker's thread, in MB. */
  stackSizeMb?: number;
}

/** Options of {@linkcode PlatformWorkers.start}. */
export interface WorkerStartOptions {
  /** A name for debuggers and error messages. */
  name?: string;
  /** Memory bounds (honoured on Node and Deno's Node layer; ignored by Bun). */
  resourceLimits?: WorkerResourceLimits;
}

/** What a started Worker reports to its owner. Each is called on the host's loop. */
export interface WorkerEvents {
  /** A message the Worker posted. */
  message(data: unknown): void;
  /** An error the Worker did not catch (it ends the Worker), or a message that could not be read. */
  error(error: unknown): void;
  /** The Worker ended (`code` is its exit code when the runtime tells it). */
  exit(code: number | null): void;
}

/** A running Worker, from the host's side. */
export interface PlatformWorker {
  /**
   * Posts `message` (structured clone).
   *
   * @throws {DOMException} `DataCloneError` (a `TypeError` on some runtimes)
   * when `message` cannot be cloned; nothing is sent then.
   */
  post(message: unknown): void;
  /** Stops the Worker at once; resolves once it is gone. Idempotent. */
  terminate(): Promise<void>;
  /** Lets the Worker keep the process alive (while it has work). */
  ref(): void;
  /** Stops the Worker from keeping the process alive (while it is idle). */
  unref(): void;
}

/** The runtime's Workers. */
export interface PlatformWorkers {
  /**
   * Starts a module Worker running `url`.
   *
   * @throws {Error} when the runtime refuses (bad URL, no permission).
   */
  start(url: URL, events: WorkerEvents, options?: WorkerStartOptions): PlatformWorker;
  /** How many threads can run in parallel on this machine (at least 1). */
  parallelism(): number;
  /**
   * Whether Workers should start from source text (a `data:` URL) rather
   * than from the library's module file: Deno type-checks a TypeScript
   * Worker module's graph at each start under `deno test` (seconds per
   * Worker); source text is JavaScript and starts at once.
   */
  readonly preferInline: boolean;
}

/** Inside a Worker: the way back to the host that started it. */
export interface HostPort {
  /**
   * Posts `message` to the host (structured clone).
   *
   * @throws {DOMException} `DataCloneError` when `message` cannot be cloned.
   */
  post(message: unknown): void;
  /** Calls `cb` with each message the host posts. */
  onMessage(cb: (data: unknown) => void): void;
  /**
   * Calls `cb` with each error nothing caught (thrown from a callback, a
   * rejected promise nobody handled), instead of the runtime's report.
   */
  onUncaught(cb: (error: unknown) => void): void;
  /** Calls `cb` when code in the Worker closes it (`self.close()`). */
  onClose(cb: () => void): void;
}

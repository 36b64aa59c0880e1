// The cancellation storm: many tasks contend for a Lock, a Semaphore(5), a
// Condition and a Queue(maxsize=10) while a chaos task cancels random tasks
// at random moments (seeded, so a failure reproduces). Used by
// storm_test.ts and, at a larger size, by bench/storm.ts.
//
// Run it inside a task on a loop (the virtual-time loop in tests). It
// returns what the checks need; `checkStorm` asserts the invariants.
import {
  allTasks,
  CancelledError,
  Condition,
  createTask,
  currentTask,
  Lock,
  Queue,
  QueueShutDown,
  Semaphore,
  sleep,
  type Task,
} from "../../mod.ts";

/** A small seeded PRNG (mulberry32): uniform floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Options of {@linkcode storm}. */
export interface StormOptions {
  tasks: number;
  seed: number;
  /** Operations per task (default 3). */
  ops?: number;
  /** Fraction of tasks the chaos task cancels, roughly (default 0.3). */
  cancelRate?: number;
}

/** What {@linkcode storm} observed. */
export interface StormReport {
  lockViolations: number;
  semViolations: number;
  condViolations: number;
  lockReprAfter: string;
  semReprAfter: string;
  semValueAfter: number;
  condReprAfter: string;
  queueReprAfter: string;
  /** Items whose put() resolved. */
  put: number[];
  /** Items got by consumers, plus those left in the queue at the end. */
  got: number[];
  /** Items whose put() was cancelled or shut out (must never be got). */
  failedPuts: number[];
  tokensProduced: number;
  tokensConsumed: number;
  tokensLeft: number;
  cancelRequests: number;
  cancelledTasks: number;
  operations: number;
  /** Tasks still pending at the end besides the caller. */
  leftoverTasks: number;
}

/** Runs the storm; call it from inside a task. */
export async function storm(options: StormOptions): Promise<StormReport> {
  const rnd = prng(options.seed);
  const ops = options.ops ?? 3;
  const cancelRate = options.cancelRate ?? 0.3;
  const lock = new Lock();
  const sem = new Semaphore(5);
  const cond = new Condition();
  const queue = new Queue<number>({ maxsize: 10 });

  let lockHolders = 0;
  let semHolders = 0;
  let condHolder: object | null = null;
  let lockViolations = 0;
  let semViolations = 0;
  let condViolations = 0;
  let tokens = 0;
  let tokensProduced = 0;
  let tokensConsumed = 0;
  let closed = false;
  let nextItem = 0;
  let operations = 0;
  const put: number[] = [];
  const got: number[] = [];
  const failedPuts: number[] = [];

  const pause = () => (rnd() < 0.5 ? sleep(0) : sleep(rnd() * 0.002));

  async function useLock(): Promise<void> {
    using _ = await lock.acquire();
    if (++lockHolders !== 1) lockViolations++;
    try {
      await pause();
    } finally {
      lockHolders--;
    }
  }

  async function useSemaphore(): Promise<void> {
    using _ = await sem.acquire();
    if (++semHolders > 5) semViolations++;
    try {
      await pause();
    } finally {
      semHolders--;
    }
  }

  // Holds the condition's lock as `me` for the block; checks nobody else
  // held it meanwhile (wait() gives it up and must take it back).
  async function withCond(me: object, body: () => Promise<void> | void): Promise<void> {
    using _ = await cond.acquire();
    if (condHolder !== null) condViolations++;
    condHolder = me;
    try {
      await body();
    } finally {
      if (condHolder !== me || !cond.locked()) condViolations++;
      condHolder = null;
    }
  }

  async function consumeToken(): Promise<void> {
    const me = {};
    // Called with the lock held: first, then each time wait() took it back.
    const ready = () => {
      if (condHolder !== null && condHolder !== me) condViolations++;
      if (!cond.locked()) condViolations++;
      condHolder = me;
      const ok = tokens > 0 || closed;
      if (!ok) condHolder = null; // wait() is about to give the lock up
      return ok;
    };
    await withCond(me, async () => {
      try {
        await cond.waitFor(ready);
      } catch (err) {
        // wait() throws with the lock held again, and nobody else holds it.
        if (!cond.locked() || condHolder !== null) condViolations++;
        condHolder = me;
        throw err;
      }
      if (tokens > 0) {
        tokens--;
        tokensConsumed++;
      }
    });
  }

  async function produceToken(): Promise<void> {
    await withCond({}, () => {
      tokens++;
      tokensProduced++;
      cond.notify();
    });
  }

  async function putItem(): Promise<void> {
    const item = nextItem++;
    try {
      await queue.put(item);
    } catch (err) {
      if (err instanceof CancelledError || err instanceof QueueShutDown) failedPuts.push(item);
      throw err;
    }
    put.push(item);
  }

  async function getItem(): Promise<void> {
    const item = await queue.get();
    got.push(item);
    queue.taskDone();
  }

  // Twice as many puts as gets, so the queue fills and putters wait too.
  const kinds = [useLock, useSemaphore, consumeToken, produceToken, putItem, putItem, getItem];
  const workers: Task<void>[] = [];
  for (let i = 0; i < options.tasks; i++) {
    const plan = Array.from({ length: ops }, () => kinds[Math.floor(rnd() * kinds.length)]!);
    workers.push(createTask(async () => {
      for (const op of plan) {
        await op();
        operations++;
        if (rnd() < 0.3) await sleep(0);
      }
    }));
  }

  // Chaos: cancel random workers at random moments until all are done.
  let cancelRequests = 0;
  const live = [...workers];
  const chaos = createTask(async () => {
    while (live.length > 0) {
      await pause();
      const burst = 1 + Math.floor(rnd() * Math.max(3, options.tasks / 100));
      for (let k = 0; k < burst && live.length > 0; k++) {
        const i = Math.floor(rnd() * live.length);
        const t = live[i]!;
        if (t.done()) {
          live[i] = live[live.length - 1]!;
          live.pop();
          continue;
        }
        if (rnd() < cancelRate) {
          t.cancel("chaos");
          cancelRequests++;
        }
      }
    }
  });

  // Consumers of tokens and items may outlive the producers: once nothing
  // moves any more, wake the former (closed) and shut the queue down so the
  // latter drain it and stop.
  const progress = () => operations + workers.filter((w) => w.done()).length;
  for (let last = -1; workers.some((w) => !w.done());) {
    await sleep(0.01);
    const now = progress();
    if (now === last) break;
    last = now;
  }
  {
    using _ = await cond.acquire();
    closed = true;
    cond.notifyAll();
  }
  queue.shutdown();
  for (const w of workers) {
    try {
      await w;
    } catch (err) {
      if (!(err instanceof CancelledError) && !(err instanceof QueueShutDown)) throw err;
    }
  }
  chaos.cancel();
  try {
    await chaos;
  } catch {
    // cancelled
  }
  const cancelledTasks = workers.filter((w) => w.cancelled()).length;
  while (!queue.empty()) {
    got.push(queue.getNowait());
    queue.taskDone();
  }
  await sleep(0);
  const me = currentTask();
  return {
    lockViolations,
    semViolations,
    condViolations,
    lockReprAfter: String(lock),
    semReprAfter: String(sem),
    semValueAfter: sem._value,
    condReprAfter: String(cond),
    queueReprAfter: String(queue),
    put,
    got,
    failedPuts,
    tokensProduced,
    tokensConsumed,
    tokensLeft: tokens,
    cancelRequests,
    cancelledTasks,
    operations,
    leftoverTasks: [...allTasks()].filter((t) => t !== me).length,
  };
}

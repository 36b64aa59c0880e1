// deno-lint-ignore-file require-await -- pool bodies are async functions that may not await
// WorkerExecutor's lifecycle: cancellation (running and queued jobs),
// Workers that crash, close themselves or run out of memory, shutdown, and
// the loop's default executor (setDefaultExecutor, shutdownDefaultExecutor,
// run()'s finalisation).
//
// Real Workers, so the tests wait for a Worker to reach a point by polling
// shared memory with short real sleeps, bounded (see `until`).
import {
  CancelledError,
  createTask,
  EventLoop,
  type Executor,
  type Future,
  getRunningLoop,
  logger,
  run,
  RuntimeError,
  sleep,
  toThread,
  WorkerExecutor,
} from "../../mod.ts";
import { assert, runtime, test } from "../_suite.ts";
import { job, withPool } from "./_executor_helpers.ts";

/** Waits (real time, at most 10 s) until `cond()` holds. */
async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000 && !cond(); i++) await sleep(0.005);
  if (!cond()) throw new Error(`timed out waiting until ${what}`);
}

async function failure(p: PromiseLike<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected the job to fail");
}

test("cancelling the task awaiting a running job cancels its future at once and replaces its Worker", async () => {
  await withPool(1, async (pool, loop) => {
    const first = await loop.runInExecutor(pool, job("whoAmI"));
    const shared = new SharedArrayBuffer(8);
    const future = loop.runInExecutor(pool, job("spinMarked"), shared);
    const task = createTask(async () => await future);
    await sleep(0); // the task starts and awaits the future
    await until(() => new Int32Array(shared)[0] === 1, "the job runs");
    task.cancel();
    assert.equal(future.cancelled(), true);
    await assert.rejects(async () => await task, CancelledError);
    // The loop goes on, and so does the pool, on a new Worker.
    const next = await loop.runInExecutor(pool, job("whoAmI"));
    assert.notEqual(next, first);
    assert.equal(pool.workerCount, 1);
  });
});

test("toThread(): cancelling the awaiting task stops a runaway job", async () => {
  await withPool(1, async (pool, loop) => {
    loop.setDefaultExecutor(pool);
    const shared = new SharedArrayBuffer(8);
    const task = createTask(() => toThread(job("spinMarked"), shared));
    await until(() => new Int32Array(shared)[0] === 1, "the job runs");
    task.cancel();
    await assert.rejects(async () => await task, CancelledError);
    assert.equal(await toThread((x: number) => x + 1, 1), 2);
  });
});

test("a cancelled job that has not started is dropped and never runs", async () => {
  await withPool(1, async (pool, loop) => {
    const shared = new SharedArrayBuffer(4 * 4);
    const view = new Int32Array(shared);
    const holding = loop.runInExecutor(pool, job("holdUntilReleased"), shared);
    const queued = loop.runInExecutor(pool, job("markRan"), shared, 2);
    await until(() => view[0] === 1, "the first job runs");
    assert.equal(queued.cancel(), true);
    Atomics.store(view, 1, 1);
    Atomics.notify(view, 1);
    const id = await holding;
    // FIFO: a job submitted now runs after the dropped one would have.
    assert.equal(await loop.runInExecutor(pool, job("whoAmI")), id);
    assert.equal(view[2], 0);
    assert.equal(queued.cancelled(), true);
  });
});

test("a Worker that crashes with an uncaught error fails its job saying so, and is replaced", async () => {
  await withPool(1, async (pool, loop) => {
    const first = await loop.runInExecutor(pool, job("whoAmI"));
    const e = await failure(loop.runInExecutor(pool, job("crashLater")));
    assert.ok(e instanceof RuntimeError);
    assert.match(e.message, /Worker crashed/);
    assert.match(e.message, /boom from a timer/);
    assert.ok(e.cause instanceof TypeError);
    const next = await loop.runInExecutor(pool, job("whoAmI"));
    assert.notEqual(next, first);
  });
});

test("a Worker that closes itself fails its job saying so, and is replaced", async () => {
  await withPool(1, async (pool, loop) => {
    const first = await loop.runInExecutor(pool, job("whoAmI"));
    const e = await failure(loop.runInExecutor(pool, job("closeSelf")));
    assert.ok(e instanceof RuntimeError);
    // close() where the runtime has it (Deno), process.exit() elsewhere
    assert.match(e.message, /Worker (closed itself|exited \(code 7\))/);
    const next = await loop.runInExecutor(pool, job("whoAmI"));
    assert.notEqual(next, first);
  });
});

// Only Node bounds a Worker's memory (resourceLimits): on Deno and Bun a
// runaway allocation grows until the whole process runs out of memory.
if (runtime === "node") {
  test("a Worker that runs out of its memory limit fails its job saying so, and is replaced", async () => {
    const pool = new WorkerExecutor({
      maxWorkers: 1,
      resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 },
    });
    try {
      await run(async () => {
        const loop = getRunningLoop();
        const e = await failure(loop.runInExecutor(pool, job("exhaustMemory")));
        assert.ok(e instanceof RuntimeError);
        assert.match(e.message, /memory/);
        assert.equal(await loop.runInExecutor(pool, (x: number) => x * 2, 21), 42);
      });
    } finally {
      await pool.terminate();
    }
  });
}

test("WorkerExecutor.shutdown() waits for the submitted jobs, ends the Workers and refuses new jobs", async () => {
  const pool = new WorkerExecutor({ maxWorkers: 2 });
  try {
    await run(async () => {
      const loop = getRunningLoop();
      const futures = [1, 2, 3].map((i) => loop.runInExecutor(pool, (x: number) => x * 10, i));
      const closing = pool.shutdown();
      assert.throws(() => pool.submit(() => 1, []), RuntimeError);
      assert.throws(() => loop.runInExecutor(pool, () => 1), /after shutdown/);
      assert.deepEqual(await Promise.all(futures), [10, 20, 30]);
      await closing;
      assert.equal(pool.workerCount, 0);
      await pool.shutdown(); // again: harmless
    });
  } finally {
    await pool.terminate();
  }
});

test("WorkerExecutor.shutdown(false) returns at once; shutdown with cancelFutures drops queued jobs", async () => {
  await withPool(1, async (pool, loop) => {
    const shared = new SharedArrayBuffer(4 * 4);
    const view = new Int32Array(shared);
    const holding = loop.runInExecutor(pool, job("holdUntilReleased"), shared);
    const queued = loop.runInExecutor(pool, job("markRan"), shared, 2);
    await until(() => view[0] === 1, "the first job runs");
    await pool.shutdown(false, { cancelFutures: true });
    assert.equal(queued.cancelled(), true);
    Atomics.store(view, 1, 1);
    Atomics.notify(view, 1);
    assert.equal(typeof await holding, "string");
    await pool.shutdown();
    assert.equal(view[2], 0);
    assert.equal(pool.workerCount, 0);
  });
});

test("loop.setDefaultExecutor() refuses what is not an Executor with TypeError", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    assert.throws(() => loop.setDefaultExecutor({} as Executor), TypeError);
    assert.throws(() => loop.setDefaultExecutor(null as unknown as Executor), TypeError);
    // cpython: test_base_events.py BaseEventLoopTests.test_set_default_executor_error
  });
});

test("loop.setDefaultExecutor() sets what runInExecutor(null) and toThread() use", async () => {
  const calls: unknown[][] = [];
  const inline: Executor = {
    submit(fn, args) {
      calls.push(args);
      const future = getRunningLoop().createFuture<never>();
      future.setResult((fn as (...a: unknown[]) => never)(...args));
      return future as Future<never>;
    },
    shutdown: () => Promise.resolve(),
  };
  const results = await run(async () => {
    const loop = getRunningLoop();
    loop.setDefaultExecutor(inline);
    return [
      await loop.runInExecutor(null, (x: number) => x + 1, 1),
      await toThread((x: number) => x * 3, 2),
    ];
  });
  assert.deepEqual(results, [2, 6]);
  assert.deepEqual(calls, [[1], [2]]);
});

test("loop.shutdownDefaultExecutor() twice is harmless; runInExecutor(null) then throws RuntimeError", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    assert.equal(await loop.runInExecutor(null, () => "ran"), "ran");
    await loop.shutdownDefaultExecutor();
    await loop.shutdownDefaultExecutor();
    assert.throws(() => loop.runInExecutor(null, () => 1), /Executor shutdown has been called/);
    // cpython: test_base_events.py BaseEventLoopTests.test_run_in_executor_after_shutdown (of the default executor)
  });
});

test("loop.shutdownDefaultExecutor(timeout) warns and terminates the Workers of a job that outlives it", async () => {
  const warnings: string[] = [];
  const saved = logger.warning;
  logger.warning = (message) => warnings.push(message);
  const pool = new WorkerExecutor({ maxWorkers: 1 });
  try {
    await run(async () => {
      const loop = getRunningLoop();
      loop.setDefaultExecutor(pool);
      const shared = new SharedArrayBuffer(8);
      const runaway = loop.runInExecutor(null, job("spinMarked"), shared);
      await until(() => new Int32Array(shared)[0] === 1, "the job runs");
      await loop.shutdownDefaultExecutor(0.05);
      assert.equal(runaway.cancelled(), true);
      assert.equal(pool.workerCount, 0);
    });
  } finally {
    logger.warning = saved;
    await pool.terminate();
  }
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /did not finish/);
});

test("run() shuts the default executor down: its Workers are gone and it refuses jobs", async () => {
  const pool = new WorkerExecutor({ maxWorkers: 2 });
  try {
    await run(async () => {
      getRunningLoop().setDefaultExecutor(pool);
      assert.deepEqual(await Promise.all([toThread(() => 1), toThread(() => 2)]), [1, 2]);
      assert.ok(pool.workerCount >= 1);
    });
    assert.equal(pool.workerCount, 0);
    assert.throws(() => pool.submit(() => 1, []), RuntimeError);
  } finally {
    await pool.terminate();
  }
});

test("loop.close() shuts the default executor down without waiting", async () => {
  const pool = new WorkerExecutor({ maxWorkers: 1 });
  try {
    const loop = new EventLoop();
    loop.setDefaultExecutor(pool);
    loop.close();
    assert.throws(() => pool.submit(() => 1, []), /after shutdown/);
    assert.throws(() => loop.runInExecutor(null, () => 1), RuntimeError);
    // cpython: test_base_events.py BaseEventLoopTests.test_run_in_executor_after_close (the executor half)
  } finally {
    await pool.terminate();
  }
});

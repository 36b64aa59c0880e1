// deno-lint-ignore-file require-await -- pool bodies are async functions that may not await
// runInExecutor, toThread and WorkerExecutor: results, errors with their
// classes, parallelism, FIFO and reuse, bad input. Cancellation, crashes and
// shutdown are in worker_executor_test.ts; whole processes in
// tests/integration/executor_process_test.ts.
//
// Real Workers: every test makes its own pool and terminates it in a
// `finally`. Job functions that need imports or a stable identity live in
// fixtures/executor_jobs.mjs (plain JavaScript, loaded by every runtime).
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { forceInlineWorker } from "../../loop/_worker_source.ts";
import {
  type AbstractEventLoop,
  ConnectionRefusedError,
  getRunningLoop,
  OSError,
  run,
  RuntimeError,
  toThread,
  ValueError,
  WorkerExecutor,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";
import { job, withPool } from "./_executor_helpers.ts";

async function failure(p: PromiseLike<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected the job to fail");
}

test("loop.runInExecutor(null, fn, ...args) returns the function's result", async () => {
  const result = await run(() =>
    getRunningLoop().runInExecutor(null, (a: number, b: string) => `${b}${a * 2}`, 21, "x")
  );
  assert.equal(result, "x42");
});

test("toThread() returns a ModuleFunction's result, awaiting an async one in the Worker", async () => {
  const [sum, doubled] = await run(async () => [
    await toThread(job("add"), 2, 3),
    await toThread(job("slowDouble"), 21),
  ]);
  assert.equal(sum, 5);
  assert.equal(doubled, 42);
});

test("toThread() runs a plain async function, method shorthand and structured-cloned values", async () => {
  await withPool(1, async (pool, loop) => {
    const asyncArrow = async (m: Map<string, number>) => {
      await Promise.resolve();
      return new Map([...m].map(([k, v]) => [k, v + 1]));
    };
    const result = await loop.runInExecutor(pool, asyncArrow, new Map([["a", 1]]));
    assert.deepEqual([...result], [["a", 2]]);
    const holder = {
      twice(bytes: Uint8Array) {
        return bytes.map((b) => b * 2);
      },
    };
    const bytes = await loop.runInExecutor(pool, holder.twice, new Uint8Array([1, 2]));
    assert.deepEqual([...bytes], [2, 4]);
  });
});

test("runInExecutor() rethrows built-in and library errors with their class", async () => {
  await withPool(1, async (pool, loop) => {
    const range = await failure(loop.runInExecutor(pool, () => {
      throw new RangeError("out of range");
    }));
    assert.ok(range instanceof RangeError);
    assert.equal(range.message, "out of range");
    // A library error made in the Worker: it travels by name.
    const value = await failure(loop.runInExecutor(pool, () => {
      const e = new Error("bad value");
      e.name = "ValueError";
      throw e;
    }));
    assert.ok(value instanceof ValueError);
    assert.equal(value.message, "bad value");
    const refused = await failure(loop.runInExecutor(pool, () => {
      const e = Object.assign(new Error("Cannot connect"), { code: "ECONNREFUSED", errno: 111 });
      e.name = "ConnectionRefusedError";
      throw e;
    }));
    assert.ok(refused instanceof ConnectionRefusedError && refused instanceof OSError);
    assert.equal((refused as OSError).code, "ECONNREFUSED");
    assert.equal((refused as OSError).errno, 111);
  });
});

test("runInExecutor() rethrows another error as an Error with its name, message, fields and Worker stack", async () => {
  await withPool(1, async (pool, loop) => {
    const e = await failure(loop.runInExecutor(pool, job("throwCustom"), "custom trouble"));
    assert.equal(e.constructor, Error);
    assert.equal(e.name, "CustomError");
    assert.equal(e.message, "custom trouble");
    assert.deepEqual((e as Error & { detail: unknown }).detail, { answer: 42 });
    assert.match(e.stack ?? "", /throwCustom/);
    assert.match(e.stack ?? "", /executor_jobs\.mjs/);
  });
});

test("runInExecutor() keeps an error's cause and a thrown non-error value", async () => {
  await withPool(1, async (pool, loop) => {
    const e = await failure(loop.runInExecutor(pool, () => {
      throw new Error("outer", { cause: new TypeError("inner") });
    }));
    assert.ok(e.cause instanceof TypeError);
    assert.equal((e.cause as Error).message, "inner");
    const thrown = await failure(loop.runInExecutor(pool, () => {
      throw { code: 7 };
    }));
    assert.deepEqual(thrown, { code: 7 });
  });
});

test("WorkerExecutor runs jobs in parallel: 4 CPU-bound jobs on 2 Workers run two by two", async () => {
  // Jobs 0 and 1 each wait (bounded) for the other to start before spinning
  // ~200 ms, and so do 2 and 3: they only all succeed when two Workers run
  // side by side. The shared marks give the global order of starts and ends.
  await withPool(2, async (pool, loop) => {
    const shared = new SharedArrayBuffer(4 * 9);
    const partner = [1, 0, 3, 2];
    const ids = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        loop.runInExecutor(pool, job("markedSpin"), shared, i, 200, partner[i])
      ),
    );
    const marks = new Int32Array(shared);
    const start = (i: number) => marks[1 + 2 * i]!;
    const end = (i: number) => marks[2 + 2 * i]!;
    // 0 and 1 both started before either ended; 2 and 3 each started after
    // one of the first pair ended (a Worker became free).
    assert.ok(Math.max(start(0), start(1)) < Math.min(end(0), end(1)), `marks ${[...marks]}`);
    for (const i of [2, 3]) assert.ok(start(i) > Math.min(end(0), end(1)), `marks ${[...marks]}`);
    // Two Workers, two jobs each.
    assert.equal(new Set(ids).size, 2);
    assert.notEqual(ids[0], ids[1]);
    assert.notEqual(ids[2], ids[3]);
    assert.equal(pool.workerCount, 2);
  });
});

test("WorkerExecutor reuses an idle Worker and runs queued jobs in FIFO order", async () => {
  await withPool(1, async (pool, loop) => {
    const order: number[] = [];
    const ids = await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        loop.runInExecutor(pool, job("whoAmI")).then((id) => {
          order.push(i);
          return id;
        })
      ),
    );
    assert.deepEqual(order, [0, 1, 2, 3, 4]);
    assert.equal(new Set(ids).size, 1);
    assert.equal(pool.workerCount, 1);
  });
});

test("WorkerExecutor starts Workers lazily, at most maxWorkers", async () => {
  await withPool(2, async (pool, loop) => {
    assert.equal(pool.workerCount, 0);
    await Promise.all([1, 2, 3, 4, 5].map((i) => loop.runInExecutor(pool, (x: number) => x, i)));
    assert.equal(pool.workerCount <= 2, true);
  });
});

test("new WorkerExecutor() refuses maxWorkers <= 0 with ValueError and a non-integer with TypeError", () => {
  assert.throws(() => new WorkerExecutor({ maxWorkers: 0 }), ValueError);
  assert.throws(() => new WorkerExecutor({ maxWorkers: -1 }), ValueError);
  assert.throws(() => new WorkerExecutor({ maxWorkers: 1.5 }), TypeError);
  assert.ok(new WorkerExecutor().maxWorkers >= 1);
});

test("runInExecutor() fails the job naming a missing module or export", async () => {
  await withPool(1, async (pool, loop) => {
    const missing = pathToFileURL(resolve("tests/loop/fixtures/no_such_module.mjs"));
    const e1 = await failure(loop.runInExecutor(pool, { module: missing, name: "f" }));
    assert.equal(e1.name, "ImportError");
    assert.match(e1.message, /no_such_module\.mjs/);
    const e2 = await failure(loop.runInExecutor(pool, job("noSuchExport")));
    assert.equal(e2.name, "ImportError");
    assert.match(e2.message, /"noSuchExport"/);
    const e3 = await failure(loop.runInExecutor(pool, job("notAFunction")));
    assert.ok(e3 instanceof TypeError);
    assert.match(e3.message, /"notAFunction"/);
  });
});

test("runInExecutor() fails the job of a module that throws at its top level, naming it, and keeps the Worker", async () => {
  await withPool(1, async (pool, loop) => {
    const before = await loop.runInExecutor(pool, job("whoAmI"));
    const broken = pathToFileURL(resolve("tests/loop/fixtures/executor_broken.mjs"));
    const e = await failure(loop.runInExecutor(pool, { module: broken, name: "never" }));
    assert.equal(e.name, "ImportError");
    assert.match(e.message, /executor_broken\.mjs/);
    assert.match(e.message, /broken at import/);
    assert.ok(e.cause instanceof RangeError);
    assert.equal(await loop.runInExecutor(pool, job("whoAmI")), before);
  });
});

test("runInExecutor() refuses a relative module path, a non-function and a native function with TypeError", async () => {
  await withPool(1, async (pool, loop) => {
    assert.throws(
      () => loop.runInExecutor(pool, { module: "./jobs.mjs", name: "f" }),
      /import\.meta\.url/,
    );
    assert.throws(() => loop.runInExecutor(pool, 42 as unknown as () => void), TypeError);
    assert.throws(() => loop.runInExecutor(pool, Math.max), /native or bound/);
    assert.equal(pool.workerCount, 0);
  });
});

test("runInExecutor() fails a job whose argument cannot be cloned with a TypeError naming it, keeping the Worker", async () => {
  await withPool(1, async (pool, loop) => {
    const before = await loop.runInExecutor(pool, job("whoAmI"));
    const e = await failure(loop.runInExecutor(pool, (a: number, _f: unknown) => a, 1, () => 2));
    assert.ok(e instanceof TypeError);
    assert.match(e.message, /argument 1/);
    assert.match(e.message, /structured-cloned/);
    assert.equal(await loop.runInExecutor(pool, job("whoAmI")), before);
  });
});

test("runInExecutor() fails a job whose result cannot be cloned with a TypeError, keeping the Worker", async () => {
  await withPool(1, async (pool, loop) => {
    const before = await loop.runInExecutor(pool, job("whoAmI"));
    const e = await failure(loop.runInExecutor(pool, () => () => 1));
    assert.ok(e instanceof TypeError);
    assert.match(e.message, /result/);
    assert.equal(await loop.runInExecutor(pool, job("whoAmI")), before);
  });
});

test("a plain function sees no variable of the code around it (ReferenceError in the Worker)", async () => {
  // (not a constant: a transpiler may inline constants into the function)
  const outside = { n: Math.random() };
  await withPool(1, async (pool, loop) => {
    const e = await failure(loop.runInExecutor(pool, () => outside.n));
    assert.ok(e instanceof ReferenceError);
  });
});

test("runInExecutor() on a closed loop throws RuntimeError", async () => {
  let loop: AbstractEventLoop | null = null;
  await run(async () => {
    loop = getRunningLoop();
  });
  assert.throws(() => loop!.runInExecutor(null, () => 1), RuntimeError);
});

test("WorkerExecutor runs jobs in Workers started from source text (the library bundled into one file)", async () => {
  // Deno always starts them so; elsewhere this is the path a bundled copy of
  // the library takes, as the module file is not next to it.
  forceInlineWorker(true);
  try {
    await withPool(1, async (pool, loop) => {
      assert.equal(await loop.runInExecutor(pool, job("add"), 20, 22), 42);
      assert.equal(await loop.runInExecutor(pool, (s: string) => s.toUpperCase(), "ok"), "OK");
    });
  } finally {
    forceInlineWorker(false);
  }
});

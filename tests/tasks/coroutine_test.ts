// deno-lint-ignore-file require-await -- task bodies and mains are async functions that may not await
// coroutine(): lazy coroutine objects that run nothing until a task adopts
// them or someone awaits them.
import { inspect } from "node:util";
import {
  coroutine,
  createTask,
  currentTask,
  isCoroutine,
  run,
  RuntimeError,
  sleep,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

test("coroutine() objects run nothing until adopted or awaited", async () => {
  let calls = 0;
  const work = coroutine(async (x: number) => {
    calls++;
    await sleep(0);
    return x * 2;
  });
  const coro = work(21);
  assert.equal(calls, 0);
  assert.equal(coro.started, false);
  const value = await run(async () => {
    assert.equal(calls, 0);
    const v = await coro;
    return v;
  }, virtual);
  assert.equal(value, 42);
  assert.equal(calls, 1);
  assert.equal(coro.started, true);
});

test("coroutine() object adopted by createTask() runs inside the task", async () => {
  await run(async () => {
    // (wrapped: a task is a thenable, returning it would await it)
    const whoAmI = coroutine(async () => {
      await sleep(0);
      return { task: currentTask() };
    });
    const coro = whoAmI();
    const t = createTask(coro);
    assert.equal(coro.started, false);
    assert.equal((await t).task, t);
    assert.equal(coro.started, true);
  }, virtual);
});

test("coroutine() object awaited directly runs in the awaiting task", async () => {
  await run(async () => {
    const whoAmI = coroutine(async () => ({ task: currentTask() }));
    assert.equal((await whoAmI()).task, currentTask());
  }, virtual);
});

test("run(main()) accepts a coroutine object", async () => {
  const main = coroutine(async (a: number, b: number) => {
    await sleep(1);
    return a + b;
  });
  assert.equal(await run(main(1, 2), virtual), 3);
});

test("coroutine() object can start only once", async () => {
  await run(async () => {
    const work = coroutine(async () => 1);
    const coro = work();
    assert.equal(await coro, 1);
    await assert.rejects(
      async () => {
        await coro;
      },
      (e: unknown) =>
        e instanceof RuntimeError && /cannot reuse already awaited coroutine/.test(e.message),
    );
  }, virtual);
});

test("coroutine() object whose function throws synchronously rejects when awaited", async () => {
  await run(async () => {
    const bad = coroutine((): Promise<number> => {
      throw new RangeError("sync");
    });
    await assert.rejects(async () => {
      await bad();
    }, RangeError);
  }, virtual);
});

test("coroutine() keeps the function's name; the object has a repr", () => {
  const wrapped = coroutine(async function fetchData(_url: string) {
    return 1;
  });
  assert.equal(wrapped.name, "fetchData");
  const coro = wrapped("x");
  assert.equal(coro.name, "fetchData");
  assert.equal(String(coro), "<coroutine fetchData()>");
  assert.equal(inspect(coro), "<coroutine fetchData()>");
});

test("coroutine(fn, { name }) names an anonymous function in reprs of the coroutine and its task", async () => {
  // `const work = coroutine(async () => …)` leaves the arrow anonymous:
  // JavaScript names only a function assigned directly.
  const anonymous = coroutine(async () => 1);
  assert.equal(String(anonymous()), "<coroutine anonymous()>");
  const work = coroutine(async (x: number) => {
    await sleep(0);
    return x;
  }, { name: "work" });
  assert.equal(work.name, "work");
  const coro = work(1);
  assert.equal(coro.name, "work");
  assert.equal(String(coro), "<coroutine work()>");
  await run(async () => {
    const t = createTask(work(2));
    assert.match(String(t), /^<Task pending name='Task-\d+' coro=<work\(\)>/);
    assert.equal(await t, 2);
    // A named function keeps its own name; the option wins over it.
    const named = coroutine(async function fetchData() {
      return 0;
    }, { name: "renamed" });
    assert.equal(named().name, "renamed");
    await coro;
  }, virtual);
});

test("coroutine() of something that is not a function throws TypeError", () => {
  assert.throws(() => coroutine(42 as never), /coroutine\(\) takes an async function, got 42/);
});

test("isCoroutine() is true only for coroutine() objects", () => {
  const work = coroutine(async () => 1);
  assert.equal(isCoroutine(work()), true);
  assert.equal(isCoroutine(work), false);
  assert.equal(isCoroutine(Promise.resolve(1)), false);
  assert.equal(isCoroutine(async () => 1), false);
  assert.equal(isCoroutine(null), false);
  assert.equal(isCoroutine({ then() {} }), false);
  // cpython: test_tasks.py BaseTaskTests.test_iscoroutinefunction
});

test("coroutine() objects given to several tasks each run in their own task", async () => {
  await run(async () => {
    const work = coroutine(async (i: number) => {
      await sleep(0);
      return [i, currentTask()] as const;
    });
    const tasks = [0, 1, 2].map((i) => createTask(work(i)));
    for (const [i, t] of tasks.entries()) {
      const [n, self] = await t;
      assert.equal(n, i);
      assert.equal(self, t);
    }
  }, virtual);
});

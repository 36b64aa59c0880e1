// deno-lint-ignore-file require-await -- task bodies and mains are async functions that may not await
// createTask() and ensureFuture(): what a task may run (DESIGN.md §2), where
// it binds, and the wrapped-awaitable rule.
import {
  allTasks,
  CancelledError,
  coroutine,
  createTask,
  currentTask,
  ensureFuture,
  EventLoop,
  Future,
  getRunningLoop,
  isFuture,
  run,
  sleep,
  Task,
  taskGroup,
  ValueError,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import type { ExceptionContext } from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

test("createTask(() => f()) calls f in the task's first step, inside the task", async () => {
  await run(async () => {
    let calls = 0;
    let inside: unknown = null;
    const t = createTask(async () => {
      calls++;
      inside = currentTask();
      await sleep(0);
      return "fn";
    });
    assert.equal(calls, 0);
    assert.equal(await t, "fn");
    assert.equal(calls, 1);
    assert.equal(inside, t);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_create_task_with_async_function
});

test("createTask(coroutineObject) starts the coroutine inside the task", async () => {
  await run(async () => {
    const work = coroutine(async (x: number) => {
      await sleep(0);
      return { x, task: currentTask() };
    });
    const coro = work(3);
    const t = createTask(coro);
    assert.equal(coro.started, false);
    const { x, task } = await t;
    assert.equal(x, 3);
    assert.equal(task, t);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_ensure_future_coroutine
});

test("ensureFuture(promise) wraps an already running promise in a task", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const promise = new Promise<string>((resolve) => loop.callLater(1, resolve, "promised"));
    const t = ensureFuture(promise);
    assert.ok(t instanceof Task);
    assert.equal(await t, "promised");
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_ensure_future_awaitable
});

test("ensureFuture(promise) cancelled abandons the wrapper; the promise goes on", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    let settled = false;
    const promise = new Promise<string>((resolve) =>
      loop.callLater(1, () => {
        settled = true;
        resolve("still ran");
      })
    );
    const t = ensureFuture(promise);
    await sleep(0);
    t.cancel();
    await assert.rejects(async () => {
      await t;
    }, CancelledError);
    assert.equal(settled, false);
    assert.equal(await promise, "still ran");
    assert.equal(settled, true);
  }, virtual);
});

test("ensureFuture(promise) that rejects fails the task with the same error", async () => {
  await run(async () => {
    const err = new ValueError("rejected");
    const t = ensureFuture(Promise.reject(err));
    await assert.rejects(async () => {
      await t;
    }, (e: unknown) => e === err);
  }, virtual);
});

test("ensureFuture(promise) cancelled before it starts reports nothing when the promise rejects", async () => {
  const seen: ExceptionContext[] = [];
  await run(async () => {
    getRunningLoop().setExceptionHandler((_l, c) => void seen.push(c));
    let reject!: (e: unknown) => void;
    const t = ensureFuture(new Promise<never>((_r, rej) => (reject = rej)));
    t.cancel();
    reject(new ValueError("nobody waits"));
    await sleep(0);
    await sleep(0);
    assert.equal(t.cancelled(), true);
  }, virtual);
  assert.deepEqual(seen.map((c) => c.message), []);
});

test("createTask(promise), createTask(future), createTask(thenable) throw TypeError saying what to write", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const before = allTasks().size;
    const promise = Promise.resolve("running");
    const expected = (e: unknown) =>
      e instanceof TypeError && /^a coroutine was expected, got a running Promise/.test(e.message)
      && e.message.includes("createTask(() => work(i))") && e.message.includes("coroutine(work)")
      && e.message.includes("ensureFuture(promise)");
    // @ts-expect-error a running promise is not a task body (the types refuse it too)
    assert.throws(() => createTask(promise), expected);
    // @ts-expect-error the loop's createTask refuses it the same way
    assert.throws(() => loop.createTask(promise), expected);
    const fut = new Future<number>();
    // @ts-expect-error a future is not a task body
    const withFuture = () => createTask(fut);
    assert.throws(withFuture, /^TypeError: a coroutine was expected, got <Future pending>/);
    const thenable = { then: (res: (v: number) => void) => res(1) };
    // @ts-expect-error a thenable is not a task body
    assert.throws(() => createTask(thenable), /a coroutine was expected, got a thenable/);
    assert.throws(() => createTask(42 as never), /a coroutine was expected, got 42/);
    // Nothing was made or scheduled for the refused calls.
    assert.equal(allTasks().size, before);
    fut.cancel();
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_create_task_with_noncoroutine
});

test("TaskGroup.createTask(promise) throws TypeError; the group goes on", async () => {
  const result = await run(
    () =>
      taskGroup(async (tg) => {
        // @ts-expect-error a running promise is not a task body
        assert.throws(() => tg.createTask(sleep(0, "x")), /a coroutine was expected/);
        return await tg.createTask(() => sleep(0, "right form"));
      }),
    virtual,
  );
  assert.equal(result, "right form");
});

test("createTask() binds to the running loop; name option", async () => {
  await run(async () => {
    const t = createTask(() => sleep(0), { name: "named" });
    assert.equal(t.getLoop(), getRunningLoop());
    assert.equal(t.getName(), "named");
    await t;
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_bare_create_named_task
});

test("createTask() from a loop callback binds to that loop", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    // (wrapped: resolving a promise with a task would await the task)
    const { t } = await new Promise<{ t: Task<string> }>((resolve) =>
      loop.callSoon(() => resolve({ t: createTask(() => sleep(0, "from callback")) }))
    );
    assert.equal(t.getLoop(), loop);
    assert.equal(await t, "from callback");
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_bare_create_task
});

test("ensureFuture() returns a future or task itself", async () => {
  await run(async () => {
    const f = new Future<number>();
    assert.equal(ensureFuture(f), f);
    const t = createTask(() => sleep(0));
    assert.equal(ensureFuture(t), t);
    f.setResult(1);
    await t;
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_ensure_future_future
  // cpython: test_tasks.py BaseTaskTests.test_ensure_future_task
});

test("ensureFuture() wraps a function, coroutine or awaitable in a task", async () => {
  await run(async () => {
    const a = ensureFuture(async () => "fn");
    const b = ensureFuture(coroutine(async () => "coro")());
    const c = ensureFuture(Promise.resolve("promise"));
    for (const x of [a, b, c]) assert.ok(x instanceof Task && isFuture(x));
    assert.deepEqual([await a, await b, await c], ["fn", "coro", "promise"]);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_ensure_future_task_awaitable
});

test("ensureFuture() with a loop argument creates the task there; a mismatched future is a ValueError", async () => {
  const loop = new EventLoop();
  const t = ensureFuture(async () => getRunningLoop(), { loop });
  assert.equal(t.getLoop(), loop);
  assert.equal(await loop.runUntilComplete(t), loop);
  const other = new EventLoop();
  const f = new Future({ loop: other });
  assert.throws(() => ensureFuture(f, { loop }), ValueError);
  f.cancel();
  loop.close();
  other.close();
});

test("ensureFuture() rejects what is not awaitable", async () => {
  await run(async () => {
    assert.throws(
      () => ensureFuture("ok" as never),
      /An asyncio\.Future, a coroutine or an awaitable is required/,
    );
    assert.throws(() => ensureFuture(42 as never), TypeError);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_ensure_future_neither
  // cpython: test_tasks.py BaseTaskTests.test_ensure_future_error_msg
});

test("createTask() on a closed loop throws 'Event loop is closed'", () => {
  const loop = new EventLoop();
  loop.close();
  let called = false;
  assert.throws(() =>
    loop.createTask(async () => {
      called = true;
    }), /Event loop is closed/);
  assert.equal(called, false);
  // cpython: test_base_events.py BaseEventLoopTests.test_create_task_error_closes_coro
});

// deno-lint-ignore-file require-await -- task bodies and mains are async functions that may not await
// run() and Runner: results and errors, leftover tasks, closing, nesting,
// independent loops per async context, loop factories.
import {
  CancelledError,
  coroutine,
  createTask,
  currentTask,
  EventLoop,
  type ExceptionContext,
  Future,
  getRunningLoop,
  run,
  Runner,
  RuntimeError,
  sleep,
  ValueError,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import type { AbstractEventLoop } from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

test("run() returns the main function's result", async () => {
  assert.equal(await run(async () => 42, virtual), 42);
  // cpython: test_runners.py RunTests.test_asyncio_run_return
});

test("run() throws the main function's error after closing the loop", async () => {
  let loop: AbstractEventLoop | null = null;
  await assert.rejects(
    run(async () => {
      loop = getRunningLoop();
      await sleep(0);
      throw new ValueError("spam");
    }, virtual),
    (e: unknown) => e instanceof ValueError && e.message === "spam",
  );
  assert.equal(loop!.isClosed(), true);
  // cpython: test_runners.py RunTests.test_asyncio_run_raises
});

test("run() accepts a coroutine object and a function", async () => {
  const add = coroutine(async (a: number, b: number) => {
    await sleep(0);
    return a + b;
  });
  assert.equal(await run(add(1, 2), virtual), 3);
  assert.equal(await run(() => sleep(1, "fn"), virtual), "fn");
});

test("run() and Runner.run() refuse a promise or a future with ValueError('a coroutine was expected')", async () => {
  const promise = Promise.resolve("promise");
  // @ts-expect-error a running promise is not a main task (the types refuse it too)
  const refused = run(promise, virtual);
  await assert.rejects(
    refused,
    (e: unknown) =>
      e instanceof ValueError && /^a coroutine was expected, got a running Promise/.test(e.message)
      && e.message.includes("run(() => main())"),
  );
  const runner = new Runner(virtual);
  try {
    const future = new Future({ loop: runner.getLoop() });
    // @ts-expect-error a future is not a main task
    const refusedFuture = runner.run(future);
    await assert.rejects(
      refusedFuture,
      (e: unknown) =>
        e instanceof ValueError && /a coroutine was expected, got <Future pending>/.test(e.message),
    );
    await assert.rejects(runner.run(42 as never), /a coroutine was expected, got 42/);
    assert.equal(await runner.run(() => sleep(0, "still usable")), "still usable");
  } finally {
    await runner.close();
  }
  // cpython: test_runners.py RunTests.test_asyncio_run_only_coro
  // cpython: test_runners.py RunnerTests.test_non_coroutine
});

test("run() runs main as a task on a running loop", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    assert.equal(loop.isRunning(), true);
    assert.ok(currentTask() !== null);
    assert.equal(currentTask()!.getLoop(), loop);
  }, virtual);
});

test("run() with debug turns the loop's debug mode on", async () => {
  assert.equal(
    await run(async () => getRunningLoop().getDebug(), { ...virtual, debug: true }),
    true,
  );
  assert.equal(
    await run(async () => getRunningLoop().getDebug(), { ...virtual, debug: false }),
    false,
  );
  // cpython: test_runners.py RunTests.test_asyncio_run_debug
});

test("run() inside a running loop throws RuntimeError and leaves the coroutine unstarted", async () => {
  const never = coroutine(async () => "ran");
  const coro = never();
  await run(async () => {
    await assert.rejects(run(coro), (e: unknown) => {
      assert.ok(e instanceof RuntimeError);
      assert.match(e.message, /asyncio\.run\(\) cannot be called from a running event loop/);
      return true;
    });
  }, virtual);
  assert.equal(coro.started, false);
  // cpython: test_runners.py RunTests.test_asyncio_run_from_running_loop
});

test("run() cancels and awaits leftover tasks, then closes the loop", async () => {
  const steps: string[] = [];
  let loop: AbstractEventLoop | null = null;
  let leftover: ReturnType<typeof createTask> | null = null;
  await run(async () => {
    loop = getRunningLoop();
    leftover = createTask(async () => {
      try {
        await sleep(3600);
      } catch (e) {
        steps.push(e instanceof CancelledError ? "cancelled" : "other");
        await sleep(0); // the loop still runs while leftovers finish
        steps.push("cleaned up");
        throw e;
      }
    });
    await sleep(0);
  }, virtual);
  assert.deepEqual(steps, ["cancelled", "cleaned up"]);
  assert.equal(leftover!.cancelled(), true);
  assert.equal(loop!.isClosed(), true);
  // cpython: test_runners.py RunTests.test_asyncio_run_cancels_hanging_tasks
});

test("run() reports leftover tasks' errors to the exception handler", async () => {
  const seen: ExceptionContext[] = [];
  let failing: unknown = null;
  const error = new ValueError("boom");
  await run(async () => {
    getRunningLoop().setExceptionHandler((_l, context) => void seen.push(context));
    failing = createTask(async () => {
      try {
        await sleep(3600);
      } catch {
        throw error;
      }
    });
    await sleep(0);
  }, virtual);
  assert.equal(seen.length, 1);
  assert.equal(seen[0]!.message, "unhandled exception during asyncio.run() shutdown");
  assert.equal(seen[0]!.exception, error);
  assert.equal(seen[0]!.task, failing);
  // cpython: test_runners.py RunTests.test_asyncio_run_reports_hanging_tasks_errors
});

test("run() keeps due timers firing while leftover tasks finish", async () => {
  const order: string[] = [];
  await run(async () => {
    const loop = getRunningLoop();
    createTask(async () => {
      try {
        await sleep(3600);
      } finally {
        await sleep(1);
        order.push("leftover done");
      }
    });
    loop.callLater(0.5, () => order.push("timer"));
    await sleep(0);
  }, virtual);
  assert.deepEqual(order, ["timer", "leftover done"]);
});

test("run() with a leftover that ignores the first cancellation keeps cancelling() at 1", async () => {
  let task: ReturnType<typeof createTask<string>> | null = null;
  await run(async () => {
    task = createTask(async () => {
      try {
        await sleep(3600);
      } catch {
        // ignored
      }
      return "survived";
    });
    await sleep(0);
  }, virtual);
  assert.equal(task!.done(), true);
  assert.equal(task!.cancelled(), false);
  assert.equal(task!.result(), "survived");
  assert.equal(task!.cancelling(), 1);
  // cpython: test_runners.py RunTests.test_asyncio_run_without_uncancel
});

test("run() still runs due callbacks while finishing and drops timers not yet due", async () => {
  const fired: string[] = [];
  await run(async () => {
    const loop = getRunningLoop();
    loop.callLater(0, () => fired.push("due timer"));
    loop.callSoon(() => fired.push("soon"));
    loop.callLater(10, () => fired.push("not due"));
  }, { loopFactory: () => new EventLoop() });
  assert.deepEqual(fired, ["soon", "due timer"]);
});

test("run() uses the loop from loopFactory and closes it", async () => {
  const mine = new VirtualTimeEventLoop();
  const seen = await run(async () => getRunningLoop(), { loopFactory: () => mine });
  assert.equal(seen, mine);
  assert.equal(mine.isClosed(), true);
  // cpython: test_runners.py RunTests.test_asyncio_run_loop_factory
});

test("run() with loopFactory EventLoop works without the policy", async () => {
  const value = await run(async () => {
    await sleep(0);
    return getRunningLoop() instanceof EventLoop;
  }, { loopFactory: () => new EventLoop() });
  assert.equal(value, true);
  // cpython: test_runners.py RunTests.test_loop_factory_default_event_loop
});

test("run() calls started side by side at top level run independent loops", async () => {
  const trace: string[] = [];
  const main = (name: string, step: number) => async () => {
    const loop = getRunningLoop();
    for (let i = 0; i < 3; i++) {
      await sleep(step);
      assert.equal(getRunningLoop(), loop);
      trace.push(`${name}${i}`);
    }
    return loop;
  };
  const [a, b] = await Promise.all([run(main("a", 1), virtual), run(main("b", 2), virtual)]);
  assert.notEqual(a, b);
  assert.equal(a.isClosed() && b.isClosed(), true);
  assert.deepEqual(trace.filter((s) => s.startsWith("a")), ["a0", "a1", "a2"]);
  assert.deepEqual(trace.filter((s) => s.startsWith("b")), ["b0", "b1", "b2"]);
});

test("run() calls side by side: one failing does not disturb the other", async () => {
  const results = await Promise.allSettled([
    run(async () => {
      await sleep(1);
      throw new ValueError("first");
    }, virtual),
    run(async () => {
      await sleep(2);
      return "second";
    }, virtual),
  ]);
  assert.equal(results[0].status, "rejected");
  assert.deepEqual(results[1], { status: "fulfilled", value: "second" });
});

test("run() keeps the async context's running loop out of code after it", async () => {
  await run(async () => {}, virtual);
  assert.throws(() => getRunningLoop(), /no running event loop/);
});

// ---------------------------------------------------------------------------
// Runner
// ---------------------------------------------------------------------------

test("Runner.run() runs several mains on one loop", async () => {
  const runner = new Runner(virtual);
  const l1 = await runner.run(async () => getRunningLoop());
  const l2 = await runner.run(async () => getRunningLoop());
  assert.equal(l1, l2);
  assert.equal(runner.getLoop(), l1);
  assert.equal(l1.isClosed(), false);
  await runner.close();
  assert.equal(l1.isClosed(), true);
  // cpython: test_runners.py RunnerTests.test_run
});

test("Runner.getLoop() makes the loop lazily with the factory and debug setting", async () => {
  let made = 0;
  const runner = new Runner({
    debug: true,
    loopFactory: () => {
      made++;
      return new VirtualTimeEventLoop();
    },
  });
  assert.equal(made, 0);
  const loop = runner.getLoop();
  assert.equal(made, 1);
  assert.ok(loop instanceof VirtualTimeEventLoop);
  assert.equal(loop.getDebug(), true);
  assert.equal(runner.getLoop(), loop);
  await runner.close();
  // cpython: test_runners.py RunnerTests.test_custom_factory
  // cpython: test_runners.py RunnerTests.test_debug
});

test("Runner.close() is idempotent and makes the runner unusable", async () => {
  const runner = new Runner(virtual);
  await runner.run(() => sleep(0));
  await runner.close();
  await runner.close();
  assert.throws(() => runner.getLoop(), /Runner is closed/);
  await assert.rejects(runner.run(() => sleep(0)), /Runner is closed/);
  // cpython: test_runners.py RunnerTests.test_explicit_close
  // cpython: test_runners.py RunnerTests.test_double_close
});

test("Runner.close() before any run() closes without making a loop", async () => {
  let made = 0;
  const runner = new Runner({ loopFactory: () => (made++, new VirtualTimeEventLoop()) });
  await runner.close();
  assert.equal(made, 0);
  assert.throws(() => runner.getLoop(), RuntimeError);
});

test("Runner with await using closes at the end of the block", async () => {
  let loop: AbstractEventLoop | null = null;
  {
    await using runner = new Runner(virtual);
    loop = runner.getLoop();
    assert.equal(await runner.run(() => sleep(1, "x")), "x");
  }
  assert.equal(loop.isClosed(), true);
  // cpython: test_runners.py RunnerTests.test_second_with_block_raises
});

test("Runner.run() inside a running loop throws RuntimeError", async () => {
  const runner = new Runner(virtual);
  await run(async () => {
    await assert.rejects(
      runner.run(() => sleep(0)),
      /Runner\.run\(\) cannot be called from a running event loop/,
    );
  }, virtual);
  await runner.close();
  // cpython: test_runners.py RunnerTests.test_recursive_run
});

test("Runner.run() throws the main's error and the runner stays usable", async () => {
  const runner = new Runner(virtual);
  await assert.rejects(
    runner.run(async () => {
      throw new ValueError("first");
    }),
    ValueError,
  );
  assert.equal(await runner.run(async () => "second"), "second");
  await runner.close();
});

test("Runner.run() leaves other tasks of the loop running between runs", async () => {
  const runner = new Runner(virtual);
  // (wrapped: returning a task from an async function would await it)
  const { background } = await runner.run(async () => ({
    background: createTask(() => sleep(10, "bg")),
  }));
  assert.equal(background.done(), false);
  assert.equal(await runner.run(() => background), "bg");
  await runner.close();
});

// deno-lint-ignore-file require-await -- task bodies and mains are async functions that may not await
// waitFor(): expiry cancels and waits, timeout <= 0, suppressed
// cancellation, errors during cancellation, races, caller cancellation.
import {
  CancelledError,
  coroutine,
  createTask,
  Future,
  getRunningLoop,
  run,
  shield,
  sleep,
  TimeoutError,
  VirtualTimeEventLoop,
  wait,
  waitFor,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

function go<T>(main: () => Promise<T>): Promise<T> {
  return run(main, virtual);
}

async function settle(aw: PromiseLike<unknown>): Promise<unknown> {
  try {
    await aw;
    return undefined;
  } catch (e) {
    return e;
  }
}

const EPSILON = 0.0001;

/** Runs for TASK_TIMEOUT seconds of loop time, ignoring cancellation. */
class SlowTask {
  static readonly TASK_TIMEOUT = 0.2;
  exited = false;
  run = async (): Promise<void> => {
    const loop = getRunningLoop();
    const exitAt = loop.time() + SlowTask.TASK_TIMEOUT;
    for (;;) {
      const toSleep = exitAt - loop.time();
      if (toSleep <= 0) break;
      try {
        await sleep(toSleep);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
      }
    }
    this.exited = true;
  };
}

test("waitFor() cancelled from outside waits for the inner work that ignores cancellation", async () => {
  await go(async () => {
    const t = new SlowTask();
    const waitForTask = createTask(() => waitFor(t.run, SlowTask.TASK_TIMEOUT * 2));
    await sleep(0);
    waitForTask.cancel();
    await wait([waitForTask]);
    assert.equal(t.exited, true);
  });
  // cpython: test_waitfor.py AsyncioWaitForTest.test_asyncio_wait_for_cancelled
});

test("waitFor() expiry waits until the inner work has actually finished", async () => {
  await go(async () => {
    const t = new SlowTask();
    const result = await settle(waitFor(t.run, SlowTask.TASK_TIMEOUT / 2));
    // The inner work swallowed the cancellation and returned: its value wins.
    assert.equal(result, undefined);
    assert.equal(t.exited, true);
    assert.equal(getRunningLoop().time(), SlowTask.TASK_TIMEOUT);
  });
  // cpython: test_waitfor.py AsyncioWaitForTest.test_asyncio_wait_for_timeout
});

test("waitFor() with timeout 0 returns the result of a future already done", async () => {
  await go(async () => {
    const fut = new Future<string>();
    fut.setResult("done");
    assert.equal(await waitFor(fut, 0), "done");
  });
  // cpython: test_waitfor.py AsyncioWaitForTest.test_wait_for_timeout_less_then_0_or_0_future_done
});

test("waitFor() with timeout 0 never starts a coroutine or function", async () => {
  await go(async () => {
    let started = false;
    const foo = async () => {
      started = true;
    };
    const err = await settle(waitFor(foo, 0));
    assert.ok(err instanceof TimeoutError);
    assert.ok((err as TimeoutError).cause instanceof CancelledError);
    assert.equal(started, false);
    const fooCoro = coroutine(foo);
    assert.ok(await settle(waitFor(fooCoro(), 0)) instanceof TimeoutError);
    assert.equal(started, false);
  });
  // cpython: test_waitfor.py AsyncioWaitForTest.test_wait_for_timeout_less_then_0_or_0_coroutine_do_not_started
});

test("waitFor() with timeout <= 0 cancels a running task and throws TimeoutError", async () => {
  await go(async () => {
    for (const timeout of [0, -1]) {
      let fooRunning: boolean | null = null;
      const started = new Future<void>();
      const fut = createTask(async () => {
        fooRunning = true;
        started.setResult();
        try {
          await sleep(10);
        } finally {
          fooRunning = false;
        }
        return "done";
      });
      await started;
      assert.ok(await settle(waitFor(fut, timeout)) instanceof TimeoutError);
      assert.equal(fut.cancelled(), true);
      assert.equal(fooRunning, false);
    }
  });
  // cpython: test_waitfor.py AsyncioWaitForTest.test_wait_for_timeout_less_then_0_or_0
});

test("waitFor() expiry cancels the task it waits for", async () => {
  await go(async () => {
    let fooRunning: boolean | null = null;
    const fut = createTask(async () => {
      fooRunning = true;
      try {
        await sleep(3600);
      } finally {
        fooRunning = false;
      }
      return "done";
    });
    const err = await settle(waitFor(fut, 0.1));
    assert.ok(err instanceof TimeoutError);
    assert.equal(fut.cancelled(), true);
    assert.equal(fooRunning, false);
    assert.equal(getRunningLoop().time(), 0.1);
  });
  // cpython: test_waitfor.py AsyncioWaitForTest.test_wait_for
});

test("waitFor() with null waits without limit", async () => {
  await go(async () => {
    const coro = coroutine(async () => "done");
    assert.equal(await waitFor(coro(), null), "done");
    assert.equal(await waitFor(() => sleep(3600, "late"), null), "late");
  });
  // cpython: test_waitfor.py AsyncioWaitForTest.test_wait_for_blocking
});

test("waitFor() a result arriving just before the deadline wins", async () => {
  await go(async () => {
    const loop = getRunningLoop();
    const fut = new Future<string>();
    const task = waitFor(fut, 0.2);
    loop.callSoon(() => fut.setResult("ok"));
    assert.equal(await task, "ok");
    const fut2 = new Future<string>();
    loop.callAt(loop.time() + 0.2, () => fut2.setResult("just in time"));
    assert.equal(await waitFor(fut2, 0.2 + EPSILON), "just in time");
  });
  // cpython: test_waitfor.py AsyncioWaitForTest.test_wait_for_race_condition
});

test("waitFor() inner work that suppresses the cancellation and returns a value: that value", async () => {
  await go(async () => {
    const inner = async () => {
      await assert.rejects(sleep(1), CancelledError);
      return 1;
    };
    assert.equal(await waitFor(inner, 0.01), 1);
    const return42 = async () => {
      try {
        await sleep(10);
      } catch (e) {
        if (e instanceof CancelledError) return 42;
        throw e;
      }
      return 0;
    };
    assert.equal(await waitFor(return42, 0.1), 42);
  });
  // cpython: test_waitfor.py AsyncioWaitForTest.test_wait_for_cancellation_race_condition
  // cpython: test_waitfor.py AsyncioWaitForTest.test_wait_for_cancel_suppressed
});

test("waitFor() waits for the task's cancellation to finish; TimeoutError caused by CancelledError", async () => {
  await go(async () => {
    for (const timeout of [EPSILON, 0]) {
      let taskDone = false;
      const innerTask = createTask(async () => {
        try {
          await sleep(10);
        } catch (e) {
          await sleep(EPSILON);
          throw e;
        } finally {
          taskDone = true;
        }
      });
      await sleep(EPSILON / 2);
      const err = await settle(waitFor(innerTask, timeout));
      assert.ok(err instanceof TimeoutError);
      assert.equal(taskDone, true);
      assert.ok((err as TimeoutError).cause instanceof CancelledError);
    }
  });
  // cpython: test_waitfor.py AsyncioWaitForTest.test_wait_for_waits_for_task_cancellation
  // cpython: test_waitfor.py AsyncioWaitForTest.test_wait_for_waits_for_task_cancellation_w_timeout_0
});

test("waitFor() an error raised during the cancellation propagates instead of TimeoutError", async () => {
  await go(async () => {
    class FooException extends Error {}
    const innerTask = createTask(async () => {
      try {
        await sleep(0.2);
      } finally {
        // deno-lint-ignore no-unsafe-finally
        throw new FooException();
      }
    });
    assert.ok(await settle(waitFor(innerTask, EPSILON)) instanceof FooException);
  });
  // cpython: test_waitfor.py AsyncioWaitForTest.test_wait_for_reraises_exception_during_cancellation
});

test("waitFor() cancelling the caller cancels the inner task", async () => {
  await go(async () => {
    const loop = getRunningLoop();
    for (const timeout of [null, 60]) {
      const task = createTask(async () => {
        await new Future<void>(); // never set
      });
      const waiting = createTask(() => waitFor(task, timeout));
      loop.callSoon(() => waiting.cancel());
      assert.ok(await settle(waiting) instanceof CancelledError);
      assert.equal(task.cancelled(), true);
    }
  });
  // cpython: test_waitfor.py AsyncioWaitForTest.test_cancel_blocking_wait_for
  // cpython: test_waitfor.py AsyncioWaitForTest.test_cancel_wait_for
});

test("waitFor() an inner task done at once does not mask a later cancellation of the caller", async () => {
  await go(async () => {
    const innerTask = createTask(async () => "done");
    let reachedEnd = false;
    const task = createTask(async () => {
      await waitFor(innerTask, 100);
      await sleep(1);
      reachedEnd = true;
    });
    assert.equal(task.done(), false);
    await sleep(0);
    task.cancel();
    assert.ok(await settle(task) instanceof CancelledError);
    assert.equal(await innerTask, "done");
    assert.equal(reachedEnd, false);
  });
  // cpython: test_waitfor.py AsyncioWaitForTest.test_wait_for_issue86296
});

test("waitFor() of a shielded task: timeout 0 cancels only the shield", async () => {
  await go(async () => {
    const task = createTask(() => sleep(0.01, "done"));
    const shielded = shield(task);
    assert.ok(await settle(waitFor(shielded, 0)) instanceof TimeoutError);
    assert.equal(task.done(), false);
    assert.equal(shielded.cancelled(), true);
    await sleep(0.1);
    assert.equal(task.done(), true);
    // With null, it runs to completion.
    const task2 = createTask(() => sleep(0.1, "done"));
    await waitFor(shield(task2), null);
    assert.equal(await task2, "done");
  });
  // cpython: test_waitfor.py WaitForShieldTests.test_zero_timeout
  // cpython: test_waitfor.py WaitForShieldTests.test_none_timeout
});

test("waitFor() of a promise abandons it on expiry", async () => {
  await go(async () => {
    let resolve: (v: string) => void = () => {};
    const promise = new Promise<string>((r) => (resolve = r));
    assert.ok(await settle(waitFor(promise, 0.01)) instanceof TimeoutError);
    resolve("too late");
    assert.equal(await promise, "too late");
  });
});

test("waitFor() outside a task runs in a task of its own", async () => {
  await go(async () => {
    const loop = getRunningLoop();
    const fut = new Future<unknown>();
    loop.callSoon(() => {
      waitFor(() => sleep(0.01, "from a callback"), 1).then((v) => fut.setResult(v));
    });
    assert.equal(await fut, "from a callback");
  });
});

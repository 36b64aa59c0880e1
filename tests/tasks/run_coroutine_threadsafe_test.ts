// runCoroutineThreadsafe(): submit work to a loop from outside it.
import {
  allTasks,
  CancelledError,
  coroutine,
  currentTask,
  type ExceptionContext,
  Future,
  runCoroutineThreadsafe,
  RuntimeError,
  sleep,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const add = coroutine(
  async (a: number, b: number, opts: { fail?: boolean; cancel?: boolean } = {}) => {
    await sleep(0.05);
    if (opts.fail) throw new RuntimeError("Fail!");
    if (opts.cancel) {
      currentTask()?.cancel();
      await sleep(0);
    }
    return a + b;
  },
);

async function settle(aw: PromiseLike<unknown>): Promise<unknown> {
  try {
    await aw;
    return undefined;
  } catch (e) {
    return e;
  }
}

test("runCoroutineThreadsafe() runs the coroutine on the loop and returns its result", async () => {
  const loop = new VirtualTimeEventLoop();
  try {
    const fut = runCoroutineThreadsafe(add(1, 2), loop);
    assert.ok(fut instanceof Future);
    assert.equal(await loop.runUntilComplete(fut), 3);
  } finally {
    loop.close();
  }
  // cpython: test_tasks.py RunCoroutineThreadsafeTests.test_run_coroutine_threadsafe
});

test("runCoroutineThreadsafe() passes the coroutine's error on", async () => {
  const loop = new VirtualTimeEventLoop();
  try {
    const fut = runCoroutineThreadsafe(add(1, 2, { fail: true }), loop);
    const err = await settle(loop.runUntilComplete(fut));
    assert.ok(err instanceof RuntimeError);
    assert.equal((err as Error).message, "Fail!");
  } finally {
    loop.close();
  }
  // cpython: test_tasks.py RunCoroutineThreadsafeTests.test_run_coroutine_threadsafe_with_exception
});

test("runCoroutineThreadsafe() cancelling the future cancels the task", async () => {
  const loop = new VirtualTimeEventLoop();
  try {
    const fut = runCoroutineThreadsafe(() => add(1, 2), loop);
    await loop.runUntilComplete(async () => {
      await sleep(0.01);
      fut.cancel();
      await sleep(0.1);
      for (const task of allTasks(loop)) assert.equal(task, currentTask());
    });
    assert.equal(fut.cancelled(), true);
  } finally {
    loop.close();
  }
  // cpython: test_tasks.py RunCoroutineThreadsafeTests.test_run_coroutine_threadsafe_with_timeout
});

test("runCoroutineThreadsafe() a task that ends cancelled cancels the future", async () => {
  const loop = new VirtualTimeEventLoop();
  try {
    const fut = runCoroutineThreadsafe(add(1, 2, { cancel: true }), loop);
    assert.ok(await settle(loop.runUntilComplete(fut)) instanceof CancelledError);
    assert.equal(fut.cancelled(), true);
  } finally {
    loop.close();
  }
  // cpython: test_tasks.py RunCoroutineThreadsafeTests.test_run_coroutine_threadsafe_task_cancelled
});

test("runCoroutineThreadsafe() a failing task factory fails the future and is reported", async () => {
  const loop = new VirtualTimeEventLoop();
  const contexts: ExceptionContext[] = [];
  try {
    loop.setExceptionHandler((_loop, ctx) => contexts.push(ctx));
    class NameError extends Error {}
    loop.setTaskFactory(() => {
      throw new NameError();
    });
    const fut = runCoroutineThreadsafe(add(1, 2), loop);
    const err = await settle(loop.runUntilComplete(fut));
    assert.ok(err instanceof NameError);
    assert.equal(contexts.length, 1);
    assert.equal(contexts[0]?.exception, err);
  } finally {
    loop.close();
  }
  // cpython: test_tasks.py RunCoroutineThreadsafeTests.test_run_coroutine_threadsafe_task_factory_exception
});

test("runCoroutineThreadsafe() refuses anything but a coroutine or function", () => {
  const loop = new VirtualTimeEventLoop();
  try {
    assert.throws(
      () => runCoroutineThreadsafe(Promise.resolve(1), loop),
      (e) => e instanceof TypeError && /A coroutine object is required/.test(e.message),
    );
  } finally {
    loop.close();
  }
});

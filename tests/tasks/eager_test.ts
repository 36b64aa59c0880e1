// deno-lint-ignore-file require-await -- task bodies and mains are async functions that may not await
// Eager tasks: eagerStart and eagerTaskFactory run the first step inside
// createTask() when the loop is running.
//
// Difference from asyncio (documented): an eager task that finishes without
// suspending is done one microtask after createTask() returns, since JS
// cannot observe an async function's completion synchronously.
import {
  allTasks,
  CancelledError,
  createEagerTaskFactory,
  createTask,
  currentTask,
  eagerTaskFactory,
  EventLoop,
  getRunningLoop,
  run,
  sleep,
  Task,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

/** A virtual-time loop whose task factory makes eager tasks. */
function eagerLoop(): VirtualTimeEventLoop {
  const loop = new VirtualTimeEventLoop();
  loop.setTaskFactory(eagerTaskFactory);
  return loop;
}

const eager = { loopFactory: eagerLoop };

/** Lets the microtasks already queued run (the eager completion is one). */
const microtask = () => Promise.resolve();

test("eagerTaskFactory is the loop's factory and makes Tasks", async () => {
  await run(async () => {
    assert.equal(getRunningLoop().getTaskFactory(), eagerTaskFactory);
    const t = createTask(async () => {});
    assert.ok(t instanceof Task);
    await t;
  }, eager);
  // cpython: test_eager_task_factory.py EagerTaskFactoryLoopTests.test_eager_task_factory_set
});

test("eager task runs its first step inside createTask()", async () => {
  await run(async () => {
    const steps: string[] = [];
    const t = createTask(async () => {
      steps.push("first step");
      await sleep(0);
      steps.push("second step");
    });
    steps.push("after createTask");
    await t;
    assert.deepEqual(steps, ["first step", "after createTask", "second step"]);
  }, eager);
});

test("eager task that completes without blocking is done one microtask later", async () => {
  await run(async () => {
    const t = createTask(async () => "hello");
    await microtask();
    assert.equal(t.done(), true);
    assert.equal(await t, "hello");
  }, eager);
  // cpython: test_eager_task_factory.py EagerTaskFactoryLoopTests.test_eager_completion
});

test("eager task setting a future's result in its first step", async () => {
  await run(async () => {
    const fut = getRunningLoop().createFuture<string>();
    createTask(async () => fut.setResult("my message"));
    assert.equal(fut.done(), true);
    assert.equal(await fut, "my message");
  }, eager);
  // cpython: test_eager_task_factory.py EagerTaskFactoryLoopTests.test_await_future_during_eager_step
});

test("eager task that blocks after its first step finishes through the loop", async () => {
  await run(async () => {
    const t = createTask(async () => {
      await sleep(0.1);
      return "finished after blocking";
    });
    assert.equal(t.done(), false);
    assert.equal(await t, "finished after blocking");
    assert.equal(t.done(), true);
  }, eager);
  // cpython: test_eager_task_factory.py EagerTaskFactoryLoopTests.test_block_after_eager_step
});

test("eager task: cancel() after its eager completion is false and the result stays", async () => {
  await run(async () => {
    const t = createTask(async () => "finished without blocking");
    await microtask();
    assert.equal(t.cancel(), false);
    assert.equal(await t, "finished without blocking");
    assert.equal(t.cancelled(), false);
  }, eager);
  // cpython: test_eager_task_factory.py EagerTaskFactoryLoopTests.test_cancellation_after_eager_completion
});

test("eager task blocked after its first step can be cancelled with a message", async () => {
  await run(async () => {
    const t = createTask(async () => {
      await sleep(0.1);
      return "finished after blocking";
    });
    t.cancel("cancellation message");
    assert.ok(t.cancelling() > 0);
    await assert.rejects(async () => {
      await t;
    }, (e: unknown) => e instanceof CancelledError && e.message === "cancellation message");
  }, eager);
  // cpython: test_eager_task_factory.py EagerTaskFactoryLoopTests.test_cancellation_after_eager_step_blocks
});

test("eager task: currentTask() is the new task during its step, the creator after", async () => {
  await run(async () => {
    const creator = currentTask();
    let captured: unknown = null;
    let afterBlocking: unknown = null;
    const t = createTask(async () => {
      captured = currentTask();
      await sleep(0.1);
      afterBlocking = currentTask();
    });
    assert.equal(captured, t);
    assert.equal(currentTask(), creator);
    await t;
    assert.equal(afterBlocking, t);
  }, eager);
  // cpython: test_eager_task_factory.py EagerTaskFactoryLoopTests.test_current_task
});

test("eager task is in allTasks() during its step and not after completing", async () => {
  await run(async () => {
    let captured: Set<unknown> | null = null;
    const t = createTask(async () => {
      captured = allTasks();
    });
    assert.ok(captured!.has(t));
    await microtask();
    assert.equal(allTasks().has(t), false);
  }, eager);
  // cpython: test_eager_task_factory.py EagerTaskFactoryLoopTests.test_all_tasks_with_eager_completion
});

test("eager task that blocks stays in allTasks() until it finishes", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const fut1 = loop.createFuture<void>();
    const fut2 = loop.createFuture<void>();
    let captured: Set<unknown> | null = null;
    const t = createTask(async () => {
      captured = allTasks();
      await fut1;
      fut2.setResult();
    });
    assert.ok(captured!.has(t));
    assert.ok(allTasks().has(t));
    fut1.setResult();
    await fut2;
    await sleep(0);
    assert.equal(allTasks().has(t), false);
  }, eager);
  // cpython: test_eager_task_factory.py EagerTaskFactoryLoopTests.test_all_tasks_with_blocking
});

test("createTask(fn, { eagerStart: true }) is eager on a plain loop", async () => {
  await run(async () => {
    let ran = false;
    const t = createTask(async () => {
      ran = true;
    }, { eagerStart: true });
    assert.equal(ran, true);
    const lazy = createTask(async () => {}, { eagerStart: false });
    await t;
    await lazy;
  }, { loopFactory: () => new VirtualTimeEventLoop() });
});

test("eager task on a loop that is not running is scheduled normally", async () => {
  const loop = new EventLoop();
  let ran = false;
  const t = loop.createTask(async () => {
    ran = true;
  }, { eagerStart: true });
  assert.equal(ran, false);
  await loop.runUntilComplete(t);
  assert.equal(ran, true);
  loop.close();
});

test("createEagerTaskFactory() makes eager tasks of a Task subclass", async () => {
  class MyTask<T> extends Task<T> {
    readonly mine = true;
  }
  await run(async () => {
    getRunningLoop().setTaskFactory(createEagerTaskFactory(MyTask));
    let ran = false;
    const t = createTask(async () => {
      ran = true;
      return 1;
    });
    assert.equal(ran, true);
    assert.ok(t instanceof MyTask);
    assert.equal(await t, 1);
  }, { loopFactory: () => new VirtualTimeEventLoop() });
});

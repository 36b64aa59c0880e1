// deno-lint-ignore-file require-await -- task bodies and mains are async functions that may not await
// Policies, getEventLoop()/setEventLoop()/newEventLoop(), getRunningLoop(),
// and the default loop that runs by itself outside any run().
import {
  allTasks,
  createTask,
  currentTask,
  DefaultEventLoopPolicy,
  EventLoop,
  type EventLoopPolicy,
  Future,
  getEventLoop,
  getEventLoopPolicy,
  getRunningLoop,
  newEventLoop,
  run,
  RuntimeError,
  setEventLoop,
  setEventLoopPolicy,
  sleep,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import type { AbstractEventLoop } from "../../mod.ts";
import { assert, test } from "../_suite.ts";

/** A policy whose loops are virtual-time loops, counting what it makes. */
class VirtualPolicy implements EventLoopPolicy {
  made: AbstractEventLoop[] = [];
  #current: AbstractEventLoop | null = null;
  getEventLoop(): AbstractEventLoop {
    return this.#current ??= this.newEventLoop();
  }
  setEventLoop(loop: AbstractEventLoop | null): void {
    this.#current = loop;
  }
  newEventLoop(): AbstractEventLoop {
    const loop = new VirtualTimeEventLoop();
    this.made.push(loop);
    return loop;
  }
}

async function withPolicy<T>(policy: EventLoopPolicy, body: () => Promise<T>): Promise<T> {
  const saved = getEventLoopPolicy();
  setEventLoopPolicy(policy);
  try {
    return await body();
  } finally {
    setEventLoopPolicy(saved === policy ? null : saved);
  }
}

test("getRunningLoop() outside a loop throws 'no running event loop'", () => {
  assert.throws(() => getRunningLoop(), (e: unknown) => {
    assert.ok(e instanceof RuntimeError);
    assert.equal(e.message, "no running event loop");
    return true;
  });
  // cpython: test_tasks.py BaseCurrentLoopTests.test_current_task_no_running_loop
});

test("getRunningLoop() inside run() is the loop, also inside callbacks", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const fromCallback = await new Promise((resolve) =>
      loop.callSoon(() => resolve(getRunningLoop()))
    );
    assert.equal(fromCallback, loop);
  }, { loopFactory: () => new VirtualTimeEventLoop() });
});

test("getEventLoop() returns the running loop inside a loop", async () => {
  await run(async () => {
    assert.equal(getEventLoop(), getRunningLoop());
  }, { loopFactory: () => new VirtualTimeEventLoop() });
  // cpython: test_events.py GetEventLoopTestsMixin.test_get_event_loop_returns_running_loop
});

test("getEventLoopPolicy() returns the default policy until one is set", () => {
  const policy = getEventLoopPolicy();
  assert.ok(policy instanceof DefaultEventLoopPolicy);
  assert.equal(getEventLoopPolicy(), policy);
  // cpython: test_events.py PolicyTests.test_get_event_loop_policy
});

test("setEventLoopPolicy() rejects non-policies; null restores a default policy", () => {
  const saved = getEventLoopPolicy();
  assert.throws(() => setEventLoopPolicy({} as EventLoopPolicy), TypeError);
  const mine = new DefaultEventLoopPolicy();
  setEventLoopPolicy(mine);
  assert.equal(getEventLoopPolicy(), mine);
  setEventLoopPolicy(null);
  assert.ok(getEventLoopPolicy() instanceof DefaultEventLoopPolicy);
  assert.notEqual(getEventLoopPolicy(), mine);
  setEventLoopPolicy(saved);
  // cpython: test_events.py PolicyTests.test_set_event_loop_policy
});

test("DefaultEventLoopPolicy makes EventLoops and keeps one current loop", () => {
  const policy = new DefaultEventLoopPolicy();
  const loop = policy.getEventLoop();
  assert.ok(loop instanceof EventLoop);
  assert.equal(policy.getEventLoop(), loop);
  const fresh = policy.newEventLoop();
  assert.ok(fresh instanceof EventLoop);
  assert.notEqual(fresh, loop);
  policy.setEventLoop(fresh);
  assert.equal(policy.getEventLoop(), fresh);
  assert.throws(() => policy.setEventLoop({} as AbstractEventLoop), TypeError);
  policy.setEventLoop(null);
  const made = policy.getEventLoop();
  assert.notEqual(made, fresh);
  for (const l of [loop, fresh, made]) l.close();
  // cpython: test_events.py PolicyTests.test_get_event_loop
  // cpython: test_events.py PolicyTests.test_new_event_loop
  // cpython: test_events.py PolicyTests.test_set_event_loop
});

test("setEventLoopPolicy() changes what newEventLoop(), run() and getEventLoop() use", async () => {
  const policy = new VirtualPolicy();
  await withPolicy(policy, async () => {
    const fresh = newEventLoop();
    assert.ok(fresh instanceof VirtualTimeEventLoop);
    fresh.close();

    const inRun = await run(async () => {
      await sleep(3600); // virtual time: instant
      return getRunningLoop();
    });
    assert.ok(inRun instanceof VirtualTimeEventLoop);
    assert.ok(policy.made.includes(inRun));

    const current = getEventLoop();
    assert.equal(current, policy.getEventLoop());
    assert.ok(current instanceof VirtualTimeEventLoop);
    setEventLoop(null);
    current.close();
  });
  assert.ok(!(newEventLoop() instanceof VirtualTimeEventLoop));
});

test("setEventLoop() sets what getEventLoop() returns outside a loop", () => {
  const policy = new DefaultEventLoopPolicy();
  const saved = getEventLoopPolicy();
  setEventLoopPolicy(policy);
  try {
    const loop = newEventLoop();
    setEventLoop(loop);
    assert.equal(getEventLoop(), loop);
    setEventLoop(null);
    assert.notEqual(getEventLoop(), loop);
    getEventLoop().close();
    loop.close();
  } finally {
    setEventLoopPolicy(saved);
  }
  // cpython: test_events.py PolicyTests.test_get_event_loop_after_set_none
});

// ---------------------------------------------------------------------------
// The default loop outside run()
// ---------------------------------------------------------------------------

test("getEventLoop() outside run(): sleep, createTask and awaiting tasks work at top level", async () => {
  const policy = new DefaultEventLoopPolicy();
  await withPolicy(policy, async () => {
    const loop = getEventLoop();
    assert.equal(await sleep(0, "slept"), "slept");
    const task = createTask(async () => {
      await sleep(0);
      return [currentTask(), getRunningLoop()] as const;
    });
    assert.equal(task.getLoop(), loop);
    const [inside, running] = await task;
    assert.equal(inside, task);
    assert.equal(running, loop);
    // Still no running loop in this (top-level) context.
    assert.throws(() => getRunningLoop(), /no running event loop/);
    const tasks = [1, 2, 3].map((i) => createTask(() => sleep(0, i)));
    const values: number[] = [];
    for (const t of tasks) values.push(await t);
    assert.deepEqual(values, [1, 2, 3]);
    assert.equal(allTasks(loop).size, 0);
    setEventLoop(null);
    loop.close();
  });
});

test("Future outside run() binds to getEventLoop() and its callbacks run by themselves", async () => {
  const policy = new DefaultEventLoopPolicy();
  await withPolicy(policy, async () => {
    const fut = new Future<number>();
    assert.equal(fut.getLoop(), getEventLoop());
    const seen = new Promise<number>((resolve) => fut.addDoneCallback((f) => resolve(f.result())));
    fut.setResult(3);
    assert.equal(await seen, 3);
    assert.equal(await fut, 3);
    const loop = getEventLoop();
    setEventLoop(null);
    loop.close();
  });
  // cpython: test_futures.py BaseFutureTests.test_constructor_use_global_loop
});

test("run() works after the default loop ran by itself", async () => {
  const policy = new DefaultEventLoopPolicy();
  await withPolicy(policy, async () => {
    await sleep(0);
    const implicit = getEventLoop();
    const inRun = await run(async () => {
      await sleep(0);
      return getRunningLoop();
    });
    assert.notEqual(inRun, implicit);
    assert.equal(await sleep(0, "again"), "again");
    setEventLoop(null);
    implicit.close();
  });
});

test("EventLoop.runUntilComplete() takes over a default loop that runs by itself", async () => {
  const policy = new DefaultEventLoopPolicy();
  await withPolicy(policy, async () => {
    const loop = getEventLoop();
    const background = createTask(async () => {
      await sleep(0);
      await sleep(0);
      return "bg";
    });
    // The loop may be running by itself now; runUntilComplete waits and takes over.
    const value = await loop.runUntilComplete(async () => {
      await sleep(0);
      return getRunningLoop() === loop;
    });
    assert.equal(value, true);
    assert.equal(await background, "bg");
    setEventLoop(null);
    loop.close();
  });
});

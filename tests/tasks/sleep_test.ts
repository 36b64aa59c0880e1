// sleep(): one loop iteration for zero, a timer otherwise, results,
// NaN, cancellation.
import {
  CancelledError,
  createTask,
  getRunningLoop,
  run,
  sleep,
  ValueError,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

test("sleep(delay) resumes after delay seconds of loop time", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const t0 = loop.time();
    await sleep(0.1);
    assert.equal(loop.time() - t0, 0.1);
    await sleep(0.5);
    assert.equal(Math.round((loop.time() - t0) * 1000), 600);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_sleep
});

test("sleep(delay, result) resolves with result", async () => {
  await run(async () => {
    assert.equal(await sleep(0.1, "yeah"), "yeah");
    assert.equal(await sleep(0, 5), 5);
    assert.equal(await sleep(-1, null), null);
    assert.equal(await sleep(0), undefined);
  }, virtual);
});

test("sleep(0) yields exactly one loop iteration", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const order: string[] = [];
    loop.callSoon(() => {
      order.push("a");
      loop.callSoon(() => order.push("c"));
    });
    await sleep(0);
    order.push("b");
    await sleep(0);
    order.push("d");
    assert.deepEqual(order, ["a", "b", "c", "d"]);
  }, virtual);
  // cpython: test_tasks.py SleepTests.test_sleep_zero
});

test("sleep(0) does not use a timer: later timers wait", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    let fired = false;
    loop.callLater(0.001, () => (fired = true));
    const t0 = loop.time();
    for (let i = 0; i < 10; i++) await sleep(0);
    assert.equal(loop.time(), t0);
    assert.equal(fired, false);
  }, virtual);
});

test("sleep() with a negative delay behaves like sleep(0)", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const t0 = loop.time();
    const order: string[] = [];
    loop.callSoon(() => order.push("soon"));
    await sleep(-5);
    order.push("after");
    assert.deepEqual(order, ["soon", "after"]);
    assert.equal(loop.time(), t0);
  }, virtual);
});

test("sleep(NaN) rejects with ValueError", async () => {
  await run(async () => {
    await assert.rejects(sleep(NaN), ValueError);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_sleep_when_delay_is_nan
});

test("sleep() in concurrent tasks wakes them by deadline", async () => {
  await run(async () => {
    const order: number[] = [];
    const tasks = [3, 1, 2].map((d) =>
      createTask(async () => {
        await sleep(d);
        order.push(d);
      })
    );
    for (const t of tasks) await t;
    assert.deepEqual(order, [1, 2, 3]);
  }, virtual);
});

test("sleep() cancelled through its task rejects with CancelledError and drops its timer", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const t = createTask(() => sleep(3600));
    await sleep(0);
    t.cancel();
    await assert.rejects(async () => {
      await t;
    }, CancelledError);
    await sleep(0);
    // No timer is left: the virtual clock has not jumped to 3600.
    assert.ok(loop.time() < 3600);
  }, virtual);
});

test("sleep() outside any run() works on the default loop", async () => {
  assert.equal(await sleep(0, "top level"), "top level");
});

// LifoQueue: stack order, bounded puts, repr.
import { createTask, LifoQueue, QueueFull, run, sleep, VirtualTimeEventLoop } from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

test("LifoQueue returns the most recently added item first", async () => {
  await run(async () => {
    const q = new LifoQueue<number>();
    for (const i of [1, 3, 2]) await q.put(i);
    assert.equal(String(q), "<LifoQueue maxsize=0 _queue=[1, 3, 2] tasks=3>");
    assert.deepEqual([await q.get(), await q.get(), await q.get()], [2, 3, 1]);
  }, virtual);
  // cpython: test_queues.py LifoQueueTests.test_order
});

test("LifoQueue.put() waits while full, then the last put comes out first", async () => {
  await run(async () => {
    const q = new LifoQueue<string>({ maxsize: 2 });
    q.putNowait("a");
    q.putNowait("b");
    assert.throws(() => q.putNowait("c"), QueueFull);
    const putter = createTask(() => q.put("c"));
    await sleep(0);
    assert.ok(!putter.done());
    assert.equal(q.getNowait(), "b");
    await putter;
    assert.equal(q.getNowait(), "c");
    assert.equal(q.getNowait(), "a");
  }, virtual);
});

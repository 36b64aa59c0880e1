// Event: set/clear/wait, waking every waiter, cancellation.
import {
  CancelledError,
  createTask,
  Event,
  getRunningLoop,
  run,
  RuntimeError,
  sleep,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

test("Event repr shows the flag and the waiters", async () => {
  await run(async () => {
    const ev = new Event();
    assert.equal(String(ev), "<Event [unset]>");
    const waiter = createTask(() => ev.wait());
    await sleep(0);
    assert.equal(String(ev), "<Event [unset, waiters:1]>");
    ev.set();
    assert.equal(String(ev), "<Event [set, waiters:1]>");
    await waiter;
    assert.equal(String(ev), "<Event [set]>");
  }, virtual);
  // cpython: test_locks.py EventTests.test_repr
});

test("Event.set() wakes every waiter", async () => {
  await run(async () => {
    const ev = new Event();
    assert.equal(ev.isSet(), false);
    const result: number[] = [];
    const waiter = (n: number) => async () => {
      if (await ev.wait()) result.push(n);
    };
    const t1 = createTask(waiter(1));
    const t2 = createTask(waiter(2));
    await sleep(0);
    assert.deepEqual(result, []);
    const t3 = createTask(waiter(3));
    ev.set();
    await sleep(0);
    assert.deepEqual(result, [3, 1, 2]);
    for (const t of [t1, t2, t3]) {
      assert.ok(t.done());
      assert.equal(t.result(), undefined);
    }
  }, virtual);
  // cpython: test_locks.py EventTests.test_wait
});

test("Event.wait() returns true at once when the flag is set", async () => {
  await run(async () => {
    const ev = new Event();
    ev.set();
    assert.equal(await ev.wait(), true);
  }, virtual);
  // cpython: test_locks.py EventTests.test_wait_on_set
});

test("Event.wait() cancelled leaves no waiter behind", async () => {
  await run(async () => {
    const ev = new Event();
    const wait = createTask(() => ev.wait());
    getRunningLoop().callSoon(() => wait.cancel());
    await assert.rejects(async () => await wait, CancelledError);
    assert.equal(String(ev), "<Event [unset]>");
  }, virtual);
  // cpython: test_locks.py EventTests.test_wait_cancel
});

test("Event.clear() unsets the flag", () => {
  const ev = new Event();
  ev.set();
  assert.equal(ev.isSet(), true);
  ev.clear();
  assert.equal(ev.isSet(), false);
  // cpython: test_locks.py EventTests.test_clear
});

test("Event.clear() does not affect waiters already woken", async () => {
  await run(async () => {
    const ev = new Event();
    const result: number[] = [];
    const t = createTask(async () => {
      if (await ev.wait()) result.push(1);
      return true;
    });
    await sleep(0);
    assert.deepEqual(result, []);
    ev.set();
    ev.clear();
    assert.equal(ev.isSet(), false);
    ev.set();
    ev.set();
    assert.equal(String(ev), "<Event [set, waiters:1]>");
    await sleep(0);
    assert.deepEqual(result, [1]);
    assert.equal(String(ev), "<Event [set]>");
    assert.ok(t.done());
    assert.equal(t.result(), true);
  }, virtual);
  // cpython: test_locks.py EventTests.test_clear_with_waiters
});

test("Event.wait() cancelled after set() woke it throws CancelledError", async () => {
  await run(async () => {
    const ev = new Event();
    const t = createTask(() => ev.wait());
    await sleep(0);
    ev.set();
    t.cancel("late");
    await assert.rejects(
      async () => await t,
      (e) => e instanceof CancelledError && e.message === "late",
    );
    assert.equal(String(ev), "<Event [set]>");
  }, virtual);
});

test("Event binds to the loop of its first blocking use", async () => {
  const ev = new Event();
  await run(async () => {
    const t = createTask(() => ev.wait());
    await sleep(0);
    ev.set();
    await t;
  }, virtual);
  await run(async () => {
    assert.equal(await ev.wait(), true); // set: no blocking, no check
    ev.clear();
    await assert.rejects(
      () => ev.wait(),
      (e) => e instanceof RuntimeError && /bound to a different event loop/.test(e.message),
    );
  }, virtual);
});

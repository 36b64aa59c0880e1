// Condition: wait/notify/notifyAll/waitFor, lock checks, re-acquiring on
// cancellation, no lost wake-ups (3.13), a shared lock, binding.
import {
  CancelledError,
  Condition,
  createTask,
  getRunningLoop,
  Lock,
  run,
  RuntimeError,
  sleep,
  type Task,
  timeout,
  TimeoutError,
  VirtualTimeEventLoop,
  waitFor,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

function isRuntimeError(pattern: RegExp): (e: unknown) => boolean {
  return (e) => e instanceof RuntimeError && pattern.test(e.message);
}

test("Condition.wait() releases the lock and returns holding it after notify()", async () => {
  await run(async () => {
    const cond = new Condition();
    const result: number[] = [];
    const waiter = (n: number) => async () => {
      await cond.acquire();
      if (await cond.wait()) result.push(n);
      return true;
    };
    const t1 = createTask(waiter(1));
    const t2 = createTask(waiter(2));
    const t3 = createTask(waiter(3));
    await sleep(0);
    assert.deepEqual(result, []);
    assert.equal(cond.locked(), false);

    await cond.acquire();
    cond.notify();
    await sleep(0);
    assert.deepEqual(result, []);
    assert.equal(cond.locked(), true);

    cond.release();
    await sleep(0);
    assert.deepEqual(result, [1]);
    assert.equal(cond.locked(), true);

    cond.notify(2);
    await sleep(0);
    assert.deepEqual(result, [1]);
    assert.equal(cond.locked(), true);

    cond.release();
    await sleep(0);
    assert.deepEqual(result, [1, 2]);
    assert.equal(cond.locked(), true);

    cond.release();
    await sleep(0);
    assert.deepEqual(result, [1, 2, 3]);
    assert.equal(cond.locked(), true);
    for (const t of [t1, t2, t3]) assert.equal(t.result(), true);
  }, virtual);
  // cpython: test_locks.py ConditionTests.test_wait
});

test("Condition.wait() cancelled re-acquires the lock and leaves no waiter", async () => {
  await run(async () => {
    const cond = new Condition();
    await cond.acquire();
    const wait = createTask(() => cond.wait());
    getRunningLoop().callSoon(() => wait.cancel());
    await assert.rejects(async () => await wait, CancelledError);
    assert.equal(String(cond), "<Condition [locked]>");
    assert.equal(cond.locked(), true);
  }, virtual);
  // cpython: test_locks.py ConditionTests.test_wait_cancel
});

test("Condition.wait() notified then cancelled while the lock is contested ends holding it", async () => {
  await run(async () => {
    const cond = new Condition();
    await cond.acquire();
    assert.ok(cond.locked());
    const waitTask = createTask(() => cond.wait());
    await sleep(0);
    assert.equal(cond.locked(), false);
    await cond.acquire();
    assert.ok(cond.locked());
    cond.notify();
    getRunningLoop().callSoon(() => waitTask.cancel());
    getRunningLoop().callSoon(() => cond.release());
    try {
      await waitTask;
    } catch (err) {
      if (!(err instanceof CancelledError)) throw err;
    }
    assert.ok(cond.locked());
  }, virtual);
  // cpython: test_locks.py ConditionTests.test_wait_cancel_contested
});

test("Condition.wait() cancelled while re-acquiring ends the task cancelled", async () => {
  await run(async () => {
    const cond = new Condition();
    let waited = false;
    const waiter = createTask(async () => {
      using _ = await cond.acquire();
      waited = true;
      await cond.wait();
    });
    await sleep(0);
    await cond.acquire();
    cond.notify();
    await sleep(0); // the waiter goes on to re-acquire the lock
    waiter.cancel();
    await sleep(0);
    cond.release();
    await sleep(0);
    assert.ok(waiter.cancelled());
    assert.ok(waited);
    assert.equal(cond.locked(), false);
  }, virtual);
  // cpython: test_locks.py ConditionTests.test_wait_cancel_after_notify
});

test("Condition.wait() without the lock throws RuntimeError", async () => {
  await run(async () => {
    const cond = new Condition();
    await assert.rejects(() => cond.wait(), isRuntimeError(/cannot wait on un-acquired lock/));
  }, virtual);
  // cpython: test_locks.py ConditionTests.test_wait_unacquired
});

test("Condition.waitFor() waits until the predicate holds", async () => {
  await run(async () => {
    const cond = new Condition();
    let presult = false;
    const result: number[] = [];
    const t = createTask(async () => {
      await cond.acquire();
      if (await cond.waitFor(() => presult)) {
        result.push(1);
        cond.release();
      }
      return true;
    });
    await sleep(0);
    assert.deepEqual(result, []);
    await cond.acquire();
    cond.notify();
    cond.release();
    await sleep(0);
    assert.deepEqual(result, []);
    presult = true;
    await cond.acquire();
    cond.notify();
    cond.release();
    await sleep(0);
    assert.deepEqual(result, [1]);
    assert.equal(t.result(), true);
  }, virtual);
  // cpython: test_locks.py ConditionTests.test_wait_for
});

test("Condition.waitFor() returns a true predicate at once, without the lock", async () => {
  await run(async () => {
    const cond = new Condition();
    assert.deepEqual(await cond.waitFor(() => [1, 2, 3]), [1, 2, 3]);
    await assert.rejects(() => cond.waitFor(() => false), isRuntimeError(/un-acquired lock/));
  }, virtual);
  // cpython: test_locks.py ConditionTests.test_wait_for_unacquired
});

test("Condition.notify(n) wakes up to n waiters in FIFO order", async () => {
  await run(async () => {
    const cond = new Condition();
    const result: number[] = [];
    const waiter = (n: number) => async () => {
      await cond.acquire();
      if (await cond.wait()) {
        result.push(n);
        cond.release();
      }
      return true;
    };
    const tasks = [1, 2, 3].map((n) => createTask(waiter(n)));
    await sleep(0);
    assert.deepEqual(result, []);
    await cond.acquire();
    cond.notify(1);
    cond.release();
    await sleep(0);
    assert.deepEqual(result, [1]);
    await cond.acquire();
    cond.notify(1);
    cond.notify(2048);
    cond.release();
    await sleep(0);
    assert.deepEqual(result, [1, 2, 3]);
    for (const t of tasks) assert.equal(t.result(), true);
  }, virtual);
  // cpython: test_locks.py ConditionTests.test_notify
});

test("Condition.notifyAll() wakes every waiter", async () => {
  await run(async () => {
    const cond = new Condition();
    const result: number[] = [];
    const waiter = (n: number) => async () => {
      await cond.acquire();
      if (await cond.wait()) {
        result.push(n);
        cond.release();
      }
      return true;
    };
    const tasks = [1, 2].map((n) => createTask(waiter(n)));
    await sleep(0);
    assert.deepEqual(result, []);
    await cond.acquire();
    cond.notifyAll();
    cond.release();
    await sleep(0);
    assert.deepEqual(result, [1, 2]);
    for (const t of tasks) assert.equal(t.result(), true);
  }, virtual);
  // cpython: test_locks.py ConditionTests.test_notify_all
});

test("Condition.notify() and notifyAll() without the lock throw RuntimeError", () => {
  const cond = new Condition();
  assert.throws(() => cond.notify(), isRuntimeError(/cannot notify on un-acquired lock/));
  assert.throws(() => cond.notifyAll(), isRuntimeError(/cannot notify on un-acquired lock/));
  // cpython: test_locks.py ConditionTests.test_notify_unacquired
  // cpython: test_locks.py ConditionTests.test_notify_all_unacquired
});

test("Condition repr shows the lock state and the waiters", async () => {
  await run(async () => {
    const cond = new Condition();
    assert.equal(String(cond), "<Condition [unlocked]>");
    await cond.acquire();
    assert.equal(String(cond), "<Condition [locked]>");
    const waiters = [1, 2].map(() =>
      createTask(async () => {
        using _ = await cond.acquire();
        await cond.wait();
      })
    );
    cond.release();
    await sleep(0);
    assert.equal(String(cond), "<Condition [unlocked, waiters:2]>");
    await cond.acquire();
    assert.equal(String(cond), "<Condition [locked, waiters:2]>");
    cond.notifyAll();
    cond.release();
    for (const w of waiters) await w;
    assert.equal(String(cond), "<Condition [unlocked]>");
  }, virtual);
  // cpython: test_locks.py ConditionTests.test_repr
});

test("Condition permit releases the lock at scope exit", async () => {
  await run(async () => {
    const cond = new Condition();
    assert.equal(cond.locked(), false);
    {
      using _ = await cond.acquire();
      assert.equal(cond.locked(), true);
    }
    assert.equal(cond.locked(), false);
  }, virtual);
  // cpython: test_locks.py ConditionTests.test_context_manager
});

test("Condition over a shared Lock: both see the same state", async () => {
  await run(async () => {
    const check = async (lock: Lock, cond: Condition) => {
      assert.equal(lock.locked(), false);
      assert.equal(cond.locked(), false);
      {
        using _ = await cond.acquire();
        assert.equal(lock.locked(), true);
        assert.equal(cond.locked(), true);
      }
      assert.equal(lock.locked(), false);
      assert.equal(cond.locked(), false);
      {
        using _ = await lock.acquire();
        assert.equal(lock.locked(), true);
        assert.equal(cond.locked(), true);
      }
      assert.equal(lock.locked(), false);
      assert.equal(cond.locked(), false);
    };
    const lock = new Lock();
    await check(lock, new Condition(lock));
    const shared = new Lock();
    const a = new Condition(shared);
    const b = new Condition(shared);
    await check(shared, a);
    await check(shared, b);
    assert.throws(() => new Condition({} as Lock), TypeError);
  }, virtual);
  // cpython: test_locks.py ConditionTests.test_explicit_lock
});

test("Condition and its lock check the loop they are bound to", async () => {
  const lock = new Lock();
  const cond = new Condition(lock);
  await run(async () => {
    // Bind both: the lock by waiting for it, the condition by waiting on it.
    await cond.acquire();
    const other = createTask(async () => {
      using _ = await cond.acquire();
      await cond.wait();
    });
    await sleep(0); // `other` queues for the lock: binds the lock
    cond.release();
    await sleep(0); // `other` takes the lock and waits: binds the condition
    await cond.acquire();
    cond.notify();
    cond.release();
    await other;
  }, virtual);
  await run(async () => {
    {
      using _ = await lock.acquire(); // fast path: no loop involved
      const cond2 = new Condition(lock);
      await assert.rejects(
        () => cond2.acquire(),
        isRuntimeError(/is bound to a different event loop/),
      );
    }
    {
      using _ = await lock.acquire();
      await assert.rejects(() => cond.wait(), isRuntimeError(/is bound to a different event loop/));
      // The lock was not released by the failed wait().
      assert.equal(lock.locked(), true);
    }
  }, virtual);
  // cpython: test_locks.py ConditionTests.test_ambiguous_loops
});

test("Condition.wait() under waitFor() times out holding the lock", async () => {
  await run(async () => {
    const cond = new Condition();
    using _ = await cond.acquire();
    await assert.rejects(() => waitFor(() => cond.wait(), 0.5), TimeoutError);
    assert.equal(cond.locked(), true);
  }, virtual);
  // cpython: test_locks.py ConditionTests.test_timeout_in_block
});

test("Condition.waitFor() rethrows the very CancelledError it received", async () => {
  await run(async () => {
    const cond = new Condition();
    let raised: unknown = null;
    const task = createTask(async () => {
      using _ = await cond.acquire();
      try {
        await cond.waitFor(() => false);
      } catch (err) {
        raised = err;
        assert.ok(cond.locked());
        throw err;
      }
    });
    await sleep(0);
    task.cancel("foo");
    await assert.rejects(
      async () => await task,
      (e) => e instanceof CancelledError && e.message === "foo" && e === raised,
    );
  }, virtual);
  // cpython: test_locks.py ConditionTests.test_cancelled_error_wakeup
});

test("Condition.wait() cancelled while re-acquiring rethrows that CancelledError", async () => {
  await run(async () => {
    const cond = new Condition();
    let wake = false;
    let raised: unknown = null;
    const task = createTask(async () => {
      using _ = await cond.acquire();
      try {
        await cond.waitFor(() => wake);
      } catch (err) {
        raised = err;
        throw err;
      }
    });
    await sleep(0);
    await cond.acquire();
    wake = true;
    cond.notify();
    await sleep(0);
    task.cancel("foo"); // the task now waits for the lock
    cond.release();
    await assert.rejects(
      async () => await task,
      (e) => e instanceof CancelledError && e.message === "foo" && e === raised,
    );
  }, virtual);
  // cpython: test_locks.py ConditionTests.test_cancelled_error_re_aquire
});

async function consumerScenario(cancelWhileRelocking: boolean): Promise<void> {
  const condition = new Condition();
  let state = 0;
  const consumer = async () => {
    using _ = await condition.acquire();
    for (;;) {
      await condition.waitFor(() => state !== 0);
      if (state < 0) return;
      state -= 1;
    }
  };
  const c: Task<void>[] = [createTask(consumer), createTask(consumer)];
  await sleep(0);
  {
    using _ = await condition.acquire();
    state += 1;
    condition.notify(1);
    if (cancelWhileRelocking) await sleep(0);
    c[0]!.cancel();
    try {
      await timeout(0.01, () => condition.waitFor(() => state === 0));
    } catch (err) {
      if (!(err instanceof TimeoutError)) throw err;
    }
    assert.equal(state, 0);
    state = -1;
    condition.notifyAll();
  }
  await c[1];
  await assert.rejects(async () => await c[0]!, CancelledError);
}

test("Condition: a notified waiter cancelled before it runs passes the notification on", async () => {
  await run(() => consumerScenario(false), virtual);
  // cpython: test_locks.py ConditionTests.test_cancelled_wakeup
});

test("Condition: a notified waiter cancelled while re-acquiring passes the notification on", async () => {
  await run(() => consumerScenario(true), virtual);
  // cpython: test_locks.py ConditionTests.test_cancelled_wakeup_relock
});

test("Condition refuses a lock that is not a Lock, hinting the positional form", () => {
  const lock = new Lock();
  assert.throws(
    () => new Condition({ lock } as never),
    (e) =>
      e instanceof TypeError
      && /^Cannot create Condition: lock must be a Lock, not an object; write new Condition\(lock\)$/
        .test(
          e.message,
        ),
  );
  assert.throws(() => new Condition("lock" as never), /lock must be a Lock, not the string 'lock'/);
  assert.equal(new Condition(lock).locked(), false);
});

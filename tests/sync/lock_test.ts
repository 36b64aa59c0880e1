// Lock: FIFO hand-off, release errors, permits, cancellation races, binding.
import { inspect } from "node:util";
import {
  CancelledError,
  createTask,
  getRunningLoop,
  Lock,
  run,
  RuntimeError,
  sleep,
  type Task,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

async function settle(tasks: Task<unknown>[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const t of tasks) {
    try {
      out.push(await t);
    } catch (err) {
      out.push(err);
    }
  }
  return out;
}

test("Lock repr shows the state and the waiters", async () => {
  await run(async () => {
    const lock = new Lock();
    assert.equal(String(lock), "<Lock [unlocked]>");
    await lock.acquire();
    assert.equal(String(lock), "<Lock [locked]>");
    const waiters = [createTask(() => lock.acquire()), createTask(() => lock.acquire())];
    await sleep(0);
    assert.equal(String(lock), "<Lock [locked, waiters:2]>");
    assert.equal(inspect(lock), "<Lock [locked, waiters:2]>");
    for (const w of waiters) w.cancel();
    await settle(waiters);
    assert.equal(String(lock), "<Lock [locked]>");
  }, virtual);
  // cpython: test_locks.py LockTests.test_repr
});

test("Lock.acquire() takes a free lock at once and resolves to a permit", async () => {
  await run(async () => {
    const lock = new Lock();
    assert.equal(lock.locked(), false);
    const permit = await lock.acquire();
    assert.equal(lock.locked(), true);
    assert.equal(typeof permit[Symbol.dispose], "function");
    assert.equal(typeof permit[Symbol.asyncDispose], "function");
    lock.release();
    assert.equal(lock.locked(), false);
  }, virtual);
  // cpython: test_locks.py LockTests.test_release_no_waiters
});

test("Lock.acquire() waits until the holder releases, waking waiters in FIFO order", async () => {
  await run(async () => {
    const lock = new Lock();
    const result: number[] = [];
    await lock.acquire();
    const worker = (n: number) => async () => {
      await lock.acquire();
      result.push(n);
      return true;
    };
    const t1 = createTask(worker(1));
    const t2 = createTask(worker(2));
    await sleep(0);
    assert.deepEqual(result, []);
    lock.release();
    await sleep(0);
    assert.deepEqual(result, [1]);
    await sleep(0);
    assert.deepEqual(result, [1]);
    const t3 = createTask(worker(3));
    lock.release();
    await sleep(0);
    assert.deepEqual(result, [1, 2]);
    lock.release();
    await sleep(0);
    assert.deepEqual(result, [1, 2, 3]);
    for (const t of [t1, t2, t3]) {
      assert.ok(t.done());
      assert.equal(t.result(), true);
    }
  }, virtual);
  // cpython: test_locks.py LockTests.test_acquire
});

test("Lock.acquire() never lets a newcomer barge past a queued waiter", async () => {
  await run(async () => {
    const lock = new Lock();
    const order: string[] = [];
    await lock.acquire();
    const queued = createTask(async () => {
      await lock.acquire();
      order.push("queued");
      lock.release();
    });
    await sleep(0);
    lock.release();
    // The lock is free but handed to `queued`, which has not run yet.
    assert.equal(lock.locked(), false);
    const newcomer = createTask(async () => {
      await lock.acquire();
      order.push("newcomer");
      lock.release();
    });
    await queued;
    await newcomer;
    assert.deepEqual(order, ["queued", "newcomer"]);
  }, virtual);
});

test("Lock.release() of an unlocked lock throws RuntimeError", () => {
  const lock = new Lock();
  assert.throws(
    () => lock.release(),
    (e) => e instanceof RuntimeError && /Lock is not acquired/.test(e.message),
  );
  // cpython: test_locks.py LockTests.test_release_not_acquired
});

test("Lock permit: using releases at scope exit, also when the body throws", async () => {
  await run(async () => {
    const lock = new Lock();
    {
      using _ = await lock.acquire();
      assert.equal(lock.locked(), true);
    }
    assert.equal(lock.locked(), false);
    const body = async () => {
      using _ = await lock.acquire();
      assert.equal(lock.locked(), true);
      throw new Error("boom");
    };
    await assert.rejects(body, /boom/);
    assert.equal(lock.locked(), false);
    {
      await using _ = await lock.acquire();
      assert.equal(lock.locked(), true);
    }
    assert.equal(lock.locked(), false);
  }, virtual);
  // cpython: test_locks.py LockTests.test_context_manager
});

test("Lock permit releases once, however often it is disposed", async () => {
  await run(async () => {
    const lock = new Lock();
    const permit = await lock.acquire();
    permit.release();
    assert.equal(lock.locked(), false);
    await lock.acquire(); // someone else holds it now
    permit[Symbol.dispose]();
    await permit[Symbol.asyncDispose]();
    assert.equal(lock.locked(), true);
  }, virtual);
});

test("Lock.acquire() cancelled while queued leaves the queue", async () => {
  await run(async () => {
    const lock = new Lock();
    await lock.acquire();
    const task = createTask(() => lock.acquire());
    getRunningLoop().callSoon(() => task.cancel());
    await assert.rejects(async () => await task, CancelledError);
    assert.equal(String(lock), "<Lock [locked]>");
  }, virtual);
  // cpython: test_locks.py LockTests.test_acquire_cancel
});

test("Lock: a waiter cancelled as the holder releases is skipped for the next one", async () => {
  await run(async () => {
    const lock = new Lock();
    const lockit = (blocker: PromiseLike<void> | null) => async () => {
      await lock.acquire();
      try {
        if (blocker !== null) await blocker;
      } finally {
        lock.release();
      }
    };
    const fa = getRunningLoop().createFuture<void>();
    const ta = createTask(lockit(fa));
    await sleep(0);
    assert.ok(lock.locked());
    const tb = createTask(lockit(null));
    await sleep(0);
    assert.equal(String(lock), "<Lock [locked, waiters:1]>");
    const tc = createTask(lockit(null));
    await sleep(0);
    assert.equal(String(lock), "<Lock [locked, waiters:2]>");
    fa.setResult();
    tb.cancel();
    await sleep(0);
    assert.equal(lock.locked(), false);
    assert.ok(ta.done());
    assert.ok(tb.cancelled());
    await tc;
  }, virtual);
  // cpython: test_locks.py LockTests.test_cancel_race
});

test("Lock: cancelling one waiter while releasing never grants the lock twice", async () => {
  await run(async () => {
    const lock = new Lock();
    let lockCount = 0;
    let callCount = 0;
    const lockit = async () => {
      callCount++;
      await lock.acquire();
      lockCount++;
    };
    await lock.acquire();
    const t1 = createTask(lockit);
    const t2 = createTask(lockit);
    const t3 = createTask(lockit);
    await sleep(0);
    getRunningLoop().callSoon(() => {
      t1.cancel();
      lock.release();
    });
    await assert.rejects(async () => await t1, CancelledError);
    await sleep(0);
    assert.equal(lockCount, 1);
    assert.equal(callCount, 3);
    assert.ok(t1.cancelled() && t2.done());
    t3.cancel();
    await sleep(0);
    assert.ok(t3.cancelled());
  }, virtual);
  // cpython: test_locks.py LockTests.test_cancel_release_race
});

test("Lock: the next waiter is woken when the first, cancelled, one leaves", async () => {
  await run(async () => {
    const lock = new Lock();
    await lock.acquire();
    const tb = createTask(() => lock.acquire());
    await sleep(0);
    assert.equal(String(lock), "<Lock [locked, waiters:1]>");
    const tc = createTask(() => lock.acquire());
    tb.cancel();
    lock.release();
    await sleep(0);
    assert.ok(lock.locked());
    assert.ok(tb.cancelled());
    await tc;
  }, virtual);
  // cpython: test_locks.py LockTests.test_finished_waiter_cancelled
});

test("Lock: a waiter cancelled right after being woken hands the lock on", async () => {
  await run(async () => {
    const lock = new Lock();
    await lock.acquire();
    const t1 = createTask(() => lock.acquire());
    const t2 = createTask(() => lock.acquire());
    await sleep(0);
    lock.release(); // wakes t1...
    t1.cancel("late"); // ...which is cancelled before it runs
    await sleep(0);
    assert.ok(t1.cancelled());
    await assert.rejects(
      async () => await t1,
      (e) => e instanceof CancelledError && e.message === "late",
    );
    await sleep(0);
    assert.ok(t2.done());
    assert.ok(lock.locked());
    assert.equal(String(lock), "<Lock [locked]>");
    lock.release();
    assert.equal(lock.locked(), false);
  }, virtual);
});

test("Lock binds to the loop of its first blocking use", async () => {
  const lock = new Lock();
  await run(async () => {
    await lock.acquire();
    const waiter = createTask(() => lock.acquire());
    await sleep(0);
    lock.release();
    await waiter;
    lock.release();
  }, virtual);
  await run(async () => {
    // The fast path does not touch the loop...
    const permit = await lock.acquire();
    // ...but waiting does.
    await assert.rejects(
      () => lock.acquire(),
      (e) => e instanceof RuntimeError && /is bound to a different event loop/.test(e.message),
    );
    permit.release();
  }, virtual);
  // cpython: test_locks.py ConditionTests.test_ambiguous_loops
});

test("Lock.acquire() from many tasks keeps mutual exclusion", async () => {
  await run(async () => {
    const lock = new Lock();
    let inside = 0;
    let total = 0;
    const worker = async () => {
      for (let i = 0; i < 20; i++) {
        using _ = await lock.acquire();
        inside++;
        assert.equal(inside, 1);
        await sleep(0);
        inside--;
        total++;
      }
    };
    const tasks = Array.from({ length: 10 }, () => createTask(worker));
    await settle(tasks);
    assert.equal(total, 200);
    assert.equal(lock.locked(), false);
  }, virtual);
});

// Semaphore and BoundedSemaphore: values, locked(), FIFO order, the 3.13
// no-hang rules, permits, over-release.
import {
  BoundedSemaphore,
  CancelledError,
  createTask,
  gather,
  getRunningLoop,
  run,
  RuntimeError,
  Semaphore,
  sleep,
  type Task,
  taskGroup,
  ValueError,
  VirtualTimeEventLoop,
  waitFor,
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

test("Semaphore with value 0 is locked", () => {
  assert.equal(new Semaphore(0).locked(), true);
  // cpython: test_locks.py SemaphoreTests.test_initial_value_zero
});

test("Semaphore repr shows the state, the value and the waiters", async () => {
  await run(async () => {
    const sem = new Semaphore();
    assert.equal(String(sem), "<Semaphore [unlocked, value:1]>");
    await sem.acquire();
    assert.equal(String(sem), "<Semaphore [locked]>");
    const waiters = [createTask(() => sem.acquire()), createTask(() => sem.acquire())];
    await sleep(0);
    assert.equal(String(sem), "<Semaphore [locked, waiters:2]>");
    for (const w of waiters) w.cancel();
    await settle(waiters);
    assert.equal(String(new BoundedSemaphore(3)), "<BoundedSemaphore [unlocked, value:3]>");
  }, virtual);
  // cpython: test_locks.py SemaphoreTests.test_repr
});

test("Semaphore() defaults to one unit; a negative value throws ValueError", () => {
  const sem = new Semaphore();
  assert.equal(sem._value, 1);
  assert.equal(sem.locked(), false);
  assert.throws(
    () => new Semaphore(-1),
    (e) => e instanceof ValueError && /initial value must be >= 0/.test(e.message),
  );
  assert.throws(() => new BoundedSemaphore(-1), ValueError);
  assert.throws(() => new Semaphore("2" as unknown as number), TypeError);
  // cpython: test_locks.py SemaphoreTests.test_semaphore
  // cpython: test_locks.py SemaphoreTests.test_semaphore_value
});

test("Semaphore.acquire() waits while no unit is free and hands units over in order", async () => {
  await run(async () => {
    const sem = new Semaphore(3);
    const result: number[] = [];
    await sem.acquire();
    await sem.acquire();
    assert.equal(sem.locked(), false);
    const worker = (n: number) => async () => {
      await sem.acquire();
      result.push(n);
      return true;
    };
    const t1 = createTask(worker(1));
    const t2 = createTask(worker(2));
    const t3 = createTask(worker(3));
    await sleep(0);
    assert.deepEqual(result, [1]);
    assert.ok(sem.locked());
    assert.equal(sem._nWaiters, 2);
    assert.equal(sem._value, 0);
    const t4 = createTask(worker(4));
    sem.release();
    sem.release();
    assert.equal(sem._value, 0);
    await sleep(0);
    assert.equal(sem._value, 0);
    assert.equal(result.length, 3);
    assert.ok(sem.locked());
    assert.equal(sem._nWaiters, 1);
    assert.equal(t1.result(), true);
    const raced = [t2, t3, t4].filter((t) => t.done() && t.result());
    assert.equal(raced.length, 2);
    sem.release();
    await settle([t2, t3, t4]);
  }, virtual);
  // cpython: test_locks.py SemaphoreTests.test_acquire
});

test("Semaphore.acquire() cancelled while queued leaves no live waiter", async () => {
  await run(async () => {
    const sem = new Semaphore();
    await sem.acquire();
    const acquire = createTask(() => sem.acquire());
    getRunningLoop().callSoon(() => acquire.cancel());
    await assert.rejects(async () => await acquire, CancelledError);
    assert.equal(sem._nWaiters, 0);
    assert.equal(String(sem), "<Semaphore [locked]>");
  }, virtual);
  // cpython: test_locks.py SemaphoreTests.test_acquire_cancel
});

test("Semaphore: waiters cancelled before a release are skipped", async () => {
  await run(async () => {
    const sem = new Semaphore(0);
    const [t1, t2, t3, t4] = [1, 2, 3, 4].map(() => createTask(() => sem.acquire())) as [
      Task<unknown>,
      Task<unknown>,
      Task<unknown>,
      Task<unknown>,
    ];
    await sleep(0);
    t1.cancel();
    t2.cancel();
    sem.release();
    await sleep(0);
    await sleep(0);
    assert.equal([t3, t4].filter((t) => t.done()).length, 1);
    assert.ok(t3.done());
    assert.ok(!t4.done());
    t3.cancel();
    t4.cancel();
    await settle([t1, t2, t3, t4]);
  }, virtual);
  // cpython: test_locks.py SemaphoreTests.test_acquire_cancel_before_awoken
});

test("Semaphore: a release after a cancelled waiter reaches the next one", async () => {
  await run(async () => {
    const sem = new Semaphore(0);
    const t1 = createTask(() => sem.acquire());
    const t2 = createTask(() => sem.acquire());
    await sleep(0);
    t1.cancel();
    sem.release();
    await sleep(0);
    await sleep(0);
    assert.ok(sem.locked());
    assert.ok(t2.done());
    await settle([t1]);
  }, virtual);
  // cpython: test_locks.py SemaphoreTests.test_acquire_hang
});

test("Semaphore: a waiter cancelled after being granted a unit gives it back", async () => {
  await run(async () => {
    const sem = new Semaphore(1);
    let t2: Task<void> | null = null;
    const t1 = createTask(async () => {
      {
        using _ = await sem.acquire();
        await sleep(0);
      }
      t2!.cancel(); // t2 was granted the unit but has not run yet
    });
    t2 = createTask(async () => {
      using _ = await sem.acquire();
      assert.fail("t2 must not get the unit");
    });
    const [r1, r2] = await settle([t1, t2]);
    assert.equal(r1, undefined);
    assert.ok(r2 instanceof CancelledError);
    assert.equal(sem._value, 1);
    await waitFor(() => sem.acquire(), 1);
  }, virtual);
  // cpython: test_locks.py SemaphoreTests.test_acquire_no_hang
});

test("BoundedSemaphore.release() above the initial value throws ValueError", async () => {
  const sem = new BoundedSemaphore();
  assert.throws(
    () => sem.release(),
    (e) => e instanceof ValueError && /released too many times/.test(e.message),
  );
  await run(async () => {
    const bounded = new BoundedSemaphore(2);
    const p1 = await bounded.acquire();
    const p2 = await bounded.acquire();
    assert.ok(bounded.locked());
    p1.release();
    p2.release();
    p2.release(); // a permit releases once
    assert.equal(bounded._value, 2);
    assert.throws(() => bounded.release(), ValueError);
  }, virtual);
  // cpython: test_locks.py SemaphoreTests.test_release_not_acquired
});

test("Semaphore.release() with no waiter unlocks it", async () => {
  await run(async () => {
    const sem = new Semaphore();
    await sem.acquire();
    assert.ok(sem.locked());
    sem.release();
    assert.equal(sem.locked(), false);
  }, virtual);
  // cpython: test_locks.py SemaphoreTests.test_release_no_waiters
});

test("Semaphore: a task that releases and re-acquires goes to the back of the line", async () => {
  await run(async () => {
    const sem = new Semaphore(1);
    const result: string[] = [];
    const coro = (tag: string) => async () => {
      await sem.acquire();
      result.push(`${tag}_1`);
      await sleep(0.01);
      sem.release();
      await sem.acquire();
      result.push(`${tag}_2`);
      await sleep(0.01);
      sem.release();
    };
    await taskGroup((tg) => {
      tg.createTask(coro("c1"));
      tg.createTask(coro("c2"));
      tg.createTask(coro("c3"));
    });
    assert.deepEqual(result, ["c1_1", "c2_1", "c3_1", "c1_2", "c2_2", "c3_2"]);
  }, virtual);
  // cpython: test_locks.py SemaphoreTests.test_acquire_fifo_order
});

test("Semaphore: releases wake waiters in FIFO order, ahead of a re-acquire", async () => {
  await run(async () => {
    const sem = new Semaphore(1);
    const result: number[] = [];
    const t1 = createTask(async () => {
      await sem.acquire();
      result.push(1);
      return true;
    });
    const t2 = createTask(async () => {
      await sem.acquire();
      result.push(2);
      sem.release();
      await sem.acquire();
      result.push(4);
      return true;
    });
    const t3 = createTask(async () => {
      await sem.acquire();
      result.push(3);
      return true;
    });
    await sleep(0);
    sem.release();
    sem.release();
    await gather(t1, t2, t3);
    assert.deepEqual(result, [1, 2, 3, 4]);
  }, virtual);
  // cpython: test_locks.py SemaphoreTests.test_acquire_fifo_order_2
});

test("Semaphore: cancelled waiters are skipped in FIFO order", async () => {
  await run(async () => {
    const sem = new Semaphore(0);
    const result: number[] = [];
    const worker = (n: number) => async () => {
      await sem.acquire();
      result.push(n);
      return true;
    };
    const tasks = [1, 2, 3].map((n) => createTask(worker(n)));
    await sleep(0);
    tasks[0]!.cancel();
    await sleep(0);
    sem.release();
    sem.release();
    await settle(tasks);
    assert.deepEqual(result, [2, 3]);
  }, virtual);
  // cpython: test_locks.py SemaphoreTests.test_acquire_fifo_order_3
});

test("Semaphore: a finished acquire wakes as many waiters as units allow", async () => {
  await run(async () => {
    const sem = new Semaphore(0);
    const result: number[] = [];
    let t4: Task<boolean> | null = null;
    const c4 = () => {
      result.push(4);
      return Promise.resolve(true);
    };
    const t1 = createTask(async () => {
      assert.equal(sem._value, 0);
      await sem.acquire();
      assert.equal(sem._value, 0);
      t4 = createTask(c4);
      result.push(1);
      return true;
    });
    const t2 = createTask(async () => {
      sem.release();
      sem.release();
      sem.release();
      assert.equal(sem._value, 2);
      assert.ok(sem.locked());
      await sem.acquire();
      result.push(2);
      return true;
    });
    const t3 = createTask(async () => {
      await sem.acquire();
      assert.ok(sem.locked());
      result.push(3);
      return true;
    });
    await sleep(0);
    assert.equal(sem._value, 2);
    assert.equal(sem._nWaiters, 3);
    await sleep(0);
    await gather(t1, t2, t3, t4!);
    assert.deepEqual(result, [1, 2, 3, 4]);
  }, virtual);
  // cpython: test_locks.py SemaphoreTests.test_acquire_fifo_order_4
});

test("Semaphore permit: using holds a unit for the block", async () => {
  await run(async () => {
    const sem = new Semaphore(2);
    {
      using _a = await sem.acquire();
      using _b = await sem.acquire();
      assert.ok(sem.locked());
      assert.equal(sem._value, 0);
    }
    assert.equal(sem._value, 2);
    const fail = async () => {
      using _ = await sem.acquire();
      throw new Error("boom");
    };
    await assert.rejects(fail, /boom/);
    assert.equal(sem._value, 2);
  }, virtual);
  // cpython: test_locks.py LockTests.test_lock_by_with_statement
});

test("Semaphore.locked() is true while live waiters queue, even with a free unit", async () => {
  await run(async () => {
    const sem = new Semaphore(1);
    await sem.acquire();
    const waiter = createTask(() => sem.acquire());
    await sleep(0);
    sem.release(); // the unit goes to the waiter, which has not run yet
    assert.ok(sem.locked());
    await waiter;
    const w2 = createTask(() => sem.acquire());
    await sleep(0);
    w2.cancel();
    await settle([w2]);
    assert.ok(sem.locked()); // the waiter's unit is still held
  }, virtual);
});

test("Semaphore binds to the loop of its first blocking use", async () => {
  const sem = new Semaphore(0);
  await run(async () => {
    const t = createTask(() => sem.acquire());
    await sleep(0);
    sem.release();
    await t;
  }, virtual);
  await run(async () => {
    await assert.rejects(
      () => sem.acquire(),
      (e) => e instanceof RuntimeError && /bound to a different event loop/.test(e.message),
    );
  }, virtual);
});

test("Semaphore and BoundedSemaphore refuse a value that is not a number, hinting the positional form", () => {
  for (const Class of [Semaphore, BoundedSemaphore]) {
    assert.throws(
      () => new Class({ value: 3 } as never),
      (e) =>
        e instanceof TypeError
        && e.message
          === `Cannot create ${Class.name}: value must be a number, not an object; write new ${Class.name}(3)`,
    );
    assert.throws(() => new Class("3" as never), /value must be a number, not the string '3'/);
    assert.equal(new Class(3).locked(), false);
  }
});

// Barrier: arrival indices, cycles, draining, reset(), abort(), cancelled
// waiters, reprs.
import {
  Barrier,
  BrokenBarrierError,
  CancelledError,
  createTask,
  gather,
  run,
  sleep,
  type Task,
  ValueError,
  VirtualTimeEventLoop,
  wait,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };
const N = 5;
const REPR = /^<Barrier \[(filling|draining|resetting|broken)(, waiters:\d+\/\d+)?\]>$/;

function makeTasks<T>(n: number, fn: () => Promise<T>): Task<T>[] {
  return Array.from({ length: n }, () => createTask(fn));
}

async function gatherTasks<T>(n: number, fn: () => Promise<T>): Promise<T[]> {
  const tasks = makeTasks(n, fn);
  return (await gather(...tasks)) as T[];
}

async function settle(tasks: Task<unknown>[]): Promise<void> {
  for (const t of tasks) {
    try {
      await t;
    } catch {
      // collected for cleanup only
    }
  }
}

test("Barrier repr shows the state and the waiters through a cycle, a reset and an abort", async () => {
  await run(async () => {
    const barrier = new Barrier(N);
    assert.equal(String(barrier), "<Barrier [filling, waiters:0/5]>");
    const waiters: Task<number>[] = [];
    const spawn = (k: number) => {
      for (let i = 0; i < k; i++) waiters.push(createTask(() => barrier.wait()));
    };
    spawn(2);
    await sleep(0);
    assert.match(String(barrier), REPR);
    assert.equal(String(barrier), "<Barrier [filling, waiters:2/5]>");
    spawn(barrier.parties - barrier.nWaiting);
    await sleep(0);
    assert.match(String(barrier), /draining/);
    spawn(2);
    await sleep(0);
    await barrier.reset();
    assert.match(String(barrier), REPR);
    assert.match(String(barrier), /resetting/);
    spawn(2);
    await sleep(0);
    await barrier.abort();
    assert.equal(String(barrier), "<Barrier [broken]>");
    assert.ok(barrier.broken);
    await settle(waiters);
  }, virtual);
  // cpython: test_locks.py BarrierTests.test_repr
  // cpython: test_locks.py BarrierTests.test_barrier
});

test("Barrier(parties) needs at least one party", () => {
  assert.throws(
    () => new Barrier(0),
    (e) => e instanceof ValueError && /parties must be > 0/.test(e.message),
  );
  assert.throws(() => new Barrier(-4), ValueError);
  assert.ok(new Barrier(N) instanceof Barrier);
  assert.equal(new Barrier(N).parties, N);
  // cpython: test_locks.py BarrierTests.test_barrier_parties
});

test("Barrier.wait() gives each party a distinct arrival index", async () => {
  await run(async () => {
    const barrier = new Barrier(3);
    const results: number[] = [];
    await gatherTasks(3, async () => {
      results.push(await barrier.wait());
    });
    assert.deepEqual(results.sort(), [0, 1, 2]);
    assert.equal(barrier.nWaiting, 0);
    assert.equal(barrier.broken, false);
  }, virtual);
  // cpython: test_locks.py BarrierTests.test_context_manager
});

test("Barrier(1).wait() returns at once, cycle after cycle", async () => {
  await run(async () => {
    const barrier = new Barrier(1);
    assert.equal(await barrier.wait(), 0);
    assert.equal(barrier.nWaiting, 0);
    const t1 = createTask(() => barrier.wait());
    await sleep(0);
    assert.equal(barrier.nWaiting, 0);
    const t2 = createTask(() => barrier.wait());
    await sleep(0);
    assert.equal(t1.result(), t2.result());
    assert.equal(t1.done(), t2.done());
    assert.equal(barrier.nWaiting, 0);
    assert.equal(barrier.broken, false);
  }, virtual);
  // cpython: test_locks.py BarrierTests.test_filling_one_task
  // cpython: test_locks.py BarrierTests.test_filling_one_task_twice
});

test("Barrier.nWaiting counts arrivals while filling", async () => {
  await run(async () => {
    const barrier = new Barrier(3);
    const t1 = createTask(() => barrier.wait());
    await sleep(0);
    assert.equal(barrier.nWaiting, 1);
    assert.match(String(barrier), /filling/);
    const t2 = createTask(() => barrier.wait());
    await sleep(0);
    assert.equal(barrier.nWaiting, 2);
    assert.match(String(barrier), /filling/);
    const t3 = createTask(() => barrier.wait());
    await sleep(0);
    await wait([t1, t2, t3]);
    assert.equal(barrier.nWaiting, 0);
    assert.equal(barrier.broken, false);
  }, virtual);
  // cpython: test_locks.py BarrierTests.test_filling_task_by_task
});

test("Barrier is reusable: parties pass it twice in a row", async () => {
  await run(async () => {
    const barrier = new Barrier(N);
    const results: boolean[] = [];
    const indices = await gatherTasks(N, async () => {
      await barrier.wait();
      results.push(true);
      const i = await barrier.wait();
      results.push(false);
      return i;
    });
    assert.equal(results.length, N * 2);
    assert.equal(results.filter((x) => x).length, N);
    assert.deepEqual([...indices].sort(), [0, 1, 2, 3, 4]);
    assert.equal(barrier.nWaiting, 0);
    assert.equal(barrier.broken, false);
  }, virtual);
  // cpython: test_locks.py BarrierTests.test_filling_tasks_wait_twice
  // cpython: test_locks.py BarrierTests.test_filling_tasks_check_return_value
});

test("Barrier drains: every party but the last sees it draining", async () => {
  await run(async () => {
    const barrier = new Barrier(N);
    const results: boolean[] = [];
    await gatherTasks(N, async () => {
      await barrier.wait();
      results.push(String(barrier).includes("draining"));
    });
    assert.equal(results.length, N);
    assert.equal(results.at(-1), false);
    assert.ok(results.slice(0, N - 1).every((x) => x));
    assert.equal(barrier.nWaiting, 0);
  }, virtual);
  // cpython: test_locks.py BarrierTests.test_draining_state
});

test("Barrier.wait() blocks newcomers while the previous cycle drains", async () => {
  await run(async () => {
    const rewait = 2;
    const barrier = new Barrier(N);
    const barrierNoWaiting = new Barrier(N - rewait);
    let rewaitN = rewait;
    await gatherTasks(N, async () => {
      await barrier.wait();
      if (rewaitN > 0) {
        rewaitN--;
        await barrier.wait();
      } else {
        await barrierNoWaiting.wait();
        await barrier.wait();
      }
    });
    assert.equal(barrier.nWaiting, 0);
    assert.equal(barrierNoWaiting.nWaiting, 0);
  }, virtual);
  // cpython: test_locks.py BarrierTests.test_blocking_tasks_while_draining
});

test("Barrier: a cancelled waiter keeps the count consistent", async () => {
  await run(async () => {
    const barrier = new Barrier(3);
    const results: boolean[] = [];
    const coro = async () => {
      await barrier.wait();
      results.push(true);
    };
    const t1 = createTask(coro);
    await sleep(0);
    assert.equal(barrier.nWaiting, 1);
    const t2 = createTask(coro);
    await sleep(0);
    assert.equal(barrier.nWaiting, 2);
    t1.cancel();
    await sleep(0);
    assert.equal(barrier.nWaiting, 1);
    await assert.rejects(async () => await t1, CancelledError);
    assert.ok(t1.cancelled());
    const t3 = createTask(coro);
    await sleep(0);
    assert.equal(barrier.nWaiting, 2);
    const t4 = createTask(coro);
    await gather(t2, t3, t4);
    assert.equal(results.length, 3);
    assert.equal(barrier.nWaiting, 0);
    assert.equal(barrier.broken, false);
  }, virtual);
  // cpython: test_locks.py BarrierTests.test_filling_tasks_cancel_one
});

test("Barrier.reset() without waiters leaves it filling", async () => {
  await run(async () => {
    const barrier = new Barrier(1);
    createTask(() => barrier.reset());
    await sleep(0);
    assert.equal(barrier.nWaiting, 0);
    assert.equal(barrier.broken, false);
  }, virtual);
  // cpython: test_locks.py BarrierTests.test_reset_barrier
});

test("Barrier.reset() throws BrokenBarrierError in every waiter", async () => {
  await run(async () => {
    const barrier = new Barrier(N);
    const results: boolean[] = [];
    const tasks = makeTasks(N - 1, async () => {
      try {
        await barrier.wait();
      } catch (err) {
        if (!(err instanceof BrokenBarrierError)) throw err;
        results.push(true);
      }
    });
    await sleep(0);
    createTask(() => barrier.reset());
    await gather(...tasks);
    assert.equal(results.length, N - 1);
    assert.equal(barrier.nWaiting, 0);
    assert.doesNotMatch(String(barrier), /resetting/);
    assert.equal(barrier.broken, false);
  }, virtual);
  // cpython: test_locks.py BarrierTests.test_reset_barrier_while_tasks_waiting
});

test("Barrier.reset() while half the parties drain breaks only the waiting ones", async () => {
  await run(async () => {
    const barrier = new Barrier(N);
    const results1: boolean[] = [];
    const restOfTasks = Math.floor(N / 2);
    await gatherTasks(N, async () => {
      try {
        await barrier.wait();
      } catch (err) {
        if (!(err instanceof BrokenBarrierError)) throw err;
        results1.push(true);
        return;
      }
      if (restOfTasks === barrier._count) await barrier.reset();
    });
    assert.deepEqual(results1, Array(restOfTasks).fill(true));
    assert.equal(barrier.nWaiting, 0);
    assert.doesNotMatch(String(barrier), /resetting/);
    assert.equal(barrier.broken, false);
  }, virtual);
  // cpython: test_locks.py BarrierTests.test_reset_barrier_when_tasks_half_draining
});

test("Barrier.reset() while parties drain and block: the blocked ones pass later", async () => {
  await run(async () => {
    const barrier = new Barrier(N);
    const results1: boolean[] = [];
    const results2: boolean[] = [];
    const blockingTasks = Math.floor(N / 2);
    let count = 0;
    await gatherTasks(N, async () => {
      try {
        await barrier.wait();
      } catch (err) {
        if (!(err instanceof BrokenBarrierError)) throw err;
        results1.push(true);
        await barrier.wait();
        return;
      }
      count++;
      if (count > blockingTasks) {
        await barrier.reset();
        await barrier.wait();
      } else {
        try {
          await barrier.wait();
        } catch (err) {
          if (!(err instanceof BrokenBarrierError)) throw err;
          results2.push(true);
        }
      }
    });
    assert.deepEqual(results1, Array(blockingTasks).fill(true));
    assert.deepEqual(results2, []);
    assert.equal(barrier.nWaiting, 0);
    assert.doesNotMatch(String(barrier), /resetting/);
    assert.equal(barrier.broken, false);
  }, virtual);
  // cpython: test_locks.py BarrierTests.test_reset_barrier_when_tasks_half_draining_half_blocking
});

test("Barrier.reset(): broken waiters can wait again and pass", async () => {
  await run(async () => {
    const barrier = new Barrier(N);
    const results1: boolean[] = [];
    const results2: boolean[] = [];
    const tasks = makeTasks(N - 1, async () => {
      try {
        await barrier.wait();
      } catch (err) {
        if (!(err instanceof BrokenBarrierError)) throw err;
        results1.push(true);
      } finally {
        await barrier.wait();
        results2.push(true);
      }
    });
    createTask(() => barrier.reset());
    await sleep(0);
    createTask(async () => {
      await barrier.wait();
      results2.push(true);
    });
    await gather(...tasks);
    assert.equal(barrier.broken, false);
    assert.equal(results1.length, N - 1);
    assert.equal(results2.length, N);
    assert.equal(barrier.nWaiting, 0);
  }, virtual);
  // cpython: test_locks.py BarrierTests.test_reset_barrier_while_tasks_waiting_and_waiting_again
});

test("Barrier.reset() while parties drain: the next cycles still complete", async () => {
  await run(async () => {
    const barrier = new Barrier(N);
    const results1: boolean[] = [];
    const results2: boolean[] = [];
    const results3: boolean[] = [];
    let count = 0;
    await gatherTasks(N, async () => {
      await barrier.wait();
      count++;
      if (count === N) {
        await barrier.reset();
        await barrier.wait();
      } else {
        try {
          await barrier.wait();
          results1.push(true);
        } catch {
          results2.push(true);
        }
      }
      await barrier.wait();
      results3.push(true);
    });
    assert.equal(barrier.broken, false);
    assert.equal(results1.length, N - 1);
    assert.equal(results2.length, 0);
    assert.equal(results3.length, N);
    assert.equal(barrier.nWaiting, 0);
  }, virtual);
  // cpython: test_locks.py BarrierTests.test_reset_barrier_while_tasks_draining
});

test("Barrier.abort() breaks it for good", async () => {
  await run(async () => {
    const barrier = new Barrier(1);
    createTask(() => barrier.abort());
    await sleep(0);
    assert.equal(barrier.nWaiting, 0);
    assert.ok(barrier.broken);
    await assert.rejects(
      () => barrier.wait(),
      (e) => e instanceof BrokenBarrierError && /Barrier aborted/.test(e.message),
    );
  }, virtual);
  // cpython: test_locks.py BarrierTests.test_abort_barrier
});

test("Barrier.abort() while parties drain and block breaks every one of them", async () => {
  await run(async () => {
    const barrier = new Barrier(N);
    const results1: boolean[] = [];
    const results2: boolean[] = [];
    const blockingTasks = Math.floor(N / 2);
    let count = 0;
    await gatherTasks(N, async () => {
      try {
        await barrier.wait();
      } catch (err) {
        if (!(err instanceof BrokenBarrierError)) throw err;
        results1.push(true);
        return;
      }
      count++;
      if (count > blockingTasks) {
        await barrier.abort();
      } else {
        try {
          await barrier.wait();
        } catch (err) {
          if (!(err instanceof BrokenBarrierError)) throw err;
          results2.push(true);
        }
      }
    });
    assert.ok(barrier.broken);
    assert.deepEqual(results1, Array(blockingTasks).fill(true));
    assert.deepEqual(results2, Array(N - blockingTasks - 1).fill(true));
    assert.equal(barrier.nWaiting, 0);
    assert.doesNotMatch(String(barrier), /resetting/);
  }, virtual);
  // cpython: test_locks.py BarrierTests.test_abort_barrier_when_tasks_half_draining_half_blocking
});

test("Barrier.abort() after a party fails breaks the others' next wait", async () => {
  await run(async () => {
    const barrier = new Barrier(N);
    const results1: boolean[] = [];
    const results2: boolean[] = [];
    class Failure extends Error {}
    await gatherTasks(N, async () => {
      try {
        const i = await barrier.wait();
        if (i === Math.floor(N / 2)) throw new Failure();
        await barrier.wait();
        results1.push(true);
      } catch (err) {
        if (err instanceof BrokenBarrierError) results2.push(true);
        else if (err instanceof Failure) await barrier.abort();
        else throw err;
      }
    });
    assert.ok(barrier.broken);
    assert.equal(results1.length, 0);
    assert.equal(results2.length, N - 1);
    assert.equal(barrier.nWaiting, 0);
  }, virtual);
  // cpython: test_locks.py BarrierTests.test_abort_barrier_when_exception
});

test("Barrier aborted, then reset, works again", async () => {
  await run(async () => {
    const barrier1 = new Barrier(N);
    const barrier2 = new Barrier(N);
    const results1: boolean[] = [];
    const results2: boolean[] = [];
    const results3: boolean[] = [];
    class Failure extends Error {}
    await gatherTasks(N, async () => {
      try {
        const i = await barrier1.wait();
        if (i === Math.floor(N / 2)) throw new Failure();
        await barrier1.wait();
        results1.push(true);
      } catch (err) {
        if (err instanceof BrokenBarrierError) results2.push(true);
        else if (err instanceof Failure) await barrier1.abort();
        else throw err;
      }
      const i = await barrier2.wait();
      if (i === Math.floor(N / 2)) await barrier1.reset();
      await barrier2.wait();
      await barrier1.wait();
      results3.push(true);
    });
    assert.equal(barrier1.broken, false);
    assert.equal(results1.length, 0);
    assert.equal(results2.length, N - 1);
    assert.equal(results3.length, N);
    assert.equal(barrier1.nWaiting, 0);
  }, virtual);
  // cpython: test_locks.py BarrierTests.test_abort_barrier_when_exception_then_resetting
});

test("Barrier refuses parties that is not a number, hinting the positional form", () => {
  assert.throws(
    () => new Barrier({ parties: 3 } as never),
    (e) =>
      e instanceof TypeError
      && e.message
        === "Cannot create Barrier: parties must be a number, not an object; write new Barrier(3)",
  );
  assert.throws(() => new Barrier(undefined as never), /parties must be a number, not undefined/);
  assert.equal(new Barrier(3).parties, 3);
});

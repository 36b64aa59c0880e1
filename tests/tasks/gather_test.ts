// deno-lint-ignore-file require-await -- task bodies and mains are async functions that may not await
// gather(): result order, duplicates, first error, returnExceptions,
// cancellation of the gather and of a child, already-done children.
import {
  CancelledError,
  coroutine,
  createTask,
  eagerTaskFactory,
  EventLoop,
  Future,
  gather,
  getRunningLoop,
  isFuture,
  run,
  sleep,
  type Task,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

function go<T>(main: () => Promise<T>): Promise<T> {
  return run(main, virtual);
}

/** Lets the loop run a few iterations (done callbacks take one each). */
async function turns(n = 3): Promise<void> {
  for (let i = 0; i < n; i++) await sleep(0);
}

async function settle(aw: PromiseLike<unknown>): Promise<unknown> {
  try {
    await aw;
    return undefined;
  } catch (e) {
    return e;
  }
}

class ZeroDivision extends Error {
  override name = "ZeroDivision";
}

test("gather() resolves with the results in argument order", async () => {
  await go(async () => {
    for (const returnExceptions of [false, true]) {
      const [a, b, c] = [new Future<number>(), new Future<number>(), new Future<number>()];
      const fut = gather(a, b, c, { returnExceptions });
      let calls = 0;
      fut.addDoneCallback(() => calls++);
      b.setResult(1);
      a.setResult(2);
      await turns();
      assert.equal(calls, 0);
      assert.equal(fut.done(), false);
      c.setResult(3);
      await turns();
      assert.equal(calls, 1);
      assert.deepEqual(fut.result(), [2, 1, 3]);
    }
  });
  // cpython: test_tasks.py FutureGatherTests.test_success
  // cpython: test_tasks.py FutureGatherTests.test_result_exception_success
});

test("gather() runs coroutines, functions and promises and returns a Future", async () => {
  await go(async () => {
    const double = coroutine(async (x: number) => {
      await sleep(0.01);
      return x * 2;
    });
    const fut = gather(double(2), () => sleep(0.02, "fn"), Promise.resolve(true));
    assert.ok(isFuture(fut));
    const [four, fn, yes] = await fut;
    assert.equal(four, 4);
    assert.equal(fn, "fn");
    assert.equal(yes, true);
  });
});

test("gather() runs a duplicated argument once and repeats its result", async () => {
  await go(async () => {
    let runs = 0;
    const coro = coroutine(async (s: string) => {
      runs++;
      return s;
    });
    const c = coro("abc");
    const fn = async () => {
      runs++;
      return "fn";
    };
    assert.deepEqual(await gather(c, c, coro("def"), c, fn, fn), [
      "abc",
      "abc",
      "def",
      "abc",
      "fn",
      "fn",
    ]);
    assert.equal(runs, 3);
  });
  // cpython: test_tasks.py CoroutineGatherTests.test_duplicate_coroutines
});

test("gather() counts a repeated done future or pending task once, wherever it repeats", async () => {
  await go(async () => {
    const done = new Future<number>();
    done.setResult(1);
    let runs = 0;
    const task = createTask(async () => {
      runs++;
      await sleep(0);
      return 2;
    });
    const outer = gather(done, task, done, task, task);
    assert.deepEqual(await outer, [1, 2, 1, 2, 2]);
    assert.equal(runs, 1);
  });
  // (CPython 3.13 prints [1, 2, 1, 2, 2] for gather(f, t, f, t, t).)
});

test("gather() runs a repeated coroutine once, also when its eager task finishes at once", async () => {
  await go(async () => {
    let runs = 0;
    const quick = coroutine(async (x: number) => {
      runs++;
      return x;
    });
    const slow = coroutine(async (x: number) => {
      runs++;
      await sleep(0);
      return x;
    });
    getRunningLoop().setTaskFactory(eagerTaskFactory);
    const q = quick(1);
    const s = slow(2);
    assert.deepEqual(await gather(q, s, q, s, q), [1, 2, 1, 2, 1]);
    assert.equal(runs, 2);
    // A coroutine already adopted by a task outside this gather is not
    // deduplicated against it: the gather's own task cannot start it again.
    getRunningLoop().setTaskFactory(null);
    const c = quick(3);
    const outside = createTask(c);
    await assert.rejects(async () => await gather(c), /cannot reuse already awaited coroutine/);
    assert.equal(await outside, 3);
  });
  // (CPython 3.13: create_task(c) then gather(c) raises RuntimeError
  // "cannot reuse already awaited coroutine"; the first task returns 3.)
});

test("gather() the first error rejects it at once; the other children keep running", async () => {
  await go(async () => {
    const [a, b, c, d, e] = [0, 1, 2, 3, 4].map(() => new Future<number>());
    const fut = gather(a!, b!, c!, d!, e!);
    let calls = 0;
    fut.addDoneCallback(() => calls++);
    const exc = new ZeroDivision();
    a!.setResult(1);
    b!.setException(exc);
    await turns();
    assert.equal(fut.done(), true);
    assert.equal(calls, 1);
    assert.equal(fut.exception(), exc);
    // Does nothing to the gather.
    c!.setResult(3);
    d!.cancel();
    e!.setException(new RangeError());
    await turns();
    assert.equal(fut.exception(), exc);
  });
  // cpython: test_tasks.py FutureGatherTests.test_one_exception
});

test("gather() children are not cancelled by the first error", async () => {
  await go(async () => {
    const slow = createTask(() => sleep(1, "slow"));
    const failing = createTask(async () => {
      await sleep(0.01);
      throw new ZeroDivision();
    });
    const outer = gather(slow, failing);
    assert.ok(await settle(outer) instanceof ZeroDivision);
    assert.equal(slow.done(), false);
    assert.equal(outer.cancel(), false); // already done: cancels nothing
    assert.equal(await slow, "slow");
  });
});

test("gather() with returnExceptions puts errors in the list", async () => {
  await go(async () => {
    const [a, b, c, d] = [0, 1, 2, 3].map(() => new Future<number>());
    const fut = gather(a!, b!, c!, d!, { returnExceptions: true });
    const exc = new ZeroDivision();
    const exc2 = new RangeError();
    b!.setResult(1);
    c!.setException(exc);
    a!.setResult(3);
    await turns();
    assert.equal(fut.done(), false);
    d!.setException(exc2);
    await turns();
    assert.deepEqual(fut.result(), [3, 1, exc, exc2]);
  });
  // cpython: test_tasks.py FutureGatherTests.test_return_exceptions
});

test("gather() with returnExceptions lists a cancelled child as CancelledError", async () => {
  await go(async () => {
    const fs = [0, 1, 2, 3, 4, 5].map(() => new Future<number>());
    const [a, b, c, d, e, f] = fs as [
      Future<number>,
      Future<number>,
      Future<number>,
      Future<number>,
      Future<number>,
      Future<number>,
    ];
    const fut = gather(a, b, c, d, e, f, { returnExceptions: true });
    a.setResult(1);
    const zde = new ZeroDivision();
    b.setException(zde);
    c.cancel("x");
    await turns();
    assert.equal(fut.done(), false);
    d.setResult(3);
    e.cancel();
    const rte = new RangeError();
    f.setException(rte);
    const res = await fut;
    assert.ok(res[2] instanceof CancelledError);
    assert.equal((res[2] as CancelledError).message, "x");
    assert.ok(res[4] instanceof CancelledError);
    assert.deepEqual([res[0], res[1], res[3], res[5]], [1, zde, 3, rte]);
    assert.equal(fut.cancelled(), false);
  });
  // cpython: test_tasks.py FutureGatherTests.test_result_exception_one_cancellation
});

test("gather() a cancelled child does not cancel the gather, awaiting it throws CancelledError", async () => {
  await go(async () => {
    const [a, b, c, d, e] = [0, 1, 2, 3, 4].map(() => new Future<number>());
    const fut = gather(a!, b!, c!, d!, e!);
    a!.setResult(1);
    b!.cancel("child");
    await turns();
    assert.equal(fut.done(), true);
    assert.equal(fut.cancelled(), false);
    assert.ok(fut.exception() instanceof CancelledError);
    const err = await settle(fut);
    assert.ok(err instanceof CancelledError);
    assert.equal((err as CancelledError).message, "child");
    // Later children do nothing.
    c!.setResult(3);
    d!.cancel();
    e!.setException(new RangeError());
    e!.exception();
    await turns();
    assert.equal(c!.done() && d!.done(), true);
  });
  // cpython: test_tasks.py FutureGatherTests.test_one_cancellation
});

test("gather().cancel() cancels every unfinished child; it then throws CancelledError even with returnExceptions", async () => {
  await go(async () => {
    for (const returnExceptions of [false, true]) {
      const done = createTask(() => sleep(0, "done"));
      await turns();
      const a = createTask(() => sleep(1, "a"));
      const b = createTask(() => sleep(2, "b"));
      const outer = gather(done, a, b, { returnExceptions });
      await sleep(0);
      assert.equal(outer.cancel("z"), true);
      const err = await settle(outer);
      assert.ok(err instanceof CancelledError, String(err));
      assert.equal(outer.cancelled(), false);
      assert.equal(a.cancelled(), true);
      assert.equal(b.cancelled(), true);
      assert.equal(done.result(), "done");
    }
  });
  // cpython: test_tasks.py BaseTaskTests.test_cancel_gather_2
});

test("gather().cancel() when all children are done returns false and the results stand", async () => {
  await go(async () => {
    const fut = new Future<number>();
    const child = createTask(async () => await fut);
    let cancelResult: boolean | null = null;
    // Registered before gather's own callback: runs when the child is done
    // but the gather is not yet.
    child.addDoneCallback(() => {
      assert.equal(outer.done(), false);
      cancelResult = outer.cancel();
    });
    const outer = gather(child);
    fut.setResult(42);
    assert.deepEqual(await outer, [42]);
    assert.equal(cancelResult, false);
    assert.equal(outer.cancelled(), false);
  });
  // cpython: test_tasks.py BaseTaskTests.test_cancel_gather_1
});

test("gather() cancelling the awaiting task cancels the children", async () => {
  await go(async () => {
    let proof = 0;
    const waiter = new Future<void>();
    const inner = async () => {
      await waiter;
      proof += 1;
    };
    const child1 = createTask(inner);
    const child2 = createTask(inner);
    let gatherer: Future<unknown[]> | undefined;
    const f = createTask(async () => {
      gatherer = gather(child1, child2);
      await gatherer;
      proof += 100;
    });
    await sleep(0);
    assert.equal(f.cancel(), true);
    assert.ok(await settle(f) instanceof CancelledError);
    assert.equal(gatherer?.cancel(), false);
    assert.equal(waiter.cancelled(), true);
    assert.equal(child1.cancelled(), true);
    assert.equal(child2.cancelled(), true);
    await turns();
    assert.equal(proof, 0);
  });
  // cpython: test_tasks.py CoroutineGatherTests.test_cancellation_broadcast
});

test("gather() in a loop cancelled from outside propagates the message", async () => {
  await go(async () => {
    for (const msg of [undefined, "my message"]) {
      const qwe: Task<void> = createTask(async () => {
        for (let t = 0; t <= 1; t += 0.05) {
          await gather(sleep(0.05), { returnExceptions: true });
        }
      });
      await sleep(0.2);
      qwe.cancel(msg);
      const err = await settle(qwe);
      assert.ok(err instanceof CancelledError);
      assert.equal((err as CancelledError).message, msg ?? "");
    }
  });
  // cpython: test_tasks.py BaseTaskTests.test_cancel_gather_2
});

test("gather() with every child already done completes before it returns", async () => {
  await go(async () => {
    const a = new Future<number>();
    const b = new Future<number>();
    a.setResult(1);
    b.setException(new ZeroDivision());
    const fut = gather(a, b, { returnExceptions: true });
    assert.equal(fut.done(), true);
    assert.deepEqual(fut.result()[0], 1);
    assert.ok(fut.result()[1] instanceof ZeroDivision);
    const failed = gather(a, b);
    assert.equal(failed.done(), true);
    assert.ok(failed.exception() instanceof ZeroDivision);
  });
});

test("gather() with no arguments is a done future of []", async () => {
  await go(async () => {
    const fut = gather();
    assert.equal(fut.done(), true);
    assert.deepEqual(fut.result(), []);
    assert.equal(fut.getLoop(), getRunningLoop());
  });
  // cpython: test_tasks.py FutureGatherTests.test_constructor_empty_sequence_use_running_loop
});

test("gather() binds to the children's loop and rejects futures of different loops", async () => {
  const one = new EventLoop();
  const other = new EventLoop();
  try {
    const children = [0, 1, 2].map(() => other.createFuture<number>());
    const fut = gather(...children);
    assert.equal(fut.getLoop(), other);
    assert.throws(() => gather(one.createFuture(), other.createFuture()), /different loop/);
  } finally {
    one.close();
    other.close();
  }
  // cpython: test_tasks.py FutureGatherTests.test_constructor_homogenous_futures
  // cpython: test_tasks.py FutureGatherTests.test_constructor_heterogenous_futures
});

test("gather() with a non-awaitable argument throws TypeError", async () => {
  await go(async () => {
    const ok = coroutine(async () => "abc");
    assert.throws(() => gather(ok(), 42 as unknown as Promise<number>), TypeError);
  });
  // cpython: test_tasks.py CoroutineGatherTests.test_issue46672
});

test("gather() errors of children finishing after the gather failed are not reported", async () => {
  const reports: unknown[] = [];
  await go(async () => {
    getRunningLoop().setExceptionHandler((_loop, ctx) => reports.push(ctx.message));
    const inner = async (f: Future<void>) => {
      await f;
      throw new RangeError("should not be ignored");
    };
    const a = new Future<void>();
    const b = new Future<void>();
    const outer = gather(() => inner(a), () => inner(b));
    a.setResult();
    assert.ok(await settle(outer) instanceof RangeError);
    b.setResult();
    await turns(5);
  });
  assert.deepEqual(reports, []);
  // cpython: test_tasks.py CoroutineGatherTests.test_exception_marking
});

test("gather() given an array says to spread it, and starts nothing", async () => {
  await go(async () => {
    let started = 0;
    const work = coroutine(async () => {
      started++;
      return 1;
    });
    const list = [work(), work()];
    const spread = (e: unknown) =>
      e instanceof TypeError
      && /got an array where it takes awaitables; spread it: gather\(\.\.\.list/.test(
        e.message,
      );
    assert.throws(() => gather(list as never), spread);
    assert.throws(() => gather([] as never), spread);
    assert.throws(() => gather(list as never, { returnExceptions: true } as never), spread);
    await turns(3);
    assert.equal(started, 0);
    // Spread, the same coroutines run.
    assert.deepEqual(await gather(...list), [1, 1]);
    assert.equal(started, 2);
  });
});

test("gather() names returnExceptions for Python's return_exceptions and checks the options", async () => {
  await go(async () => {
    const fail = () => Promise.reject(new RangeError("x"));
    assert.throws(
      () => gather(fail, { return_exceptions: true } as never),
      (e) =>
        e instanceof TypeError
        && e.message
          === "Cannot call gather(): got an unexpected keyword argument 'return_exceptions' (did you mean 'returnExceptions'?); known options: returnExceptions",
    );
    assert.throws(() => gather(fail, new Map() as never), /options must be a plain object/);
    const [r] = await gather(fail, { returnExceptions: true });
    assert.ok(r instanceof RangeError);
  });
});

// deno-lint-ignore-file require-await -- task bodies and mains are async functions that may not await
// wait(): ALL_COMPLETED / FIRST_COMPLETED / FIRST_EXCEPTION, timeouts that
// neither throw nor cancel, argument checks, and cancellation of the wait.
import {
  ALL_COMPLETED,
  CancelledError,
  coroutine,
  createTask,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  Future,
  getRunningLoop,
  run,
  sleep,
  type Task,
  ValueError,
  VirtualTimeEventLoop,
  wait,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

function go<T>(main: () => Promise<T>): Promise<T> {
  return run(main, virtual);
}

async function settle(aw: PromiseLike<unknown>): Promise<unknown> {
  try {
    await aw;
    return undefined;
  } catch (e) {
    return e;
  }
}

/** Asserts `actual` holds exactly the futures of `expected` (by identity). */
function sameSet(actual: Set<unknown>, expected: unknown[], what = "set"): void {
  const names = (xs: Iterable<unknown>) => [...xs].map((x) => String(x)).join(", ");
  const ok = actual.size === new Set(expected).size && expected.every((x) => actual.has(x));
  assert.ok(ok, `${what}: got {${names(actual)}}, expected {${names(expected)}}`);
}

class ZeroDivision extends Error {
  override name = "ZeroDivision";
}

test("wait() by default returns when all futures are done", async () => {
  await go(async () => {
    const loop = getRunningLoop();
    const a = createTask(() => sleep(0.1));
    const b = createTask(() => sleep(0.15));
    const [done, pending] = await wait([b, a]);
    sameSet(done, [a, b], "done");
    sameSet(pending, [], "pending");
    assert.equal(loop.time(), 0.15);
    // Again: everything is done already.
    const [done2] = await wait([b, a], { returnWhen: ALL_COMPLETED });
    assert.equal(done2.size, 2);
    assert.equal(loop.time(), 0.15);
  });
  // cpython: test_tasks.py BaseTaskTests.test_wait
});

test("wait() counts a duplicated future once", async () => {
  await go(async () => {
    const c = createTask(async () => "test");
    const [done, pending] = await wait([c, c, createTask(async () => "spam")]);
    assert.equal(pending.size, 0);
    assert.deepEqual(new Set([...done].map((f) => f.result())), new Set(["test", "spam"]));
  });
  // cpython: test_tasks.py BaseTaskTests.test_wait_duplicate_coroutines
});

test("wait() argument errors: empty, bad returnWhen, a future or coroutine instead of a list", async () => {
  await go(async () => {
    await assert.rejects(wait([]), ValueError);
    await assert.rejects(wait(new Set<Future<unknown>>()), /Set of Tasks\/Futures is empty/);
    const fut = new Future<number>();
    await assert.rejects(
      wait([fut], { returnWhen: "SOMETIMES" as typeof ALL_COMPLETED }),
      /Invalid return_when value/,
    );
    await assert.rejects(wait(fut as unknown as Future<number>[]), TypeError);
    const coro = coroutine(async () => 1)();
    await assert.rejects(wait(coro as unknown as Future<number>[]), /expect a list of futures/);
  });
  // cpython: test_tasks.py BaseTaskTests.test_wait_errors
  // cpython: test_tasks.py BaseTaskTests.test_wait_invalid_args
});

test("wait() with a coroutine or function in the input throws TypeError", async () => {
  await go(async () => {
    const coro = coroutine(async () => 1)();
    await assert.rejects(
      wait([coro] as unknown as Future<number>[]),
      (e) => e instanceof TypeError && /Passing coroutines is forbidden/.test(e.message),
    );
    await assert.rejects(
      wait([async () => 1] as unknown as Future<number>[]),
      TypeError,
    );
    await assert.rejects(wait([Promise.resolve(1)] as unknown as Future<number>[]), TypeError);
  });
});

test("wait() FIRST_COMPLETED returns when one finishes; the rest keep running", async () => {
  await go(async () => {
    const a = createTask(() => sleep(10));
    const b = createTask(() => sleep(0.1));
    const [done, pending] = await wait([b, a], { returnWhen: FIRST_COMPLETED });
    sameSet(done, [b], "done");
    sameSet(pending, [a], "pending");
    assert.equal(a.done(), false);
    assert.equal(b.result(), undefined);
    assert.equal(getRunningLoop().time(), 0.1);
    await a;
  });
  // cpython: test_tasks.py BaseTaskTests.test_wait_first_completed
});

test("wait() FIRST_COMPLETED puts everything done at wake-up time in done", async () => {
  await go(async () => {
    const a = createTask(() => sleep(0));
    const b = createTask(async () => {
      await sleep(0);
      await sleep(0);
    });
    const [done] = await wait([b, a], { returnWhen: FIRST_COMPLETED });
    sameSet(done, [a, b], "done");
  });
  // cpython: test_tasks.py BaseTaskTests.test_wait_really_done
});

test("wait() FIRST_EXCEPTION returns at the first error, already there or during the wait", async () => {
  await go(async () => {
    const a = createTask(() => sleep(10));
    const b = createTask(async () => {
      throw new ZeroDivision("err");
    });
    let [done, pending] = await wait([b, a], { returnWhen: FIRST_EXCEPTION });
    sameSet(done, [b], "done");
    sameSet(pending, [a], "pending");
    assert.equal(getRunningLoop().time(), 0);

    const c = createTask(async () => {
      await sleep(0.01);
      throw new ZeroDivision("err");
    });
    [done, pending] = await wait([c, a], { returnWhen: FIRST_EXCEPTION });
    sameSet(done, [c], "done");
    sameSet(pending, [a], "pending");
    assert.equal(getRunningLoop().time(), 0.01);
    a.cancel();
  });
  // cpython: test_tasks.py BaseTaskTests.test_wait_first_exception
  // cpython: test_tasks.py BaseTaskTests.test_wait_first_exception_in_wait
});

test("wait() FIRST_EXCEPTION ignores cancellations", async () => {
  await go(async () => {
    const a = createTask(() => sleep(1));
    const b = createTask(() => sleep(10));
    const [done, pending] = await Promise.all([
      wait([a, b], { returnWhen: FIRST_EXCEPTION }),
      (async () => {
        await sleep(0.5);
        b.cancel();
      })(),
    ]).then(([r]) => r);
    assert.equal(getRunningLoop().time(), 1);
    sameSet(done, [a, b], "done");
    assert.equal(pending.size, 0);
    assert.equal(b.cancelled(), true);
  });
});

test("wait() ALL_COMPLETED with an error returns both", async () => {
  await go(async () => {
    const a = createTask(() => sleep(0.1));
    const b = createTask(async () => {
      await sleep(0.15);
      throw new ZeroDivision("really");
    });
    const [done, pending] = await wait([b, a]);
    assert.equal(done.size, 2);
    assert.equal(pending.size, 0);
    assert.equal([...done].filter((f) => f.exception() !== null).length, 1);
    assert.equal(getRunningLoop().time(), 0.15);
  });
  // cpython: test_tasks.py BaseTaskTests.test_wait_with_exception
});

test("wait() timeout returns [done, pending] without throwing or cancelling", async () => {
  await go(async () => {
    const a = createTask(() => sleep(0.1));
    const b = createTask(() => sleep(0.15));
    const [done, pending] = await wait([b, a], { timeout: 0.11 });
    sameSet(done, [a], "done");
    sameSet(pending, [b], "pending");
    assert.equal(getRunningLoop().time(), 0.11);
    assert.equal(b.cancelled(), false);
    await b;
    assert.equal(b.done(), true);
  });
  // cpython: test_tasks.py BaseTaskTests.test_wait_with_timeout
});

test("wait() a future finishing at the timeout counts as done", async () => {
  await go(async () => {
    const a = createTask(() => sleep(0.1));
    const b = createTask(() => sleep(0.15));
    await sleep(0); // a's timer is scheduled before wait()'s, as in asyncio's test
    const [done, pending] = await wait([b, a], { timeout: 0.1 });
    sameSet(done, [a], "done");
    sameSet(pending, [b], "pending");
    assert.equal(getRunningLoop().time(), 0.1);
    await b;
  });
  // cpython: test_tasks.py BaseTaskTests.test_wait_concurrent_complete
});

test("wait() accepts any iterable of tasks, including a generator", async () => {
  await go(async () => {
    const a = createTask(() => sleep(0.1));
    const b = createTask(() => sleep(0.15));
    const [done] = await wait([b, a][Symbol.iterator]());
    sameSet(done, [a, b], "done");
    function* tasks(): Generator<Task<number>> {
      for (let i = 0; i < 10; i++) yield createTask(async () => i);
    }
    const [done2, pending2] = await wait(tasks(), { returnWhen: ALL_COMPLETED });
    assert.equal(done2.size, 10);
    assert.equal(pending2.size, 0);
  });
  // cpython: test_tasks.py BaseTaskTests.test_wait_with_iterator_of_tasks
  // cpython: test_tasks.py BaseTaskTests.test_wait_generator
});

test("wait() cancelling the waiting task cancels only the wait", async () => {
  await go(async () => {
    let proof = 0;
    const waiter = new Future<void>();
    const inner = createTask(async () => {
      await waiter;
      proof += 1;
    });
    const f = createTask(async () => {
      await wait([inner]);
      proof += 100;
    });
    await sleep(0);
    f.cancel();
    assert.ok(await settle(f) instanceof CancelledError);
    assert.equal(inner.cancelled(), false);
    waiter.setResult();
    await inner;
    assert.equal(proof, 1);
  });
  // cpython: test_tasks.py BaseTaskTests.test_yield_wait_does_not_shield_cancel
});

test("wait() given its futures as arguments or an array in the list says what to pass", async () => {
  await go(async () => {
    const a = createTask(() => sleep(0, 1));
    const b = createTask(() => sleep(0, 2));
    await assert.rejects(
      wait(a as never, b as never),
      (e) =>
        e instanceof TypeError
        && /not Task; pass them in an array: wait\(\[a, b\]\)/.test(e.message),
    );
    await assert.rejects(
      wait([[a, b]] as never),
      (e) => e instanceof TypeError && /got an array inside the iterable/.test(e.message),
    );
    const [done] = await wait([a, b]);
    assert.equal(done.size, 2);
  });
});

// deno-lint-ignore-file require-await -- task bodies and mains are async functions that may not await
// asCompleted(): completion order in both forms, original futures from
// `for await`, one deadline for the whole iteration, resuming after break.
import {
  asCompleted,
  coroutine,
  createTask,
  ensureFuture,
  Future,
  getRunningLoop,
  isFuture,
  run,
  sleep,
  TimeoutError,
  VirtualTimeEventLoop,
  wait,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

function go<T>(main: () => Promise<T>): Promise<T> {
  return run(main, virtual);
}

function vloop(): VirtualTimeEventLoop {
  return getRunningLoop() as VirtualTimeEventLoop;
}

/**
 * TypeScript types a `for await` variable as the awaited value (it assumes
 * async iterators yield no thenables); asCompleted's are futures.
 */
function asFuture<T>(x: T | Future<T>): Future<T> {
  assert.ok(isFuture(x), "for await yields futures");
  return x as Future<T>;
}

const sleeper = coroutine(async <T>(dt: number, x: T): Promise<T> => await sleep(dt, x));

test("asCompleted() plain and async iteration give results in completion order", async () => {
  await go(async () => {
    for (const mode of ["for", "for await"]) {
      const t0 = getRunningLoop().time();
      const a = sleeper(0.01, "a");
      const b = sleeper(0.01, "b");
      const c = sleeper(0.15, "c");
      const values: string[] = [];
      if (mode === "for") {
        for (const f of asCompleted([b, c, a])) values.push(await f);
      } else {
        for await (const f of asCompleted([b, c, a])) values.push(await f);
      }
      assert.equal(getRunningLoop().time() - t0, 0.15);
      assert.deepEqual(new Set(values.slice(0, 2)), new Set(["a", "b"]));
      assert.equal(values[2], "c");
    }
  });
  // cpython: test_tasks.py BaseTaskTests.test_as_completed
});

test("asCompleted() plain iteration yields fresh promises", async () => {
  await go(async () => {
    const task = createTask(() => sleep(0.01, 1));
    const steps = [...asCompleted([task])];
    assert.equal(steps.length, 1);
    assert.ok(steps[0] instanceof Promise);
    assert.notEqual(steps[0] as unknown, task);
    assert.equal(await steps[0], 1);
  });
});

test("asCompleted() for await yields the original futures, and tasks for coroutines", async () => {
  await go(async () => {
    const coro = coroutine(async <T>(i: T) => i);
    const ins = [coro(0), coro(1), coro(2), coro(3)];
    const outs = new Set<unknown>();
    for await (const f of asCompleted(ins)) {
      assert.equal(asFuture(f).done(), true);
      outs.add(f);
    }
    assert.equal(outs.size, 4);
    for (const c of ins) assert.equal(outs.has(c), false);

    const taskB = createTask(coro("b"));
    const taskD = createTask(coro("d"));
    const mixed = [coro("a"), taskB, coro("c"), taskD];
    const outs2 = new Set<unknown>();
    for await (const f of asCompleted<string>(mixed)) outs2.add(f);
    assert.deepEqual(mixed.filter((x) => outs2.has(x)), [taskB, taskD]);
  });
  // cpython: test_tasks.py BaseTaskTests.test_as_completed_same_tasks_in_as_out
});

test("asCompleted() timeout: remaining steps throw TimeoutError, the inputs are not cancelled", async () => {
  await go(async () => {
    for (const mode of ["for", "for await"]) {
      const t0 = getRunningLoop().time();
      const a = createTask(() => sleep(0.1, "a"));
      const b = createTask(() => sleep(0.15, "b"));
      const values: Array<[number, unknown]> = [];
      if (mode === "for") {
        for (const f of asCompleted([a, b], { timeout: 0.12 })) {
          if (values.length > 0) void vloop().advance(0.02);
          try {
            values.push([1, await f]);
          } catch (e) {
            values.push([2, e]);
          }
        }
      } else {
        try {
          for await (const f of asCompleted([a, b], { timeout: 0.12 })) {
            values.push([1, await f]);
            void vloop().advance(0.02);
          }
        } catch (e) {
          values.push([2, e]);
        }
      }
      assert.equal(values.length, 2);
      assert.deepEqual(values[0], [1, "a"]);
      assert.equal(values[1]?.[0], 2);
      assert.ok(values[1]?.[1] instanceof TimeoutError);
      assert.ok(Math.abs(getRunningLoop().time() - t0 - 0.12) < 1e-9);
      assert.equal(b.cancelled(), false);
      assert.equal(await b, "b");
    }
  });
  // cpython: test_tasks.py BaseTaskTests.test_as_completed_with_timeout
});

test("asCompleted() an unused timeout is dropped once every input finished", async () => {
  await go(async () => {
    for (const mode of ["for", "for await"]) {
      const a = sleeper(0.01, "a");
      if (mode === "for") {
        for (const f of asCompleted([a], { timeout: 1 })) assert.equal(await f, "a");
      } else {
        for await (const f of asCompleted([a], { timeout: 1 })) assert.equal(await f, "a");
      }
    }
  });
  // cpython: test_tasks.py BaseTaskTests.test_as_completed_with_unused_timeout
});

test("asCompleted() can be resumed after a break, in both forms", async () => {
  await go(async () => {
    const coro = coroutine(async (i: number) => i);
    for (const mode of ["for", "for await"]) {
      const iterator = asCompleted([coro(0), coro(1), coro(2), coro(3)]);
      const collected: number[] = [];
      let iterations = 0;
      if (mode === "for") {
        for (const f of iterator) {
          collected.push(await f);
          if (++iterations === 2) break;
        }
        assert.equal(collected.length, 2);
        for (const f of iterator) collected.push(await f);
      } else {
        for await (const f of iterator) {
          collected.push(await f);
          if (++iterations === 2) break;
        }
        assert.equal(collected.length, 2);
        for await (const f of iterator) collected.push(await f);
      }
      assert.deepEqual(collected.sort(), [0, 1, 2, 3]);
    }
  });
  // cpython: test_tasks.py BaseTaskTests.test_as_completed_resume_iterator
});

test("asCompleted() the first step awaited gets the first input to finish", async () => {
  await go(async () => {
    const loop = getRunningLoop();
    const futs = [...asCompleted([sleeper(0.05, "a"), sleeper(0.1, "b")])];
    assert.equal(futs.length, 2);
    assert.equal(await futs[1], "a");
    assert.equal(loop.time(), 0.05);
    assert.equal(await futs[0], "b");
    assert.equal(loop.time(), 0.1);
  });
  // cpython: test_tasks.py BaseTaskTests.test_as_completed_reverse_wait
});

test("asCompleted() steps can be awaited concurrently", async () => {
  await go(async () => {
    for (const mode of ["for", "for await"]) {
      const fs = [sleeper(0.05, "a"), sleeper(0.05, "b")];
      const futs: PromiseLike<string>[] = [];
      if (mode === "for") futs.push(...asCompleted(fs));
      else for await (const f of asCompleted(fs)) futs.push(asFuture(f));
      assert.equal(futs.length, 2);
      const [done] = await wait(futs.map((f) => ensureFuture(f)));
      assert.deepEqual(new Set([...done].map((f) => f.result())), new Set(["a", "b"]));
    }
  });
  // cpython: test_tasks.py BaseTaskTests.test_as_completed_concurrent
});

test("asCompleted() counts a duplicated input once", async () => {
  await go(async () => {
    const coro = coroutine(async (s: string) => s);
    for (const mode of ["for", "for await"]) {
      const c = coro("ham");
      const result: string[] = [];
      if (mode === "for") {
        for (const f of asCompleted([c, c, coro("spam")])) result.push(await f);
      } else {
        for await (const f of asCompleted([c, c, coro("spam")])) result.push(await f);
      }
      assert.equal(result.length, 2);
      assert.deepEqual(new Set(result), new Set(["ham", "spam"]));
    }
  });
  // cpython: test_tasks.py BaseTaskTests.test_as_completed_duplicate_coroutines
});

test("asCompleted() given a future or a coroutine instead of an iterable throws TypeError", async () => {
  await go(async () => {
    const fut = new Future<number>();
    assert.throws(
      () => asCompleted(fut as unknown as Future<number>[]),
      /expects an iterable of awaitables/,
    );
    const coro = coroutine(async () => 1)();
    assert.throws(() => asCompleted(coro as unknown as Future<number>[]), TypeError);
    assert.throws(() => asCompleted(Promise.resolve(1) as unknown as Future<number>[]), TypeError);
  });
  // cpython: test_tasks.py BaseTaskTests.test_as_completed_invalid_args
});

test("asCompleted() of nothing ends at once", async () => {
  await go(async () => {
    assert.deepEqual([...asCompleted([], { timeout: 1 })], []);
    for await (const _ of asCompleted([])) assert.fail("nothing to yield");
  });
});

test("asCompleted() a failing input rejects its step", async () => {
  await go(async () => {
    const failing = createTask(async () => {
      await sleep(0.01);
      throw new RangeError("bad");
    });
    const ok = createTask(() => sleep(0.02, "ok"));
    const results: unknown[] = [];
    for (const f of asCompleted([ok, failing])) {
      try {
        results.push(await f);
      } catch (e) {
        results.push(e);
      }
    }
    assert.ok(results[0] instanceof RangeError);
    assert.equal(results[1], "ok");
  });
});

test("asCompleted() given its inputs as arguments or an array in the list says what to pass", async () => {
  await go(async () => {
    const a = createTask(() => sleep(0, 1));
    const b = createTask(() => sleep(0, 2));
    assert.throws(
      () => asCompleted(a as never, b as never),
      (e) =>
        e instanceof TypeError && /pass them in an array: asCompleted\(\[a, b\]\)/.test(e.message),
    );
    assert.throws(
      () => asCompleted([[a, b]] as never),
      (e) => e instanceof TypeError && /got an array inside the iterable/.test(e.message),
    );
    let sum = 0;
    for (const next of asCompleted([a, b])) sum += await next;
    assert.equal(sum, 3);
  });
});

// Type-level: `deno check` (and the Deno run of this file) fails if the
// element type is not inferred as the union of the inputs' results.
type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends (<X>() => X extends B ? 1 : 2) ? true
  : false;
function expectType<A, B>(_proof: Equal<A, B>): void {}

interface User {
  name: string;
}

test("asCompleted() infers the union of its inputs' results without a type argument", async () => {
  await go(async () => {
    const numberTask = createTask(() => sleep(0.02, 42));
    const userTask = createTask(() => sleep(0.01, { name: "ada" } as User));
    const got: (number | User)[] = [];
    for (const next of asCompleted([numberTask, userTask])) {
      expectType<typeof next, Promise<number | User>>(true);
      got.push(await next);
    }
    assert.deepEqual(got, [{ name: "ada" }, 42]);

    // Functions, coroutines and futures mixed, in both forms of iteration.
    const mixed = asCompleted([
      () => sleep(0, "a"),
      coroutine(async () => 1)(),
      new Future<boolean>({ loop: getRunningLoop() }),
    ]);
    expectType<
      typeof mixed,
      & Iterable<Promise<string | number | boolean>>
      & AsyncIterable<Future<string | number | boolean>>
    >(true);
    // The explicit form still compiles.
    const explicit = asCompleted<number>([numberTask]);
    expectType<typeof explicit, Iterable<Promise<number>> & AsyncIterable<Future<number>>>(true);
    for await (const f of explicit) assert.equal(f, numberTask);
    // Let the pending inputs of `mixed` finish or go.
    for (const f of [...mixed].slice(0, 2)) await f;
  });
});

// deno-lint-ignore-file require-await -- task bodies and mains are async functions that may not await
// Future: states, results and errors, cancel messages, done callbacks,
// awaiting, "exception was never retrieved", reprs.
import { inspect } from "node:util";
import {
  CancelledError,
  createTask,
  EventLoop,
  type ExceptionContext,
  Future,
  getRunningLoop,
  InvalidStateError,
  isFuture,
  run,
  RuntimeError,
  sleep,
  Task,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

/** `assert.rejects` for any awaitable (futures are thenables, not promises). */
function rejects(aw: PromiseLike<unknown>, check?: Check): Promise<void> {
  const body = async () => {
    await aw;
  };
  return check ? assert.rejects(body, check as RegExp) : assert.rejects(body);
}

// deno-lint-ignore no-explicit-any
type Check = RegExp | ((e: unknown) => boolean) | (new(...args: any[]) => unknown);

/** A closed-over loop that is never run, for state-only tests. */
function idleLoop(): EventLoop {
  return new EventLoop();
}

test("Future starts pending; cancel() makes it done and cancelled", () => {
  const loop = idleLoop();
  const f = new Future({ loop });
  assert.equal(f.done(), false);
  assert.equal(f.cancelled(), false);
  assert.equal(f.cancel(), true);
  assert.equal(f.cancelled(), true);
  assert.equal(f.done(), true);
  loop.close();
  // cpython: test_futures.py BaseFutureTests.test_initial_state
});

test("Future.cancel() on a cancelled future: result/exception throw, set* throw, cancel() is false", () => {
  const loop = idleLoop();
  const f = new Future<number>({ loop });
  assert.equal(f.cancel(), true);
  assert.throws(() => f.result(), CancelledError);
  assert.throws(() => f.exception(), CancelledError);
  assert.throws(() => f.setResult(1), InvalidStateError);
  assert.throws(() => f.setException(new Error()), InvalidStateError);
  assert.equal(f.cancel(), false);
  loop.close();
  // cpython: test_futures.py BaseFutureTests.test_cancel
});

test("Future.result() is the value; pending throws 'Result is not ready'", () => {
  const loop = idleLoop();
  const f = new Future<number>({ loop });
  assert.throws(() => f.result(), (e: unknown) => {
    assert.ok(e instanceof InvalidStateError);
    assert.match(e.message, /Result is not ready/);
    return true;
  });
  f.setResult(42);
  assert.equal(f.cancelled(), false);
  assert.equal(f.done(), true);
  assert.equal(f.result(), 42);
  assert.equal(f.exception(), null);
  assert.throws(() => f.setResult(1), InvalidStateError);
  assert.throws(() => f.setException(new Error()), InvalidStateError);
  assert.equal(f.cancel(), false);
  loop.close();
  // cpython: test_futures.py BaseFutureTests.test_result
});

test("Future.exception() is the stored error; result() throws it", () => {
  const loop = idleLoop();
  const exc = new RuntimeError("boom");
  const f = new Future<number>({ loop });
  assert.throws(() => f.exception(), /Exception is not set/);
  f.setException(exc);
  assert.equal(f.cancelled(), false);
  assert.equal(f.done(), true);
  assert.throws(() => f.result(), (e: unknown) => e === exc);
  assert.equal(f.exception(), exc);
  assert.throws(() => f.setResult(1), InvalidStateError);
  assert.equal(f.cancel(), false);
  loop.close();
  // cpython: test_futures.py BaseFutureTests.test_exception
});

test("Future.setException() instantiates an error class", () => {
  const loop = idleLoop();
  const f = new Future({ loop });
  f.setException(RuntimeError);
  assert.ok(f.exception() instanceof RuntimeError);
  loop.close();
  // cpython: test_futures.py BaseFutureTests.test_exception_class
});

test("Future.cancel(msg) gives CancelledError(msg) to result(), exception() and await", async () => {
  await run(async () => {
    const f = new Future<number>();
    f.cancel("my message");
    assert.throws(
      () => f.result(),
      (e: unknown) => e instanceof CancelledError && e.message === "my message",
    );
    assert.throws(
      () => f.exception(),
      (e: unknown) => e instanceof CancelledError && e.message === "my message",
    );
    await rejects(f, (e: unknown) => e instanceof CancelledError && e.message === "my message");
    const g = new Future<number>();
    g.cancel();
    assert.throws(
      () => g.result(),
      (e: unknown) => e instanceof CancelledError && e.message === "",
    );
    const h = new Future<number>();
    h.cancel(5);
    assert.throws(
      () => h.result(),
      (e: unknown) => e instanceof CancelledError && e.message === "5",
    );
  }, virtual);
  // cpython: test_futures.py BaseFutureTests.test_future_cancel_message_getter
});

test("new Future() inside a loop binds to the running loop", async () => {
  const [f, loop] = await run(async () => [new Future(), getRunningLoop()] as const, virtual);
  assert.equal(f.getLoop(), loop);
  // cpython: test_futures.py BaseFutureTests.test_constructor_use_running_loop
});

test("isFuture() recognises futures and tasks, not promises or thenables", async () => {
  const loop = idleLoop();
  assert.equal(isFuture(new Future({ loop })), true);
  assert.equal(isFuture(Promise.resolve(1)), false);
  assert.equal(isFuture({ then() {} }), false);
  assert.equal(isFuture(null), false);
  assert.equal(isFuture(Future), false);
  loop.close();
  await run(async () => {
    const t = createTask(async () => {});
    assert.equal(isFuture(t), true);
    await t;
  }, virtual);
  // cpython: test_futures.py BaseFutureTests.test_isfuture
});

test("Future is a thenable, not a Promise", () => {
  const loop = idleLoop();
  const f = new Future({ loop });
  assert.equal(f instanceof Promise, false);
  assert.equal(typeof f.then, "function");
  loop.close();
});

// ---------------------------------------------------------------------------
// Awaiting
// ---------------------------------------------------------------------------

test("await Future returns its result once set", async () => {
  const value = await run(async () => {
    const f = new Future<number>();
    getRunningLoop().callSoon(() => f.setResult(42));
    return await f;
  }, virtual);
  assert.equal(value, 42);
});

test("await Future throws its error", async () => {
  await run(async () => {
    const f = new Future<number>();
    const err = new RangeError("nope");
    getRunningLoop().callSoon(() => f.setException(err));
    await rejects(f, (e: unknown) => e === err);
  }, virtual);
});

test("awaiting an already-done future does not yield to the loop", async () => {
  await run(async () => {
    const f = new Future<number>();
    f.setResult(1);
    let ran = false;
    getRunningLoop().callSoon(() => (ran = true));
    assert.equal(await f, 1);
    assert.equal(await f, 1);
    assert.equal(ran, false);
  }, virtual);
  // cpython: test_futures.py BaseFutureTests.test_yield_from_twice
});

test("Future works with Promise.all, then, catch and finally", async () => {
  await run(async () => {
    const a = new Future<number>();
    const b = new Future<string>();
    const loop = getRunningLoop();
    loop.callSoon(() => a.setResult(1));
    loop.callSoon(() => b.setResult("b"));
    assert.deepEqual(await Promise.all([a, b]), [1, "b"]);
    assert.equal(await a.then((v) => v + 1), 2);
    const c = new Future<number>();
    c.setException(new Error("c"));
    assert.equal(await c.catch((e: Error) => e.message), "c");
    let finallyRan = false;
    assert.equal(await a.finally(() => (finallyRan = true)), 1);
    assert.equal(finallyRan, true);
  }, virtual);
});

test("Future.then() on a pending future settles when the future is done", async () => {
  await run(async () => {
    const f = new Future<number>();
    const p = f.then((v) => v * 2);
    assert.ok(p instanceof Promise);
    f.setResult(21);
    assert.equal(await p, 42);
  }, virtual);
});

// ---------------------------------------------------------------------------
// Done callbacks
// ---------------------------------------------------------------------------

test("Future done callbacks run via the loop, in registration order, after setResult()", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const f = new Future<number>();
    const order: string[] = [];
    f.addDoneCallback(() => order.push("a"));
    f.addDoneCallback(() => order.push("b"));
    loop.callSoon(() => order.push("soon-before"));
    f.setResult(1);
    assert.equal(order.length, 0);
    loop.callSoon(() => order.push("soon-after"));
    await sleep(0);
    assert.deepEqual(order, ["soon-before", "a", "b", "soon-after"]);
  }, virtual);
  // cpython: test_futures.py BaseFutureDoneCallbackTests.test_callbacks_invoked_on_set_result
});

test("Future done callbacks run after setException() and cancel(), receiving the future", async () => {
  await run(async () => {
    const seen: unknown[] = [];
    const f = new Future<number>();
    f.addDoneCallback((x) => seen.push(x));
    f.setException(new Error("e"));
    f.exception();
    const g = new Future<number>();
    g.addDoneCallback((x) => seen.push(x.cancelled()));
    g.cancel();
    await sleep(0);
    assert.deepEqual(seen, [f, true]);
  }, virtual);
  // cpython: test_futures.py BaseFutureDoneCallbackTests.test_callbacks_invoked_on_set_exception
});

test("Future.addDoneCallback() on a done future schedules it soon, never synchronously", async () => {
  await run(async () => {
    const f = new Future<number>();
    f.setResult(1);
    let ran = false;
    f.addDoneCallback(() => (ran = true));
    assert.equal(ran, false);
    await sleep(0);
    assert.equal(ran, true);
  }, virtual);
});

test("Future.removeDoneCallback() removes every registration and returns the count", async () => {
  await run(async () => {
    const f = new Future<number>();
    const order: number[] = [];
    const cb1 = () => order.push(1);
    const cb2 = () => order.push(2);
    const cb3 = () => order.push(3);
    f.addDoneCallback(cb1);
    f.addDoneCallback(cb2);
    f.addDoneCallback(cb1);
    f.addDoneCallback(cb3);
    f.addDoneCallback(cb1);
    assert.equal(f.removeDoneCallback(cb1), 3);
    assert.equal(f.removeDoneCallback(cb1), 0);
    assert.equal(f.removeDoneCallback(() => {}), 0);
    f.setResult(0);
    await sleep(0);
    assert.deepEqual(order, [2, 3]);
  }, virtual);
  // cpython: test_futures.py BaseFutureDoneCallbackTests.test_remove_done_callback
  // cpython: test_futures.py BaseFutureDoneCallbackTests.test_callbacks_remove_first_callback
});

test("Future.removeDoneCallback() of the first and second callbacks keeps the rest in order", async () => {
  await run(async () => {
    const f = new Future<number>();
    const order: number[] = [];
    const cbs = [0, 1, 2, 3].map((i) => () => order.push(i));
    for (const cb of cbs) f.addDoneCallback(cb);
    assert.equal(f.removeDoneCallback(cbs[0]!), 1);
    assert.equal(f.removeDoneCallback(cbs[1]!), 1);
    f.addDoneCallback(cbs[0]!);
    f.setResult(0);
    await sleep(0);
    assert.deepEqual(order, [2, 3, 0]);
  }, virtual);
  // cpython: test_futures.py BaseFutureDoneCallbackTests.test_callbacks_remove_first_and_second_callback
  // cpython: test_futures.py BaseFutureDoneCallbackTests.test_callbacks_remove_third_callback
});

test("Future done callback that throws goes to the exception handler", async () => {
  const seen: ExceptionContext[] = [];
  const err = new Error("cb failed");
  await run(async () => {
    getRunningLoop().setExceptionHandler((_l, c) => void seen.push(c));
    const f = new Future<number>();
    let after = false;
    f.addDoneCallback(() => {
      throw err;
    });
    f.addDoneCallback(() => (after = true));
    f.setResult(1);
    await sleep(0);
    assert.equal(after, true);
  }, virtual);
  assert.equal(seen.length, 1);
  assert.match(seen[0]!.message, /^Exception in callback/);
  assert.equal(seen[0]!.exception, err);
});

// ---------------------------------------------------------------------------
// "exception was never retrieved"
// ---------------------------------------------------------------------------

test("Future whose error nobody read is reported when the loop closes", async () => {
  const loop = new EventLoop();
  const seen: ExceptionContext[] = [];
  loop.setExceptionHandler((_l, c) => void seen.push(c));
  const err = new RuntimeError("boom");
  const f = new Future({ loop });
  f.setException(err);
  loop.close();
  assert.equal(seen.length, 1);
  assert.equal(seen[0]!.message, "Future exception was never retrieved");
  assert.equal(seen[0]!.exception, err);
  assert.equal(seen[0]!.future, f);
  // cpython: test_futures.py BaseFutureTests.test_tb_logger_exception_unretrieved
});

test("Future error read by exception(), result(), await or cancel() is not reported", async () => {
  const loop = new EventLoop();
  const seen: ExceptionContext[] = [];
  loop.setExceptionHandler((_l, c) => void seen.push(c));
  const a = new Future({ loop });
  a.setException(new Error("a"));
  a.exception();
  const b = new Future({ loop });
  b.setException(new Error("b"));
  assert.throws(() => b.result());
  const c = new Future({ loop });
  c.setException(new Error("c"));
  c.cancel();
  const d = new Future({ loop });
  d.setResult(1);
  const e = new Future({ loop });
  e.setException(new Error("e"));
  await rejects(e);
  // Awaited while pending, failed later: the awaiting code received it.
  await loop.runUntilComplete(async () => {
    const f = new Future();
    getRunningLoop().callSoon(() => f.setException(new Error("f")));
    await rejects(f);
  });
  loop.close();
  assert.deepEqual(seen.map((s) => s.message), []);
  // cpython: test_futures.py BaseFutureTests.test_tb_logger_exception_retrieved
  // cpython: test_futures.py BaseFutureTests.test_tb_logger_exception_result_retrieved
  // cpython: test_futures.py BaseFutureTests.test_tb_logger_not_called_after_cancel
  // cpython: test_futures.py BaseFutureTests.test_tb_logger_result_unretrieved
});

test("Task failing while awaited by another task is not reported as unretrieved", async () => {
  const seen: ExceptionContext[] = [];
  await run(async () => {
    getRunningLoop().setExceptionHandler((_l, c) => void seen.push(c));
    const t = createTask(async () => {
      await sleep(1);
      throw new Error("awaited failure");
    });
    await rejects(t, /awaited failure/);
  }, virtual);
  assert.deepEqual(seen.map((s) => s.message), []);
});

// ---------------------------------------------------------------------------
// Reprs
// ---------------------------------------------------------------------------

test("Future repr matches asyncio's in String() and node:util inspect", () => {
  const loop = idleLoop();
  const cases: Array<[Future<unknown>, string]> = [];
  const pending = new Future({ loop });
  cases.push([pending, "<Future pending>"]);
  const withCb = new Future({ loop });
  withCb.addDoneCallback(function print() {});
  cases.push([withCb, "<Future pending cb=[print()]>"]);
  const finished = new Future({ loop });
  finished.setResult(5);
  cases.push([finished, "<Future finished result=5>"]);
  const failed = new Future({ loop });
  failed.setException(new RangeError("x"));
  failed.exception();
  cases.push([failed, "<Future finished exception=RangeError('x')>"]);
  const cancelled = new Future({ loop });
  cancelled.cancel();
  cases.push([cancelled, "<Future cancelled>"]);
  for (const [f, repr] of cases) {
    assert.equal(String(f), repr);
    assert.equal(inspect(f), repr);
  }
  const deno = (globalThis as { Deno?: { inspect(v: unknown): string } }).Deno;
  if (deno) assert.equal(deno.inspect(finished), "<Future finished result=5>");
  loop.close();
  // cpython: test_futures.py BaseFutureTests.test_future_repr
});

test("Future subclass keeps the Future behaviour", async () => {
  class MyFuture<T> extends Future<T> {
    extra = "x";
  }
  await run(async () => {
    const f = new MyFuture<number>();
    getRunningLoop().callSoon(() => f.setResult(3));
    assert.equal(await f, 3);
    assert.equal(isFuture(f), true);
    assert.ok(!(f instanceof Task));
  }, virtual);
  // cpython: test_tasks.py GenericTaskTests.test_future_subclass
});

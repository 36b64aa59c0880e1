// deno-lint-ignore-file require-await -- task bodies and mains are async functions that may not await
// EventLoop: scheduling order, running and stopping, closing, the exception
// handler contract, debug mode, task factories, fairness towards the host.
import { readFile } from "node:fs/promises";
import {
  createTask,
  EventLoop,
  type ExceptionContext,
  getRunningLoop,
  Handle,
  logger,
  run,
  RuntimeError,
  sleep,
  Task,
  TimerHandle,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

/** Runs `loop` until `stop()`; closes it afterwards. */
async function runAndClose(loop: EventLoop): Promise<void> {
  try {
    await loop.runForever();
  } finally {
    loop.close();
  }
}

/** Collects the contexts the loop reports instead of printing them. */
function captureErrors(loop: EventLoop): ExceptionContext[] {
  const seen: ExceptionContext[] = [];
  loop.setExceptionHandler((_loop, context) => void seen.push(context));
  return seen;
}

// ---------------------------------------------------------------------------
// callSoon
// ---------------------------------------------------------------------------

test("EventLoop.callSoon() runs callbacks in FIFO order with their arguments", async () => {
  const loop = new EventLoop();
  const order: unknown[] = [];
  for (let i = 0; i < 5; i++) {
    loop.callSoon((a: number, b: string) => order.push(`${a}${b}`), i, "x");
  }
  loop.callSoon(() => loop.stop());
  await runAndClose(loop);
  assert.deepEqual(order, ["0x", "1x", "2x", "3x", "4x"]);
  // cpython: test_base_events.py BaseEventLoopTests.test_call_soon
});

test("EventLoop.callSoon() during a batch schedules into the next batch", async () => {
  const loop = new EventLoop();
  const order: string[] = [];
  loop.callSoon(() => {
    order.push("a");
    loop.callSoon(() => order.push("a-child"));
  });
  loop.callSoon(() => order.push("b"));
  loop.callSoon(() => loop.stop());
  await loop.runForever();
  // stop() ends the loop after the current batch: the child waits.
  assert.deepEqual(order, ["a", "b"]);
  loop.callSoon(() => loop.stop());
  await runAndClose(loop);
  assert.deepEqual(order, ["a", "b", "a-child"]);
});

test("EventLoop.callSoon() never runs the callback synchronously", async () => {
  const loop = new EventLoop();
  let ran = false;
  loop.callSoon(() => (ran = true));
  assert.equal(ran, false);
  loop.callSoon(() => loop.stop());
  await runAndClose(loop);
  assert.equal(ran, true);
});

test("EventLoop.callSoon() returns a Handle whose cancel() keeps it from running", async () => {
  const loop = new EventLoop();
  const order: string[] = [];
  const h = loop.callSoon(() => order.push("cancelled"));
  loop.callSoon(() => order.push("kept"));
  assert.ok(h instanceof Handle);
  assert.equal(h.cancelled(), false);
  h.cancel();
  h.cancel(); // idempotent
  assert.equal(h.cancelled(), true);
  loop.callSoon(() => loop.stop());
  await runAndClose(loop);
  assert.deepEqual(order, ["kept"]);
  // cpython: test_base_events.py BaseEventLoopTests.test__add_callback_cancelled_handle
});

test("EventLoop.callSoonThreadsafe() schedules like callSoon()", async () => {
  const loop = new EventLoop();
  const order: number[] = [];
  loop.callSoon(() => order.push(1));
  loop.callSoonThreadsafe(() => order.push(2));
  loop.callSoon(() => loop.stop());
  await runAndClose(loop);
  assert.deepEqual(order, [1, 2]);
  // cpython: test_events.py EventLoopTestsMixin.test_call_soon_threadsafe_same_thread
});

// ---------------------------------------------------------------------------
// Timers
// ---------------------------------------------------------------------------

test("EventLoop.callLater() with negative delays orders by deadline", async () => {
  const loop = new VirtualTimeEventLoop();
  const order: string[] = [];
  loop.callLater(-1, () => order.push("a"));
  loop.callLater(-2, () => order.push("b"));
  loop.callLater(0, () => {
    order.push("c");
    loop.stop();
  });
  await runAndClose(loop);
  assert.deepEqual(order, ["b", "a", "c"]);
  // cpython: test_base_events.py BaseEventLoopTests.test_call_later_negative_delays
});

test("EventLoop.callLater() fires timers by deadline, equal deadlines in scheduling order", async () => {
  const loop = new VirtualTimeEventLoop();
  const order: string[] = [];
  const at: number[] = [];
  const t0 = loop.time();
  for (const [delay, name] of [[3, "c"], [1, "a1"], [2, "b"], [1, "a2"], [1, "a3"]] as const) {
    loop.callLater(delay, () => {
      order.push(name);
      at.push(loop.time() - t0);
    });
  }
  loop.callLater(4, () => loop.stop());
  await runAndClose(loop);
  assert.deepEqual(order, ["a1", "a2", "a3", "b", "c"]);
  assert.deepEqual(at, [1, 1, 1, 2, 3]);
  // cpython: test_base_events.py BaseEventLoopTests.test_call_later
});

test("EventLoop.callAt() schedules at an absolute loop time", async () => {
  const loop = new VirtualTimeEventLoop({ start: 100 });
  let firedAt = -1;
  const h = loop.callAt(110, () => {
    firedAt = loop.time();
    loop.stop();
  });
  assert.ok(h instanceof TimerHandle);
  assert.equal(h.when(), 110);
  await runAndClose(loop);
  assert.equal(firedAt, 110);
  // cpython: test_base_events.py BaseEventLoopTests.test_time_and_call_at
});

test("TimerHandle.when() is the loop time plus the delay", () => {
  const loop = new VirtualTimeEventLoop({ start: 5 });
  const h = loop.callLater(2.5, () => {});
  assert.equal(h.when(), 7.5);
  h.cancel();
  loop.close();
  // cpython: test_events.py TimerTests.test_when
});

test("TimerHandle.cancel() keeps a timer from firing", async () => {
  const loop = new VirtualTimeEventLoop();
  const order: string[] = [];
  const h = loop.callLater(1, () => order.push("cancelled"));
  loop.callLater(2, () => {
    order.push("kept");
    loop.stop();
  });
  h.cancel();
  assert.equal(h.cancelled(), true);
  await runAndClose(loop);
  assert.deepEqual(order, ["kept"]);
  // cpython: test_events.py TimerTests.test_timer
});

test("EventLoop drops many cancelled timers without running them", async () => {
  const loop = new VirtualTimeEventLoop();
  let fired = 0;
  const handles = Array.from({ length: 300 }, (_, i) => loop.callLater(1 + i, () => fired++));
  for (const h of handles.slice(0, 250)) h.cancel();
  loop.callLater(1000, () => loop.stop());
  await runAndClose(loop);
  assert.equal(fired, 50);
  // cpython: test_base_events.py BaseEventLoopTests.test__run_once_cancelled_event_cleanup
});

test("EventLoop.callLater() and callAt() reject a non-number time", () => {
  const loop = new EventLoop();
  assert.throws(() => loop.callLater(null as unknown as number, () => {}), TypeError);
  assert.throws(() => loop.callAt(undefined as unknown as number, () => {}), TypeError);
  loop.close();
});

test("EventLoop.time() is monotonic and counts seconds", () => {
  const loop = new EventLoop();
  const t1 = loop.time();
  const p = performance.now() / 1000;
  const t2 = loop.time();
  assert.ok(t2 >= t1);
  assert.ok(Math.abs(t1 - p) < 5, `loop.time() ${t1} is not in seconds of performance.now() ${p}`);
  loop.close();
});

test("EventLoop ready callbacks run before due timers scheduled after them", async () => {
  const loop = new VirtualTimeEventLoop();
  const order: string[] = [];
  loop.callLater(0, () => order.push("timer"));
  loop.callSoon(() => order.push("soon"));
  loop.callLater(1, () => loop.stop());
  await runAndClose(loop);
  assert.deepEqual(order, ["soon", "timer"]);
});

// ---------------------------------------------------------------------------
// runForever, stop, runUntilComplete
// ---------------------------------------------------------------------------

test("EventLoop.stop() before runForever() runs exactly one iteration", async () => {
  const loop = new EventLoop();
  const order: string[] = [];
  loop.callSoon(() => {
    order.push("first");
    loop.callSoon(() => order.push("second"));
  });
  loop.stop();
  await loop.runForever();
  assert.deepEqual(order, ["first"]);
  assert.equal(loop.isRunning(), false);
  // The stop flag is reset: the loop can run again.
  loop.stop();
  await runAndClose(loop);
  assert.deepEqual(order, ["first", "second"]);
  // cpython: test_base_events.py BaseEventLoopTests.test_run_forever_pre_stopped
});

test("EventLoop.isRunning() is true only while the loop runs", async () => {
  const loop = new EventLoop();
  let inside = false;
  loop.callSoon(() => {
    inside = loop.isRunning();
    loop.stop();
  });
  assert.equal(loop.isRunning(), false);
  await runAndClose(loop);
  assert.equal(inside, true);
  assert.equal(loop.isRunning(), false);
});

test("EventLoop.runUntilComplete() returns the result of a future", async () => {
  const loop = new EventLoop();
  const fut = loop.createFuture<number>();
  loop.callSoon(() => fut.setResult(5));
  assert.equal(await loop.runUntilComplete(fut), 5);
  loop.close();
  // cpython: test_events.py EventLoopTestsMixin.test_run_until_complete
});

test("EventLoop.runUntilComplete() throws the future's error", async () => {
  const loop = new EventLoop();
  const fut = loop.createFuture<number>();
  loop.callSoon(() => fut.setException(new RangeError("bad")));
  await assert.rejects(loop.runUntilComplete(fut), RangeError);
  loop.close();
});

test("EventLoop.runUntilComplete() runs a function or coroutine as a task, before the loop ever ran", async () => {
  const loop = new EventLoop();
  const value = await loop.runUntilComplete(async () => {
    await sleep(0);
    return getRunningLoop() === loop;
  });
  assert.equal(value, true);
  assert.equal(await loop.runUntilComplete(Promise.resolve("awaitable")), "awaitable");
  loop.close();
});

test("EventLoop.runUntilComplete() throws when stop() ends the loop first", async () => {
  const loop = new EventLoop();
  const fut = loop.createFuture<void>();
  loop.callSoon(() => loop.stop());
  await assert.rejects(loop.runUntilComplete(fut), (e: unknown) => {
    assert.ok(e instanceof RuntimeError);
    assert.match(e.message, /Event loop stopped before Future completed/);
    return true;
  });
  // The done callback was removed: a second run works.
  loop.callSoon(() => fut.setResult());
  await loop.runUntilComplete(fut);
  loop.close();
  // cpython: test_events.py EventLoopTestsMixin.test_run_until_complete_stopped
});

test("EventLoop.runUntilComplete() inside the running loop throws 'already running'", async () => {
  const loop = new EventLoop();
  const result = await loop.runUntilComplete(async () => {
    try {
      await loop.runUntilComplete(loop.createFuture());
      return "no error";
    } catch (e) {
      return (e as Error).message;
    }
  });
  assert.match(result, /This event loop is already running/);
  loop.close();
  // cpython: test_events.py EventLoopTestsMixin.test_run_until_complete_nesting
});

test("EventLoop.runForever() of another loop inside a running loop throws", async () => {
  const outer = new EventLoop();
  const inner = new EventLoop();
  const result = await outer.runUntilComplete(async () => {
    try {
      await inner.runForever();
      return "no error";
    } catch (e) {
      return (e as Error).message;
    }
  });
  assert.match(result, /Cannot run the event loop while another loop is running/);
  outer.close();
  inner.close();
});

// ---------------------------------------------------------------------------
// close
// ---------------------------------------------------------------------------

test("EventLoop.close() drops pending callbacks and is idempotent", async () => {
  const loop = new VirtualTimeEventLoop();
  let ran = 0;
  loop.callSoon(() => ran++);
  loop.callLater(1, () => ran++);
  assert.equal(loop.isClosed(), false);
  loop.close();
  assert.equal(loop.isClosed(), true);
  loop.close();
  assert.equal(ran, 0);
  // cpython: test_base_events.py BaseEventLoopTests.test_close
});

test("EventLoop on a closed loop: scheduling throws, running rejects", async () => {
  const loop = new EventLoop();
  loop.close();
  const closed = /Event loop is closed/;
  assert.throws(() => loop.callSoon(() => {}), closed);
  assert.throws(() => loop.callLater(1, () => {}), closed);
  assert.throws(() => loop.callAt(1, () => {}), closed);
  assert.throws(() => loop.createTask(async () => {}), closed);
  await assert.rejects(loop.runForever(), closed);
  await assert.rejects(loop.runUntilComplete(Promise.resolve(1)), closed);
  // cpython: test_events.py EventLoopTestsMixin.test_close
});

test("EventLoop.close() on a running loop throws 'Cannot close a running event loop'", async () => {
  const loop = new EventLoop();
  let error: unknown = null;
  loop.callSoon(() => {
    try {
      loop.close();
    } catch (e) {
      error = e;
    }
    loop.stop();
  });
  await runAndClose(loop);
  assert.ok(error instanceof RuntimeError);
  assert.match((error as Error).message, /Cannot close a running event loop/);
  // cpython: test_events.py EventLoopTestsMixin.test_close_running_event_loop
});

// ---------------------------------------------------------------------------
// Exception handler
// ---------------------------------------------------------------------------

test("EventLoop: a failing callback goes to the exception handler and the loop goes on", async () => {
  const loop = new EventLoop();
  const seen = captureErrors(loop);
  const error = new Error("oops");
  const order: string[] = [];
  const h = loop.callSoon(function failing() {
    throw error;
  });
  loop.callSoon(() => {
    order.push("after");
    loop.stop();
  });
  await runAndClose(loop);
  assert.deepEqual(order, ["after"]);
  assert.equal(seen.length, 1);
  assert.match(seen[0]!.message, /^Exception in callback .*failing/);
  assert.equal(seen[0]!.exception, error);
  assert.equal(seen[0]!.handle, h);
  // cpython: test_base_events.py BaseEventLoopTests.test_default_exc_handler_callback
});

test("EventLoop.setExceptionHandler() receives (loop, context); null restores the default", async () => {
  const loop = new EventLoop();
  const calls: Array<[unknown, ExceptionContext]> = [];
  const handler = (l: unknown, c: ExceptionContext) => void calls.push([l, c]);
  loop.setExceptionHandler(handler);
  assert.equal(loop.getExceptionHandler(), handler);
  loop.callExceptionHandler({ message: "hello", extra: 1 });
  assert.equal(calls.length, 1);
  assert.equal(calls[0]![0], loop);
  assert.deepEqual(calls[0]![1], { message: "hello", extra: 1 });
  loop.setExceptionHandler(null);
  assert.equal(loop.getExceptionHandler(), null);
  assert.throws(() => loop.setExceptionHandler("nope" as never), TypeError);
  loop.close();
  // cpython: test_base_events.py BaseEventLoopTests.test_set_exc_handler_custom
});

test("EventLoop: a failing exception handler is reported to the default handler", async () => {
  const loop = new EventLoop();
  const defaults: ExceptionContext[] = [];
  loop.defaultExceptionHandler = (context) => void defaults.push(context);
  const handlerError = new Error("handler broke");
  loop.setExceptionHandler(() => {
    throw handlerError;
  });
  const error = new Error("callback broke");
  loop.callSoon(() => {
    throw error;
  });
  loop.callSoon(() => loop.stop());
  await runAndClose(loop);
  assert.equal(defaults.length, 1);
  assert.equal(defaults[0]!.message, "Unhandled error in exception handler");
  assert.equal(defaults[0]!.exception, handlerError);
  const original = defaults[0]!.context as ExceptionContext;
  assert.equal(original.exception, error);
  assert.match(original.message, /^Exception in callback/);
  // cpython: test_base_events.py BaseEventLoopTests.test_set_exc_handler_broken
});

test("EventLoop.defaultExceptionHandler() writes the message and error through logger.error", () => {
  const loop = new EventLoop();
  const lines: string[] = [];
  const saved = logger.error;
  logger.error = (message) => void lines.push(message);
  try {
    loop.callExceptionHandler({ message: "something failed", exception: new Error("why") });
    loop.callExceptionHandler({ message: "" });
  } finally {
    logger.error = saved;
    loop.close();
  }
  assert.equal(lines.length, 2);
  assert.match(lines[0]!, /something failed/);
  assert.match(lines[0]!, /why/);
  assert.match(lines[1]!, /Unhandled exception in event loop/);
  // cpython: test_base_events.py BaseEventLoopTests.test_default_exc_handler_coro
});

test("EventLoop: a failing default handler does not break the loop", async () => {
  const loop = new EventLoop();
  loop.defaultExceptionHandler = () => {
    throw new Error("default broke");
  };
  const saved = console.error;
  const written: unknown[] = [];
  console.error = (...args: unknown[]) => void written.push(args.join(" "));
  const order: string[] = [];
  try {
    loop.callSoon(() => {
      throw new Error("x");
    });
    loop.callSoon(() => {
      order.push("still running");
      loop.stop();
    });
    await runAndClose(loop);
  } finally {
    console.error = saved;
  }
  assert.deepEqual(order, ["still running"]);
  assert.equal(written.length, 1);
  assert.match(String(written[0]), /default broke/);
  // cpython: test_base_events.py BaseEventLoopTests.test_default_exc_handler_broken
});

// ---------------------------------------------------------------------------
// Debug mode
// ---------------------------------------------------------------------------

test("EventLoop debug mode reports slow callbacks through logger.warning", async () => {
  const loop = new EventLoop();
  const warnings: string[] = [];
  const saved = logger.warning;
  logger.warning = (message) => void warnings.push(message);
  try {
    assert.equal(loop.getDebug(), false);
    loop.callSoon(function quiet() {});
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    assert.equal(warnings.length, 0);

    loop.setDebug(true);
    assert.equal(loop.getDebug(), true);
    assert.equal(loop.slowCallbackDuration, 0.1);
    loop.slowCallbackDuration = 0; // every callback is "slow"
    loop.callSoon(function slowOne() {});
    loop.callSoon(() => loop.stop());
    await runAndClose(loop);
  } finally {
    logger.warning = saved;
  }
  const slow = warnings.filter((w) => w.includes("slowOne"));
  assert.equal(slow.length, 1, warnings.join("\n"));
  assert.match(slow[0]!, /^Executing .*slowOne.* took \d+\.\d+ seconds$/);
  // cpython: test_base_events.py BaseEventLoopTests.test__run_once_logging
});

test("EventLoop debug mode rejects async functions and non-callables in callSoon()", () => {
  const loop = new EventLoop();
  loop.setDebug(true);
  assert.throws(() => loop.callSoon(async () => {}), /coroutines cannot be used with callSoon/);
  assert.throws(() => loop.callSoon(42 as never), TypeError);
  assert.throws(() => loop.callLater(1, async () => {}), TypeError);
  loop.close();
  // cpython: test_base_events.py BaseEventLoopTests.test_call_soon_non_callable
});

test("EventLoop debug mode keeps a cancelled handle's repr", () => {
  const loop = new EventLoop();
  loop.setDebug(true);
  const h = loop.callSoon(function named() {});
  h.cancel();
  assert.equal(String(h), "<Handle cancelled named()>");
  loop.close();
  // cpython: test_events.py HandleTests.test_handle_repr_debug
});

// ---------------------------------------------------------------------------
// Tasks and the task factory
// ---------------------------------------------------------------------------

test("EventLoop.createTask() makes a task bound to the loop, with a name", async () => {
  const loop = new EventLoop();
  const task = loop.createTask(async () => 7, { name: "seven" });
  assert.ok(task instanceof Task);
  assert.equal(task.getLoop(), loop);
  assert.equal(task.getName(), "seven");
  assert.equal(await loop.runUntilComplete(task), 7);
  loop.close();
  // cpython: test_base_events.py BaseEventLoopTests.test_create_named_task_with_default_factory
});

test("EventLoop.setTaskFactory() is used by createTask(); null restores the default", async () => {
  const loop = new EventLoop();
  const made: unknown[] = [];
  const factory = (l: EventLoop, coro: unknown, options: { name?: string }) => {
    made.push(options.name);
    return new Task(coro as () => Promise<unknown>, { ...options, loop: l });
  };
  assert.equal(loop.getTaskFactory(), null);
  loop.setTaskFactory(factory as never);
  assert.equal(loop.getTaskFactory(), factory);
  const value = await loop.runUntilComplete(async () => {
    const t = createTask(async () => "made", { name: "by-factory" });
    return await t;
  });
  assert.equal(value, "made");
  // runUntilComplete's own task also went through the factory.
  assert.deepEqual(made, [undefined, "by-factory"]);
  loop.setTaskFactory(null);
  assert.equal(loop.getTaskFactory(), null);
  assert.throws(() => loop.setTaskFactory(1 as never), TypeError);
  loop.close();
  // cpython: test_base_events.py BaseEventLoopTests.test_set_task_factory
});

// ---------------------------------------------------------------------------
// Fairness towards the host
// ---------------------------------------------------------------------------

// The two tests below check that the host is served *while* the loop spins,
// not how fast: the spin goes on until the host's work is done, and only a
// spin that ends first (a bound far beyond any load) fails. A fixed budget
// of iterations would be a duration in disguise: a slow disk or a busy
// machine can take more than 100,000 iterations to complete a file read.
const SPIN_BOUND = 20_000_000;

test("EventLoop serves host timers and I/O while a task spins on sleep(0)", async () => {
  await run(async () => {
    let i = 0;
    let timerAt = -1;
    let ioAt = -1;
    const timer = setTimeout(() => (timerAt = i), 0);
    const io = readFile("deno.json").then(() => (ioAt = i));
    try {
      for (; (timerAt < 0 || ioAt < 0) && i < SPIN_BOUND; i++) await sleep(0);
    } finally {
      clearTimeout(timer);
      await io;
    }
    assert.ok(timerAt >= 0, `host timer did not fire during ${i} iterations`);
    assert.ok(ioAt >= 0, `host I/O did not complete during ${i} iterations`);
  });
});

test("EventLoop serves host timers while callbacks keep rescheduling themselves", async () => {
  const loop = new EventLoop();
  let n = 0;
  let timerAt = -1;
  const timer = setTimeout(() => (timerAt = n), 0);
  const spin = () => {
    if (++n < SPIN_BOUND && timerAt < 0) loop.callSoon(spin);
    else loop.stop();
  };
  loop.callSoon(spin);
  try {
    await runAndClose(loop);
  } finally {
    clearTimeout(timer);
  }
  assert.ok(timerAt > 0, `host timer did not fire during ${n} callbacks`);
});

test("EventLoop asleep until a timer wakes for an earlier one scheduled from outside", async () => {
  const loop = new EventLoop();
  const order: string[] = [];
  // The loop sleeps until a timer an hour away; a host timer then schedules
  // one due later (no need to wake) and one due in 10 ms, which must wake
  // it. A 5 s host guard stops the loop if the wake-up is lost.
  loop.callLater(3600, () => order.push("far"));
  const host = setTimeout(() => {
    loop.callLater(7200, () => order.push("farther"));
    loop.callLater(0.01, () => {
      order.push("near");
      loop.stop();
    });
  }, 20);
  const guard = setTimeout(() => {
    order.push("guard");
    loop.stop();
  }, 5000);
  try {
    await loop.runForever();
  } finally {
    clearTimeout(host);
    clearTimeout(guard);
    loop.close();
  }
  assert.deepEqual(order, ["near"]);
});

test("EventLoop fires timers due within a millisecond of each other in one iteration, none early", async () => {
  const loop = new VirtualTimeEventLoop();
  const order: string[] = [];
  const at = (name: string, when: number) => () => {
    order.push(`${name}${loop.time() >= when ? "" : " EARLY"}`);
    // Runs in the next iteration: after every timer fired in this one.
    loop.callSoon(() => order.push(`after ${name}`));
  };
  const t0 = loop.time();
  loop.callAt(t0 + 0.01, at("a", t0 + 0.01));
  loop.callAt(t0 + 0.0103, at("b", t0 + 0.0103)); // 0.3 ms later: same iteration as a
  loop.callAt(t0 + 0.013, at("c", t0 + 0.013)); // 3 ms later: an iteration of its own
  loop.callAt(t0 + 0.02, () => loop.stop());
  await runAndClose(loop);
  assert.deepEqual(order, ["a", "b", "after a", "after b", "c", "after c"]);
});

// deno-lint-ignore-file require-await -- task bodies and mains are async functions that may not await
// The cancellation model (DESIGN.md §2): cancel() delivered at asyncio
// awaits anywhere in the task's code, "must cancel" for the next await,
// cancelling()/uncancel(), and AbortSignals for native work.
import {
  CancelledError,
  coroutine,
  createTask,
  currentSignal,
  currentTask,
  Future,
  getRunningLoop,
  run,
  sleep,
  type Task,
  TimeoutError,
  ValueError,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

// deno-lint-ignore no-explicit-any
type Check = RegExp | ((e: unknown) => boolean) | (new(...args: any[]) => unknown);

/** `assert.rejects` for any awaitable (tasks are thenables, not promises). */
function rejects(aw: PromiseLike<unknown>, check?: Check): Promise<void> {
  const body = async () => {
    await aw;
  };
  return check ? assert.rejects(body, check as RegExp) : assert.rejects(body);
}

/** Checks for a CancelledError carrying `message`. */
function cancelledWith(message: string): (e: unknown) => boolean {
  return (e) => e instanceof CancelledError && e.message === message;
}

/**
 * A native, AbortSignal-aware wait built from a host timer and an abort
 * listener, standing in for fetch() and other native calls.
 */
function nativeWait(ms: number, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve("finished");
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

// ---------------------------------------------------------------------------
// Before the first step
// ---------------------------------------------------------------------------

test("Task cancelled before its first step never calls its function", async () => {
  await run(async () => {
    let called = false;
    const t = createTask(async () => {
      called = true;
      await sleep(10);
    });
    assert.equal(t.cancel("my message"), true);
    await rejects(t, cancelledWith("my message"));
    assert.equal(called, false);
    assert.equal(t.cancelled(), true);
    assert.throws(() => t.exception(), cancelledWith("my message"));
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_cancel_with_message_before_starting_task
});

test("Task cancelled before its first step never starts its coroutine object", async () => {
  await run(async () => {
    const work = coroutine(async () => "ran");
    const coro = work();
    const t = createTask(coro);
    t.cancel();
    await rejects(t, cancelledWith(""));
    assert.equal(coro.started, false);
  }, virtual);
});

// ---------------------------------------------------------------------------
// During an await
// ---------------------------------------------------------------------------

test("Task.cancel(msg) makes the pending await throw CancelledError(msg); finally blocks run", async () => {
  await run(async () => {
    const steps: string[] = [];
    const t = createTask(async () => {
      try {
        await sleep(0);
        steps.push("after first sleep");
        await sleep(10);
        steps.push("never");
      } finally {
        steps.push("finally");
      }
      return 12;
    });
    await sleep(0);
    await sleep(0);
    assert.equal(t.cancel("stop"), true);
    await rejects(t, cancelledWith("stop"));
    assert.deepEqual(steps, ["after first sleep", "finally"]);
    assert.equal(t.cancelled(), true);
    assert.equal(t.cancel(), false);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_cancel_yield
});

test("Task.cancel() reaches awaits deep inside plain async functions the task called", async () => {
  await run(async () => {
    const proof: string[] = [];
    const waiter = new Future<void>();
    const inner = async () => {
      try {
        await waiter;
      } catch (e) {
        proof.push(`inner ${(e as Error).name} ${(e as Error).message}`);
        throw e;
      } finally {
        proof.push("inner finally");
      }
    };
    const middle = async () => {
      try {
        await inner();
      } finally {
        proof.push("middle finally");
      }
    };
    const outer = async () => {
      try {
        await middle();
      } catch (e) {
        proof.push(`outer caught ${(e as Error).message}`);
        return "handled";
      }
      return "not cancelled";
    };
    const t = createTask(outer);
    await sleep(0);
    t.cancel("deep");
    assert.equal(await t, "handled");
    assert.equal(waiter.cancelled(), true);
    assert.deepEqual(proof, [
      "inner CancelledError deep",
      "inner finally",
      "middle finally",
      "outer caught deep",
    ]);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_yield_future_passes_cancel
});

test("Task.cancel() reaches awaits inside Promise.all of asyncio awaitables", async () => {
  await run(async () => {
    const fut = new Future<number>();
    let child: Task<string> | null = null;
    const t = createTask(async () => {
      child = createTask(() => sleep(100, "child"));
      await Promise.all([sleep(50), fut, child]);
    });
    await sleep(0);
    await sleep(0);
    t.cancel("all of them");
    await rejects(t, cancelledWith("all of them"));
    assert.equal(fut.cancelled(), true);
    await rejects(child!, CancelledError);
    assert.equal(child!.cancelled(), true);
    assert.equal(t.cancelled(), true);
  }, virtual);
});

test("Task.cancel() cancels the future the task waits on", async () => {
  await run(async () => {
    const fut = new Future<void>();
    const t = createTask(async () => {
      await fut;
    });
    await sleep(0);
    t.cancel();
    await sleep(0);
    assert.equal(fut.cancelled(), true);
    await rejects(t, CancelledError);
    assert.equal(t.cancelled(), true);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_task_cancel_waiter_future
});

test("Task awaiting a cancelled task gets its CancelledError, with the message", async () => {
  await run(async () => {
    const sleeper = createTask(() => sleep(5000));
    getRunningLoop().callLater(0.1, () => sleeper.cancel("wake up"));
    const t0 = getRunningLoop().time();
    const outcome = await createTask(async () => {
      try {
        await sleeper;
        return "slept in";
      } catch (e) {
        return e instanceof CancelledError ? `cancelled: ${e.message}` : "other";
      }
    });
    assert.equal(outcome, "cancelled: wake up");
    assert.equal(Math.round((getRunningLoop().time() - t0) * 10) / 10, 0.1);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_task_cancel_sleeping_task
  // cpython: test_tasks.py BaseTaskTests.test_cancel_with_message_then_future_result
});

test("Task.cancel() of a sleeping task cancels the sleep's timer", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const t = createTask(() => sleep(10, "yeah"));
    await sleep(0);
    t.cancel();
    await rejects(t, CancelledError);
    // Nothing is left scheduled: the loop time did not have to reach 10.
    assert.ok(loop.time() < 10);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_sleep_cancel
});

test("Future awaited by a task, cancelled directly, cancels the task unless it catches", async () => {
  await run(async () => {
    const f = new Future<void>();
    const t = createTask(async () => {
      await f;
      return 12;
    });
    await sleep(0);
    f.cancel();
    await rejects(t, CancelledError);
    assert.equal(f.cancelled(), true);
    assert.equal(t.cancelled(), true);
    assert.equal(t.cancelling(), 0);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_cancel_inner_future
});

test("Task and its inner future both cancelled: the task ends cancelled", async () => {
  await run(async () => {
    const f = new Future<void>();
    const t = createTask(async () => {
      await f;
      return 12;
    });
    await sleep(0);
    f.cancel();
    t.cancel();
    await rejects(t, CancelledError);
    assert.equal(t.done(), true);
    assert.equal(f.cancelled(), true);
    assert.equal(t.cancelled(), true);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_cancel_both_task_and_inner_future
});

// ---------------------------------------------------------------------------
// Catching the cancellation
// ---------------------------------------------------------------------------

test("Task catching CancelledError may return a value: not cancelled, cancelling() stays 1", async () => {
  await run(async () => {
    const fut1 = new Future<void>();
    const fut2 = new Future<void>();
    const t = createTask(async () => {
      await fut1;
      try {
        await fut2;
      } catch (e) {
        if (e instanceof CancelledError) return 42;
        throw e;
      }
      return 0;
    });
    await sleep(0);
    fut1.setResult();
    await sleep(0);
    t.cancel();
    assert.equal(fut2.cancelled(), true);
    assert.equal(await t, 42);
    assert.equal(t.cancelled(), false);
    assert.equal(t.cancelling(), 1);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_cancel_task_catching
});

test("Task ignoring CancelledError goes on awaiting and returns normally", async () => {
  await run(async () => {
    const fut1 = new Future<void>();
    const fut2 = new Future<void>();
    const fut3 = new Future<number>();
    const t = createTask(async () => {
      await fut1;
      try {
        await fut2;
      } catch {
        // ignored
      }
      return await fut3;
    });
    await sleep(0);
    fut1.setResult();
    await sleep(0);
    t.cancel();
    assert.equal(fut2.cancelled(), true);
    await sleep(0);
    fut3.setResult(42);
    assert.equal(await t, 42);
    assert.equal(fut3.cancelled(), false);
    assert.equal(t.cancelled(), false);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_cancel_task_ignoring
});

test("Task raising another error while handling cancellation fails with that error", async () => {
  await run(async () => {
    const err = new ValueError("instead");
    const t = createTask(async () => {
      try {
        await sleep(10);
      } catch {
        throw err;
      }
    });
    await sleep(0);
    t.cancel();
    assert.equal(t.done(), false);
    await rejects(t, (e) => e === err);
    assert.equal(t.cancelled(), false);
    assert.equal(t.exception(), err);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_baseexception_during_cancel
});

// ---------------------------------------------------------------------------
// cancelling(), uncancel(), repeated and self cancellation
// ---------------------------------------------------------------------------

test("Task.cancel() returns true on every call while pending; cancelling() counts them", async () => {
  await run(async () => {
    const t = createTask(() => sleep(10));
    assert.equal(t.cancelling(), 0);
    assert.doesNotMatch(String(t), / cancelling /);
    assert.equal(t.cancel(), true);
    assert.equal(t.cancelling(), 1);
    assert.match(String(t), /^<Task cancelling /);
    assert.equal(t.cancel(), true);
    assert.equal(t.cancelling(), 2);
    await rejects(t, CancelledError);
    assert.equal(t.cancel(), false);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_cancelling
});

test("Task.uncancel() decrements cancelling(); it has no effect after completion", async () => {
  await run(async () => {
    const t = createTask(async () => {
      try {
        await sleep(10);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        currentTask()!.uncancel();
        await sleep(10);
      }
    });
    await sleep(0.01);
    assert.equal(t.cancel(), true);
    assert.match(String(t), / cancelling /);
    assert.equal(t.cancelling(), 1);
    assert.equal(t.cancelled(), false);
    await sleep(0.01);
    assert.doesNotMatch(String(t), / cancelling /);
    assert.equal(t.cancelling(), 0);
    assert.equal(t.cancelled(), false);
    assert.equal(t.cancel(), true);
    assert.equal(t.cancelling(), 1);
    await rejects(t, CancelledError);
    assert.equal(t.cancelled(), true);
    t.uncancel();
    assert.equal(t.cancelled(), true);
    assert.equal(t.done(), true);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_uncancel_basic
});

test("Task.uncancel() to zero rescinds an undelivered cancellation", async () => {
  await run(async () => {
    const fut = new Future<void>();
    const t = createTask(async () => {
      await fut;
      return 42;
    });
    await sleep(0); // the task waits for fut
    fut.setResult(); // the task is runnable, not yet resumed
    t.cancel();
    assert.equal(t.cancelling(), 1);
    assert.equal(t.uncancel(), 0);
    assert.equal(await t, 42);
    assert.equal(t.cancelled(), false);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_uncancel_resets_must_cancel
});

test("Task.uncancel() before the first step lets the body run", async () => {
  await run(async () => {
    let ran = false;
    const t = createTask(async () => {
      ran = true;
      return "ran";
    });
    t.cancel();
    assert.equal(t.uncancel(), 0);
    assert.equal(t.uncancel(), 0); // never below zero
    assert.equal(await t, "ran");
    assert.equal(ran, true);
  }, virtual);
});

test("Task.uncancel() in the structured pattern turns a timeout into TimeoutError and leaves no pending cancel", async () => {
  const makeRequestWithTimeout = async (sleepFor: number, timeoutAfter: number) => {
    const task = currentTask()!;
    const loop = task.getLoop();
    let timedOut = false;
    let structuredBlockFinished = false;
    const handle = loop.callLater(timeoutAfter, () => {
      timedOut = true;
      task.cancel();
    });
    try {
      try {
        await sleep(sleepFor);
        structuredBlockFinished = true;
      } catch (e) {
        if (timedOut && task.uncancel() === 0 && e instanceof CancelledError) {
          throw new TimeoutError();
        }
        throw e;
      } finally {
        handle.cancel();
      }
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      assert.equal(timedOut, true);
    }
    await sleep(0);
    return [timedOut, structuredBlockFinished, true] as const;
  };
  await run(async () => {
    const t1 = createTask(() => makeRequestWithTimeout(10, 0.1));
    assert.deepEqual(await t1, [true, false, true]);
    assert.equal(t1.cancelling(), 0);
    const t2 = createTask(() => makeRequestWithTimeout(0, 10));
    assert.deepEqual(await t2, [false, true, true]);
    assert.equal(t2.cancelling(), 0);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_uncancel_structured_blocks
});

test("Task that cancels itself and then returns ends cancelled", async () => {
  await run(async () => {
    const t: Task<number> = createTask(async () => {
      t.cancel("myself");
      return 12;
    });
    assert.equal(t.cancelled(), false);
    await rejects(t, cancelledWith("myself"));
    assert.equal(t.done(), true);
    assert.equal(t.cancelled(), true);
    assert.equal(t.cancel(), false);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_cancel_at_end
});

test("Task that cancels itself gets CancelledError at its next await", async () => {
  await run(async () => {
    let after = false;
    const t: Task<number> = createTask(async () => {
      t.cancel();
      await sleep(100);
      after = true;
      return 12;
    });
    await rejects(t, CancelledError);
    assert.equal(after, false);
    assert.equal(t.cancelled(), true);
    assert.ok(getRunningLoop().time() < 100);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_cancel_current_task
});

test("Task cancelled while not blocked cancels the next task it awaits", async () => {
  await run(async () => {
    const fut = new Future<void>();
    let nested: Task<void> | null = null;
    const t: Task<void> = createTask(async () => {
      nested = createTask(async () => {
        await fut;
      });
      await sleep(0);
      t.cancel();
      await nested;
    });
    await rejects(t, CancelledError);
    assert.equal(t.cancelled(), true);
    assert.equal(nested!.cancelled(), true);
    assert.equal(fut.cancelled(), true);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_cancel_awaited_task
});

test("Task cancellation is delivered once per request", async () => {
  await run(async () => {
    let caught = 0;
    const t = createTask(async () => {
      for (let i = 0; i < 3; i++) {
        try {
          await sleep(1);
        } catch (e) {
          if (e instanceof CancelledError) caught++;
        }
      }
      return caught;
    });
    await sleep(0);
    t.cancel();
    assert.equal(await t, 1);
  }, virtual);
});

// ---------------------------------------------------------------------------
// Native promises and AbortSignals
// ---------------------------------------------------------------------------

test("Task awaiting only a native promise gets the cancellation at its next asyncio await", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const steps: string[] = [];
    const t = createTask(async () => {
      const value = await new Promise<string>((resolve) => loop.callLater(1, resolve, "native"));
      steps.push(`native gave ${value}`);
      try {
        await sleep(0);
        steps.push("not cancelled");
      } catch (e) {
        steps.push(`cancelled at next await: ${(e as Error).message}`);
        throw e;
      }
    });
    await sleep(0);
    t.cancel("later");
    await rejects(t, cancelledWith("later"));
    assert.deepEqual(steps, ["native gave native", "cancelled at next await: later"]);
  }, virtual);
});

test("Task.signal aborts with the CancelledError when the task is cancelled", async () => {
  await run(async () => {
    let signal: AbortSignal | null = null;
    const t = createTask(async () => {
      signal = currentTask()!.signal;
      return await nativeWait(60_000, signal);
    });
    await sleep(0);
    assert.equal(signal!.aborted, false);
    t.cancel("stop waiting");
    assert.equal(signal!.aborted, true);
    assert.ok(signal!.reason instanceof CancelledError);
    assert.equal((signal!.reason as CancelledError).message, "stop waiting");
    await rejects(t, cancelledWith("stop waiting"));
    assert.equal(t.cancelled(), true);
  }, virtual);
});

test("currentSignal() inside a task is the task's signal and stops AbortSignal-aware native calls", async () => {
  await run(async () => {
    const steps: string[] = [];
    const t = createTask(async () => {
      assert.equal(currentSignal(), currentTask()!.signal);
      try {
        await nativeWait(60_000, currentSignal());
        steps.push("finished");
      } catch (e) {
        steps.push(e instanceof CancelledError ? "aborted" : "other");
        throw e;
      }
    });
    await sleep(0);
    t.cancel("abort it");
    await rejects(t, cancelledWith("abort it"));
    assert.deepEqual(steps, ["aborted"]);
    assert.equal(t.cancelled(), true);
  }, virtual);
});

test("Task that swallows its signal's abort still gets the cancellation at its next asyncio await", async () => {
  await run(async () => {
    const steps: string[] = [];
    const t = createTask(async () => {
      try {
        await nativeWait(60_000, currentSignal());
      } catch {
        steps.push("native call aborted");
      }
      try {
        await sleep(0);
      } catch (e) {
        steps.push(`asyncio await: ${(e as Error).name}`);
      }
      return "done";
    });
    await sleep(0);
    t.cancel();
    assert.equal(await t, "done");
    assert.deepEqual(steps, ["native call aborted", "asyncio await: CancelledError"]);
  }, virtual);
});

test("currentSignal() follows plain async functions called by the task", async () => {
  await run(async () => {
    const helper = async () => {
      await sleep(0);
      return currentSignal();
    };
    const t = createTask(async () => [await helper(), currentTask()!.signal] as const);
    const [inner, own] = await t;
    assert.equal(inner, own);
  }, virtual);
});

test("currentSignal() outside any task never aborts", async () => {
  const signal = currentSignal();
  assert.equal(signal.aborted, false);
  await run(async () => {
    assert.equal(currentSignal().aborted, false);
  }, virtual);
});

test("Task.signal after a handled cancellation is a fresh, unaborted signal", async () => {
  await run(async () => {
    const t = createTask(async () => {
      const first = currentSignal();
      try {
        await sleep(10);
      } catch {
        // handled
      }
      const second = currentSignal();
      return [first.aborted, second.aborted, first === second] as const;
    });
    await sleep(0);
    t.cancel();
    assert.deepEqual(await t, [true, false, false]);
  }, virtual);
});

test("Task.cancel() twice before delivery throws one CancelledError (sleep)", async () => {
  await run(async () => {
    const log: string[] = [];
    const t = createTask(async () => {
      try {
        await sleep(10);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        log.push("first");
      }
      await sleep(0.01);
      log.push("second sleep ok");
      return "done";
    });
    await sleep(0);
    t.cancel();
    t.cancel();
    assert.equal(await t, "done");
    assert.deepEqual(log, ["first", "second sleep ok"]);
    assert.equal(t.cancelling(), 2);
  }, { loopFactory: () => new VirtualTimeEventLoop() });
  // verified against CPython 3.13: the second request merges into the first
});

test("Task.cancel() twice before delivery throws one CancelledError (future)", async () => {
  await run(async () => {
    const fut = new Future<void>();
    const log: string[] = [];
    const t = createTask(async () => {
      try {
        await fut;
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        log.push("first");
      }
      await sleep(0.01);
      log.push("then awaited normally");
    });
    await sleep(0);
    t.cancel("a");
    t.cancel("b");
    await t;
    assert.deepEqual(log, ["first", "then awaited normally"]);
    assert.equal(fut.cancelled(), true);
  }, { loopFactory: () => new VirtualTimeEventLoop() });
});

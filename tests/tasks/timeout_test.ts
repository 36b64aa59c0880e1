// deno-lint-ignore-file require-await -- task bodies and mains are async functions that may not await
// timeout() / timeoutAt() / Timeout: expiry, nesting, outside cancellation,
// reschedule, reprs, and the scope isolation of DESIGN.md §2.
import { inspect } from "node:util";
import {
  CancelledError,
  createTask,
  currentTask,
  ExceptionGroup,
  Future,
  getRunningLoop,
  run,
  RuntimeError,
  sleep,
  taskGroup,
  Timeout,
  timeout,
  timeoutAt,
  TimeoutError,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

function go<T>(main: () => Promise<T>): Promise<T> {
  return run(main, virtual);
}

function vloop(): VirtualTimeEventLoop {
  return getRunningLoop() as VirtualTimeEventLoop;
}

class KeyError extends Error {
  override name = "KeyError";
}

test("timeout() resolves with the body's value, sync or async", async () => {
  await go(async () => {
    assert.equal(await timeout(1, () => 42), 42);
    assert.equal(
      await timeout(1, async () => await sleep(0.5, "late but in time")),
      "late but in time",
    );
    assert.equal(await timeout(null, () => sleep(10, "no deadline")), "no deadline");
  });
});

test("timeout() expiry cancels the body's await and throws TimeoutError caused by it", async () => {
  await go(async () => {
    let cm: Timeout | undefined;
    let seen: unknown;
    const err = await timeout(0.01, async (t) => {
      cm = t;
      try {
        await sleep(10);
      } catch (e) {
        seen = e;
        throw e;
      }
    }).catch((e) => e);
    assert.ok(err instanceof TimeoutError);
    assert.ok(seen instanceof CancelledError);
    assert.equal(err.cause, seen);
    assert.equal(cm?.expired(), true);
    assert.equal(getRunningLoop().time(), 0.01);
  });
  // cpython: test_timeouts.py TimeoutTests.test_timeout_basic
  // cpython: test_timeouts.py TimeoutTests.test_waiter_cancelled
});

test("timeoutAt() uses an absolute deadline and reports it with when()", async () => {
  await go(async () => {
    const deadline = getRunningLoop().time() + 0.01;
    let cm: Timeout | undefined;
    await assert.rejects(
      timeoutAt(deadline, async (t) => {
        cm = t;
        await sleep(10);
      }),
      TimeoutError,
    );
    assert.equal(cm?.expired(), true);
    assert.equal(cm?.when(), deadline);
  });
  // cpython: test_timeouts.py TimeoutTests.test_timeout_at_basic
});

test("timeout() that does not fire: expired() is false and when() is the deadline", async () => {
  await go(async () => {
    const cm = await timeout(10, async (t) => {
      await sleep(0.01);
      return t;
    });
    assert.equal(cm.expired(), false);
    assert.ok((cm.when() as number) > getRunningLoop().time());
  });
  // cpython: test_timeouts.py TimeoutTests.test_timeout_not_called
});

test("timeout(null) and timeoutAt(null) never expire and have when() === null", async () => {
  await go(async () => {
    for (const make of [timeout, timeoutAt]) {
      const cm = await make(null, async (t: Timeout) => {
        await sleep(100);
        return t;
      });
      assert.equal(cm.expired(), false);
      assert.equal(cm.when(), null);
    }
  });
  // cpython: test_timeouts.py TimeoutTests.test_timeout_disabled
  // cpython: test_timeouts.py TimeoutTests.test_timeout_at_disabled
});

test("timeout(0) lets the body run until its first await, which it cancels", async () => {
  await go(async () => {
    const loop = getRunningLoop();
    const t0 = loop.time();
    let reached = false;
    let cm: Timeout | undefined;
    await assert.rejects(
      timeout(0, async (t) => {
        cm = t;
        reached = true;
        await sleep(10);
      }),
      TimeoutError,
    );
    assert.equal(reached, true);
    assert.equal(cm?.expired(), true);
    assert.ok(t0 <= (cm?.when() as number) && (cm?.when() as number) <= loop.time());
  });
  // cpython: test_timeouts.py TimeoutTests.test_timeout_zero
});

test("timeout(0) and a deadline in the past throw around await sleep(0)", async () => {
  await go(async () => {
    await assert.rejects(timeout(0, () => sleep(0)), TimeoutError);
    let cm: Timeout | undefined;
    await assert.rejects(
      timeout(-11, (t) => {
        cm = t;
        return sleep(0);
      }),
      TimeoutError,
    );
    assert.equal(cm?.expired(), true);
    assert.ok((cm?.when() as number) <= getRunningLoop().time());
  });
  // cpython: test_timeouts.py TimeoutTests.test_timeout_zero_sleep_zero
  // cpython: test_timeouts.py TimeoutTests.test_timeout_in_the_past_sleep_zero
});

test("timeout(0) around a body that never suspends completes with its value", async () => {
  await go(async () => {
    let cm: Timeout | undefined;
    const value = await timeout(0, (t) => {
      cm = t;
      return "done";
    });
    assert.equal(value, "done");
    assert.equal(cm?.expired(), false);
    assert.equal(inspect(cm), "<Timeout [finished]>");
    const asyncValue = await timeout(0, async () => "async, no await");
    assert.equal(asyncValue, "async, no await");
  });
});

test("timeout() passes other errors through when it did not expire", async () => {
  await go(async () => {
    let cm: Timeout | undefined;
    await assert.rejects(
      timeout(0.01, (t) => {
        cm = t;
        throw new KeyError("k");
      }),
      KeyError,
    );
    assert.equal(cm?.expired(), false);
  });
  // cpython: test_timeouts.py TimeoutTests.test_foreign_exception_passed
});

test("timeout() lets an error raised while handling the cancellation through", async () => {
  await go(async () => {
    const crash = async () => {
      try {
        await sleep(1);
      } finally {
        // deno-lint-ignore no-unsafe-finally
        throw new RangeError("crash in cleanup");
      }
    };
    let cm: Timeout | undefined;
    await assert.rejects(
      timeout(0.01, (t) => {
        cm = t;
        return crash();
      }),
      RangeError,
    );
    assert.equal(cm?.expired(), true);
  });
  // cpython: test_timeouts.py TimeoutTests.test_foreign_exception_on_timeout
});

test("timeout() converts a CancelledError raised in a finally after another error", async () => {
  await go(async () => {
    const err = await timeout(0.01, async () => {
      try {
        throw new RangeError("first");
      } finally {
        await sleep(1);
      }
    }).catch((e) => e);
    assert.ok(err instanceof TimeoutError);
    assert.ok(err.cause instanceof CancelledError);
  });
  // cpython: test_timeouts.py TimeoutTests.test_timeout_exception_context
});

test("timeout() never converts an outside task.cancel() into TimeoutError", async () => {
  await go(async () => {
    let cm: Timeout | undefined;
    await assert.rejects(
      timeout(10, async (t) => {
        cm = t;
        currentTask()?.cancel();
        await sleep(10);
      }),
      CancelledError,
    );
    assert.equal(cm?.expired(), false);
  });
  // cpython: test_timeouts.py TimeoutTests.test_foreign_cancel_doesnt_timeout_if_not_expired
});

test("timeout() gives CancelledError when task.cancel() and the deadline coincide", async () => {
  await go(async () => {
    let cm: Timeout | undefined;
    const child = createTask(() =>
      timeout(1, async (t) => {
        cm = t;
        await sleep(10);
      })
    );
    const loop = getRunningLoop();
    // Due at the deadline too, scheduled before it: it runs first, in the
    // same loop turn.
    loop.callAt(1, () => child.cancel("outside"));
    const err = await child.then(() => null, (e) => e);
    assert.ok(err instanceof CancelledError);
    assert.equal(child.cancelled(), true);
    assert.equal(cm?.expired(), true);
  });
});

test("timeout() leaves the task not cancelled after a handled expiry", async () => {
  await go(async () => {
    const task = createTask(async () => {
      await assert.rejects(timeout(0.001, () => sleep(10)), TimeoutError);
      assert.equal(currentTask()?.cancelling(), 0);
      await sleep(0.01); // not cancelled again
      return "finished";
    });
    assert.equal(await task, "finished");
    assert.equal(task.cancelled(), false);
  });
  // cpython: test_timeouts.py TimeoutTests.test_outer_task_is_not_cancelled
});

test("nested timeouts expiring together: the inner lets CancelledError through, the outer throws TimeoutError", async () => {
  await go(async () => {
    const deadline = getRunningLoop().time() + 0.01;
    let cm1: Timeout | undefined;
    let cm2: Timeout | undefined;
    let innerSaw: unknown;
    await assert.rejects(
      timeoutAt(deadline, async (t1) => {
        cm1 = t1;
        try {
          await timeoutAt(deadline, async (t2) => {
            cm2 = t2;
            await sleep(10);
          });
        } catch (e) {
          innerSaw = e;
          throw e;
        }
      }),
      TimeoutError,
    );
    assert.ok(innerSaw instanceof CancelledError);
    assert.equal(cm1?.expired(), true);
    assert.equal(cm2?.expired(), true);
  });
  // cpython: test_timeouts.py TimeoutTests.test_nested_timeouts
});

test("nested timeouts: an inner one that did not expire lets the outer's CancelledError through", async () => {
  await go(async () => {
    let innerSaw: unknown;
    let inner: Timeout | undefined;
    await assert.rejects(
      timeout(0.002, async () => {
        try {
          await timeout(0.1, async (t) => {
            inner = t;
            void vloop().advance(0.01); // the loop is busy past the outer deadline
            await sleep(1);
          });
        } catch (e) {
          innerSaw = e;
          throw e;
        }
      }),
      TimeoutError,
    );
    assert.ok(innerSaw instanceof CancelledError);
    assert.equal(inner?.expired(), false);
  });
  // cpython: test_timeouts.py TimeoutTests.test_nested_timeouts_concurrent
});

test("nested timeouts after a busy loop: the inner lets CancelledError through to the outer", async () => {
  await go(async () => {
    const loop = getRunningLoop();
    const t0 = loop.time();
    let innerSaw: unknown;
    await assert.rejects(
      timeout(0.1, async () => {
        try {
          await timeout(0.01, async () => {
            void vloop().advance(0.1); // both deadlines pass before the next await
            await sleep(1);
          });
        } catch (e) {
          innerSaw = e;
          if (!(e instanceof TimeoutError)) throw e;
        }
        await sleep(10); // not reached: the outer deadline passed too
      }),
      TimeoutError,
    );
    assert.ok(innerSaw instanceof CancelledError);
    assert.ok(loop.time() - t0 <= 1);
  });
  // cpython: test_timeouts.py TimeoutTests.test_nested_timeouts_loop_busy
});

test("Timeout.reschedule() moves and clears the deadline while active", async () => {
  await go(async () => {
    const loop = getRunningLoop();
    const fut = new Future<Timeout>();
    const deadline1 = loop.time() + 10;
    const deadline2 = deadline1 + 20;
    const task = createTask(() =>
      timeoutAt(deadline1, async (cm) => {
        fut.setResult(cm);
        await sleep(50);
      })
    );
    const cm = await fut;
    assert.equal(cm.when(), deadline1);
    cm.reschedule(deadline2);
    assert.equal(cm.when(), deadline2);
    cm.reschedule(null);
    assert.equal(cm.when(), null);
    task.cancel();
    await assert.rejects(task.then(), CancelledError);
    assert.equal(cm.expired(), false);
  });
  // cpython: test_timeouts.py TimeoutTests.test_reschedule
});

test("Timeout.reschedule() to a later deadline keeps the body running", async () => {
  await go(async () => {
    const loop = getRunningLoop();
    const value = await timeout(0.01, async (cm) => {
      cm.reschedule(loop.time() + 1);
      return await sleep(0.5, "extended");
    });
    assert.equal(value, "extended");
  });
});

test("Timeout.reschedule() throws by state: not entered, expiring, expired, finished", async () => {
  await go(async () => {
    assert.throws(() => new Timeout(1).reschedule(2), /has not been entered/);
    const finished = await timeout(0.01, (cm) => cm);
    assert.throws(() => finished.reschedule(0.02), RuntimeError);
    assert.throws(() => finished.reschedule(0.02), /Cannot change state of finished Timeout/);
    let expired: Timeout | undefined;
    await assert.rejects(
      timeout(0.01, async (cm) => {
        expired = cm;
        await sleep(1);
      }),
      TimeoutError,
    );
    assert.throws(() => expired?.reschedule(0.02), /expired/);
    await timeout(0.01, async (cm) => {
      await assert.rejects(sleep(1), CancelledError);
      assert.throws(() => cm.reschedule(0.02), /Cannot change state of expiring Timeout/);
    });
  });
  // cpython: test_timeouts.py TimeoutTests.test_timeout_not_entered
  // cpython: test_timeouts.py TimeoutTests.test_timeout_finished
  // cpython: test_timeouts.py TimeoutTests.test_timeout_expired
  // cpython: test_timeouts.py TimeoutTests.test_timeout_expiring
});

test("Timeout reprs: active with when, expired, finished, disabled", async () => {
  await go(async () => {
    await timeout(10, (cm) => {
      assert.match(inspect(cm), /^<Timeout \[active\] when=\d+(\.\d*)?>$/);
      assert.equal(String(cm), inspect(cm));
    });
    let expired: Timeout | undefined;
    await assert.rejects(
      timeout(0.01, (cm) => {
        expired = cm;
        return sleep(10);
      }),
      TimeoutError,
    );
    assert.equal(inspect(expired), "<Timeout [expired]>");
    const finished = await timeout(10, async (cm) => {
      await sleep(0);
      return cm;
    });
    assert.equal(inspect(finished), "<Timeout [finished]>");
    await timeout(null, (cm) => assert.equal(inspect(cm), "<Timeout [active] when=None>"));
    assert.equal(inspect(new Timeout(5)), "<Timeout [created]>");
  });
  // cpython: test_timeouts.py TimeoutTests.test_repr_active
  // cpython: test_timeouts.py TimeoutTests.test_repr_expired
  // cpython: test_timeouts.py TimeoutTests.test_repr_finished
  // cpython: test_timeouts.py TimeoutTests.test_repr_disabled
});

test("timeout() in a finally of an expired timeout gets its own TimeoutError", async () => {
  await go(async () => {
    let innerErr: unknown;
    const outerErr = await timeout(0.01, async () => {
      try {
        await sleep(1);
      } finally {
        innerErr = await timeout(0.01, () => sleep(10)).catch((e) => e);
      }
    }).catch((e) => e);
    assert.ok(outerErr instanceof TimeoutError);
    assert.ok(outerErr.cause instanceof CancelledError);
    assert.ok(innerErr instanceof TimeoutError);
    assert.ok((innerErr as TimeoutError).cause instanceof CancelledError);
    assert.notEqual((innerErr as TimeoutError).cause, outerErr.cause);
  });
  // cpython: test_timeouts.py TimeoutTests.test_nested_timeout_in_finally
});

test("timeout() works in a finally after the task swallowed a cancellation", async () => {
  await go(async () => {
    try {
      currentTask()?.cancel();
      await sleep(1);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
    } finally {
      await assert.rejects(timeout(0, () => sleep(1)), TimeoutError);
    }
  });
  // cpython: test_timeouts.py TimeoutTests.test_timeout_after_cancellation
});

test("timeout() after a swallowed cancellation still passes a new task.cancel() through", async () => {
  await go(async () => {
    try {
      currentTask()?.cancel();
      await sleep(1);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
    } finally {
      await assert.rejects(
        timeout(1, async () => {
          currentTask()?.cancel();
          await sleep(2);
        }),
        CancelledError,
      );
    }
  });
  // cpython: test_timeouts.py TimeoutTests.test_cancel_in_timeout_after_cancellation
});

test("timeout() outside a task throws RuntimeError", async () => {
  await go(async () => {
    const loop = getRunningLoop();
    const fut = new Future<unknown>();
    loop.callSoon(() => {
      timeout(0.01, () => 1).then((v) => fut.setResult(v), (e) => fut.setException(e));
    });
    await assert.rejects(
      fut.then(),
      (e) => e instanceof RuntimeError && /inside a task/.test(e.message),
    );
  });
  // cpython: test_timeouts.py TimeoutTests.test_timeout_without_task
});

test("timeout() around a taskGroup whose child crashes during cancellation throws the ExceptionGroup", async () => {
  await go(async () => {
    const crashing = async () => {
      try {
        await sleep(2);
      } finally {
        // deno-lint-ignore no-unsafe-finally
        throw new RangeError("crash in cleanup");
      }
    };
    const err = await timeout(0.01, () =>
      taskGroup(async (tg) => {
        tg.createTask(crashing);
        try {
          throw new KeyError("body");
        } finally {
          await sleep(1);
        }
      })).catch((e) => e);
    assert.ok(err instanceof ExceptionGroup);
    assert.equal(err.exceptions.length, 1);
    assert.ok(err.exceptions[0] instanceof RangeError);
  });
  // cpython: test_timeouts.py TimeoutTests.test_timeout_taskgroup
});

test("timeout() scope isolation: only the awaits inside the body are cancelled", async () => {
  await go(async () => {
    const steps: string[] = [];
    const slowA = async () => {
      try {
        await sleep(1);
        steps.push("A finished");
      } catch (e) {
        steps.push("A cancelled");
        throw e;
      }
    };
    const slowB = async () => {
      await sleep(0.5);
      steps.push("B finished");
      return "B";
    };
    const [a, b] = await Promise.all([
      timeout(0.01, slowA).catch((e) => e),
      slowB(),
    ]);
    assert.ok(a instanceof TimeoutError);
    assert.equal(b, "B");
    assert.deepEqual(steps, ["A cancelled", "B finished"]);
    assert.equal(currentTask()?.cancelling(), 0);
  });
});

test("timeout() body returning a task: the expiry cancels that task", async () => {
  await go(async () => {
    const child = createTask(() => sleep(10, "never"));
    await assert.rejects(timeout(0.01, () => child), TimeoutError);
    assert.equal(child.cancelled(), true);
  });
});

test("timeout() deadline does not change task.cancelling()", async () => {
  await go(async () => {
    await timeout(0.01, async () => {
      try {
        await sleep(1);
      } catch (e) {
        assert.ok(e instanceof CancelledError);
        assert.equal(currentTask()?.cancelling(), 0);
      }
    });
    assert.equal(currentTask()?.cancelling(), 0);
  });
});

test("timeout() with outside cancellation arriving after the expiry delivers one CancelledError", async () => {
  await go(async () => {
    const loop = getRunningLoop();
    const steps: string[] = [];
    const task = createTask(async () => {
      try {
        await timeout(0.01, async () => {
          // Due at the deadline, scheduled after it: the deadline has already
          // cancelled the sleep when this cancel() runs, in the same turn.
          const me = currentTask();
          loop.callAt(0.01, () => me?.cancel());
          try {
            await sleep(1);
          } finally {
            steps.push("body cancelled");
          }
        });
      } catch (e) {
        steps.push(`caught ${(e as Error).name}`);
      }
      await sleep(0.1); // the outside cancel was merged into the first delivery
      steps.push("went on");
      return currentTask()?.cancelling();
    });
    assert.equal(await task, 1);
    assert.deepEqual(steps, ["body cancelled", "caught CancelledError", "went on"]);
  });
});

test("timeout() with a delay that is not a number rejects with TypeError", async () => {
  await go(async () => {
    await assert.rejects(timeout("5" as unknown as number, () => 1), TypeError);
    await assert.rejects(timeoutAt(Number.NaN, () => 1), TypeError);
  });
});

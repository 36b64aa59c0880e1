// deno-lint-ignore-file require-await -- task bodies and mains are async functions that may not await
// taskGroup() / TaskGroup: waiting for children, failure handling, outside
// cancellation, nesting, createTask() refusals, and scope isolation.
import { inspect } from "node:util";
import {
  CancelledError,
  createTask,
  currentTask,
  ExceptionGroup,
  Future,
  getRunningLoop,
  KeyboardInterrupt,
  run,
  RuntimeError,
  sleep,
  type Task,
  TaskGroup,
  taskGroup,
  timeout,
  TimeoutError,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

function go<T>(main: () => Promise<T>): Promise<T> {
  return run(main, virtual);
}

class MyExc extends Error {
  override name = "MyExc";
}
// Stands in for Python's ZeroDivisionError.
class ZeroDivision extends Error {
  override name = "ZeroDivision";
}

function errorTypes(eg: unknown): Set<unknown> {
  assert.ok(eg instanceof ExceptionGroup, `expected an ExceptionGroup, got ${String(eg)}`);
  return new Set(eg.exceptions.map((e) => (e as object).constructor));
}

async function settle(aw: PromiseLike<unknown>): Promise<unknown> {
  try {
    await aw;
    return undefined;
  } catch (e) {
    return e;
  }
}

test("taskGroup() waits for every child and returns the body's value", async () => {
  await go(async () => {
    let t1: Task<number> | undefined;
    let t2: Task<number> | undefined;
    const value = await taskGroup((g) => {
      t1 = g.createTask(() => sleep(0.1, 42));
      t2 = g.createTask(() => sleep(0.2, 11));
      return "body";
    });
    assert.equal(value, "body");
    assert.equal(t1?.result(), 42);
    assert.equal(t2?.result(), 11);
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_01
});

test("taskGroup() children created after the body awaited are waited for too", async () => {
  await go(async () => {
    let t1: Task<number> | undefined;
    let t2: Task<number> | undefined;
    await taskGroup(async (g) => {
      t1 = g.createTask(() => sleep(0.1, 42));
      await sleep(0.15);
      t2 = g.createTask(() => sleep(0.2, 11));
    });
    assert.equal(t1?.result(), 42);
    assert.equal(t2?.result(), 11);
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_02
});

test("taskGroup() ignores a child that was cancelled on its own", async () => {
  await go(async () => {
    let t1: Task<number> | undefined;
    let t2: Task<number> | undefined;
    await taskGroup(async (g) => {
      t1 = g.createTask(() => sleep(1, 42));
      await sleep(0.15);
      t1.cancel();
      t2 = g.createTask(() => sleep(0.2, 11));
    });
    assert.equal(t1?.cancelled(), true);
    assert.equal(t2?.result(), 11);
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_03
});

test("taskGroup() a child failure cancels the siblings and throws ExceptionGroup", async () => {
  await go(async () => {
    let num = 0;
    let t2Cancelled = false;
    let t2: Task<void> | undefined;
    const runner = createTask(async () => {
      await taskGroup((g) => {
        g.createTask(async () => {
          await sleep(0.1);
          throw new ZeroDivision();
        });
        t2 = g.createTask(async () => {
          try {
            await sleep(1);
          } catch (e) {
            t2Cancelled = true;
            throw e;
          }
          num += 1;
        });
      });
      num += 10;
    });
    const err = await settle(runner);
    assert.deepEqual(errorTypes(err), new Set([ZeroDivision]));
    assert.equal((err as Error).message, "unhandled errors in a TaskGroup");
    assert.equal(num, 0);
    assert.equal(t2Cancelled, true);
    assert.equal(t2?.cancelled(), true);
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_04
});

test("taskGroup() a child failure also cancels the body's pending await", async () => {
  await go(async () => {
    let num = 0;
    let t2Cancelled = false;
    let bodyCancelled = false;
    const foo1 = async () => {
      await sleep(0.1);
      throw new ZeroDivision();
    };
    const runner = createTask(async () => {
      await taskGroup(async (g) => {
        g.createTask(foo1);
        g.createTask(foo1);
        g.createTask(foo1);
        g.createTask(async () => {
          try {
            await sleep(5);
          } catch (e) {
            t2Cancelled = true;
            throw e;
          }
          num += 1;
        });
        try {
          await sleep(10);
        } catch (e) {
          bodyCancelled = true;
          throw e;
        }
      });
      num += 10;
    });
    const err = await settle(runner);
    assert.deepEqual(errorTypes(err), new Set([ZeroDivision]));
    assert.equal(num, 0);
    assert.equal(t2Cancelled, true);
    assert.equal(bodyCancelled, true);
    assert.equal(getRunningLoop().time(), 0.1);
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_cancel_children_on_child_error
});

test("taskGroup() cancelled from outside cancels every child and throws CancelledError", async () => {
  await go(async () => {
    let num = 0;
    const foo = async () => {
      try {
        await sleep(5);
      } catch (e) {
        num += 1;
        throw e;
      }
    };
    const r = createTask(() =>
      taskGroup((g) => {
        for (let i = 0; i < 5; i++) g.createTask(foo);
      })
    );
    await sleep(0.1);
    assert.equal(r.done(), false);
    r.cancel();
    assert.ok(await settle(r) instanceof CancelledError);
    assert.equal(num, 5);
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_cancellation
});

test("taskGroup() cancelled from outside: the body's await sees the CancelledError too", async () => {
  await go(async () => {
    let num = 0;
    const foo = async () => {
      try {
        await sleep(5);
      } catch (e) {
        num += 1;
        throw e;
      }
    };
    const r = createTask(() =>
      taskGroup(async (g) => {
        for (let i = 0; i < 5; i++) g.createTask(foo);
        try {
          await sleep(10);
        } catch (e) {
          num += 10;
          throw e;
        }
      })
    );
    await sleep(0.1);
    r.cancel();
    assert.ok(await settle(r) instanceof CancelledError);
    assert.equal(num, 15);
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_07
});

test("taskGroup() cancelled from outside with children failing in cleanup throws ExceptionGroup", async () => {
  await go(async () => {
    const foo = async () => {
      try {
        await sleep(10);
      } finally {
        // deno-lint-ignore no-unsafe-finally
        throw new ZeroDivision();
      }
    };
    const r = createTask(() =>
      taskGroup(async (g) => {
        for (let i = 0; i < 5; i++) g.createTask(foo);
        await sleep(10);
      })
    );
    await sleep(0.1);
    r.cancel();
    assert.deepEqual(errorTypes(await settle(r)), new Set([ZeroDivision]));
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_08
});

test("taskGroup() body error cancels the children and is in the ExceptionGroup", async () => {
  await go(async () => {
    for (const awaitFirst of [true, false]) {
      let t1: Task<number> | undefined;
      let t2: Task<number> | undefined;
      const err = await settle(taskGroup(async (g) => {
        t1 = g.createTask(() => sleep(1, 42));
        t2 = g.createTask(() => sleep(2, 11));
        if (awaitFirst) await sleep(0.1);
        throw new ZeroDivision();
      }));
      assert.deepEqual(errorTypes(err), new Set([ZeroDivision]));
      assert.equal(t1?.cancelled(), true);
      assert.equal(t2?.cancelled(), true);
    }
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_09
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_10
});

test("taskGroup() nested groups give nested ExceptionGroups", async () => {
  await go(async () => {
    const foo = async () => {
      try {
        await sleep(10);
      } finally {
        // deno-lint-ignore no-unsafe-finally
        throw new ZeroDivision();
      }
    };
    for (const outerChild of [false, true]) {
      const r = createTask(() =>
        taskGroup(async (g1) => {
          if (outerChild) g1.createTask(() => sleep(10));
          await taskGroup(async (g2) => {
            for (let i = 0; i < 5; i++) g2.createTask(foo);
            await sleep(10);
          });
        })
      );
      await sleep(0.1);
      r.cancel();
      const err = await settle(r);
      assert.deepEqual(errorTypes(err), new Set([ExceptionGroup]));
      assert.deepEqual(errorTypes((err as ExceptionGroup).exceptions[0]), new Set([ZeroDivision]));
    }
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_11
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_12
});

test("taskGroup() nested: which group fails first decides the nesting", async () => {
  await go(async () => {
    const crashAfter = (t: number) => async () => {
      await sleep(t);
      throw new MyExc(String(t));
    };
    // The outer child fails first: the inner group is cancelled, not failed.
    let err = await settle(taskGroup(async (g1) => {
      g1.createTask(crashAfter(0.1));
      await taskGroup((g2) => {
        g2.createTask(crashAfter(10));
      });
    }));
    assert.deepEqual(errorTypes(err), new Set([MyExc]));
    // The inner child fails first: its group's error is an error of the outer.
    err = await settle(taskGroup(async (g1) => {
      g1.createTask(crashAfter(10));
      await taskGroup((g2) => {
        g2.createTask(crashAfter(0.1));
      });
    }));
    assert.deepEqual(errorTypes(err), new Set([ExceptionGroup]));
    assert.deepEqual(errorTypes((err as ExceptionGroup).exceptions[0]), new Set([MyExc]));
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_13
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_14
});

test("taskGroup() outside cancellation, then a child fails while the body cleans up: ExceptionGroup", async () => {
  await go(async () => {
    const crashSoon = async () => {
      await sleep(0.3);
      throw new ZeroDivision();
    };
    const nestedRunner = () =>
      taskGroup(async (g1) => {
        g1.createTask(crashSoon);
        try {
          await sleep(10);
        } catch (e) {
          await sleep(0.5);
          throw e;
        }
      });
    for (const wrapped of [false, true]) {
      const r = wrapped ? createTask(() => createTask(nestedRunner)) : createTask(nestedRunner);
      await sleep(0.1);
      r.cancel();
      assert.deepEqual(errorTypes(await settle(r)), new Set([ZeroDivision]));
    }
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_15
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_16
});

test("taskGroup() without children cancelled from outside throws CancelledError", async () => {
  await go(async () => {
    let num = 0;
    const r = createTask(() =>
      taskGroup(async () => {
        try {
          await sleep(10);
        } catch (e) {
          num += 10;
          throw e;
        }
      })
    );
    await sleep(0.1);
    r.cancel();
    assert.ok(await settle(r) instanceof CancelledError);
    assert.equal(num, 10);
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_17
});

test("taskGroup() body turning the cancellation into another error: ExceptionGroup of it", async () => {
  await go(async () => {
    let num = 0;
    const r = createTask(() =>
      taskGroup(async () => {
        try {
          await sleep(10);
        } catch {
          num += 10;
          throw new MyExc();
        }
      })
    );
    await sleep(0.1);
    r.cancel();
    assert.deepEqual(errorTypes(await settle(r)), new Set([MyExc]));
    assert.equal(num, 10);
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_18
});

test("taskGroup() the body's own error joins the children's errors", async () => {
  await go(async () => {
    const err = await settle(taskGroup(async (g) => {
      g.createTask(async () => {
        await sleep(0.1);
        throw new ZeroDivision();
      });
      try {
        await sleep(10);
      } finally {
        // deno-lint-ignore no-unsafe-finally
        throw new MyExc();
      }
    }));
    assert.deepEqual(errorTypes(err), new Set([MyExc, ZeroDivision]));
    // The children's errors come first, the body's last.
    assert.ok((err as ExceptionGroup).exceptions[1] instanceof MyExc);
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_19
});

test("taskGroup() KeyboardInterrupt from the body wins, unwrapped", async () => {
  await go(async () => {
    const err = await settle(taskGroup(async (g) => {
      g.createTask(async () => {
        await sleep(0.1);
        throw new ZeroDivision();
      });
      try {
        await sleep(10);
      } finally {
        // deno-lint-ignore no-unsafe-finally
        throw new KeyboardInterrupt();
      }
    }));
    assert.ok(err instanceof KeyboardInterrupt);
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_20
});

test("taskGroup() cancelled from outside while children run: CancelledError", async () => {
  await go(async () => {
    const r = createTask(() =>
      taskGroup((g) => {
        g.createTask(() => sleep(1, 42));
        g.createTask(() => sleep(2, 11));
      })
    );
    await sleep(0.05);
    r.cancel();
    assert.ok(await settle(r) instanceof CancelledError);
    assert.equal(r.cancelled(), true);
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_22
});

test("taskGroup() finished children leave the group as they finish", async () => {
  await go(async () => {
    await taskGroup(async (g) => {
      for (let count = 0; count < 10; count++) {
        await sleep(0.1);
        g.createTask(() => sleep(0.3));
        if (count === 5) assert.match(inspect(g), /tasks=[1-4] /);
      }
      await sleep(1.35);
      assert.equal(inspect(g), "<TaskGroup entered>");
    });
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_23
});

test("TaskGroup.createTask() children may add children while the group is exiting", async () => {
  await go(async () => {
    const finished: number[] = [];
    await taskGroup((g) => {
      g.createTask(async () => {
        await sleep(0.1);
        g.createTask(async () => finished.push(await sleep(0.1, 1)));
        g.createTask(async () => finished.push(await sleep(0.2, 2)));
      });
    });
    assert.deepEqual(finished, [1, 2]);
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_24
});

test("TaskGroup.createTask() hydra: children multiply until a sibling fails", async () => {
  await go(async () => {
    let nhydras = 0;
    const hydra = async (g: TaskGroup): Promise<void> => {
      nhydras += 1;
      await sleep(0.01);
      g.createTask(() => hydra(g));
      g.createTask(() => hydra(g));
    };
    const hercules = async () => {
      while (nhydras < 10) await sleep(0.015);
      throw new ZeroDivision();
    };
    const err = await settle(taskGroup((g) => {
      g.createTask(() => hydra(g));
      g.createTask(hercules);
    }));
    assert.deepEqual(errorTypes(err), new Set([ZeroDivision]));
    assert.ok(nhydras >= 10);
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_25
});

test("TaskGroup.createTask() passes the task name", async () => {
  await go(async () => {
    await taskGroup((g) => {
      const t = g.createTask(() => sleep(0), { name: "yolo" });
      assert.equal(t.getName(), "yolo");
    });
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_task_name
});

test("TaskGroup.createTask() after a failure throws RuntimeError: shutting down", async () => {
  await go(async () => {
    let refused: unknown;
    const err = await settle(taskGroup((g) => {
      g.createTask(async () => {
        await sleep(0.001);
        throw new ZeroDivision();
      });
      g.createTask(async () => {
        try {
          await sleep(1);
        } catch {
          try {
            g.createTask(() => sleep(0));
          } catch (e) {
            refused = e;
          }
        }
      });
    }));
    assert.deepEqual(errorTypes(err), new Set([ZeroDivision]));
    assert.ok(refused instanceof RuntimeError);
    assert.match((refused as Error).message, /TaskGroup .* is shutting down/);
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_no_create_task_after_failure
});

test("taskGroup() error in the body's cleanup and a child error: cancelling() back to 0", async () => {
  await go(async () => {
    const main = createTask(async () => {
      const task = currentTask() as Task<unknown>;
      const err = await settle(taskGroup(async (tg) => {
        try {
          tg.createTask(async () => {
            throw new MyExc("child");
          });
          await sleep(1);
        } finally {
          // deno-lint-ignore no-unsafe-finally
          throw new MyExc("cleanup");
        }
      }));
      assert.equal(task.cancelling(), 0);
      assert.deepEqual(errorTypes(err), new Set([MyExc]));
      assert.equal((err as ExceptionGroup).exceptions.length, 2);
    });
    await main;
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_context_manager_exit_raises
});

test("TaskGroup.createTask() before the block and after it throw RuntimeError", async () => {
  await go(async () => {
    assert.throws(() => new TaskGroup().createTask(() => sleep(0)), /has not been entered/);
    const g = await taskGroup((tg) => tg);
    assert.throws(() => g.createTask(() => sleep(0)), /is finished/);
    assert.equal(inspect(g), "<TaskGroup entered>");
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_not_entered
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_finished
});

test("taskGroup() outside a task throws RuntimeError", async () => {
  await go(async () => {
    const fut = new Future<unknown>();
    getRunningLoop().callSoon(() => {
      taskGroup(() => 1).then((v) => fut.setResult(v), (e) => fut.setException(e));
    });
    const err = await settle(fut);
    assert.ok(err instanceof RuntimeError);
    assert.match((err as Error).message, /parent task/);
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_taskgroup_without_parent_task
});

test("taskGroup() handled failure leaves cancelling() at its entry value", async () => {
  await go(async () => {
    const err = await settle(taskGroup((tg) => {
      tg.createTask(async () => {
        await sleep(0);
        throw new RuntimeError();
      });
    }));
    assert.deepEqual(errorTypes(err), new Set([RuntimeError]));
    assert.equal(currentTask()?.cancelling(), 0);
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_cancelling_level_preserved
});

test("taskGroup() nested groups failing together: both errors surface, cancelling() stays 0", async () => {
  await go(async () => {
    const raiseAfter = (t: number, E: new() => Error) => async () => {
      await sleep(t);
      throw new E();
    };
    let innerErr: unknown;
    const outerErr = await settle(taskGroup(async (outer) => {
      innerErr = await settle(taskGroup((inner) => {
        inner.createTask(raiseAfter(0, RuntimeError));
        outer.createTask(raiseAfter(0, MyExc));
      }));
      // Differences from asyncio: the scope's cancellation is not counted
      // on the task (asyncio shows 1 here).
      assert.equal(currentTask()?.cancelling(), 0);
    }));
    assert.deepEqual(errorTypes(innerErr), new Set([RuntimeError]));
    assert.deepEqual(errorTypes(outerErr), new Set([MyExc]));
    assert.equal(currentTask()?.cancelling(), 0);
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_nested_groups_both_cancelled
});

test("taskGroup() outside cancel plus child error: ExceptionGroup, and the task stays cancel-pending", async () => {
  await go(async () => {
    const started = new Future<void>();
    let afterGroup = "";
    const inner = createTask(async () => {
      const err = await settle(taskGroup(async (tg) => {
        tg.createTask(async () => {
          started.setResult();
          await sleep(0);
          throw new RuntimeError();
        });
        await sleep(1);
        afterGroup = "sleep in group was not cancelled";
      }));
      assert.deepEqual(errorTypes(err), new Set([RuntimeError]));
      assert.equal(currentTask()?.cancelling(), 1);
      await sleep(1);
      afterGroup = "sleep after group was not cancelled";
    });
    await started;
    assert.equal(inner.cancelling(), 0);
    inner.cancel();
    assert.equal(inner.cancelling(), 1);
    assert.ok(await settle(inner) instanceof CancelledError);
    assert.equal(inner.cancelled(), true);
    assert.equal(afterGroup, "");
  });
  // cpython: test_taskgroups.py TestTaskGroup.test_error_and_cancel
});

test("taskGroup() scope isolation: a failing child cancels only the body's awaits", async () => {
  await go(async () => {
    const steps: string[] = [];
    const failing = taskGroup(async (tg) => {
      tg.createTask(async () => {
        await sleep(0.01);
        throw new MyExc();
      });
      try {
        await sleep(1);
      } catch (e) {
        steps.push("body cancelled");
        throw e;
      }
    });
    const slowB = async () => {
      await sleep(0.5);
      steps.push("B finished");
      return "B";
    };
    const [a, b] = await Promise.all([settle(failing), slowB()]);
    assert.deepEqual(errorTypes(a), new Set([MyExc]));
    assert.equal(b, "B");
    assert.deepEqual(steps, ["body cancelled", "B finished"]);
  });
});

test("TaskGroup repr shows tasks, errors and state", async () => {
  await go(async () => {
    const g = new TaskGroup();
    assert.equal(inspect(g), "<TaskGroup>");
    let during = "";
    const err = await settle(taskGroup(async (tg) => {
      tg.createTask(() => sleep(1));
      assert.equal(inspect(tg), "<TaskGroup tasks=1 entered>");
      tg.createTask(async () => {
        throw new MyExc();
      });
      try {
        await sleep(1);
      } catch (e) {
        during = inspect(tg);
        throw e;
      }
    }));
    assert.ok(err instanceof ExceptionGroup);
    assert.equal(during, "<TaskGroup tasks=1 errors=1 cancelling>");
  });
});

test("taskGroup() an eager child failing at creation still fails the group", async () => {
  await go(async () => {
    let bodyWentOn = false;
    const err = await settle(taskGroup(async (tg) => {
      tg.createTask(async () => {
        throw new MyExc("eager");
      }, { eagerStart: true });
      await sleep(0);
      await sleep(1);
      bodyWentOn = true;
    }));
    assert.deepEqual(errorTypes(err), new Set([MyExc]));
    assert.equal(bodyWentOn, false);
  });
});

test("taskGroup() inside an expiring timeout: children are cancelled and the timeout throws", async () => {
  await go(async () => {
    let child: Task<void> | undefined;
    const err = await settle(timeout(1, () =>
      taskGroup((tg) => {
        child = tg.createTask(() => sleep(5));
      })));
    assert.ok(err instanceof TimeoutError);
    assert.equal(child?.cancelled(), true);
    assert.equal(getRunningLoop().time(), 1);
  });
});

test("taskGroup() that outlives most of its children still counts and cancels the rest", async () => {
  await go(async () => {
    const gate = new Future<void>();
    let cancelled = 0;
    await assert.rejects(
      taskGroup(async (g) => {
        const slow = async () => {
          try {
            await gate;
          } catch (e) {
            if (e instanceof CancelledError) cancelled++;
            throw e;
          }
        };
        for (let i = 0; i < 3; i++) g.createTask(slow);
        for (let i = 0; i < 200; i++) g.createTask(() => sleep(0.001 * (i % 10)));
        await sleep(0.1);
        // 200 children done, 3 left: only those count.
        assert.equal(inspect(g), "<TaskGroup tasks=3 entered>");
        for (let i = 0; i < 100; i++) g.createTask(() => sleep(0));
        await sleep(0.1);
        assert.equal(inspect(g), "<TaskGroup tasks=3 entered>");
        g.createTask(async () => {
          throw new Error("boom");
        });
        await sleep(1);
      }),
      (e: unknown) => e instanceof ExceptionGroup && e.exceptions.length === 1,
    );
    // The failure cancelled exactly the three children still pending.
    assert.equal(cancelled, 3);
  });
});

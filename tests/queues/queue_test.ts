// Queue: order, maxsize backpressure, the Nowait forms, waiting getters and
// putters, cancellation races, join()/taskDone(), reprs, binding, async
// iteration. The join and shutdown matrices run for all three classes.
import {
  CancelledError,
  createTask,
  Event,
  getRunningLoop,
  LifoQueue,
  PriorityQueue,
  Queue,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  run,
  RuntimeError,
  sleep,
  type Task,
  taskGroup,
  TimeoutError,
  ValueError,
  VirtualTimeEventLoop,
  waitFor,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

const CLASSES = [
  ["Queue", Queue],
  ["LifoQueue", LifoQueue],
  ["PriorityQueue", PriorityQueue],
] as const;

async function outcome(aw: PromiseLike<unknown>): Promise<unknown> {
  try {
    return await aw;
  } catch (err) {
    return err;
  }
}

// ---- basics ---------------------------------------------------------------

test("Queue repr shows maxsize, items, getters, putters, tasks", async () => {
  await run(async () => {
    assert.equal(String(new Queue()), "<Queue maxsize=0>");
    let q = new Queue<number>();
    await taskGroup(async (tg) => {
      const getter = tg.createTask(() => q.get());
      await sleep(0);
      assert.equal(String(q), "<Queue maxsize=0 _getters[1]>");
      q.putNowait(0);
      assert.equal(await getter, 0);
    });
    q = new Queue<number>({ maxsize: 1 });
    await taskGroup(async (tg) => {
      q.putNowait(1);
      const putter = tg.createTask(() => q.put(2));
      await sleep(0);
      assert.equal(String(q), "<Queue maxsize=1 _queue=[1] _putters[1] tasks=1>");
      q.getNowait();
      await putter;
    });
    q = new Queue<number>();
    q.putNowait(1);
    assert.equal(String(q), "<Queue maxsize=0 _queue=[1] tasks=1>");
    const s = new Queue<string>({ maxsize: 3 });
    s.putNowait("a");
    assert.equal(String(s), "<Queue maxsize=3 _queue=['a'] tasks=1>");
  }, virtual);
  // cpython: test_queues.py QueueBasicTests.test_repr
  // cpython: test_queues.py QueueBasicTests.test_str
});

test("Queue.empty() and Queue.full() follow the items", async () => {
  await run(async () => {
    const q = new Queue<number>();
    assert.ok(q.empty());
    await q.put(1);
    assert.ok(!q.empty());
    assert.equal(await q.get(), 1);
    assert.ok(q.empty());
    assert.equal(q.full(), false);
    const bounded = new Queue<number>({ maxsize: 1 });
    await bounded.put(1);
    assert.ok(bounded.full());
    assert.equal(bounded.maxsize, 1);
  }, virtual);
  // cpython: test_queues.py QueueBasicTests.test_empty
  // cpython: test_queues.py QueueBasicTests.test_full
});

test("Queue, LifoQueue and PriorityQueue return items in FIFO, LIFO and priority order", async () => {
  await run(async () => {
    const expected = { Queue: [1, 3, 2], LifoQueue: [2, 3, 1], PriorityQueue: [1, 2, 3] };
    for (const [name, Cls] of CLASSES) {
      const q = new Cls<number>();
      for (const i of [1, 3, 2]) await q.put(i);
      const items = [await q.get(), await q.get(), await q.get()];
      assert.deepEqual(items, expected[name], name);
    }
  }, virtual);
  // cpython: test_queues.py QueueBasicTests.test_order
  // cpython: test_queues.py LifoQueueTests.test_order
  // cpython: test_queues.py PriorityQueueTests.test_order
});

test("Queue.put() waits while the queue is full", async () => {
  await run(async () => {
    const q = new Queue<number>({ maxsize: 2 });
    assert.equal(q.maxsize, 2);
    const haveBeenPut: number[] = [];
    const t = createTask(async () => {
      for (let i = 0; i < 3; i++) {
        await q.put(i);
        haveBeenPut.push(i);
      }
      return true;
    });
    await sleep(0);
    await sleep(0);
    assert.deepEqual(haveBeenPut, [0, 1]);
    assert.equal(await q.get(), 0);
    await sleep(0);
    assert.deepEqual(haveBeenPut, [0, 1, 2]);
    assert.equal(await q.get(), 1);
    assert.equal(await q.get(), 2);
    assert.ok(t.done());
    assert.equal(t.result(), true);
  }, virtual);
  // cpython: test_queues.py QueueBasicTests.test_maxsize
});

test("Queue({ maxsize }) rejects what is not a number; a fractional maxsize rounds up", async () => {
  assert.throws(() => new Queue({ maxsize: "3" as unknown as number }), TypeError);
  await run(async () => {
    let q = new Queue<number>({ maxsize: 1.3 });
    q.putNowait(1);
    q.putNowait(2);
    assert.ok(q.full());
    assert.throws(() => q.putNowait(3), QueueFull);
    q = new Queue<number>({ maxsize: 1.3 });
    await q.put(1);
    await q.put(2);
    assert.ok(q.full());
  }, virtual);
  // cpython: test_queues.py QueuePutTests.test_float_maxsize
});

// ---- get ------------------------------------------------------------------

test("Queue.get() returns a queued item at once", async () => {
  await run(async () => {
    const q = new Queue<number>();
    q.putNowait(1);
    assert.equal(await q.get(), 1);
  }, virtual);
  // cpython: test_queues.py QueueGetTests.test_blocking_get
});

test("Queue.get() frees a slot for a waiting putter", async () => {
  await run(async () => {
    const q = new Queue<number>({ maxsize: 1 });
    await q.put(1);
    const putter = createTask(() => q.put(2));
    await sleep(0);
    assert.equal(String(q), "<Queue maxsize=1 _queue=[1] _putters[1] tasks=1>");
    assert.equal(await q.get(), 1);
    await putter;
    assert.equal(q.getNowait(), 2);
  }, virtual);
  // cpython: test_queues.py QueueGetTests.test_get_with_putters
});

test("Queue.get() waits until an item is put", async () => {
  await run(async () => {
    const q = new Queue<number>();
    const started = new Event();
    let finished = false;
    const task = createTask(async () => {
      started.set();
      const res = await q.get();
      finished = true;
      return res;
    });
    await started.wait();
    assert.equal(finished, false);
    getRunningLoop().callLater(0.01, () => q.putNowait(1));
    assert.equal(await task, 1);
    assert.ok(finished);
  }, virtual);
  // cpython: test_queues.py QueueGetTests.test_blocking_get_wait
});

test("Queue.getNowait() returns an item or throws QueueEmpty", () => {
  const q = new Queue<number>();
  q.putNowait(1);
  assert.equal(q.getNowait(), 1);
  assert.throws(() => q.getNowait(), QueueEmpty);
  // cpython: test_queues.py QueueGetTests.test_nonblocking_get
  // cpython: test_queues.py QueueGetTests.test_nonblocking_get_exception
});

test("Queue.get() cancelled while waiting does not take the next item", async () => {
  await run(async () => {
    const q = new Queue<string>();
    const t1 = createTask(() => q.get());
    const t2 = createTask(() => q.get());
    await sleep(0);
    t1.cancel();
    await sleep(0);
    assert.ok(t1.done());
    await q.put("a");
    await sleep(0);
    assert.equal(await t2, "a");
  }, virtual);
  // cpython: test_queues.py QueueGetTests.test_get_cancelled_race
});

test("Queue.get() takes items of waiting putters in order", async () => {
  await run(async () => {
    const q = new Queue<string>({ maxsize: 1 });
    const a = createTask(() => q.put("a"));
    const b = createTask(() => q.put("b"));
    assert.equal(await q.get(), "a");
    assert.equal(await q.get(), "b");
    await a;
    await b;
  }, virtual);
  // cpython: test_queues.py QueueGetTests.test_get_with_waiting_putters
});

test("Queue: a producer and a consumer through Queue(1) both finish", async () => {
  await run(async () => {
    const q = new Queue<number>({ maxsize: 1 });
    const got: number[] = [];
    await taskGroup((tg) => {
      tg.createTask(async () => {
        for (let i = 0; i < 5; i++) got.push(await q.get());
      });
      tg.createTask(async () => {
        for (let i = 0; i < 5; i++) await q.put(i);
      });
    });
    assert.deepEqual(got, [0, 1, 2, 3, 4]);
  }, virtual);
  // cpython: test_queues.py QueueGetTests.test_why_are_getters_waiting
});

test("Queue.get() timed out leaves no getter behind", async () => {
  await run(async () => {
    const q = new Queue<number>({ maxsize: 5 });
    await assert.rejects(() => waitFor(() => q.get(), 0.1), TimeoutError);
    assert.equal(String(q), "<Queue maxsize=5>");
  }, virtual);
  // cpython: test_queues.py QueueGetTests.test_cancelled_getters_not_being_held_in_self_getters
});

// ---- put ------------------------------------------------------------------

test("Queue.put() on an unbounded queue never waits", async () => {
  await run(async () => {
    const q = new Queue<number>();
    await q.put(1);
    assert.equal(await q.get(), 1);
  }, virtual);
  // cpython: test_queues.py QueuePutTests.test_blocking_put
});

test("Queue.put() waits for a free slot", async () => {
  await run(async () => {
    const q = new Queue<number>({ maxsize: 1 });
    const started = new Event();
    let finished = false;
    getRunningLoop().callLater(0.01, () => q.getNowait());
    const task = createTask(async () => {
      started.set();
      await q.put(1);
      await q.put(2);
      finished = true;
    });
    await started.wait();
    assert.equal(finished, false);
    await task;
    assert.ok(finished);
  }, virtual);
  // cpython: test_queues.py QueuePutTests.test_blocking_put_wait
});

test("Queue.putNowait() stores an item or throws QueueFull", () => {
  const q = new Queue<number>();
  q.putNowait(1);
  assert.equal(q.getNowait(), 1);
  const bounded = new Queue<number>({ maxsize: 1 });
  bounded.putNowait(1);
  assert.throws(() => bounded.putNowait(2), QueueFull);
  // cpython: test_queues.py QueuePutTests.test_nonblocking_put
  // cpython: test_queues.py QueuePutTests.test_nonblocking_put_exception
});

test("Queue.get() cancelled after it was woken does not drop the item", async () => {
  await run(async () => {
    const q = new Queue<number>();
    let reader = createTask(() => q.get());
    await sleep(0);
    q.putNowait(1);
    q.putNowait(2);
    reader.cancel();
    try {
      await reader;
    } catch (err) {
      assert.ok(err instanceof CancelledError);
      reader = createTask(() => q.get());
      await reader;
    }
    assert.equal(reader.result(), 1);
  }, virtual);
  // cpython: test_queues.py QueuePutTests.test_get_cancel_drop_one_pending_reader
});

test("Queue.get() woken for an item getNowait() took first waits again, still cancellable", async () => {
  await run(async () => {
    const q = new Queue<number>();
    const first = createTask(() => q.get());
    await sleep(0);
    q.putNowait(1); // wakes the getter...
    assert.equal(q.getNowait(), 1); // ...but the item goes before it resumes
    await sleep(0);
    assert.equal(first.done(), false);
    assert.match(String(q), /_getters\[1\]/);
    q.putNowait(2);
    assert.equal(await first, 2);
    const second = createTask(() => q.get());
    await sleep(0);
    q.putNowait(3);
    q.getNowait();
    await sleep(0);
    second.cancel();
    assert.ok((await outcome(second)) instanceof CancelledError);
    assert.doesNotMatch(String(q), /_getters/);
  }, virtual);
  // cpython: the `while self.empty()` loop of Queue.get() (queues.py)
});

test("Queue.put() woken for a slot putNowait() took first waits again", async () => {
  await run(async () => {
    const q = new Queue<string>({ maxsize: 1 });
    q.putNowait("a");
    const putter = createTask(() => q.put("b"));
    await sleep(0);
    assert.equal(q.getNowait(), "a"); // wakes the putter...
    q.putNowait("c"); // ...but the slot goes before it resumes
    await sleep(0);
    assert.equal(putter.done(), false);
    assert.equal(q.getNowait(), "c");
    await sleep(0);
    assert.equal(putter.done(), true);
    assert.equal(q.getNowait(), "b");
  }, virtual);
  // cpython: the `while self.full()` loop of Queue.put() (queues.py)
});

test("Queue.get(): one of several woken readers cancelled, the others get every item", async () => {
  await run(async () => {
    const q = new Queue<number>();
    let reader2!: Task<number>;
    let reader3!: Task<number>;
    await taskGroup(async (tg) => {
      const reader1 = tg.createTask(() => q.get());
      reader2 = tg.createTask(() => q.get());
      reader3 = tg.createTask(() => q.get());
      await sleep(0);
      q.putNowait(1);
      q.putNowait(2);
      reader1.cancel();
      await assert.rejects(async () => await reader1, CancelledError);
      await reader3;
    });
    assert.deepEqual(new Set([reader2.result(), reader3.result()]), new Set([1, 2]));
  }, virtual);
  // cpython: test_queues.py QueuePutTests.test_get_cancel_drop_many_pending_readers
});

test("Queue.put() cancelled after it was woken does not drop the slot", async () => {
  await run(async () => {
    const q = new Queue<number>({ maxsize: 1 });
    q.putNowait(1);
    let writer = createTask(() => q.put(2));
    await sleep(0);
    assert.equal(q.getNowait(), 1);
    writer.cancel();
    try {
      await writer;
    } catch (err) {
      assert.ok(err instanceof CancelledError);
      writer = createTask(() => q.put(2));
      await writer;
    }
    assert.equal(q.getNowait(), 2);
    assert.equal(q.qsize(), 0);
  }, virtual);
  // cpython: test_queues.py QueuePutTests.test_put_cancel_drop
});

test("Queue.put() into an unbounded queue wakes the getter", async () => {
  await run(async () => {
    const q = new Queue<number>();
    const t = createTask(async () => {
      await q.put(1);
      return true;
    });
    assert.equal(await q.get(), 1);
    assert.ok(t.done());
    assert.equal(t.result(), true);
  }, virtual);
  // cpython: test_queues.py QueuePutTests.test_put_cancelled
});

test("Queue.put() cancelled while waiting never puts its item", async () => {
  await run(async () => {
    const q = new Queue<string>({ maxsize: 1 });
    const putA = createTask(() => q.put("a"));
    const putB = createTask(() => q.put("b"));
    const putC = createTask(() => q.put("X"));
    await sleep(0);
    assert.ok(putA.done());
    assert.ok(!putB.done());
    putC.cancel();
    await sleep(0);
    assert.ok(putC.done());
    assert.equal(q.getNowait(), "a");
    await sleep(0);
    assert.equal(q.getNowait(), "b");
    await putB;
    assert.ok(q.empty());
  }, virtual);
  // cpython: test_queues.py QueuePutTests.test_put_cancelled_race
});

test("Queue.put() hands the item to a waiting getter", async () => {
  await run(async () => {
    const q = new Queue<string>();
    const t = createTask(() => q.get());
    await sleep(0);
    await q.put("a");
    assert.equal(await t, "a");
  }, virtual);
  // cpython: test_queues.py QueuePutTests.test_put_with_waiting_getters
});

test("Queue: putters blocked on a full queue all finish once it drains", async () => {
  await run(async () => {
    const q = new Queue<number>({ maxsize: 2 });
    await taskGroup((tg) => {
      tg.createTask(async () => {
        await sleep(0);
        const num = q.qsize();
        for (let i = 0; i < num; i++) q.getNowait();
      });
      for (const i of [0, 1, 2, 3]) tg.createTask(() => q.put(i));
    });
    assert.equal(q.qsize(), 2);
  }, virtual);
  // cpython: test_queues.py QueuePutTests.test_why_are_putters_waiting
});

test("Queue.put() cancelled leaves no putter behind", async () => {
  await run(async () => {
    const q = new Queue<number>({ maxsize: 1 });
    q.putNowait(1);
    const putTask = createTask(() => q.put(1));
    await sleep(0);
    assert.match(String(q), /_putters\[1\]/);
    putTask.cancel();
    await assert.rejects(async () => await putTask, CancelledError);
    assert.doesNotMatch(String(q), /_putters/);
  }, virtual);
  // cpython: test_queues.py QueuePutTests.test_cancelled_puts_not_being_held_in_self_putters
});

test("Queue.put() cancelled after getNowait() woke it throws CancelledError", async () => {
  await run(async () => {
    const q = new Queue<number>({ maxsize: 1 });
    q.putNowait(1);
    const putTask = createTask(() => q.put(1));
    await sleep(0);
    q.getNowait();
    putTask.cancel();
    await assert.rejects(async () => await putTask, CancelledError);
    assert.ok(q.empty());
  }, virtual);
  // cpython: test_queues.py QueuePutTests.test_cancelled_put_silence_value_error_exception
});

// ---- join / taskDone (all classes) ---------------------------------------

for (const [name, Cls] of CLASSES) {
  test(`${name}.taskDone() without an unfinished item throws ValueError`, () => {
    const q = new Cls<number>();
    assert.throws(
      () => q.taskDone(),
      (e) => e instanceof ValueError && /task_done\(\) called too many times/.test(e.message),
    );
    // cpython: test_queues.py _QueueJoinTestMixin.test_task_done_underflow
  });

  test(`${name}.join() waits until taskDone() was called for every item`, async () => {
    await run(async () => {
      const q = new Cls<number>();
      for (let i = 0; i < 100; i++) q.putNowait(i);
      let accumulator = 0;
      let running = true;
      await taskGroup(async (tg) => {
        const worker = async () => {
          while (running) {
            const item = await q.get();
            accumulator += item;
            q.taskDone();
          }
        };
        const tasks = [tg.createTask(worker), tg.createTask(worker)];
        await q.join();
        assert.equal(accumulator, 4950);
        running = false;
        for (let i = 0; i < tasks.length; i++) q.putNowait(0);
      });
    }, virtual);
    // cpython: test_queues.py _QueueJoinTestMixin.test_task_done
  });

  test(`${name}.join() on an empty queue returns at once`, async () => {
    await run(async () => {
      const q = new Cls<number>();
      await q.join();
      await q.join();
    }, virtual);
    // cpython: test_queues.py _QueueJoinTestMixin.test_join_empty_queue
  });

  test(`${name} repr shows unfinished tasks and shutdown`, () => {
    const q = new Cls<number>();
    assert.equal(q._format(), "maxsize=0");
    q.putNowait(5);
    q.putNowait(6);
    q.getNowait();
    q.getNowait();
    assert.equal(q._format(), "maxsize=0 tasks=2");
    q.shutdown();
    assert.equal(String(q), `<${name} maxsize=0 tasks=2 shutdown>`);
    // cpython: test_queues.py _QueueJoinTestMixin.test_format
    // cpython: test_queues.py _QueueShutdownTestMixin.test_format
  });

  // ---- shutdown (all classes) --------------------------------------------

  test(`${name}.shutdown() of an empty queue wakes getters with QueueShutDown`, async () => {
    await run(async () => {
      const q = new Cls<string>();
      const getTask = createTask(() => q.get());
      await sleep(0);
      q.shutdown(false);
      assert.equal(q.qsize(), 0);
      await q.join();
      await sleep(0);
      assert.ok(getTask.done());
      await assert.rejects(async () => await getTask, QueueShutDown);
      await assert.rejects(() => q.put("data"), QueueShutDown);
      assert.throws(() => q.putNowait("data"), QueueShutDown);
      await assert.rejects(() => q.get(), QueueShutDown);
      assert.throws(() => q.getNowait(), QueueShutDown);
    }, virtual);
    // cpython: test_queues.py _QueueShutdownTestMixin.test_shutdown_empty
  });

  test(`${name}.shutdown() of a non-empty queue fails putters, keeps items for getters`, async () => {
    await run(async () => {
      const q = new Cls<string>({ maxsize: 1 });
      q.putNowait("data");
      const joinTask = createTask(() => q.join());
      const putTask = createTask(() => q.put("data2"));
      await sleep(0);
      assert.ok(!putTask.done());
      q.shutdown(false);
      assert.equal(q.qsize(), 1);
      await sleep(0);
      assert.ok(putTask.done());
      await assert.rejects(async () => await putTask, QueueShutDown);
      assert.equal(await q.get(), "data");
      await sleep(0);
      assert.ok(!joinTask.done());
      await assert.rejects(() => q.put("data"), QueueShutDown);
      assert.throws(() => q.putNowait("data"), QueueShutDown);
      await assert.rejects(() => q.get(), QueueShutDown);
      assert.throws(() => q.getNowait(), QueueShutDown);
      q.taskDone();
      await sleep(0);
      assert.ok(joinTask.done());
      await joinTask;
      assert.throws(() => q.taskDone(), ValueError);
    }, virtual);
    // cpython: test_queues.py _QueueShutdownTestMixin.test_shutdown_nonempty
  });

  test(`${name}.shutdown(true) drops the items and releases join()`, async () => {
    await run(async () => {
      const q = new Cls<string>();
      q.putNowait("data");
      const joinTask = createTask(() => q.join());
      q.shutdown(true);
      assert.equal(q.qsize(), 0);
      await sleep(0);
      assert.ok(joinTask.done());
      await joinTask;
      await assert.rejects(() => q.put("data"), QueueShutDown);
      assert.throws(() => q.putNowait("data"), QueueShutDown);
      await assert.rejects(() => q.get(), QueueShutDown);
      assert.throws(() => q.getNowait(), QueueShutDown);
      assert.throws(() => q.taskDone(), ValueError);
    }, virtual);
    // cpython: test_queues.py _QueueShutdownTestMixin.test_shutdown_immediate
  });

  test(`${name}.shutdown(true) keeps items already got unfinished`, async () => {
    await run(async () => {
      const q = new Cls<string>();
      q.putNowait("data");
      q.putNowait("data");
      const joinTask = createTask(() => q.join());
      assert.equal(await q.get(), "data");
      q.shutdown(true);
      assert.equal(q.qsize(), 0);
      await sleep(0);
      assert.ok(!joinTask.done());
      await assert.rejects(() => q.put("data"), QueueShutDown);
      assert.throws(() => q.putNowait("data"), QueueShutDown);
      await assert.rejects(() => q.get(), QueueShutDown);
      assert.throws(() => q.getNowait(), QueueShutDown);
      q.taskDone();
      assert.throws(() => q.taskDone(), ValueError);
      await sleep(0);
      assert.ok(joinTask.done());
      await joinTask;
    }, virtual);
    // cpython: test_queues.py _QueueShutdownTestMixin.test_shutdown_immediate_with_unfinished
  });

  test(`${name}.shutdown(true) fails blocked getters and putters, and can be repeated`, async () => {
    await run(async () => {
      const empty = new Cls<number>();
      const getter = createTask(() => empty.get());
      const full = new Cls<number>({ maxsize: 1 });
      full.putNowait(1);
      const putter = createTask(() => full.put(2));
      await sleep(0);
      empty.shutdown(true);
      full.shutdown(true);
      full.shutdown(true);
      assert.ok(await outcome(getter) instanceof QueueShutDown);
      assert.ok(await outcome(putter) instanceof QueueShutDown);
      assert.equal(full.qsize(), 0);
      assert.equal(String(full), `<${name} maxsize=1 shutdown>`);
    }, virtual);
  });

  test(`${name}: for await ends quietly at shutdown, after the remaining items`, async () => {
    await run(async () => {
      const q = new Cls<number>();
      const seen: number[] = [];
      const consumer = createTask(async () => {
        for await (const item of q) {
          seen.push(item);
          q.taskDone();
        }
        return "ended";
      });
      for (const i of [3, 1, 2]) await q.put(i);
      await q.join();
      await q.put(7);
      q.shutdown();
      assert.equal(await consumer, "ended");
      assert.equal(seen.length, 4);
      assert.deepEqual([...seen].sort(), [1, 2, 3, 7]);
    }, virtual);
  });
}

test("Queue async iterator: break stops iterating without touching the queue", async () => {
  await run(async () => {
    const q = new Queue<number>();
    for (const i of [1, 2, 3]) q.putNowait(i);
    const seen: number[] = [];
    for await (const item of q) {
      seen.push(item);
      if (item === 2) break;
    }
    assert.deepEqual(seen, [1, 2]);
    assert.equal(q.qsize(), 1);
  }, virtual);
});

test("Queue async iterator: cancelling the consumer while it waits rejects with CancelledError", async () => {
  await run(async () => {
    const q = new Queue<number>();
    const consumer = createTask(async () => {
      for await (const _ of q) {
        // nothing arrives
      }
    });
    await sleep(0);
    consumer.cancel();
    await assert.rejects(async () => await consumer, CancelledError);
    assert.equal(String(q), "<Queue maxsize=0>");
  }, virtual);
});

test("Queue binds to the loop of its first blocking use", async () => {
  const q = new Queue<number>();
  await run(async () => {
    const getter = createTask(() => q.get());
    await sleep(0);
    q.putNowait(1);
    assert.equal(await getter, 1);
  }, virtual);
  await run(async () => {
    q.putNowait(2); // non-blocking forms do not check
    assert.equal(await q.get(), 2);
    await assert.rejects(
      () => q.get(),
      (e) => e instanceof RuntimeError && /bound to a different event loop/.test(e.message),
    );
  }, virtual);
});

test("Queue(n), LifoQueue(n) and PriorityQueue(n) take a number as maxsize, as Python's positional argument", async () => {
  for (const [, Class] of CLASSES) {
    const q = new Class<number>(2);
    assert.equal(q.maxsize, 2);
    q.putNowait(1);
    q.putNowait(2);
    assert.ok(q.full());
    assert.throws(() => q.putNowait(3), QueueFull);
  }
  // Backpressure: put() waits while the queue holds maxsize items.
  await run(async () => {
    const q = new Queue<number>(1);
    await q.put(1);
    const putter = createTask(() => q.put(2));
    await sleep(0);
    assert.equal(putter.done(), false);
    assert.equal(await q.get(), 1);
    await putter;
    assert.equal(q.qsize(), 1);
  }, virtual);
  assert.equal(new Queue(0).full(), false);
});

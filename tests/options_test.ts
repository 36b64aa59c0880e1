// The options checker (_options.ts) and every options object of the public
// API: an unknown key is a TypeError naming it and the known ones (Python's
// "unexpected keyword argument"), anything but a plain object where the
// options go is a TypeError, and nothing starts before the check.
import { argumentTypeError, checkOptions, describeValue, markChecked } from "../_options.ts";
import { getRunningLoop, run, Runner } from "../loop/mod.ts";
import { LifoQueue, PriorityQueue, Queue } from "../queues/mod.ts";
import {
  asCompleted,
  coroutine,
  createTask,
  ensureFuture,
  Future,
  gather,
  staggeredRace,
  Task,
  taskGroup,
  timeout,
  timeoutAt,
  wait,
} from "../tasks/mod.ts";
import { VirtualTimeEventLoop } from "../testing/mod.ts";
import { assert, test } from "./_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

/** Matches a TypeError whose message contains every fragment. */
function typeError(...fragments: string[]): (e: unknown) => boolean {
  return (e) => {
    assert.ok(e instanceof TypeError, `expected a TypeError, got ${String(e)}`);
    for (const f of fragments) {
      assert.ok(e.message.includes(f), `${JSON.stringify(e.message)} lacks ${JSON.stringify(f)}`);
    }
    return true;
  };
}

// A body that records whether it ever ran.
function body(log: string[], name = "body"): () => Promise<void> {
  return () => {
    log.push(name);
    return Promise.resolve();
  };
}

// ---- the checker -----------------------------------------------------------

test("checkOptions() accepts undefined and plain objects with known keys", () => {
  checkOptions(undefined, ["a"], "do x");
  checkOptions({}, ["a"], "do x");
  checkOptions({ a: 1, b: undefined }, ["a", "b"], "do x");
  checkOptions(Object.assign(Object.create(null), { a: 1 }), ["a"], "do x");
});

test("checkOptions() names an unknown key, the closest known one and the list", () => {
  assert.throws(
    () => checkOptions({ maxSize: 10 }, ["maxsize"], "create Queue"),
    (e) =>
      e instanceof TypeError
      && e.message
        === "Cannot create Queue: got an unexpected keyword argument 'maxSize' (did you mean 'maxsize'?); known options: maxsize",
  );
  assert.throws(
    () => checkOptions({ return_exceptions: true }, ["returnExceptions"], "call gather()"),
    typeError("'return_exceptions'", "did you mean 'returnExceptions'?"),
  );
  assert.throws(
    () => checkOptions({ nmae: "x" }, ["loop", "name", "eagerStart"], "create Task"),
    typeError("'nmae'", "did you mean 'name'?", "known options: loop, name, eagerStart"),
  );
  assert.throws(
    () => checkOptions({ colour: "red" }, ["name"], "create task"),
    (e) => e instanceof TypeError && !e.message.includes("did you mean"),
  );
  assert.throws(() => checkOptions({ x: 1 }, [], "do x"), typeError("'x'", "it takes none"));
});

test("checkOptions() refuses what is not a plain object where options go", () => {
  const cases: [unknown, string][] = [
    [null, "not null"],
    [10, "not the number 10"],
    ["fast", "not the string 'fast'"],
    [true, "not the boolean true"],
    [[1], "not an array"],
    [() => 1, "not a function"],
    [Promise.resolve(1), "not a Promise"],
    [new Map(), "not a Map"],
    [new (class Settings {})(), "not a Settings"],
  ];
  for (const [value, expected] of cases) {
    assert.throws(
      () => checkOptions(value, ["timeout"], "call wait()"),
      typeError("Cannot call wait(): options must be a plain object like { timeout }", expected),
    );
  }
});

test("checkOptions() skips an object marked by markChecked()", () => {
  const marked = markChecked({ loop: 1, extra: 2 });
  checkOptions(marked, ["loop"], "create Future");
  assert.deepEqual(Object.keys(marked), ["loop", "extra"]);
  assert.deepEqual({ ...markChecked({ a: 1 }) }, { a: 1 });
});

test("describeValue() and argumentTypeError() describe the value and hint the positional form", () => {
  assert.equal(describeValue(undefined), "undefined");
  assert.equal(describeValue({}), "an object");
  assert.equal(describeValue(new Error("x")), "an Error");
  assert.equal(describeValue("x".repeat(50)).length < 60, true);
  const e = argumentTypeError({ name: "Semaphore" }, "value", { value: 3 });
  assert.equal(
    e.message,
    "Cannot create Semaphore: value must be a number, not an object; write new Semaphore(3)",
  );
});

// ---- every public options object ------------------------------------------

test("createTask(), loop.createTask() and TaskGroup.createTask() check their options", async () => {
  const log: string[] = [];
  await run(async () => {
    assert.throws(() => createTask(body(log), { nmae: "x" } as never), typeError("'nmae'", "name"));
    assert.throws(
      () => createTask(body(log), { eager_start: true } as never),
      typeError("'eager_start'", "did you mean 'eagerStart'?"),
    );
    assert.throws(() => createTask(body(log), "worker" as never), typeError("the string 'worker'"));
    assert.throws(
      () => getRunningLoop().createTask(body(log), { context: 1 } as never),
      typeError("Cannot create task", "'context'", "known options: name, eagerStart"),
    );
    await taskGroup((tg) => {
      assert.throws(() => tg.createTask(body(log), { Name: "x" } as never), typeError("'Name'"));
    });
    const task = createTask(body(log, "named"), { name: "ok", eagerStart: false });
    await task;
    assert.equal(task.getName(), "ok");
  }, virtual);
  assert.deepEqual(log, ["named"]);
});

test("coroutine() checks its options", () => {
  assert.throws(
    () => coroutine(() => Promise.resolve(1), { Name: "work" } as never),
    typeError("Cannot call coroutine()", "did you mean 'name'?"),
  );
  assert.equal(coroutine(() => Promise.resolve(1), { name: "work" }).name, "work");
});

test("run() and Runner check their options before making a loop", async () => {
  const log: string[] = [];
  await assert.rejects(
    run(body(log), { loop_factory: virtual.loopFactory } as never),
    typeError("Cannot call run()", "did you mean 'loopFactory'?"),
  );
  await assert.rejects(run(body(log), true as never), typeError("not the boolean true"));
  await assert.rejects(
    run(body(log), { loopFactory: 5 } as never),
    typeError("loopFactory must be a function"),
  );
  assert.throws(
    () => new Runner({ debg: true } as never),
    typeError("Cannot create Runner", "'debg'"),
  );
  assert.deepEqual(log, []);
});

test("Future, Task and ensureFuture() check their options", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    assert.throws(
      () => new Future({ lop: loop } as never),
      typeError("Cannot create Future", "'lop'"),
    );
    assert.throws(() => new Future(loop as never), typeError("not a VirtualTimeEventLoop"));
    const log: string[] = [];
    assert.throws(
      () => new Task(body(log), { loop, nam: "x" } as never),
      typeError("Cannot create Task", "'nam'", "known options: loop, name, eagerStart"),
    );
    const fut = new Future<number>({ loop });
    assert.throws(
      () => ensureFuture(fut, { Loop: loop } as never),
      typeError("call ensureFuture()", "'Loop'"),
    );
    assert.equal(ensureFuture(fut, { loop }), fut);
    fut.setResult(1);
    assert.equal(await fut, 1);
    assert.deepEqual(log, []);
  }, virtual);
});

test("wait() and asCompleted() check their options and their timeout", async () => {
  await run(async () => {
    const task = createTask(() => Promise.resolve(1));
    await assert.rejects(
      wait([task], { return_when: "FIRST_COMPLETED" } as never),
      typeError("call wait()", "did you mean 'returnWhen'?"),
    );
    await assert.rejects(wait([task], 5 as never), typeError("not the number 5"));
    await assert.rejects(wait([task], { timeout: "1" } as never), typeError("timeout must be"));
    assert.throws(
      () => asCompleted([task], { timeOut: 1 } as never),
      typeError("call asCompleted()", "did you mean 'timeout'?"),
    );
    assert.throws(() => asCompleted([task], { timeout: "1" } as never), typeError("timeout"));
    await task;
  }, virtual);
});

test("gather() checks its trailing options object", async () => {
  const log: string[] = [];
  await run(async () => {
    assert.throws(
      () => gather(body(log), { return_exceptions: true } as never),
      typeError("Cannot call gather()", "'return_exceptions'", "did you mean 'returnExceptions'?"),
    );
    const [r] = await gather(() => Promise.resolve(1), { returnExceptions: false });
    assert.equal(r, 1);
  }, virtual);
  assert.deepEqual(log, []);
});

test("timeout(), timeoutAt() and staggeredRace() check their arguments", async () => {
  await run(async () => {
    await assert.rejects(
      timeout({ delay: 1 } as never, () => 1),
      typeError("Cannot enter timeout(): delay must be a number or null, not an object"),
    );
    await assert.rejects(
      (timeout as (delay: number) => Promise<void>)(1),
      typeError("body must be a function, not undefined", "await timeout(delay, async (cm)"),
    );
    await assert.rejects(timeoutAt(null, 5 as never), typeError("body must be a function"));
    await assert.rejects(
      staggeredRace([() => Promise.resolve(1)], "0.1" as never),
      typeError("delay must be a number or null"),
    );
    await assert.rejects(staggeredRace(5 as never, null), typeError("coroFns must be an iterable"));
  }, virtual);
});

test("Queue, LifoQueue and PriorityQueue check their options", () => {
  for (const Class of [Queue, LifoQueue, PriorityQueue]) {
    assert.throws(
      () => new Class({ maxSize: 10 } as never),
      typeError(`Cannot create ${Class.name}`, "'maxSize'", "did you mean 'maxsize'?"),
    );
    assert.throws(() => new Class("10" as never), typeError("not the string '10'"));
    assert.throws(() => new Class(null as never), typeError("not null"));
    assert.throws(
      () => new Class({ maxsize: "10" } as never),
      typeError("maxsize must be a number"),
    );
  }
  assert.throws(
    () => new Queue({ maxsize: 1, compare: () => 0 } as never),
    typeError("'compare'", "known options: maxsize"),
  );
  assert.throws(
    () => new PriorityQueue({ compar: () => 0 } as never),
    typeError("did you mean 'compare'?", "known options: maxsize, compare"),
  );
  assert.equal(new PriorityQueue<number>({ maxsize: 3, compare: (a, b) => b - a }).maxsize, 3);
});

test("VirtualTimeEventLoop checks its options", () => {
  assert.throws(
    () => new VirtualTimeEventLoop({ autoJump: false } as never),
    typeError("Cannot create VirtualTimeEventLoop", "did you mean 'autojump'?"),
  );
  assert.throws(
    () => new VirtualTimeEventLoop({ start: "0" } as never),
    typeError("start must be a number"),
  );
  assert.throws(
    () => new VirtualTimeEventLoop({ autojump: "no" } as never),
    typeError("autojump must be a boolean"),
  );
  const loop = new VirtualTimeEventLoop({ start: 5, autojump: false });
  assert.equal(loop.time(), 5);
  loop.close();
});

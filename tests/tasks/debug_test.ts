// deno-lint-ignore-file require-await -- task bodies and mains are async functions that may not await
// Debug mode (loop.setDebug / run(..., { debug: true })): where futures and
// tasks were created (asyncio's source_traceback) in reprs and reports, and
// the running promises handed to calls that cannot cancel their work.
import {
  asCompleted,
  coroutine,
  createTask,
  ensureFuture,
  type ExceptionContext,
  Future,
  gather,
  getRunningLoop,
  logger,
  run,
  shield,
  sleep,
  VirtualTimeEventLoop,
  waitFor,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const debug = { loopFactory: () => new VirtualTimeEventLoop(), debug: true };
const noDebug = { loopFactory: () => new VirtualTimeEventLoop() };

// This file's name as stack frames show it (a path or URL; a bundle on Node).
const HERE = /debug_test\.(?:ts|mjs)/;

function collect(seen: ExceptionContext[]): void {
  getRunningLoop().setExceptionHandler((_loop, context) => void seen.push(context));
}

test("debug mode: a task's repr ends with where it was created", async () => {
  await run(async () => {
    const t = createTask(() => sleep(1));
    assert.match(String(t), /^<Task pending .* created at \S+:\d+:\d+>$/);
    assert.match(String(t), HERE);
    const f = new Future<number>();
    assert.match(String(f), /^<Future pending created at \S+:\d+:\d+>$/);
    assert.match(String(f), HERE);
    assert.match(t.toJSON().createdAt ?? "", HERE);
    t.cancel();
    f.cancel();
  }, debug);
  // cpython: test_tasks.py BaseTaskTests.test_task_repr
});

test("debug mode: the never-retrieved report carries source_traceback, printed as asyncio does", async () => {
  const seen: ExceptionContext[] = [];
  let printed = "";
  await run(async () => {
    collect(seen);
    createTask(async function failing() {
      throw new Error("nobody reads this");
    });
    await sleep(0);
    await sleep(0);
  }, debug);
  assert.equal(seen.length, 1);
  const context = seen[0] as ExceptionContext;
  assert.equal(context.message, "Task exception was never retrieved");
  const frames = context.source_traceback as string[];
  assert.ok(Array.isArray(frames) && frames.length > 0);
  // Most recent call last: the last frame is this test's createTask() call.
  assert.match(frames.at(-1) as string, HERE);
  assert.ok(frames.every((f) => f.startsWith("at ")));
  // The default handler prints it under asyncio's heading.
  const saved = logger.error;
  logger.error = (message) => void (printed = message);
  try {
    await run(async () => getRunningLoop().defaultExceptionHandler(context), noDebug);
  } finally {
    logger.error = saved;
  }
  assert.match(
    printed,
    /\nsource_traceback: Object created at \(most recent call last\):\n {2}at /,
  );
  assert.match(
    printed,
    /\nfuture: <Task finished name='Task-\d+' coro=<failing\(\)> exception=Error\('nobody reads this'\) created at /,
  );
  // cpython: test_tasks.py BaseTaskTests.test_task_source_traceback
});

test("without debug mode nothing is recorded: no created at, no source_traceback", async () => {
  const seen: ExceptionContext[] = [];
  await run(async () => {
    collect(seen);
    const t = createTask(async () => {
      throw new Error("plain");
    });
    assert.doesNotMatch(String(t), /created at/);
    assert.equal(t.toJSON().createdAt, undefined);
    await sleep(0);
    await sleep(0);
  }, noDebug);
  assert.equal(seen.length, 1);
  assert.equal("source_traceback" in (seen[0] as ExceptionContext), false);
});

test("debug mode: a running promise given to ensureFuture, gather, shield, waitFor, asCompleted is reported once, naming the call", async () => {
  const seen: ExceptionContext[] = [];
  await run(async () => {
    collect(seen);
    const p1 = sleep(0, 1);
    assert.equal(await ensureFuture(p1), 1);
    assert.deepEqual(await gather(sleep(0, 2), p1), [2, 1]); // p1 again: not reported twice
    assert.equal(await shield(sleep(0, 3)), 3);
    assert.equal(await waitFor(sleep(0, 4), 1), 4);
    for await (const f of asCompleted([sleep(0, 5)])) assert.equal(await f, 5);
  }, debug);
  const messages = seen.map((c) => c.message);
  assert.equal(messages.length, 5, messages.join("\n"));
  for (
    const [i, call] of ["ensureFuture", "gather", "shield", "waitFor", "asCompleted"].entries()
  ) {
    assert.match(
      messages[i] as string,
      new RegExp(`^${call}\\(\\) was given a running Promise: cancelling cannot stop its work`),
    );
    // The report points at the call in this file.
    assert.match((seen[i]!.source_traceback as string[]).at(-1) as string, HERE);
  }
});

test("debug mode: coroutines, functions and futures given to those calls are not reported", async () => {
  const seen: ExceptionContext[] = [];
  const double = coroutine(async (x: number) => x * 2);
  await run(async () => {
    collect(seen);
    const t = createTask(() => sleep(0, 1));
    assert.deepEqual(await gather(double(1), () => sleep(0, 3), t), [2, 3, 1]);
    assert.equal(await shield(() => sleep(0, 4)), 4);
    assert.equal(await waitFor(double(5), 1), 10);
  }, debug);
  assert.deepEqual(seen.map((c) => c.message), []);
});

test("without debug mode a running promise given to gather() is not reported", async () => {
  const seen: ExceptionContext[] = [];
  await run(async () => {
    collect(seen);
    assert.deepEqual(await gather(sleep(0, 1)), [1]);
  }, noDebug);
  assert.deepEqual(seen.map((c) => c.message), []);
});

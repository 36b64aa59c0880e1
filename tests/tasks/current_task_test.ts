// deno-lint-ignore-file require-await -- task bodies and mains are async functions that may not await
// currentTask() and allTasks().
import {
  allTasks,
  createTask,
  currentTask,
  EventLoop,
  getRunningLoop,
  run,
  RuntimeError,
  sleep,
  type Task,
  VirtualTimeEventLoop,
} from "../../mod.ts";
import { assert, test } from "../_suite.ts";

const virtual = { loopFactory: () => new VirtualTimeEventLoop() };

test("currentTask() is the task running the code, across awaits", async () => {
  await run(async () => {
    const main = currentTask();
    assert.ok(main !== null);
    const t = createTask(async () => {
      const before = currentTask();
      await sleep(0);
      return { before, after: currentTask() };
    });
    const { before, after } = await t;
    assert.equal(before, t);
    assert.equal(after, t);
    assert.equal(currentTask(), main);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_current_task
});

test("currentTask() inside each of 1,000 interleaved tasks is that task", async () => {
  await run(async () => {
    const N = 1000;
    let mismatches = 0;
    const tasks: Task<void>[] = [];
    for (let i = 0; i < N; i++) {
      tasks.push(createTask(async () => {
        const self = tasks[i];
        for (let step = 0; step < 3; step++) {
          if (currentTask() !== self) mismatches++;
          await sleep(step === 1 ? (i % 7) / 100 : 0);
        }
        if (currentTask() !== self) mismatches++;
      }));
    }
    for (const t of tasks) await t;
    assert.equal(mismatches, 0);
  }, virtual);
  // cpython: test_tasks.py BaseTaskTests.test_current_task_with_interleaving_tasks
});

test("currentTask() is null in plain loop callbacks", async () => {
  await run(async () => {
    const loop = getRunningLoop();
    const seen = await new Promise((resolve) =>
      loop.callSoon(() => resolve({ task: currentTask() }))
    );
    assert.deepEqual(seen, { task: null });
  }, virtual);
});

test("currentTask() without a running loop throws; with another loop it is null", async () => {
  assert.throws(() => currentTask(), RuntimeError);
  const other = new EventLoop();
  assert.equal(currentTask(other), null);
  await run(async () => {
    assert.equal(currentTask(other), null);
    assert.ok(currentTask(getRunningLoop()) !== null);
  }, virtual);
  other.close();
  // cpython: test_tasks.py BaseCurrentLoopTests.test_current_task_no_running_loop
});

test("allTasks() lists exactly the pending tasks of the loop", async () => {
  await run(async () => {
    const main = currentTask()!;
    assert.deepEqual([...allTasks()], [main]);
    const sleepers = [1, 2, 3].map((d) => createTask(() => sleep(d)));
    const quick = createTask(() => sleep(0));
    assert.deepEqual(allTasks(), new Set([main, ...sleepers, quick]));
    await quick;
    assert.deepEqual(allTasks(), new Set([main, ...sleepers]));
    await sleepers[0];
    assert.deepEqual(allTasks(), new Set([main, sleepers[1], sleepers[2]]));
    sleepers[1]!.cancel();
    await sleep(0);
    await sleep(0);
    assert.deepEqual(allTasks(), new Set([main, sleepers[2]]));
    await sleepers[2];
    assert.deepEqual(allTasks(), new Set([main]));
  }, virtual);
});

test("allTasks() excludes other loops' tasks and returns a copy", async () => {
  const other = new EventLoop();
  const foreign = other.createTask(async () => {});
  await run(async () => {
    const all = allTasks();
    assert.equal(all.has(foreign), false);
    all.clear();
    assert.equal(allTasks().size, 1);
    assert.deepEqual(allTasks(other), new Set([foreign]));
  }, virtual);
  await other.runUntilComplete(foreign);
  assert.equal(allTasks(other).size, 0);
  other.close();
});

// 4. Memory per pending task: N tasks each awaiting a Future; heap bytes per
// task (measured with a forced GC where the runtime allows it). unit: bytes/task
//
// `memory_floor` is the same measure for the floor of DESIGN.md §2: a bare
// async function entered in an async context of its own (AsyncLocalStorage,
// as bench/context_floor.ts), suspended on one pending promise. No loop, no
// Task, no cancellation: what the library adds per task is the difference.
import { AsyncLocalStorage } from "node:async_hooks";
import { createTask, Future, getRunningLoop, run, type Task } from "../mod.ts";
import { bench, exit, gc, heapUsed } from "./_harness.ts";

await bench({
  name: "memory",
  unit: "bytes/task",
  higherIsBetter: false,
  extra: { pyscript: "bench/memory.py" },
  n: 100_000,
  repeats: 3,
  warmup: 1,
  fn: (n) =>
    run(async () => {
      const loop = getRunningLoop();
      gc();
      const before = heapUsed();
      const fut = loop.createFuture<void>();
      const tasks: Task<void>[] = new Array(n);
      for (let i = 0; i < n; i++) tasks[i] = createTask(async () => await fut);
      await new Promise<void>((r) => loop.callSoon(r)); // let every task start and block
      await new Promise<void>((r) => loop.callSoon(r));
      gc();
      const after = heapUsed();
      fut.setResult();
      for (const t of tasks) await t;
      void Future;
      return { value: (after - before) / n };
    }),
});
const variable = new AsyncLocalStorage<{ i: number }>();

await bench({
  name: "memory_floor",
  unit: "bytes/task",
  higherIsBetter: false,
  extra: { pyscript: "bench/memory.py" },
  n: 100_000,
  repeats: 3,
  warmup: 1,
  fn: async (n) => {
    gc();
    const before = heapUsed();
    let release!: () => void;
    const gate = new Promise<void>((r) => release = r);
    const bodies: Promise<void>[] = new Array(n);
    for (let i = 0; i < n; i++) bodies[i] = variable.run({ i }, async () => await gate);
    await null;
    await null;
    gc();
    const after = heapUsed();
    release();
    await Promise.all(bodies);
    return { value: (after - before) / n };
  },
});
exit();

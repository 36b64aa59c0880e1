// 4. Memory per pending task: N tasks each awaiting a Future; heap bytes per
// task (measured with a forced GC where the runtime allows it). unit: bytes/task
//
// `memory_floor` is the same measure for the floor of DESIGN.md §2: a bare
// async function entered in an async context of its own (AsyncLocalStorage,
// as bench/context_floor.ts), suspended on one pending promise. No loop, no
// Task, no cancellation: what the library adds per task is the difference.
import { AsyncLocalStorage } from "node:async_hooks";
import { createTask, getRunningLoop, run, type Task } from "../mod.ts";
import { bench, exit, gc, heapUsed } from "./_harness.ts";

// Heap bytes per pending body: `park(n)` starts n bodies that block and
// returns what releases them and waits for them to finish.
async function perPending(
  n: number,
  park: (n: number) => Promise<() => Promise<unknown>>,
): Promise<{ value: number }> {
  gc();
  const before = heapUsed();
  const finish = await park(n);
  gc();
  const after = heapUsed();
  await finish();
  return { value: (after - before) / n };
}

const spec = {
  unit: "bytes/task",
  higherIsBetter: false,
  extra: { pyscript: "bench/memory.py" },
  n: 100_000,
  repeats: 3,
  warmup: 1,
};

await bench({
  name: "memory",
  ...spec,
  fn: (n) =>
    run(() =>
      perPending(n, async (n) => {
        const loop = getRunningLoop();
        const fut = loop.createFuture<void>();
        const tasks: Task<void>[] = new Array(n);
        for (let i = 0; i < n; i++) tasks[i] = createTask(async () => await fut);
        await new Promise<void>((r) => loop.callSoon(r)); // let every task start and block
        await new Promise<void>((r) => loop.callSoon(r));
        return async () => {
          fut.setResult();
          for (const t of tasks) await t;
        };
      })
    ),
});

const variable = new AsyncLocalStorage<{ i: number }>();

await bench({
  name: "memory_floor",
  ...spec,
  fn: (n) =>
    perPending(n, async (n) => {
      let release!: () => void;
      const gate = new Promise<void>((r) => release = r);
      const bodies: Promise<void>[] = new Array(n);
      for (let i = 0; i < n; i++) bodies[i] = variable.run({ i }, async () => await gate);
      await null;
      await null;
      return () => {
        release();
        return Promise.all(bodies);
      };
    }),
});
exit();

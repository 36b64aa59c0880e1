// A taskGroup() with N children that each await sleep(0) once and return a
// value; the group waits for all of them (CPython: `async with TaskGroup()`
// creating N tasks). unit: tasks/s
import { coroutine, run, sleep, type Task, taskGroup } from "../mod.ts";
import { bench, exit, now } from "./_harness.ts";

const one = coroutine(async (i: number) => {
  await sleep(0);
  return i;
});

await bench({
  name: "task_group",
  // raw anchor: Promise.all of async functions; CPython twin: bench/task_group.py
  extra: { raw: "spawn.mjs", pyscript: "bench/task_group.py" },
  unit: "tasks/s",
  n: 100_000,
  repeats: 10,
  warmup: 3,
  fn: (n) =>
    run(async () => {
      const t0 = now();
      let last: Task<number> | undefined;
      await taskGroup((tg) => {
        for (let i = 0; i < n; i++) last = tg.createTask(one(i));
      });
      const dt = (now() - t0) / 1e3;
      if (last?.result() !== n - 1) throw new Error("bad");
      return { value: n / dt };
    }),
});
exit();

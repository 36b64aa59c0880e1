// 1. spawn-and-await: N tasks that each await sleep(0) once and return a
// value, created with createTask and gathered. Same workload as
// ../shared/bench/python/bench.py `spawn` (create_task + gather) and
// js/raw/spawn.mjs (Promise.all). unit: tasks/s
import { coroutine, createTask, gather, run, sleep, type Task } from "../mod.ts";
import { bench, exit, now } from "./_harness.ts";

const one = coroutine(async (i: number) => {
  await sleep(0);
  return i;
});

await bench({
  name: "spawn",
  unit: "tasks/s",
  n: 100_000,
  repeats: 10,
  warmup: 3,
  fn: (n) =>
    run(async () => {
      const t0 = now();
      const tasks: Task<number>[] = new Array(n);
      for (let i = 0; i < n; i++) tasks[i] = createTask(one(i));
      const res = await gather(...tasks);
      const dt = (now() - t0) / 1e3;
      if (res.length !== n || res[n - 1] !== n - 1) throw new Error("bad");
      return { value: n / dt };
    }),
});
exit();

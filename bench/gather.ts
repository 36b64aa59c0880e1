// gather() of N coroutines that each await sleep(0) once and return a value
// (bench.py `spawn`, but gathering coroutines instead of tasks; raw anchor:
// js/raw/spawn.mjs, Promise.all of N async functions). unit: tasks/s
import { type Coroutine, coroutine, gather, run, sleep } from "../mod.ts";
import { bench, exit, now } from "./_harness.ts";

const one = coroutine(async (i: number) => {
  await sleep(0);
  return i;
});

await bench({
  name: "gather",
  // the same workload as bench.py `spawn` (create_task + gather) and raw Promise.all
  extra: { raw: "spawn.mjs", py: "spawn" },
  unit: "tasks/s",
  n: 100_000,
  repeats: 10,
  warmup: 3,
  fn: (n) =>
    run(async () => {
      const t0 = now();
      const coros: Coroutine<number>[] = new Array(n);
      for (let i = 0; i < n; i++) coros[i] = one(i);
      const res: number[] = await gather(...coros);
      const dt = (now() - t0) / 1e3;
      if (res.length !== n || res[n - 1] !== n - 1) throw new Error("bad");
      return { value: n / dt };
    }),
});
exit();

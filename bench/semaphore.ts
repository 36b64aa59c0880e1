// Semaphore(10) contention: 1,000 tasks each acquire and release one
// Semaphore n/1000 times with an `await sleep(0)` while holding a unit (the
// lock workload of ./lock.ts, ten holders at a time). unit: acquisitions/s
import { createTask, run, Semaphore, sleep, type Task } from "../mod.ts";
import { bench, exit, now } from "./_harness.ts";

const TASKS = 1000;
const UNITS = 10;

await bench({
  name: "semaphore",
  unit: "acquisitions/s",
  n: 1_000_000,
  nWarm: 100_000,
  repeats: 5,
  warmup: 1,
  fn: (n) =>
    run(async () => {
      const sem = new Semaphore(UNITS);
      const per = Math.floor(n / TASKS);
      let inside = 0;
      let total = 0;
      const worker = async () => {
        for (let i = 0; i < per; i++) {
          using _ = await sem.acquire();
          if (++inside > UNITS) throw new Error("too many holders");
          await sleep(0);
          inside--;
          total++;
        }
      };
      const t0 = now();
      const tasks: Task<void>[] = [];
      for (let i = 0; i < TASKS; i++) tasks.push(createTask(worker));
      for (const t of tasks) await t;
      const dt = (now() - t0) / 1e3;
      if (total !== per * TASKS || sem._value !== UNITS) throw new Error("bad end state");
      return { value: total / dt };
    }),
});
exit();

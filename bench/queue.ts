// 4. Queue throughput: one producer and one consumer task through a
// Queue(maxsize=100), every put() and get() awaited. Same workload as
// ../shared/bench/python/bench.py `queue` and js/raw/queue.mjs. unit: items/s
import { createTask, Queue, run } from "../mod.ts";
import { bench, exit, now } from "./_harness.ts";

await bench({
  name: "queue",
  unit: "items/s",
  n: 1_000_000,
  nWarm: 200_000,
  repeats: 7,
  warmup: 2,
  fn: (n) =>
    run(async () => {
      const q = new Queue<number>({ maxsize: 100 });
      const t0 = now();
      const producer = createTask(async () => {
        for (let i = 0; i < n; i++) await q.put(i);
      });
      const consumer = createTask(async () => {
        let s = 0;
        for (let i = 0; i < n; i++) s += await q.get();
        return s;
      });
      await producer;
      const s = await consumer;
      const dt = (now() - t0) / 1e3;
      if (s !== (n * (n - 1)) / 2) throw new Error("bad sum");
      return { value: n / dt };
    }),
});
exit();

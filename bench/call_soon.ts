// 2. callSoon throughput: schedule N callbacks up front, wait until the last
// one ran. Same workload as bench.py `call_soon`. unit: callbacks/s
import { getRunningLoop, run } from "../mod.ts";
import { bench, exit, now } from "./_harness.ts";

await bench({
  name: "call_soon",
  unit: "callbacks/s",
  n: 1_000_000,
  repeats: 5,
  warmup: 1,
  fn: (n) =>
    run(async () => {
      const loop = getRunningLoop();
      const fut = loop.createFuture<void>();
      let count = 0;
      const cb = () => {
        if (++count === n) fut.setResult();
      };
      const t0 = now();
      for (let i = 0; i < n; i++) loop.callSoon(cb);
      await fut;
      return { value: n / ((now() - t0) / 1e3) };
    }),
});
exit();

// The cost of a timeout() scope that does not fire: N sequential
// `await timeout(10, body)` where the body awaits an already-done future,
// minus the same N bodies awaited without a scope. unit: ns per scope
// (lower is better); `with_per_s` / `without_per_s` are the raw rates.
import { Future, getRunningLoop, run, timeout } from "../mod.ts";
import { bench, exit, now } from "./_harness.ts";

await bench({
  name: "timeout",
  unit: "ns/scope",
  higherIsBetter: false,
  extra: { pyscript: "bench/timeout.py" },
  n: 100_000,
  repeats: 10,
  warmup: 3,
  fn: (n) =>
    run(async () => {
      const done = new Future<number>({ loop: getRunningLoop() });
      done.setResult(1);
      const body = async () => await done;
      let sum = 0;
      let t0 = now();
      for (let i = 0; i < n; i++) sum += await body();
      const without = now() - t0;
      t0 = now();
      for (let i = 0; i < n; i++) sum += await timeout(10, body);
      const withScope = now() - t0;
      if (sum !== 2 * n) throw new Error("bad");
      return {
        value: ((withScope - without) * 1e6) / n,
        with_per_s: n / (withScope / 1e3),
        without_per_s: n / (without / 1e3),
      };
    }),
});
exit();

// The cancellation storm of tests/sync/storm_test.ts at a larger size: tasks
// contend for a Lock, a Semaphore(5), a Condition and a Queue(maxsize=10)
// while a chaos task cancels random ones (seeded). Checks the same
// invariants, then reports how many worker tasks per second went through it
// on the virtual-time loop. unit: tasks/s
import { run, VirtualTimeEventLoop } from "../mod.ts";
import { storm } from "../tests/sync/storm_scenario.ts";
import { bench, exit, now } from "./_harness.ts";

await bench({
  name: "storm",
  unit: "tasks/s",
  n: 100_000,
  nWarm: 10_000,
  repeats: 3,
  warmup: 1,
  fn: async (n) => {
    const t0 = now();
    const r = await run(() => storm({ tasks: n, seed: 7 }), {
      loopFactory: () => new VirtualTimeEventLoop(),
    });
    const dt = (now() - t0) / 1e3;
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b).join();
    const ok = r.lockViolations + r.semViolations + r.condViolations === 0
      && r.semValueAfter === 5 && r.leftoverTasks === 0
      && r.lockReprAfter === "<Lock [unlocked]>" && r.condReprAfter === "<Condition [unlocked]>"
      && sorted(r.got) === sorted(r.put) && r.tokensProduced - r.tokensConsumed === r.tokensLeft;
    if (!ok) {
      throw new Error(`storm invariants broken: ${JSON.stringify({ ...r, put: 0, got: 0 })}`);
    }
    return { value: n / dt, ops_per_s: r.operations / dt, cancelled: r.cancelledTasks };
  },
});
exit();

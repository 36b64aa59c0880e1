// 5. Lock contention: 100 tasks each acquire and release one Lock n/100
// times with an `await sleep(0)` inside the critical section (the same
// workload as ../shared/bench/python/bench.py `lock`); then the uncontended
// acquire/release; then, on every runtime, the same 100 workers yielding
// with `await null` instead of sleep(0), the shape of js/raw/lock.mjs, for
// the library's Lock and (on Node, where they are installed) the npm peers
// async-mutex and async-sema. unit: acquisitions/s
import { createTask, Lock, run, sleep, type Task } from "../mod.ts";
import { bench, exit, now, runtime } from "./_harness.ts";

declare const process: { cwd(): string };

const TASKS = 100;

await bench({
  name: "lock",
  unit: "acquisitions/s",
  n: 1_000_000,
  nWarm: 100_000,
  repeats: 5,
  warmup: 1,
  fn: (n) =>
    run(async () => {
      const lock = new Lock();
      const per = Math.floor(n / TASKS);
      let inside = 0;
      let total = 0;
      const worker = async () => {
        for (let i = 0; i < per; i++) {
          using _ = await lock.acquire();
          if (++inside !== 1) throw new Error("two holders");
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
      if (total !== per * TASKS) throw new Error("bad total");
      return { value: total / dt };
    }),
});

await bench({
  name: "lock_uncontended",
  unit: "acquisitions/s",
  n: 1_000_000,
  nWarm: 200_000,
  repeats: 5,
  warmup: 1,
  fn: (n) =>
    run(async () => {
      const lock = new Lock();
      const t0 = now();
      for (let i = 0; i < n; i++) {
        using _ = await lock.acquire();
      }
      const dt = (now() - t0) / 1e3;
      if (lock.locked()) throw new Error("still locked");
      return { value: n / dt };
    }),
});

/** acquire/release of some mutex, for the `await null` workload. */
interface Mutexish {
  acquire(): unknown;
  release(): void;
}

// 100 plain async functions, `await null` inside the critical section.
async function yieldRun(n: number, make: () => Mutexish): Promise<{ value: number }> {
  const m = make();
  const per = Math.floor(n / TASKS);
  let inside = 0;
  let total = 0;
  const worker = async () => {
    for (let i = 0; i < per; i++) {
      await m.acquire();
      if (++inside !== 1) throw new Error("two holders");
      await null;
      inside--;
      total++;
      m.release();
    }
  };
  const t0 = now();
  await Promise.all(Array.from({ length: TASKS }, worker));
  const dt = (now() - t0) / 1e3;
  if (total !== per * TASKS) throw new Error("bad total");
  return { value: total / dt };
}

const yieldSpec = {
  name: "lock_yield",
  unit: "acquisitions/s",
  n: 1_000_000,
  nWarm: 100_000,
  repeats: 5,
};

await bench({
  ...yieldSpec,
  fn: (n) => run(() => yieldRun(n, () => new Lock())),
});

if (runtime === "node") {
  // The peers are CommonJS packages: load them with Node's require, from the
  // repository's node_modules (the bundle may live elsewhere).
  const { default: Module } = await import("node:module");
  const require = Module.createRequire(`${process.cwd()}/`);
  const { Mutex } = require("async-mutex") as typeof import("async-mutex");
  await bench({
    ...yieldSpec,
    impl: "node-async-mutex",
    fn: (n) =>
      yieldRun(n, () => {
        const m = new Mutex();
        return { acquire: () => m.acquire(), release: () => m.release() };
      }),
  });
  const { Sema } = require("async-sema") as typeof import("async-sema");
  await bench({
    ...yieldSpec,
    impl: "node-async-sema",
    fn: (n) =>
      yieldRun(n, () => {
        const s = new Sema(1);
        return { acquire: () => s.acquire(), release: () => s.release() };
      }),
  });
  // The contended workload with sleep(0) inside, peers under the same loop.
  await bench({
    name: "lock",
    unit: "acquisitions/s",
    n: 1_000_000,
    nWarm: 100_000,
    repeats: 5,
    impl: "node-async-mutex",
    fn: (n) =>
      run(async () => {
        const m = new Mutex();
        const per = Math.floor(n / TASKS);
        let total = 0;
        const worker = async () => {
          for (let i = 0; i < per; i++) {
            const release = await m.acquire();
            await sleep(0);
            total++;
            release();
          }
        };
        const t0 = now();
        const tasks: Task<void>[] = [];
        for (let i = 0; i < TASKS; i++) tasks.push(createTask(worker));
        for (const t of tasks) await t;
        return { value: total / ((now() - t0) / 1e3) };
      }),
  });
}
exit();

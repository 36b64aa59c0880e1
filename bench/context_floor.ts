// The floor under spawn-and-await that DESIGN.md §2 sets: the cheapest
// conceivable task is an async function entered in an async context of its
// own (AsyncLocalStorage, which is what the library's context adapter uses
// on Deno, Bun and Node) that suspends once on a pending promise and is woken by a plain
// callback queue, all gathered with Promise.all. No loop, no Task, no
// Future, no cancellation: what is left is the per-task context and one
// real suspension. `spawn_floor_plain` is the same without the context.
// Raw anchor: js/raw/spawn.mjs; CPython anchor: bench.py `spawn`. unit: tasks/s
//
// `timeout_floor` is the same idea for a `timeout()` scope (bench/timeout.ts):
// what entering a nested context around an async body that awaits a done
// thenable costs, over the same body awaited without one. unit: ns/scope
import { AsyncLocalStorage } from "node:async_hooks";
import { bench, exit, now } from "./_harness.ts";

const variable = new AsyncLocalStorage<{ i: number }>();
let wakeUps: Array<(v: number) => void> = [];
const register = (resolve: (v: number) => void) => void wakeUps.push(resolve);

async function one(i: number): Promise<number> {
  await new Promise<number>(register);
  return i;
}

/** Wakes every suspended body once, as a loop iteration would. */
function wakeAll(): void {
  const batch = wakeUps;
  wakeUps = [];
  for (const resolve of batch) resolve(0);
}

function workload(withContext: boolean) {
  return async (n: number) => {
    const t0 = now();
    const ps: Promise<number>[] = new Array(n);
    if (withContext) { for (let i = 0; i < n; i++) ps[i] = variable.run({ i }, one, i); }
    else for (let i = 0; i < n; i++) ps[i] = one(i);
    await null; // the loop's next iteration
    wakeAll();
    const res = await Promise.all(ps);
    const dt = (now() - t0) / 1e3;
    if (res.length !== n || res[n - 1] !== n - 1) throw new Error("bad");
    return { value: n / dt };
  };
}

const extra = { raw: "spawn.mjs", py: "spawn" };
await bench({
  name: "spawn_floor_context",
  extra,
  unit: "tasks/s",
  n: 100_000,
  repeats: 10,
  warmup: 3,
  fn: workload(true),
});
await bench({
  name: "spawn_floor_plain",
  extra,
  unit: "tasks/s",
  n: 100_000,
  repeats: 10,
  warmup: 3,
  fn: workload(false),
});
// A done thenable, as `await doneFuture` in bench/timeout.ts.
const done = { then: (resolve: (v: number) => void) => resolve(1) };
const body = async () => await done;

await bench({
  name: "timeout_floor",
  unit: "ns/scope",
  higherIsBetter: false,
  extra: { pyscript: "bench/timeout.py" },
  n: 100_000,
  repeats: 10,
  warmup: 3,
  fn: (n) =>
    variable.run({ i: -1 }, async () => {
      let sum = 0;
      let t0 = now();
      for (let i = 0; i < n; i++) sum += await body();
      const without = now() - t0;
      t0 = now();
      for (let i = 0; i < n; i++) sum += await variable.run({ i }, body);
      const withContext = now() - t0;
      if (sum !== 2 * n) throw new Error("bad");
      return { value: ((withContext - without) * 1e6) / n };
    }),
});
exit();

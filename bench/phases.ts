// Where the time of one task goes, in nanoseconds per task, for the spawn
// workload (bench/spawn.ts: 100,000 tasks that each `await sleep(0)` once,
// gathered), phase by phase, next to the same phases of its floor
// (bench/context_floor.ts). Markers queued with `callSoon` between the
// batches split the run, since the ready queue is FIFO:
//
//   create   createTask() of each task (nothing runs yet)
//   start    the first step: the task enters its context, calls its body,
//            which suspends in sleep(0) (suspend is part of this phase)
//   wake     the sleep(0) wake-ups: each task resumes, returns, and its
//            done callbacks are scheduled (finish)
//   gather   gather's done callback of each task, up to the result list
//
// The floor's phases: `create`+`start` is entering the context and running
// the body to its suspension; `wake` is resolving each suspension and the
// bodies returning; `gather` is Promise.all collecting them. Wall time, so
// compare phases measured in the same run. unit: ns/task
import { AsyncLocalStorage } from "node:async_hooks";
import { coroutine, createTask, gather, getRunningLoop, run, sleep, type Task } from "../mod.ts";
import { exit, median, now, opts } from "./_harness.ts";

const one = coroutine(async (i: number) => {
  await sleep(0);
  return i;
});

type Phases = { create: number; start: number; wake: number; gather: number };

function ours(n: number): Promise<Phases> {
  return run(async () => {
    const loop = getRunningLoop();
    const marks: number[] = [];
    const mark = () => marks.push(now());
    const t0 = now();
    const tasks: Task<number>[] = new Array(n);
    for (let i = 0; i < n; i++) tasks[i] = createTask(one(i));
    const gathered = gather(...tasks);
    const t1 = now();
    // After the n first steps; each queues its wake-up before the next marker.
    loop.callSoon(() => {
      mark();
      // After the n wake-ups; each queues gather's callback before the next.
      loop.callSoon(mark);
    });
    const res = await gathered;
    const t4 = now();
    if (res.length !== n || res[n - 1] !== n - 1 || marks.length !== 2) throw new Error("bad");
    const [t2, t3] = marks as [number, number];
    return { create: t1 - t0, start: t2 - t1, wake: t3 - t2, gather: t4 - t3 };
  });
}

const variable = new AsyncLocalStorage<{ i: number }>();
let wakeUps: Array<(v: number) => void> = [];
const register = (resolve: (v: number) => void) => void wakeUps.push(resolve);
async function floorOne(i: number): Promise<number> {
  await new Promise<number>(register);
  return i;
}

async function floor(n: number): Promise<Phases> {
  const t0 = now();
  const ps: Promise<number>[] = new Array(n);
  for (let i = 0; i < n; i++) ps[i] = variable.run({ i }, floorOne, i);
  const t1 = now();
  await null;
  const batch = wakeUps;
  wakeUps = [];
  // Each body resumes and returns in one microtask, queued in order: this
  // await resumes after all of them.
  for (const resolve of batch) resolve(0);
  await null;
  const t2 = now();
  const res = await Promise.all(ps);
  const t3 = now();
  if (res.length !== n || res[n - 1] !== n - 1) throw new Error("bad");
  return { create: 0, start: t1 - t0, wake: t2 - t1, gather: t3 - t2 };
}

const o = opts();
const n = Number(o.n ?? 100_000);
const repeats = Number(o.repeats ?? 7);
for (const [impl, fn] of [["ours", ours], ["floor", floor]] as const) {
  for (let i = 0; i < 2; i++) await fn(n); // warm-up
  const runs: Phases[] = [];
  for (let i = 0; i < repeats; i++) runs.push(await fn(n));
  for (const phase of ["create", "start", "wake", "gather"] as const) {
    const ns = median(runs.map((r) => (r[phase] * 1e6) / n));
    if (impl === "floor" && phase === "create") continue;
    console.log(JSON.stringify({
      bench: `phase_${phase}${impl === "floor" ? "_floor" : ""}`,
      impl: "phases",
      unit: "ns/task",
      higher_is_better: false,
      n,
      median: ns,
    }));
  }
}
exit();

// Executors (WorkerExecutor, toThread), three measurements:
//
// - executor_to_thread: 10,000 tiny jobs through toThread(), all gathered at
//   once on the default executor (jobs/s; CPython twin: executor.py, with
//   asyncio.to_thread on its ThreadPoolExecutor).
// - executor_cpu_speedup: 8 CPU-bound jobs of a pure-JavaScript function on
//   a pool of 2 Workers, against the same 8 calls one after another on the
//   loop (times faster; target >= 1.8 on 2 cores; CPython twin:
//   executor_cpu.py, where the GIL keeps threads near 1.0x).
// - executor_overhead: one job at a time on a pool of 1 (us per job), and a
//   bare postMessage round trip to a Worker that echoes, with the same Worker
//   API the pool uses: the physical floor, reported as the raw anchor
//   (`raw_median`; `ratio` is job / floor, target <= 2).
//
// Pools are warmed up (Workers started) before each timed part.
import { gather, getRunningLoop, run, toThread, WorkerExecutor } from "../mod.ts";
import { bench, exit, now, runtime } from "./_harness.ts";

declare const process: { getBuiltinModule(id: string): unknown };

function tiny(i: number): number {
  return i + 1;
}

/**
 * Pure-JavaScript CPU work, in chunks: V8 optimizes the hot inner function
 * after a few calls (one long loop waits for on-stack replacement, slow to
 * come on a busy machine), and every value stays a small integer (a loop
 * over doubles slowed down over repeated calls on Deno 2.9).
 * Self-contained: it is sent to Workers.
 */
function spin(n: number): number {
  function chunk(x: number, from: number, to: number): number {
    for (let i = from; i < to; i++) x = (x * 31 + i) & 0xfffff;
    return x;
  }
  let x = 0;
  for (let i = 0; i < n; i += 100_000) x = chunk(x, i, Math.min(n, i + 100_000));
  return x;
}

const SPIN = 75_000_000; // ~100 ms a job on an idle core

await bench({
  name: "executor_to_thread",
  unit: "jobs/s",
  extra: { pyscript: "bench/executor.py" },
  n: 10_000,
  repeats: 5,
  warmup: 1,
  fn: (n) =>
    run(async () => {
      await gather(toThread(tiny, 0), toThread(tiny, 0)); // start the Workers
      const t0 = now();
      const results = await gather(...Array.from({ length: n }, (_, i) => () => toThread(tiny, i)));
      const dt = now() - t0;
      if (results[n - 1] !== n) throw new Error("bad result");
      return { value: n / (dt / 1e3) };
    }),
});

// One pool for every repeat: its Workers, like the loop's thread, keep the
// code V8 optimized in the warm-up rounds.
const cpuPool = new WorkerExecutor({ maxWorkers: 2 });

await bench({
  name: "executor_cpu_speedup",
  unit: "x",
  extra: { pyscript: "bench/executor_cpu.py" },
  n: 8,
  repeats: 5,
  warmup: 3,
  fn: (n) =>
    run(async () => {
      const loop = getRunningLoop();
      let t0 = now();
      const parallel = await Promise.all(
        Array.from({ length: n }, () => loop.runInExecutor(cpuPool, spin, SPIN)),
      );
      const parallelMs = now() - t0;
      t0 = now();
      const sequential: number[] = [];
      for (let i = 0; i < n; i++) sequential.push(spin(SPIN));
      const sequentialMs = now() - t0;
      if (parallel[0] !== sequential[0]) throw new Error("bad result");
      return {
        value: sequentialMs / parallelMs,
        parallel_ms: parallelMs,
        sequential_ms: sequentialMs,
      };
    }),
});
await cpuPool.shutdown();

// ---- the floor: a bare postMessage round trip, same Worker API as the pool

interface Echo {
  roundTrip(value: unknown): Promise<unknown>;
  close(): Promise<void>;
}

const ECHO_SOURCE = `
const wt = globalThis.process?.getBuiltinModule?.("node:worker_threads");
if (typeof self !== "undefined" && typeof self.postMessage === "function") {
  self.addEventListener("message", (e) => self.postMessage(e.data));
} else {
  wt.parentPort.on("message", (m) => wt.parentPort.postMessage(m));
}`;

function startEcho(): Echo {
  const url = new URL(`data:text/javascript,${encodeURIComponent(ECHO_SOURCE)}`);
  let pending: ((v: unknown) => void) | null = null;
  const deliver = (v: unknown) => {
    const resolve = pending!;
    pending = null;
    resolve(v);
  };
  if (runtime === "bun") {
    const w = new Worker(url, { type: "module" });
    w.addEventListener("message", (e) => deliver((e as MessageEvent).data));
    return {
      roundTrip: (v) => new Promise((r) => (pending = r, w.postMessage(v))),
      close: () => Promise.resolve(w.terminate()),
    };
  }
  type NodeWorker = {
    postMessage(v: unknown): void;
    on(e: string, cb: (v: unknown) => void): void;
    terminate(): Promise<number>;
  };
  const { Worker: NodeWorkerCtor } = process.getBuiltinModule("node:worker_threads") as {
    Worker: new(url: URL) => NodeWorker;
  };
  const w = new NodeWorkerCtor(url);
  w.on("message", deliver);
  return {
    roundTrip: (v) => new Promise((r) => (pending = r, w.postMessage(v))),
    close: async () => void (await w.terminate()),
  };
}

await bench({
  name: "executor_overhead",
  unit: "us/job",
  higherIsBetter: false,
  n: 5_000,
  repeats: 5,
  warmup: 1,
  fn: (n) =>
    run(async () => {
      const echo = startEcho();
      const pool = new WorkerExecutor({ maxWorkers: 1 });
      try {
        const loop = getRunningLoop();
        const message = { source: tiny.toString(), args: [1] };
        for (let i = 0; i < 200; i++) await echo.roundTrip(message);
        for (let i = 0; i < 200; i++) await loop.runInExecutor(pool, tiny, i);
        let t0 = now();
        for (let i = 0; i < n; i++) await echo.roundTrip(message);
        const floorUs = (now() - t0) * 1e3 / n;
        t0 = now();
        for (let i = 0; i < n; i++) await loop.runInExecutor(pool, tiny, i);
        const jobUs = (now() - t0) * 1e3 / n;
        // `raw_median` (the median floor) is the raw anchor `npm run bench` shows.
        return { value: jobUs, raw_median: floorUs, ratio: jobUs / floorUs };
      } finally {
        await pool.shutdown();
        await echo.close();
      }
    }),
});
exit();

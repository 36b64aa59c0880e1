// loop.runInExecutor() runs a blocking call (time.sleep) in a Worker while
// the three gather()ed coroutines wait for it.
// Seed 004: 将耗时函数调用委托给一个线程池. The 1 s sleeps are 0.1 s; the default
// executor has one Worker, so the sleeps run in FIFO order (with several,
// their order of completion is a race, in CPython too).
// Python original: examples/python/seed04_24_run_in_executor.py
import * as asyncio from "../mod.ts";

/** Blocks the thread it runs on, like Python's time.sleep(): here a Worker. */
function timeSleep(seconds: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
}

const factorial = asyncio.coroutine(async function factorial(name: string, number: number) {
  let f = 1;
  for (let i = 2; i < number + 1; i++) {
    console.log(`Task ${name}: Compute factorial(${i})...`);
    const loop = asyncio.getEventLoop();
    await loop.runInExecutor(null, timeSleep, 0.1);
    f *= i;
  }
  console.log(`Task ${name}: factorial(${number}) = ${f}`);
});

const main = asyncio.coroutine(async function main() {
  asyncio.getRunningLoop().setDefaultExecutor(new asyncio.WorkerExecutor({ maxWorkers: 1 }));
  await asyncio.gather(
    factorial("A", 2),
    factorial("B", 3),
    factorial("C", 4),
  );
});

await asyncio.run(main());

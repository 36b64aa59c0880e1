// asCompleted() yields results in completion order; with a timeout, the
// await that runs out of time throws TimeoutError.
// Seed 003, example 14: asyncio.as_completed执行多个协程. Times are seconds
// since start (the seed prints time.time()); cornSleep(n) sleeps n / 10 s and
// the 3.5 s timeout is 0.35 s.
// Python original: examples/python/seed03_14_as_completed.py
import * as asyncio from "../mod.ts";

const START = performance.now();
/** Seconds since start, cut (not rounded) to one decimal: timers never fire early, so a late one still prints its nominal time. Stands in for time.time(). */
const now = () => (Math.floor((performance.now() - START) / 100 + 1e-6) / 10).toFixed(1);

const cornSleep = asyncio.coroutine(async function cornSleep(n: number) {
  await asyncio.sleep(n / 10);
  return `corn(${n}) done!  时间${now()}`;
});

const main = asyncio.coroutine(async function main() {
  console.log(`协程开始  时间${now()}`);
  const tasks = [1, 2, 3, 4, 5].map((i) => cornSleep(i));
  for (const task of asyncio.asCompleted(tasks, { timeout: 0.35 })) {
    try {
      const result = await task;
      console.log(result);
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      console.log(`协程超时了  时间${now()}`);
      break;
    }
  }
  console.log(`协程结束  时间${now()}`);
});

await asyncio.run(main());

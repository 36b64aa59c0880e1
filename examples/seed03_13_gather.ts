// gather() runs coroutines together and returns their results in argument order.
// Seed 003, example 13: asyncio.gather执行多个协程. Times are seconds since
// start (the seed prints time.time()); cornSleep(n) sleeps n / 10 s.
// Python original: examples/python/seed03_13_gather.py
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
  const done = await asyncio.gather(...tasks);
  for (const result of done) {
    console.log(result);
  }
  console.log(`协程结束  时间${now()}`);
});

await asyncio.run(main());

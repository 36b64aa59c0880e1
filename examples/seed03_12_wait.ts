// wait() with a timeout returns the done and the pending tasks without
// cancelling the pending ones; run() cancels what is left at the end.
// Seed 003, example 12: asyncio.wait执行多个协程. Times are seconds since start
// (the seed prints time.time()); cornSleep(n) sleeps n / 10 s; the 3 s timeout
// and the 1 s sleep are 0.25 s and 0.2 s (the seed's timeout falls on
// corn(3)'s end and main's end on corn(4)'s, so which comes first would be down
// to timer jitter); the coroutines are wrapped in tasks (wait() takes futures,
// like asyncio.wait() since Python 3.11).
// Python original: examples/python/seed03_12_wait.py
import * as asyncio from "../mod.ts";

const START = performance.now();
/** Seconds since start, cut (not rounded) to one decimal: timers never fire early, so a late one still prints its nominal time. Stands in for time.time(). */
const now = () => (Math.floor((performance.now() - START) / 100 + 1e-6) / 10).toFixed(1);

/** Python prints booleans as True / False. */
const pyBool = (b: boolean) => (b ? "True" : "False");

const cornSleep = asyncio.coroutine(async function cornSleep(n: number) {
  try {
    await asyncio.sleep(n / 10);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log(`corn(${n})超时取消!  时间${now()}`);
  }
  console.log(`corn(${n}) done!  时间${now()}`);
  return `corn(${n}) done!  时间${now()}`;
});

const main = asyncio.coroutine(async function main() {
  console.log(`协程开始  时间${now()}`);
  const tasks = [1, 2, 3, 4, 5].map((i) => asyncio.createTask(cornSleep(i)));
  const [done, pending] = await asyncio.wait(tasks, { timeout: 0.25 });
  for (const _task of done) {
    // console.log(_task.result());
  }
  for (const task of pending) {
    console.log(pyBool(task.done()));
  }
  await asyncio.sleep(0.2);
  console.log(`协程结束  时间${now()}`);
});

await asyncio.run(main());

// A Future completed by a delayed callback: awaiting it suspends the
// coroutine until setResult().
// Seed 003, example 7: asyncio.Future对象. Times are seconds since start (the
// seed prints time.time()); the 3 s delay is 0.3 s.
// Python original: examples/python/seed03_07_future.py
import * as asyncio from "../mod.ts";

const START = performance.now();
/** Seconds since start, cut (not rounded) to one decimal: timers never fire early, so a late one still prints its nominal time. Stands in for time.time(). */
const now = () => (Math.floor((performance.now() - START) / 100 + 1e-6) / 10).toFixed(1);

function markDone(future: asyncio.Future<string>, result: string) {
  console.log(`标记future结束  时间${now()}`);
  future.setResult(result);
}

const main = asyncio.coroutine(async function main() {
  console.log(`协程开始  时间${now()}`);
  const loop = asyncio.getRunningLoop();
  const future = new asyncio.Future<string>();
  loop.callLater(0.3, markDone, future, "done!");
  const result = await future;
  console.log(`future结果 ${result}  时间${now()}`);
});

await asyncio.run(main());

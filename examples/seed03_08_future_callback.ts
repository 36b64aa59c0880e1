// A Future's done callback runs before the coroutine awaiting the future
// resumes, so a blocking callback delays it.
// Seed 003, example 8: Future回调. Times are seconds since start (the seed
// prints time.time()); the 1 s delay and the callback's blocking 1 s sleep are 0.1 s.
// Python original: examples/python/seed03_08_future_callback.py
import * as asyncio from "../mod.ts";

const START = performance.now();
/** Seconds since start, cut (not rounded) to one decimal: timers never fire early, so a late one still prints its nominal time. Stands in for time.time(). */
const now = () => (Math.floor((performance.now() - START) / 100 + 1e-6) / 10).toFixed(1);

/** Blocks the whole thread, like Python's time.sleep(). */
function timeSleep(seconds: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
}

function callback(_future: asyncio.Future<string>) {
  // 基于Future的回调函数一定要接受一个Future对象
  console.log(`Future回调被调用 时间${now()}`);
  timeSleep(0.1);
}

const main = asyncio.coroutine(async function main() {
  console.log(`协程开始  时间${now()}`);
  const loop = asyncio.getRunningLoop();
  const future = new asyncio.Future<string>();
  future.addDoneCallback(callback);
  loop.callLater(0.1, (future: asyncio.Future<string>) => future.setResult("done"), future);
  const result = await future;
  console.log(`future结果 ${result} 时间${now()}`);
});

await asyncio.run(main());

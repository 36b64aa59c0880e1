// await asyncio.sleep() suspends the coroutine without blocking the loop.
// Seed 003, example 3: 使用await关键字. Times are seconds since start (the seed
// prints time.time()); the 2 s sleep is 0.2 s.
// Python original: examples/python/seed03_03_await.py
import * as asyncio from "../mod.ts";

const START = performance.now();
/** Seconds since start, cut (not rounded) to one decimal: timers never fire early, so a late one still prints its nominal time. Stands in for time.time(). */
const now = () => (Math.floor((performance.now() - START) / 100 + 1e-6) / 10).toFixed(1);

const coroutine = asyncio.coroutine(async function coroutine() {
  console.log("运行协程 调度asyncio.sleep协程任务");
  await asyncio.sleep(0.2);
  return "done!";
});

console.log("启动时间:", now());
const result = await asyncio.run(coroutine());
console.log(result);
console.log("结束时间:", now());

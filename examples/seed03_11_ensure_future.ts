// ensureFuture() wraps a coroutine in a task, like createTask().
// Seed 003, example 11: 使用asyncio.ensure_future创建任务. Times are seconds
// since start (the seed prints time.time()); the 2 s sleep is 0.2 s.
// Python original: examples/python/seed03_11_ensure_future.py
import * as asyncio from "../mod.ts";

const START = performance.now();
/** Seconds since start, cut (not rounded) to one decimal: timers never fire early, so a late one still prints its nominal time. Stands in for time.time(). */
const now = () => (Math.floor((performance.now() - START) / 100 + 1e-6) / 10).toFixed(1);

const taskFunc = asyncio.coroutine(async function taskFunc(n: number) {
  console.log(`运行 task_func  时间${now()}`);
  await asyncio.sleep(n);
  return "task done!";
});

const main = asyncio.coroutine(async function main() {
  console.log(`协程开始  时间${now()}`);
  const task = asyncio.ensureFuture(taskFunc(0.2));
  const result = await task;
  console.log(`task结果 ${result} 时间${now()}`);
});

await asyncio.run(main());

// A delayed callback cancels a running task; awaiting it throws CancelledError.
// Seed 003, example 10: Task取消任务. Times are seconds since start (the seed
// prints time.time()); the 5 s sleep and the 3 s delay are 0.5 s and 0.3 s.
// Python original: examples/python/seed03_10_task_cancel.py
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
  const loop = asyncio.getRunningLoop();
  const task = asyncio.createTask(taskFunc(0.5));
  loop.callLater(0.3, (task: asyncio.Task<string>) => task.cancel(), task);
  // Task被取消 会抛出CancelledError异常
  try {
    const result = await task;
    console.log(`task结果 ${result} 时间${now()}`);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log(`task被取消了 时间${now()}`);
  }
});

await asyncio.run(main());

// loop.createTask() starts a coroutine as a task right away; await gives its result.
// Seed 003, example 9: aysncio.Task对象. Times are seconds since start (the
// seed prints time.time()); the 3 s sleep is 0.3 s.
// Python original: examples/python/seed03_09_task.py
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
  const task = loop.createTask(taskFunc(0.3));
  const result = await task;
  console.log(`task结果 ${result} 时间${now()}`);
});

await asyncio.run(main());

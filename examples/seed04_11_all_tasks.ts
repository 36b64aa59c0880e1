// ensureFuture() starts tasks that run on their own; allTasks() and
// currentTask() look at them from inside the loop.
// Seed 004: 管理任务. The 1 s sleeps are 0.1 s and main() looks at the tasks
// after 0.15 s (the notebook's next cell ran while they slept); the notebook
// showed the set of Task reprs, which hold file names and line numbers, so each
// task's name and done() is printed instead; main() then waits for the other
// tasks (the notebook's loop kept running them).
// Python original: examples/python/seed04_11_all_tasks.py
import * as asyncio from "../mod.ts";

/** Python prints booleans as True / False. */
const pyBool = (b: boolean) => (b ? "True" : "False");

const sleepTask = asyncio.coroutine(async function sleepTask() {
  for (let i = 0; i < 5; i++) {
    console.log(i);
    await asyncio.sleep(0.1);
  }
  console.log("done");
  return true;
});

const main = asyncio.coroutine(async function main() {
  for (let i = 0; i < 3; i++) {
    asyncio.ensureFuture(sleepTask());
  }
  await asyncio.sleep(0.15);
  const tasks = asyncio.allTasks();
  const byName = [...tasks].sort((a, b) => (a.getName() < b.getName() ? -1 : 1));
  for (const task of byName) {
    console.log(task.getName(), pyBool(task.done()));
  }
  const curtask = asyncio.currentTask()!;
  console.log("current:", curtask.getName());
  await asyncio.gather(...[...tasks].filter((task) => task !== curtask));
});

await asyncio.run(main());
